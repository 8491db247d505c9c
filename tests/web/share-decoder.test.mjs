// The share-link decoder (web/src/links/analysis-link.ts, for links of the
// earlier layout web/src/share.ts) against hostile links: a link that states
// more embedded data than a link may carry is refused before anything is
// inflated, embedded data never inflate past their stated size, an analysis
// file never inflates past its budget, and a seeded random mutator over
// valid links of both layouts finds no input that escapes the decoder's one
// kind of refusal or that it accepts without its checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { importPageModule } from './bundle.mjs';

const share = await importPageModule('share.ts');
const { decodeShare, encodeShare, embeddedBytes, fetchableUrl } = share;
const { decodeLink, encodeAnalysisLink, inflateLink, checkValuesLink, MAX_DEFINITION } = await importPageModule('links/analysis-link.ts');
const PARAMETERS = new Set(['seed', 'iterations', 'subsets', 'jsdSamples']);
const REFUSAL = /^This share link is damaged or incomplete \(/;
const link = (state) => `#s=${deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url')}`;
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

test('old links (#s=): a link stating 3 GiB of embedded data is refused before anything is inflated', async () => {
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

// Decodes `cases` links made by `hashOf(i)`: each is refused in the
// decoder's one kind of message, or accepted and checked by `check`.
async function mutatedLinks(label, cases, hashOf, decode, check) {
  let accepted = 0;
  for (let i = 0; i < cases; i++) {
    const hash = await hashOf(i);
    let decoded;
    try {
      decoded = await decode(hash);
    } catch (error) {
      assert.ok(error instanceof Error, `case ${i}: ${String(error)}`);
      assert.match(error.message, REFUSAL, `case ${i}`);
      continue;
    }
    if (decoded === null) continue;
    accepted++;
    await check(decoded, i);
    assert.equal({}.polluted, undefined, 'no prototype was polluted');
  }
  console.log(`${cases} mutated ${label}: ${accepted} accepted and checked, ${cases - accepted} refused`);
  assert.ok(accepted > cases / 20 && accepted < cases, 'the mutator reaches both sides');
}

test('a seeded random mutator over valid links: every case is decoded and checked, or refused in one kind of message', async () => {
  const rand = random(20261206);
  const decode = (hash) => decodeShare(hash, PARAMETERS);
  await mutatedLinks('links', 2500, async (i) => {
    const state = validState(rand);
    return i % 3 === 2 ? damage(await encodeShare(state), rand) : link(mutate(state, rand));
  }, decode, async (decoded, i) => {
    checkAccepted(decoded);
    // What the page accepts, it writes back to the same state.
    assert.deepEqual(await decode(await encodeShare(decoded)), decoded, `case ${i}`);
  });
});

// Links as analysis files (#a=): each part deflate-raw compressed, base64url.
const part = (text) => deflateRawSync(Buffer.from(text)).toString('base64url');
const analysisLink = (definitions, carried = null) =>
  `#${[...definitions.map((d) => `a=${part(typeof d === 'string' ? d : JSON.stringify(d, null, 1))}`),
    ...(carried === null ? [] : [`f=${part(JSON.stringify(carried))}`])].join('&')}`;

// A few settings as the registry states them (core/analysis/settings.cpp).
const setting = (name, analyses, fallback, onPage = true) =>
  ({ name, analyses, kind: 'whole', default: fallback, page_default: fallback, why: '', help: '', on_page: onPage });
const REGISTRY = [setting('seed', ['color', 'concept', 'values'], '1'), setting('bootstrap', ['color', 'concept', 'values'], '2000'),
  setting('iterations', ['concept'], '500'), setting('subsets', ['concept'], '25,50,75,100'), setting('chains', ['concept'], '1'),
  setting('traces', ['concept'], 'false', false), setting('pairs', ['color', 'values'], 'all')];
const FIELDS = new Set(['seed', 'bootstrap', 'iterations', 'subsets', 'chains', 'pairs']);

function definition(analysis, inputs, settings = {}) {
  const all = Object.fromEntries(REGISTRY.filter((s) => s.analyses.includes(analysis)).map((s) => [s.name, s.default]));
  return {
    shoal_analysis: 1, version: '0.1.0', analysis, settings: { ...all, ...settings },
    inputs: inputs.map((bytes, i) => ({ name: `${analysis}-${i}.csv`, role: 'responses', sha256: sha(bytes), format: 'auto', columns: {},
      labels: { name: `p${i}` } })),
  };
}

test('a link is its analysis files byte for byte, with what it carries; it decodes to the state the files open to', async () => {
  const bytes = [Buffer.from('population,individual,word\nh,1,apple\n'), Buffer.from('population,individual,word\nm,1,pear\n')];
  const color = `${JSON.stringify(definition('color', bytes.slice(0, 1), { seed: '7' }), null, 1)}\n`;
  const concept = `${JSON.stringify(definition('concept', bytes.slice(1), { seed: '7', chains: '4' }), null, 1)}\n`;
  const hash = await encodeAnalysisLink([color, concept], [{ name: 'color-0.csv', size: bytes[0].length, data: deflateRawSync(bytes[0]).toString('base64url') }]);
  const parts = hash.slice(1).split('&');
  assert.deepEqual(parts.map((p) => p.slice(0, 2)), ['a=', 'a=', 'f=']);
  assert.equal(inflateRawSync(Buffer.from(parts[0].slice(2), 'base64url')).toString(), color);
  assert.equal(inflateRawSync(Buffer.from(parts[1].slice(2), 'base64url')).toString(), concept);
  const state = await decodeLink(hash, REGISTRY);
  assert.equal(state.tool, '0.1.0');
  assert.deepEqual(state.parameters, { seed: '7', bootstrap: '2000', pairs: 'all', iterations: '500', subsets: '25,50,75,100', chains: '4' });
  assert.deepEqual(state.files.map((f) => [f.name, f.sha256, f.size, f.settings.labels.name]),
    [['color-0.csv', sha(bytes[0]), bytes[0].length, 'p0'], ['concept-0.csv', sha(bytes[1]), undefined, 'p0']]);
  assert.deepEqual(Buffer.from(await embeddedBytes(state.files[0])), bytes[0]);
  // A reference link carries nothing but the analysis file.
  assert.equal((await encodeAnalysisLink([color], [])).includes('&'), false);
});

test('analysis links: stated sizes past the cap are refused before inflating; an analysis file never inflates past its budget', async () => {
  const zeros = deflateRawSync(Buffer.alloc(16 << 20), { level: 9 }).toString('base64url');
  const inputs = [0, 1, 2].map((i) => Buffer.from(`x${i}`));
  const carried = inputs.map((_, i) => ({ name: `concept-${i}.csv`, size: 1 << 30, data: zeros }));
  await assert.rejects(decodeLink(analysisLink([definition('concept', inputs)], carried), REGISTRY),
    /^Error: This share link is damaged or incomplete \(it states 3,221,225,472 bytes of embedded data, and a link may carry at most 8,388,608\)/);
  const bomb = `#a=${deflateRawSync(Buffer.alloc(64 << 20, 32), { level: 9 }).toString('base64url')}`;
  await assert.rejects(decodeLink(bomb, REGISTRY), new RegExp(`inflates to more than ${MAX_DEFINITION} bytes`));
  for (const [hash, why] of [['#a=AAAA&x=1', /no known kind/], ['#a=%%', /not base64url/],
    [analysisLink([definition('color', inputs), definition('color', inputs)]), /one analysis twice/],
    [analysisLink([definition('color', inputs, { seed: '2' }), definition('concept', inputs)]), /set seed differently/],
    [analysisLink([definition('concept', inputs)], [{ name: 'other.csv', size: 1, url: 'https://example.org/a' }]), /not an input of the analysis/],
    [analysisLink([definition('concept', inputs)], [{ name: 'concept-0.csv', size: 1, url: 'https://10.0.0.1/a' }]), /not an address this page may fetch/],
    [analysisLink([definition('values', inputs)]), /open it in the Numeric answers section/],
    [analysisLink([definition('concept', inputs, { traces: 'true' })]), /sets traces to true, which this page cannot/]]) {
    await assert.rejects(decodeLink(hash, REGISTRY), (e) => REFUSAL.test(e.message) && why.test(e.message), hash.slice(0, 40));
  }
});

function validDefinitions(rand) {
  const bytes = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => Buffer.from(`population,individual,word\np${i},${Math.floor(rand() * 100)},apple\n`));
  const analyses = rand() < 0.3 ? ['color', 'concept'] : [rand() < 0.5 ? 'color' : 'concept'];
  const definitions = analyses.map((a) => definition(a, bytes, { seed: String(Math.floor(rand() * 1000)) }));
  for (const d of definitions) d.settings.seed = definitions[0].settings.seed;
  if (definitions.length === 2) for (const input of definitions[1].inputs) input.name = `b-${input.name}`;
  const carried = rand() < 0.4 ? null : definitions.flatMap((d) => d.inputs).map((input, i) => (rand() < 0.5
    ? { name: input.name, size: bytes[i % bytes.length].length, data: deflateRawSync(bytes[i % bytes.length]).toString('base64url') }
    : { name: input.name, size: 40, url: `https://data.example.org/${i}/file.csv` }));
  return { definitions, carried };
}

test('a seeded random mutator over valid analysis links: every case is decoded and checked, or refused in one kind of message', async () => {
  const rand = random(20261207);
  await mutatedLinks('analysis links', 2000, (i) => {
    const { definitions, carried } = validDefinitions(rand);
    const roll = i % 4;
    return roll === 3 ? damage(analysisLink(definitions, carried), rand)
      : roll === 2 && carried !== null ? analysisLink(definitions, mutate(carried, rand))
        : analysisLink(definitions.map((d, k) => (k === 0 ? mutate(d, rand) : d)), carried);
  }, (hash) => decodeLink(hash, REGISTRY), (decoded) => {
    let embedded = 0;
    assert.ok(decoded.files.length >= 1 && decoded.files.length <= 128);
    for (const f of decoded.files) {
      assert.match(f.name, /^[^/\\\u0000]+$/);
      assert.match(f.sha256, /^[0-9a-f]{64}$/);
      if (f.url !== undefined) assert.ok(fetchableUrl(f.url), f.url);
      if (f.data !== undefined) embedded += f.size;
      if (f.url !== undefined || f.data !== undefined) assert.ok(Number.isInteger(f.size) && f.size >= 0);
    }
    assert.ok(embedded <= share.MAX_EMBEDDED_BYTES);
    for (const [name, value] of Object.entries(decoded.parameters)) {
      assert.ok(FIELDS.has(name), name);
      assert.equal(typeof value, 'string');
    }
  });
});

test('a link to numeric answers gives their definition for their section, with the data it carries and no addresses', async () => {
  const bytes = Buffer.from('population,individual,item,block,value\nh,1,a,1,3\n');
  const values = definition('values', [bytes], { seed: '4' });
  const carried = [{ name: 'values-0.csv', size: bytes.length, data: deflateRawSync(bytes).toString('base64url') }];
  const opened = checkValuesLink(await inflateLink(analysisLink([values], carried)), REGISTRY);
  assert.equal(opened.analysis, 'values');
  assert.equal(opened.settings.seed, '4');
  assert.deepEqual(Buffer.from(await embeddedBytes(opened.files[0])), bytes);
  // A link to the form's analyses is not one.
  assert.equal(checkValuesLink(await inflateLink(analysisLink([definition('color', [bytes])])), REGISTRY), null);
  const remote = [{ name: 'values-0.csv', size: 10, url: 'https://example.org/v.csv' }];
  assert.throws(() => checkValuesLink({ layout: 'analysis', link: { definitions: [JSON.stringify(values)], carried: remote } }, REGISTRY),
    /This share link is damaged or incomplete \(a link of numeric answers carries no addresses\)/);
});
