// The page's side of the numeric-answer worker: one worker, started on first use.
import type { ValuesOutcome, ValuesRequest, WasmFile } from '@shoal-wasm/shoal.mjs';

type Reply = { id: number; outcome?: ValuesOutcome; crashed?: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (o: ValuesOutcome) => void; reject: (e: Error) => void }>();

function valuesWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./values.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const { id, outcome, crashed } = event.data;
    const waiting = pending.get(id);
    pending.delete(id);
    if (outcome) waiting?.resolve(outcome);
    else waiting?.reject(new Error(`The numeric-answer worker failed: ${crashed}`));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new Error(`The numeric-answer worker stopped: ${event.message || 'out of memory or crashed'}`));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

export function analyseValues(files: WasmFile[], request: ValuesRequest): Promise<ValuesOutcome> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    valuesWorker().postMessage({ id, files, request });
  });
}
