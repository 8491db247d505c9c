// The share-link decoder (web/src/share.ts) against hostile links: a link
// that states more embedded data than a link may carry is refused before
// anything is inflated, embedded data never inflate past their stated size,
// and a seeded random mutator over valid links finds no input that escapes
// the decoder's one kind of refusal or that it accepts without its checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { importPageModule } from './bundle.mjs';

const share = await importPageModule('share.ts');
const { decodeShare, encodeShare, embeddedBytes, fetchableUrl } = share;
const PARAMETERS = new Set(['seed', 'iterations', 'subsets', 'jsdSamples']);
const REFUSAL = /^This share link is damaged or incomplete \(/;
const link = (state) => `#s=${deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url')}`;
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

test('a link stating 3 GiB of embedded data is refused before anything is inflated', async () => {
  // Each file's data inflate to 16 MiB of zeros, under the gigabyte stated.
  const zeros = deflateRawSync(Buffer.alloc(16 << 20), { level: 9 }).toString('base64url');
  const files = [0, 1, 2].map((i) => ({ name: `bomb-${i}.csv`, size: 1 << 30, sha256: 'a'.repeat(64), settings: {}, data: zeros }));
  const hash = link({ version: 1, tool: 't', parameters: {}, files });
  const before = process.memoryUsage().rss;
  await assert.rejects(decodeShare(hash, PARAMETERS), /states 3,221,225,472 bytes of embedded data, and a link may carry at most 8,388,608/);
  const grown = process.memoryUsage().rss - before;
  console.log(`link of ${hash.length} characters; resident memory grew ${(grown / 1e6).toFixed(1)} MB while refusing it`);
  assert.ok(grown < 64e6, `${grown} bytes`);
});

test('embedded data inflate into their stated size and no further', async () => {
  const bytes = Buffer.from('word,colour\napple,#ff0000\n');
  const ok = { name: 'a.csv', size: bytes.length, sha256: sha(bytes), settings: {}, data: deflateRawSync(bytes).toString('base64url') };
  assert.deepEqual(Buffer.from(await embeddedBytes(ok)), bytes);
  // 64 MiB of zeros stated as 1,000 bytes: stopped at the first chunk past it.
  const bomb = { ...ok, size: 1000, data: deflateRawSync(Buffer.alloc(64 << 20)).toString('base64url') };
  await assert.rejects(embeddedBytes(bomb), /more than the 1,000 bytes stated|inflates to more than 1000 bytes/);
  await assert.rejects(embeddedBytes({ ...ok, size: bytes.length + 1 }), /holds \d+ bytes, not the/);
});

// xorshift32: the same cases on every run.
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 2 ** 32; };
}

const ODD_VALUES = [null, true, 0, -1, 1.5, 2 ** 31, 2 ** 53, 1e308, -0, '', 'x'.repeat(300), '__proto__', '\u202e\u0000',
  [], {}, [1, 2], { __proto__: { polluted: 1 } }, 'https://127.0.0.1/a', 'https://[::1]/a', 'AAAA', 'ZZZ!'];
const KEYS = ['version', 'tool', 'parameters', 'files', 'name', 'size', 'sha256', 'settings', 'url', 'data', 'format',
  'columns', 'labels', 'human', 'aligned', 'constructor', '__proto__', 'seed', 'onclick'];

function validState(rand) {
  const files = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => {
    const bytes = Buffer.from(`population,individual,word\np${i},${Math.floor(rand() * 100)},apple\n`);
    const file = { name: `file-${i}.csv`, size: bytes.length, sha256: sha(bytes), settings: { format: 'auto', labels: { name: `p${i}`, human: rand() < 0.5 } } };
    if (rand() < 0.5) file.data = deflateRawSync(bytes).toString('base64url');
    else file.url = `https://data.example.org/${i}/file.csv`;
    return file;
  });
  return { version: 1, tool: '0.1.0', parameters: { seed: String(Math.floor(rand() * 1000)), subsets: '25,50' }, files };
}

// One structural change somewhere in the state's tree.
function mutate(value, rand, depth = 0) {
  if (value === null || typeof value !== 'object' || depth > 4 || rand() < 0.2) {
    return rand() < 0.7 ? ODD_VALUES[Math.floor(rand() * ODD_VALUES.length)] : value;
  }
  const copy = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  const roll = rand();
  if (roll < 0.15 && keys.length) delete copy[keys[Math.floor(rand() * keys.length)]];
  else if (roll < 0.3) copy[KEYS[Math.floor(rand() * KEYS.length)]] = ODD_VALUES[Math.floor(rand() * ODD_VALUES.length)];
  else if (keys.length) {
    const key = keys[Math.floor(rand() * keys.length)];
    copy[key] = mutate(copy[key], rand, depth + 1);
  }
  return copy;
}

// Byte-level damage to the link text itself.
function damage(text, rand) {
  const chars = [...text];
  for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
    const at = 3 + Math.floor(rand() * (chars.length - 3));
    const roll = rand();
    if (roll < 0.4) chars[at] = 'A0_-zZ9+/=%\u00e9'[Math.floor(rand() * 13)];
    else if (roll < 0.7) chars.splice(at, 1);
    else chars.splice(at, 0, chars[Math.floor(rand() * chars.length)]);
  }
  return chars.join('');
}

// What every accepted state must satisfy, whatever the link held.
function checkAccepted(state) {
  assert.equal(state.version, 1);
  assert.ok(Array.isArray(state.files) && state.files.length <= 64);
  let embedded = 0;
  for (const f of state.files) {
    assert.match(f.name, /^[^/\\\u0000]+$/);
    assert.match(f.sha256, /^[0-9a-f]{64}$/);
    assert.ok(Number.isInteger(f.size) && f.size >= 0);
    if (f.url !== undefined) assert.ok(fetchableUrl(f.url), f.url);
    if (f.data !== undefined) embedded += f.size;
  }
  assert.ok(embedded <= share.MAX_EMBEDDED_BYTES);
  for (const [name, value] of Object.entries(state.parameters)) {
    assert.ok(PARAMETERS.has(name));
    assert.equal(typeof value, 'string');
  }
  assert.equal({}.polluted, undefined, 'no prototype was polluted');
}

test('a seeded random mutator over valid links: every case is decoded and checked, or refused in one kind of message', async () => {
  const rand = random(20261206);
  const CASES = 2500;
  let accepted = 0;
  for (let i = 0; i < CASES; i++) {
    const state = validState(rand);
    const hash = i % 3 === 2 ? damage(await encodeShare(state), rand) : link(mutate(state, rand));
    let decoded;
    try {
      decoded = await decodeShare(hash, PARAMETERS);
    } catch (error) {
      assert.ok(error instanceof Error, `case ${i}: ${String(error)}`);
      assert.match(error.message, REFUSAL, `case ${i}`);
      continue;
    }
    if (decoded === null) continue;
    accepted++;
    checkAccepted(decoded);
    // What the page accepts, it writes back to the same state.
    assert.deepEqual(await decodeShare(await encodeShare(decoded), PARAMETERS), decoded, `case ${i}`);
  }
  console.log(`${CASES} mutated links: ${accepted} accepted and checked, ${CASES - accepted} refused`);
  assert.ok(accepted > CASES / 20 && accepted < CASES, 'the mutator reaches both sides');
});
