// The analysis settings' entry points of the module (wasm/settings_bindings.cpp).
declare module '@shoal-wasm/shoal.mjs' {
  // Settings by their command-line name without the dashes, as typed.
  export type SettingsText = Record<string, string>;
  // message: '' when accepted; setting: the one it is about, '' if none alone.
  export interface SettingsCheck { setting: string; message: string }
  export interface ShoalModule {
    checkSettings(settings: { color: SettingsText; concept: SettingsText }): SettingsCheck;
    // {name: {min, max, default, whole}} as JSON.
    optionLimits(): string;
  }
}
