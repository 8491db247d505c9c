// The `links` class of the adversarial suite: hostile share links, each a
// location hash and what the page's link code (web/src/share.ts and
// share-ui.ts) must do with it — refuse it as it is read, refuse a file as it
// is restored, or accept it with every file name shown escaped. Seeded like
// the other cases: the same seed gives the same links.
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { random } from './cases.mjs';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const packed = (bytes) => deflateRawSync(bytes, { level: 9 }).toString('base64url');
const hashOf = (state) => `#s=${packed(Buffer.from(JSON.stringify(state)))}`;
const stateWith = (files, extra = {}) => ({ version: 1, tool: '0.1.0', parameters: { seed: '3' }, files, ...extra });
const remote = (url, name = 'a.csv') => ({ name, size: 10, sha256: 'a'.repeat(64), settings: {}, url });
const carried = (bytes, name = 'a.csv', size = bytes.length) => ({ name, size, sha256: sha256(bytes), settings: {}, data: packed(bytes) });

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

  add('well-formed-carried', hashOf(stateWith([carried(csv)])), { status: 0 }, true);
  add('well-formed-remote', hashOf(stateWith([remote('https://zenodo.org/records/1/files/a.csv')])), { status: 0 });

  // Bombs: the link's own state, files that state gigabytes, and data that
  // inflate past the size their file states.
  add('state-bomb-256-MiB', `#s=${deflatedZeros(256 << 20).toString('base64url')}`, { status: 1, message: /inflates to more than \d+ bytes/ });
  const gib = deflatedZeros(1 << 30).toString('base64url');
  add('three-GiB-stated-in-20-KB', hashOf(stateWith([0, 1, 2].map((i) => ({ name: `b${i}.csv`, size: 1 << 30, sha256: 'a'.repeat(64), settings: {}, data: gib })))),
    { status: 1, message: /inflates to more than \d+ bytes|states 3,221,225,472 bytes/ });
  const small = deflatedZeros(1 << 20).toString('base64url');
  add('stated-just-over-the-cap', hashOf(stateWith([0, 1].map((i) => ({ name: `c${i}.csv`, size: (4 << 20) + 1, sha256: 'a'.repeat(64), settings: {}, data: small })))),
    { status: 1, message: /states 8,388,610 bytes of embedded data, and a link may carry at most 8,388,608/ });
  add('data-past-stated-size', hashOf(stateWith([{ ...carried(Buffer.alloc(64 << 20)), size: 1000 }])),
    { status: 1, message: /copy of a\.csv is damaged.*inflates to more than 1000 bytes/ }, true);
  add('data-short-of-stated-size', hashOf(stateWith([carried(csv, 'a.csv', csv.length + 7)])),
    { status: 1, message: /holds \d+ bytes, not the \d+ the link states/ }, true);

  // Addresses: every private spelling refused as the link is read.
  PRIVATE_URLS.forEach((url, i) => add(`private-address-${i}`, hashOf(stateWith([remote(url)])),
    { status: 1, message: /file 1\.url is not an address this page may fetch/ }));

  // Names: controls and bidi overrides are accepted and shown escaped; a path is refused.
  add('name-with-bidi-and-controls', hashOf(stateWith([remote('https://example.org/a.csv', 'report\u202egnp.exe\u0007: matches')])),
    { status: 0, names: ['report\\u202Egnp.exe\\u0007: matches'] });
  add('name-with-a-path', hashOf(stateWith([remote('https://example.org/a.csv', '../../etc/passwd')])), { status: 1, message: /file 1\.name is malformed/ });
  add('sixty-five-files', hashOf(stateWith(Array.from({ length: 65 }, (_, i) => remote('https://example.org/a.csv', `f${i}.csv`)))),
    { status: 1, message: /the files are not a list of at most 64/ });
  add('prototype-parameter', hashOf(stateWith([], { parameters: JSON.parse('{"__proto__": "1"}') })), { status: 1, message: /unknown parameter '__proto__'/ });

  // Damage: truncated, not base64, not UTF-8, not JSON.
  const good = hashOf(stateWith([carried(csv)]));
  add('truncated', good.slice(0, Math.floor(good.length / 2)), { status: 1, message: /damaged or incomplete/ });
  add('not-base64', '#s=%%%%', { status: 1, message: /damaged or incomplete/ });
  add('not-utf-8', `#s=${packed(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))}`, { status: 1, message: /damaged or incomplete/ });
  add('not-json', `#s=${packed(Buffer.from('{"version": 1,'))}`, { status: 1, message: /damaged or incomplete/ });
  for (let i = 0; i < 6; ++i) {
    const chars = [...good];
    for (let k = 0; k < 1 + int(6); ++k) chars[3 + int(chars.length - 3)] = 'AZaz09-_'[int(8)];
    add(`mangled-${i}`, chars.join(''), { status: 'any' }, true);
  }
  return cases;
}
