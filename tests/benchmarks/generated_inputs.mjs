// Large generated inputs for the benchmarks, seeded so that every run reads
// the same bytes.
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';

import { random } from '../adversarial/cases.mjs';

// Whole numbers below n and #rrggbb colours from one seeded stream.
export function draws(seed) {
  const next = random(seed);
  const int = (n) => Math.floor(next() * n);
  const hex = () => '#' + [0, 0, 0].map(() => int(256).toString(16).padStart(2, '0')).join('');
  return { int, hex };
}

// Writes rows from `row(i)` after `header` until the rows hold `target`
// bytes and `i` is a multiple of `group` (so that every group of rows is
// whole), gzipped when asked. Returns the bytes of text written.
export async function writeRows(file, header, row, { target, group = 1, gzip = false }) {
  const out = createWriteStream(file);
  const sink = gzip ? createGzip() : out;
  if (gzip) sink.pipe(out);
  let bytes = 0, chunk = header;
  for (let i = 0; bytes < target || i % group !== 0; ++i) {
    const line = row(i);
    bytes += line.length;
    chunk += line;
    if (chunk.length > 1 << 20) {
      if (!sink.write(chunk)) await once(sink, 'drain');
      chunk = '';
    }
  }
  sink.end(chunk);
  await once(out, 'finish');
  return bytes;
}

// The llm-wide colour format, hex columns: row i is individual i mod
// `people`, word w⌊i / people⌋.
export const llmWideHeader = 'subject_num,word,hex1,hex2\n';
export const llmWideRow = (people, { hex }) => (i) => `${i % people},w${Math.floor(i / people)},${hex()},${hex()}\n`;

// The llm-wide format as the paper's pipeline wrote it, the models' replies
// in full (about 100 bytes a row): many individuals per word, so that the
// pairs of individuals, not the reading, are the work.
export const llmRepliesHeader = 'subject_num,word,generation1,generation2\n';
export const llmRepliesRow = (people, { hex }) => (i) => {
  const word = `w${Math.floor(i / people)}`;
  return `${i % people},${word},"Sure! The colour I most associate with ${word} is ${hex()}.","I would pick ${hex()} for ${word}."\n`;
};
