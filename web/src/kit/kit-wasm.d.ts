// The experiment kit's entry points of the module (wasm/kit_bindings.cpp).
declare module '@shoal-wasm/shoal.mjs' {
  export interface ShoalModule {
    // settings: {name: text} by the names of `shoal prompts` (task, model,
    // condition, persona-as, individuals, temperature, seed; wording and
    // concepts for the concept task). report: the requests (JSON Lines);
    // summary: {requests, individuals}.
    makePrompts(settings: SettingsText, personas: WasmFile | null, words: WasmFile | null): Outcome;
    // report: the replies (CSV); summary: counts and every problem.
    importReplies(requests: WasmFile, results: WasmFile): Outcome;
    // report: {individuals, temperature, seed: {min, max, default, whole}} as JSON.
    promptLimits(): Outcome;
  }
}
