// The numeric-answer entry point of the module (wasm/values_bindings.cpp).
declare module '@shoal-wasm/shoal.mjs' {
  export interface ShoalModule {
    // settings: {name: text} by the names of `shoal values`; a name left out takes its default.
    analyseValues(files: WasmFile[], settings: SettingsText): Outcome;
  }
}
