// The experiment kit's entry points of the module (wasm/kit_bindings.cpp).
declare module '@shoal-wasm/shoal.mjs' {
  export interface PromptSettings {
    task: 'color' | 'concept';
    condition: string;
    model: string;
    individuals: number;   // 0: the persona file's rows, else the paper's number
    temperature: string;   // '': left to the model
    seed: number;
    personaAs: string;
    wording: string;
    concepts: string;
  }
  export interface KitOutcome { ok: boolean; text: string; summary: string; error: ErrorInfo }
  export interface ShoalModule {
    makePrompts(settings: PromptSettings, personas: WasmFile | null, words: WasmFile | null): KitOutcome;
    importReplies(requests: WasmFile, results: WasmFile): KitOutcome;
    // text: {individuals, temperature, seed: {min, max, default, whole}} as JSON.
    promptLimits(): KitOutcome;
  }
}
