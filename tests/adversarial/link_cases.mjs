// The `links` class of the adversarial suite: hostile share links, each a
// location hash and what the page's link code (web/src/links/analysis-link.ts,
// share.ts for links of the earlier layout) must do with it — refuse it as it is read, refuse a file as it
// is restored, or accept it with every file name shown escaped. Seeded like
// the other cases: the same seed gives the same links.
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { random } from './cases.mjs';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const packed = (bytes) => deflateRawSync(bytes, { level: 9 }).toString('base64url');
// A link (#a=): the analysis file, and the list of what it carries.
const definitionOf = (inputs, settings = { seed: '3' }) => ({ shoal_analysis: 1, version: '0.1.0', analysis: 'concept', settings,
  inputs: inputs.map((input) => ({ name: input.name, role: 'responses', sha256: input.sha256, format: 'auto', columns: {}, labels: {} })) });
const hashOf = (carried, settings) => `#a=${packed(Buffer.from(JSON.stringify(definitionOf(carried, settings), null, 1)))}` +
  (carried.some((c) => c.data !== undefined || c.url !== undefined)
    ? `&f=${packed(Buffer.from(JSON.stringify(carried.filter((c) => c.data !== undefined || c.url !== undefined)
      .map(({ name, size, data, url }) => ({ name, size, data, url })))))}` : '');
const remote = (url, name = 'a.csv') => ({ name, size: 10, sha256: 'a'.repeat(64), url });
const carried = (bytes, name = 'a.csv', size = bytes.length) => ({ name, size, sha256: sha256(bytes), data: packed(bytes) });
// A link of the earlier layout (#s=), which the page still reads.
const oldHashOf = (files) => `#s=${packed(Buffer.from(JSON.stringify({ version: 1, tool: '0.1.0', parameters: { seed: '3' },
  files: files.map((f) => ({ ...f, settings: {} })) })))}`;

// Every spelling of a private address the page must not be sent to.
const PRIVATE_URLS = ['https://localhost./a.csv', 'https://[::127.0.0.1]/a.csv', 'https://[64:ff9b::7f00:1]/a.csv',
  'https://[2002:7f00:1::1]/a.csv', 'https://127.0.0.1.nip.io/a.csv', 'https://2130706433/a.csv', 'https://0x7f.1/a.csv',
  'https://[::ffff:10.0.0.1]/a.csv', 'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/a.csv', 'https://10-0-0-1.sslip.io/a.csv',
  'https://c0a80001.nip.io/a.csv', 'https://169.254.169.254/latest/meta-data', 'https://printer.local./a.csv'];

// Deflate of `bytes` zeros in blocks, so that this process never holds them.
function deflatedZeros(bytes) {
  const block = Buffer.alloc(Math.min(bytes, 64 << 20));
  const parts = [];
  for (let done = 0; done < bytes; done += block.length) parts.push(block);
  return deflateRawSync(Buffer.concat(parts), { level: 9 });
}

// Each case: { cls: 'links', id, hash, restore, expect: { status: 0 | 1 | 'any', message?, names? } }.
// `restore` inflates the carried files too (what the Restore button does).
export function generateLinkCases(seed) {
  const next = random(seed);
  const int = (n) => Math.floor(next() * n);
  const cases = [];
  const add = (id, hash, expect, restore = false) => cases.push({ cls: 'links', id, hash, restore, expect });
  const csv = Buffer.from(`word,colour\n${Array.from({ length: 20 }, (_, i) => `w${i},#${(int(1 << 24)).toString(16).padStart(6, '0')}`).join('\n')}\n`);

  add('well-formed-carried', hashOf([carried(csv)]), { status: 0 }, true);
  add('well-formed-remote', hashOf([remote('https://zenodo.org/records/1/files/a.csv')]), { status: 0 });
  add('well-formed-reference', hashOf([{ name: 'a.csv', sha256: sha256(csv) }]), { status: 0 });

  // Bombs: the analysis file, the list of what the link carries, files that
  // state gigabytes, and data that inflate past the size their file states.
  add('definition-bomb-256-MiB', `#a=${deflatedZeros(256 << 20).toString('base64url')}`, { status: 1, message: /inflates to more than 1048576 bytes/ });
  add('carried-list-bomb-256-MiB', `${hashOf([{ name: 'a.csv', sha256: sha256(csv) }])}&f=${deflatedZeros(256 << 20).toString('base64url')}`,
    { status: 1, message: /inflates to more than \d+ bytes/ });
  const gib = deflatedZeros(1 << 30).toString('base64url');
  add('three-GiB-stated-in-20-KB', hashOf([0, 1, 2].map((i) => ({ name: `b${i}.csv`, size: 1 << 30, sha256: 'a'.repeat(64), data: gib }))),
    { status: 1, message: /inflates to more than \d+ bytes|states 3,221,225,472 bytes/ });
  const small = deflatedZeros(1 << 20).toString('base64url');
  add('stated-just-over-the-cap', hashOf([0, 1].map((i) => ({ name: `c${i}.csv`, size: (4 << 20) + 1, sha256: 'a'.repeat(64), data: small }))),
    { status: 1, message: /states 8,388,610 bytes of embedded data, and a link may carry at most 8,388,608/ });
  add('data-past-stated-size', hashOf([{ ...carried(Buffer.alloc(64 << 20)), size: 1000 }]),
    { status: 1, message: /copy of a\.csv is damaged.*inflates to more than 1000 bytes/ }, true);
  add('data-short-of-stated-size', hashOf([carried(csv, 'a.csv', csv.length + 7)]),
    { status: 1, message: /holds \d+ bytes, not the \d+ the link states/ }, true);

  // Addresses: every private spelling refused as the link is read.
  PRIVATE_URLS.forEach((url, i) => add(`private-address-${i}`, hashOf([remote(url)]),
    { status: 1, message: /carried file 1\.url is not an address this page may fetch/ }));

  // Names: controls and bidi overrides are accepted and shown escaped; a path is refused.
  add('name-with-bidi-and-controls', hashOf([remote('https://example.org/a.csv', 'report\u202egnp.exe\u0007: matches')]),
    { status: 0, names: ['report\\u202Egnp.exe\\u0007: matches'] });
  add('name-with-a-path', hashOf([remote('https://example.org/a.csv', '../../etc/passwd')]), { status: 1, message: /input 1\.name is malformed/ });
  add('sixty-five-files', hashOf(Array.from({ length: 65 }, (_, i) => remote('https://example.org/a.csv', `f${i}.csv`))),
    { status: 1, message: /its inputs are not a list of 1 to 64/ });
  add('prototype-setting', hashOf([remote('https://example.org/a.csv')], JSON.parse('{"__proto__": "1"}')),
    { status: 1, message: /'__proto__' is not a setting of the concept analysis/ });
  add('carried-but-not-an-input', `${hashOf([{ name: 'a.csv', sha256: sha256(csv) }])}&f=${packed(Buffer.from(JSON.stringify([{ name: 'b.csv', size: 1, url: 'https://example.org/b' }])))}`,
    { status: 1, message: /carried file 1 is not an input of the analysis/ });

  // Damage: truncated, not base64, not UTF-8, not JSON, parts of no known kind.
  const good = hashOf([carried(csv)]);
  add('truncated', good.slice(0, Math.floor(good.length / 2)), { status: 1, message: /damaged or incomplete/ });
  add('not-base64', '#a=%%%%', { status: 1, message: /damaged or incomplete/ });
  add('not-utf-8', `#a=${packed(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))}`, { status: 1, message: /damaged or incomplete/ });
  add('not-json', `#a=${packed(Buffer.from('{"shoal_analysis": 1,'))}`, { status: 1, message: /damaged or incomplete/ });
  add('unknown-part', `${good}&x=${packed(Buffer.from('{}'))}`, { status: 1, message: /a part 'x=.*' of no known kind/ });
  for (let i = 0; i < 6; ++i) {
    const chars = [...good];
    for (let k = 0; k < 1 + int(6); ++k) chars[3 + int(chars.length - 3)] = 'AZaz09-_'[int(8)];
    add(`mangled-${i}`, chars.join(''), { status: 'any' }, true);
  }

  // Links of the earlier layout keep every defence.
  add('old-layout-well-formed', oldHashOf([carried(csv)]), { status: 0 }, true);
  add('old-layout-state-bomb-256-MiB', `#s=${deflatedZeros(256 << 20).toString('base64url')}`, { status: 1, message: /inflates to more than \d+ bytes/ });
  add('old-layout-three-GiB-stated', oldHashOf([0, 1, 2].map((i) => ({ name: `b${i}.csv`, size: 1 << 30, sha256: 'a'.repeat(64), data: gib }))),
    { status: 1, message: /inflates to more than \d+ bytes|states 3,221,225,472 bytes/ });
  add('old-layout-private-address', oldHashOf([remote(PRIVATE_URLS[0])]), { status: 1, message: /file 1\.url is not an address this page may fetch/ });
  return cases;
}
