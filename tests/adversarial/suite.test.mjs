// The adversarial suite: every generated case run by the command-line tool
// and by the browser module, each in a child process whose peak memory is
// measured. Both must give the expected outcome, the same message, and stay
// under the case's memory ceiling. Writes the table of outcomes to
// test-artifacts/adversarial.md.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { generateCases } from './cases.mjs';
import { generateLinkCases } from './link_cases.mjs';
import { assertSpreadsheetSafe } from '../csv-cells.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const native = process.env.SHOAL_NATIVE && path.resolve(process.env.SHOAL_NATIVE);
const wasmModule = process.env.SHOAL_WASM && path.resolve(process.env.SHOAL_WASM);
assert.ok(native && wasmModule, 'SHOAL_NATIVE and SHOAL_WASM must be set');
const peakMemory = process.env.SHOAL_PEAK_MEMORY ?? path.join(path.dirname(native), 'tests', 'peak_memory');
const seed = Number(process.env.SHOAL_ADVERSARIAL_SEED ?? 20250601);

const MiB = 1 << 20;
// The bound docs/performance.md gives ("Memory"), per process: a fixed base
// plus a multiple of the input (for gzip, of the most it may decompress to).
const NATIVE_BASE_MIB = 48, WASM_BASE_MIB = 160;
const NATIVE_PER_BYTE = 10, WASM_PER_BYTE = 12;
const GZIP_BUDGET_MIB = (bytes) => Math.min(1024, 64 * bytes / MiB + 64);

const DEFAULTS = {
  color: { 'jsd-samples': 100, bootstrap: 0 },
  concept: { iterations: 20, 'burn-in': 5, subsets: '5', bootstrap: 0 },
  values: { bootstrap: 0 },
  prompts: { model: 'toy', individuals: 1 },
};
// Settings as the module takes them, {name: text} by command-line name,
// each written as the command line is given it; those not given take the
// registry's defaults in both builds.
function request(options) {
  return Object.fromEntries(Object.entries(options).map(([name, value]) => [name, String(value)]));
}

function settings(c) {
  return { format: c.format ?? 'auto', columns: c.columns ?? {}, labels: {} };
}

function peakOf(file) {
  return Number(readFileSync(file, 'utf8').trim()) * 1024;
}

function run(c, work) {
  const dir = path.join(work, c.id);
  mkdirSync(path.join(dir, 'files'), { recursive: true });
  for (const f of c.files) writeFileSync(path.join(dir, 'files', f.name), f.data);
  const options = { ...DEFAULTS[c.task], ...(c.options ?? {}) };
  const inputBytes = c.files.reduce((sum, f) => sum + f.data.length, 0);

  // A request file (`kitTask`: color or concept) is compared as a report is.
  const args = [c.task, ...(c.kitTask ? [c.kitTask] : []), ...c.files.map((f) => path.join(dir, 'files', f.name)), '--quiet', '--out', path.join(dir, 'report.json')];
  for (const [name, value] of Object.entries(options)) args.push(`--${name}`, String(value));
  for (const [role, column] of Object.entries(c.columns ?? {})) args.push('--column', `${role}=${column}`);
  if (c.format) args.push('--format', c.format);
  if (c.directory) {
    mkdirSync(path.join(dir, c.directory));
    args.push(path.join(dir, c.directory));
  }
  if (c.tablesOnInput) args.push('--tables', path.join(dir, 'files', c.files[0].name));
  args.push(...(c.argv ?? []));
  const nativeRun = spawnSync(peakMemory, [path.join(dir, 'native-peak'), native, ...args], { cwd: dir, encoding: 'utf8' });
  const stderr = nativeRun.stderr.trim();
  const result = {
    status: nativeRun.status,
    message: stderr.replace(/^shoal: (error: )?/, ''),
    nativePeak: peakOf(path.join(dir, 'native-peak')),
    inputBytes,
  };
  if (result.status === 0) result.report = readFileSync(path.join(dir, 'report.json'), 'utf8');

  if (!c.nativeOnly) {
    // JSON has no NaN or Infinity: those travel as text and are made numbers again.
    writeFileSync(path.join(dir, 'case.json'), JSON.stringify({
      task: c.task, files: c.files.map((f) => f.name), settings: settings(c),
      request: { ...request(options), ...(c.kitTask ? { task: c.kitTask } : {}) },
    }));
    const wasmRun = spawnSync(peakMemory, [path.join(dir, 'wasm-peak'), process.execPath, path.join(here, 'run_wasm_case.mjs'), dir, wasmModule],
      { encoding: 'utf8' });
    assert.equal(wasmRun.status, 0, `${c.id}: the browser module's process failed:\n${wasmRun.stderr.slice(0, 2000)}`);
    result.wasm = JSON.parse(readFileSync(path.join(dir, 'wasm-result.json'), 'utf8'));
    result.wasmPeak = peakOf(path.join(dir, 'wasm-peak'));
  }
  rmSync(path.join(dir, 'files'), { recursive: true, force: true });
  result.dir = dir;
  return result;
}

// The CLI prints a message as it may reach a terminal (core/io/terminal_text):
// control characters but newline and tab, DEL, C1 controls and bidirectional
// overrides as visible escapes. The module returns the message as it is; the
// page shows it as text.
function asOnTerminal(message) {
  const hex = (code, width) => code.toString(16).padStart(width, '0');
  return message.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (ch) => `\\x${hex(ch.charCodeAt(0), 2)}`)
    .replace(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`);
}

function checkCsvOut(c, r) {
  const texts = c.csvOut.files.map((f) => [f, readFileSync(path.join(r.dir, f), 'utf8')]);
  if (r.wasm?.report) texts.push(['the module\'s CSV', r.wasm.report]);
  const all = [];
  for (const [where, text] of texts) {
    all.push(...assertSpreadsheetSafe(`${c.id}, ${where}`, text));
  }
  for (const cell of c.csvOut.cells) assert.ok(all.includes(cell), `${c.id}: no cell ${JSON.stringify(cell)}`);
}

function ceilings(c, inputBytes) {
  // A decompression bomb is stopped at its budget: memory is at most twice
  // the budget (the text's buffer while it grows) beside the compressed input.
  if (c.budget) {
    const budget = GZIP_BUDGET_MIB(inputBytes) * MiB;
    return { native: NATIVE_BASE_MIB * MiB + 2 * budget + 2 * inputBytes, wasm: WASM_BASE_MIB * MiB + 3 * budget + 2 * inputBytes };
  }
  let counted = inputBytes;
  // A report's comparisons (a few entries per population) are held as a JSON
  // tree while they are written: when each row is a population of its own,
  // that, not the input, is the size to bound.
  if (c.reportPerRow) counted += c.reportPerRow * inputBytes / 30;
  // A case may hold memory to a tighter multiple of its input (`perByte`).
  return {
    native: NATIVE_BASE_MIB * MiB + (c.perByte?.native ?? NATIVE_PER_BYTE) * counted,
    wasm: WASM_BASE_MIB * MiB + (c.perByte?.wasm ?? WASM_PER_BYTE) * counted,
  };
}

// SHOAL_ADVERSARIAL_ONLY=PATTERN runs only the cases whose class or name match.
const only = process.env.SHOAL_ADVERSARIAL_ONLY ? new RegExp(process.env.SHOAL_ADVERSARIAL_ONLY) : null;
// The settings registry, as the browser module exports it: the cases at a
// setting's limits read them there.
const { default: createShoal } = await import(pathToFileURL(wasmModule).href);
const registry = JSON.parse((await createShoal({ wasmBinary: readFileSync(wasmModule.replace(/\.mjs$/, '.wasm')) })).settingsRegistry());
const all = generateCases(seed, registry);
const cases = only ? all.filter((c) => only.test(`${c.cls}: ${c.id}`)) : all;
const rows = [];

test(`adversarial suite: ${cases.length} cases (seed ${seed})`, { timeout: 30 * 60 * 1000 }, async (t) => {
  assert.ok(all.length >= 150, `only ${all.length} cases`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'shoal-adversarial-'));
  try {
    for (const c of cases) {
      await t.test(`${c.cls}: ${c.id}`, () => {
        const r = run(c, work);
        const limit = ceilings(c, r.inputBytes);
        rows.push({ c, r, limit });
        const e = c.expect;
        if (e.status === 'any') {
          assert.ok(r.status === 0 || r.status === 1, `${c.id}: exit ${r.status}: ${r.message.slice(0, 300)}`);
          if (r.status === 1) assert.match(r.message, /^[^\n]+: .+/);
        } else {
          assert.equal(r.status, e.status, `${c.id}: exit ${r.status}: ${r.message.slice(0, 500)}`);
        }
        if (e.message) assert.match(r.message, e.message);
        if (r.status !== 0) assert.ok(r.message.length < 1200, `${c.id}: a message of ${r.message.length} characters`);
        if (e.issues) {
          const issues = JSON.parse(r.report).input_issues;
          for (const [kind, count] of Object.entries(e.issues)) {
            const found = issues.find((i) => i.kind === kind);
            assert.equal(found?.count ?? 0, count, `${c.id}: input issue ${kind}`);
          }
        }
        if (c.csvOut) checkCsvOut(c, r);
        assert.ok(r.nativePeak <= limit.native, `${c.id}: native peak ${r.nativePeak} bytes > ceiling ${limit.native}`);
        if (!c.nativeOnly) {
          assert.equal(r.wasm.ok, r.status === 0, `${c.id}: native exit ${r.status}, wasm ok ${r.wasm.ok}: ${r.wasm.message}`);
          if (r.status !== 0) assert.equal(asOnTerminal(r.wasm.message), r.message, `${c.id}: the two builds' messages differ`);
          if (c.task !== 'concept' && r.status === 0) assert.equal(r.wasm.report, r.report, `${c.id}: the reports differ`);
          assert.ok(r.wasmPeak <= limit.wasm, `${c.id}: wasm peak ${r.wasmPeak} bytes > ceiling ${limit.wasm}`);
        }
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    writeTable();
  }
});

// Share links, through the page's own link code bundled for Node, each case
// in a process of its own with its peak memory measured: a link is refused
// with a message, or accepted with every name escaped, and no case may hold
// more than the base plus the link's budgets (16 MiB for its state, 8 MiB
// of embedded data, and the stated size of the file being inflated).
const LINK_BASE_MIB = 96, LINK_BUDGET_MIB = 64;

function runLink(c, work, bundle) {
  const dir = path.join(work, c.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'link-case.json'), JSON.stringify({ hash: c.hash, restore: c.restore }));
  const child = spawnSync(peakMemory, [path.join(dir, 'link-peak'), process.execPath, path.join(here, 'run_link_case.mjs'), dir, bundle],
    { encoding: 'utf8' });
  assert.equal(child.status, 0, `${c.id}: the link process failed:\n${child.stderr.slice(0, 2000)}`);
  const result = JSON.parse(readFileSync(path.join(dir, 'link-result.json'), 'utf8'));
  return { ...result, peak: peakOf(path.join(dir, 'link-peak')), inputBytes: c.hash.length };
}

const linkCases = generateLinkCases(seed).filter((c) => !only || only.test(`${c.cls}: ${c.id}`));

test(`adversarial links: ${linkCases.length} share links (seed ${seed})`, { timeout: 10 * 60 * 1000 }, async (t) => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'shoal-links-'));
  const bundle = path.join(work, 'link-code.mjs');
  spawnSync(path.join(here, '../../web/node_modules/.bin/esbuild'), [path.join(here, 'link-entry.ts'), '--bundle', '--format=esm',
    '--platform=node', '--log-level=error', `--outfile=${bundle}`], { stdio: 'inherit' });
  const ceiling = (LINK_BASE_MIB + LINK_BUDGET_MIB) * MiB;
  try {
    for (const c of linkCases) {
      await t.test(`${c.cls}: ${c.id}`, () => {
        const r = runLink(c, work, bundle);
        const status = r.ok ? 0 : 1;
        linkRows.push({ c, r: { status, message: r.message ?? '', nativePeak: undefined, wasmPeak: r.peak, inputBytes: r.inputBytes },
          limit: { native: 0, wasm: ceiling } });
        if (c.expect.status !== 'any') assert.equal(status, c.expect.status, `${c.id}: ${r.message ?? 'accepted'}`);
        if (!r.ok) assert.match(r.message, /^(This share link is damaged or incomplete \(|The link's copy of )/, c.id);
        if (c.expect.message) assert.match(r.message, c.expect.message);
        if (c.expect.names) assert.deepEqual(r.names, c.expect.names);
        if (r.ok) for (const name of r.names) assert.doesNotMatch(name, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, c.id);
        assert.ok(r.peak <= ceiling, `${c.id}: peak ${r.peak} bytes > ceiling ${ceiling}`);
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    writeTable();
  }
});
const linkRows = [];

function writeTable() {
  const mib = (b) => (b === undefined ? '–' : (b / MiB).toFixed(1));
  const lines = ['| class | case | input MiB | exit | native peak MiB | wasm peak MiB | ceiling MiB (native / wasm) | message or issues |', '|---|---|---|---|---|---|---|---|'];
  const byClass = new Map();
  for (const { c, r, limit } of [...rows, ...linkRows]) {
    const counts = byClass.get(c.cls) ?? { cases: 0, ok: 0, rejected: 0 };
    counts.cases += 1;
    counts[r.status === 0 ? 'ok' : 'rejected'] += 1;
    byClass.set(c.cls, counts);
    const said = r.status === 0
      ? (c.expect.issues ? Object.entries(c.expect.issues).map(([k, v]) => `${k}: ${v}`).join(', ') : 'analysed')
      : r.message.slice(0, 90).replace(/\|/g, '\\|');
    lines.push(`| ${c.cls} | ${c.id} | ${mib(r.inputBytes)} | ${r.status} | ${mib(r.nativePeak)} | ${c.nativeOnly ? 'n/a' : mib(r.wasmPeak)} | ${mib(limit.native)} / ${mib(limit.wasm)} | ${said} |`);
  }
  const summary = ['| class | cases | analysed | rejected with a message |', '|---|---|---|---|'];
  for (const [cls, n] of byClass) summary.push(`| ${cls} | ${n.cases} | ${n.ok} | ${n.rejected} |`);
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/adversarial.md', `${summary.join('\n')}\n\n${lines.join('\n')}\n`);
}
