// Reads a stream into one buffer of at most `limit` bytes, allocated once:
// a stream that would pass the limit is cancelled at the chunk that passes
// it, so no more than the limit (and that one chunk) is ever held. Used for
// data a link declares the size of: inflated embedded files and fetched ones.
export class PastLimit extends Error {
  constructor(readonly limit: number) {
    super(`it holds more than the ${limit.toLocaleString('en')} bytes stated`);
  }
}

export async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const out = new Uint8Array(limit);
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length > limit - total) throw new PastLimit(limit);
      out.set(value, total);
      total += value.length;
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return total === limit ? out : out.slice(0, total);
}
