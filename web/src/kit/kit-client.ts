// The page's side of the kit worker: one worker, started on first use.
import type { KitOutcome, PromptSettings, WasmFile } from '@shoal-wasm/shoal.mjs';

export type KitJob =
  | { kind: 'prompts'; settings: PromptSettings; personas: WasmFile | null; words: WasmFile | null }
  | { kind: 'replies'; requests: WasmFile; results: WasmFile }
  | { kind: 'limits' };

type Reply = { id: number; outcome?: KitOutcome; crashed?: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (o: KitOutcome) => void; reject: (e: Error) => void }>();

function kitWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./kit.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const { id, outcome, crashed } = event.data;
    const waiting = pending.get(id);
    pending.delete(id);
    if (outcome) waiting?.resolve(outcome);
    else waiting?.reject(new Error(`The data-collection worker failed: ${crashed}`));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new Error(`The data-collection worker stopped: ${event.message || 'out of memory or crashed'}`));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

export function runKit(job: KitJob): Promise<KitOutcome> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    kitWorker().postMessage({ id, job });
  });
}
