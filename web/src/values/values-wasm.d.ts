// The numeric-answer entry point of the module (wasm/values_bindings.cpp).
declare module '@shoal-wasm/shoal.mjs' {
  export interface ValuesRequest { pairs: string; scale: string; unit: string; seed: number; bootstrap: number }
  export interface ValuesOutcome { ok: boolean; report: string; error: ErrorInfo }
  export interface ShoalModule {
    analyseValues(files: WasmFile[], request: ValuesRequest): ValuesOutcome;
  }
}
