// The analysis settings' entry points of the module (wasm/settings_bindings.cpp).
declare module '@shoal-wasm/shoal.mjs' {
  // Settings by their command-line name without the dashes, as typed: what
  // every analysis entry point and the validator take.
  export type SettingsText = Record<string, string>;
  export interface ShoalModule {
    // ok, or the validator's words in error.message and the setting at fault
    // (if one alone is) in error.setting.
    checkSettings(settings: { color: SettingsText; concept: SettingsText }): Outcome;
    // Every setting of every analysis (see parameters/settings.ts), as JSON.
    settingsRegistry(): string;
    // {name: {min, max, default, whole}} of the form's numeric settings, as JSON.
    optionLimits(): string;
    // The analysis file (JSON) of running `analysis` on the files with the
    // settings, as that run's report holds it; files without sha256 are hashed.
    analysisFile(analysis: string, files: WasmFile[], settings: SettingsText): Outcome;
  }
}
