// A worker started on first use that answers each message with one outcome.
// If it dies, every call waiting on it fails with `what` named, and the next
// call starts another.
type Reply<Outcome> = { id: number; outcome?: Outcome; crashed?: string };

export function lazyWorker<Message extends object, Outcome>(start: () => Worker, what: string): (message: Message) => Promise<Outcome> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (o: Outcome) => void; reject: (e: Error) => void }>();

  const started = (): Worker => {
    if (worker) return worker;
    worker = start();
    worker.onmessage = (event: MessageEvent<Reply<Outcome>>) => {
      const { id, outcome, crashed } = event.data;
      const waiting = pending.get(id);
      pending.delete(id);
      if (outcome) waiting?.resolve(outcome);
      else waiting?.reject(new Error(`The ${what} worker failed: ${crashed}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const waiting of pending.values()) waiting.reject(new Error(`The ${what} worker stopped: ${event.message || 'out of memory or crashed'}`));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
    return worker;
  };

  return (message) => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      started().postMessage({ id, ...message });
    });
  };
}
