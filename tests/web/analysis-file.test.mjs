// The page's analysis as code (web/src/analysis-file/): the command line,
// quoted so that a POSIX shell hands the tool exactly the names from the data,
// and analysis files read back as the state a share link gives. Bundled with
// esbuild from web/node_modules, like the other page-module tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'shoal-analysis-file-'));
const entry = join(dir, 'entry.ts');
writeFileSync(entry, `export * from ${JSON.stringify(join(root, 'web/src/analysis-file/command-line.ts'))};
export * from ${JSON.stringify(join(root, 'web/src/analysis-file/open-analysis.ts'))};`);
const out = join(dir, 'analysis-file.mjs');
execFileSync(join(root, 'web/node_modules/.bin/esbuild'), [entry, '--bundle', '--format=esm', '--platform=node', `--outfile=${out}`]);
const { commandLine, shellWord, readAnalysisFile, readValuesAnalysisFile, analysisOf } = await import(pathToFileURL(out).href);

// A few settings as the registry states them (core/analysis/settings.cpp).
const setting = (name, analyses, kind, fallback, pageDefault = fallback, onPage = true) =>
  ({ name, analyses, kind, default: fallback, page_default: pageDefault, why: '', help: '', on_page: onPage });
const registry = [
  setting('seed', ['color', 'concept'], 'whole', '1'),
  setting('pairs', ['color'], 'choice', 'all'),
  setting('chains', ['concept'], 'whole', '1', '4'),
  setting('subsets', ['concept'], 'list', '25,50,75,100'),
  setting('traces', ['concept'], 'flag', 'false', 'false', false),
  setting('scale', ['values'], 'choice', 'pooled-sd', 'pooled-sd', false),
  setting('unit', ['values'], 'text', '', '', false),
  setting('bootstrap', ['color', 'concept', 'values'], 'whole', '2000'),
];

// The words a POSIX shell makes of a command line.
const shellWords = (line) => execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { cwd: dir }).toString().split('\0').slice(0, -1);

const hostile = ["it's a file.csv", 'a "quoted" name.csv', '$(touch pwned).csv', '`id`.csv', '-rf.csv', 'semi;colon & amp|pipe.csv',
  'new\nline.csv', 'back\\slash $HOME *.csv', 'naïve ΔE.csv'];

test('every hostile name reaches the tool as itself, a leading dash as ./NAME', () => {
  for (const name of hostile) assert.deepEqual(shellWords(shellWord(name)), [name], name);
  const files = hostile.map((name) => ({ name, settings: {} }));
  const line = commandLine(registry, 'color', files, { seed: '1', pairs: 'all' });
  assert.equal(line.viaAnalysisFile, false);
  assert.deepEqual(shellWords(line.text),
    ['shoal', 'color', ...hostile.map((n) => (n.startsWith('-') ? `./${n}` : n)), '--out', 'shoal-color-report.json']);
  // Nothing ran: a $() or backquote would have been run by the shell above.
  assert.equal(existsSync(join(dir, 'pwned')), false);
});

test('settings off the command line\'s defaults are written out, the page\'s own starts too', () => {
  const line = commandLine(registry, 'concept', [{ name: 'j.csv', settings: {} }],
    { seed: '1', chains: '4', subsets: '25, 50', traces: 'true' });
  assert.deepEqual(shellWords(line.text),
    ['shoal', 'concept', 'j.csv', '--chains', '4', '--subsets', '25, 50', '--traces', '--out', 'shoal-concept-report.json']);
  const defaults = commandLine(registry, 'concept', [{ name: 'j.csv', settings: {} }], { seed: '1', chains: '1' });
  assert.equal(defaults.text, 'shoal concept j.csv --out shoal-concept-report.json');
});

test('one set of file settings becomes --format, --column and --population; settings of their own need the analysis file', () => {
  const settings = { format: 'llm-wide', columns: { word: 'Word Name', hex1: '' }, labels: { name: "a 'model'" } };
  const shared = commandLine(registry, 'color', [{ name: 'a.csv', settings }, { name: 'b.csv', settings }], {});
  assert.deepEqual(shellWords(shared.text), ['shoal', 'color', 'a.csv', 'b.csv', '--format', 'llm-wide', '--column', 'word=Word Name',
    '--population', "a 'model'", '--out', 'shoal-color-report.json']);
  const withNorms = commandLine(registry, 'color', [{ name: 'a.csv', settings: {} }], {}, { name: '-norms.csv', settings: {} });
  assert.deepEqual(shellWords(withNorms.text), ['shoal', 'color', 'a.csv', '--word-norms', './-norms.csv', '--out', 'shoal-color-report.json']);
  for (const other of [{ labels: { name: 'x' } }, { format: 'plain-long' }]) {
    const differing = commandLine(registry, 'color', [{ name: 'a.csv', settings: {} }, { name: 'b.csv', settings: other }], {});
    assert.equal(differing.viaAnalysisFile, true);
    assert.equal(differing.text, 'shoal run shoal-color-analysis.json --out shoal-color-report.json');
  }
  const aligned = commandLine(registry, 'color', [{ name: 'a.csv', settings: { labels: { aligned: true } } }], {});
  assert.equal(aligned.viaAnalysisFile, true);
});

const sha = (c) => c.repeat(64);
const analysisFile = (change = () => {}) => {
  const file = {
    shoal_analysis: 1, version: '9.9.9', analysis: 'concept',
    settings: { seed: '5', chains: '2', subsets: '25,50', traces: 'false' },
    inputs: [{ name: 'h.csv', role: 'responses', sha256: sha('a'), format: 'auto', columns: {}, labels: { human: true, name: 'human' } },
      { name: 'm.csv', role: 'responses', sha256: sha('b'), format: 'raw-llm', columns: { target: 'T' }, labels: {} }],
  };
  change(file);
  return JSON.stringify(file);
};

test('an analysis file or a report opens as the state a link gives: parameters by field, files by name and SHA-256', () => {
  const state = readAnalysisFile('a.json', analysisFile(), registry);
  assert.deepEqual(state.parameters, { seed: '5', chains: '2', subsets: '25,50' });
  assert.equal(state.tool, '9.9.9');
  assert.equal(state.analysisFile, 'a.json');
  assert.deepEqual(state.files, [
    { name: 'h.csv', sha256: sha('a'), settings: { columns: {}, labels: { human: true, name: 'human' } } },
    { name: 'm.csv', sha256: sha('b'), settings: { format: 'raw-llm', columns: { target: 'T' }, labels: {} } },
  ]);
  const report = JSON.stringify({ schema_version: 1, analysis: 'concept', analysis_file: JSON.parse(analysisFile()) });
  assert.deepEqual(readAnalysisFile('r.json', report, registry).files, state.files);
});

test('what the page cannot run as stated is refused, naming the file and the reason', () => {
  const refusal = (text) => assert.throws(() => readAnalysisFile('a.json', text, registry), (e) => {
    assert.match(e.message, /^a\.json cannot be opened as an analysis file: /);
    return true;
  });
  refusal('{nope');
  refusal(JSON.stringify({ schema_version: 1, analysis: 'color' }));
  refusal(analysisFile((f) => { f.settings.traces = 'true'; }));
  assert.throws(() => readAnalysisFile('a.json', analysisFile((f) => { f.settings.traces = 'true'; }), registry),
    /sets traces to true, which this page cannot: run it with shoal run/);
  refusal(analysisFile((f) => { f.settings.pairs = 'paper'; }));          // a colour setting in a similarity analysis
  assert.throws(() => readAnalysisFile('a.json', analysisFile((f) => { f.analysis = 'values'; f.settings = {}; }), registry),
    /an analysis of numeric answers: open it in the Numeric answers section/);
  refusal(analysisFile((f) => { f.inputs[0].sha256 = 'abc'; }));
  refusal(analysisFile((f) => { f.inputs[0].name = '../h.csv'; }));
  refusal(analysisFile((f) => { f.inputs[1].name = 'h.csv'; }));
  refusal(analysisFile((f) => { f.inputs[0].role = 'word-norms'; }));   // ratings are the colour analysis'
  refusal(analysisFile((f) => { f.inputs[0].labels.aligned = 'yes'; }));
  refusal(analysisFile((f) => { f.extra = 1; }));
});

test('numeric answers: their command line, and their analysis file opened with every setting it states', () => {
  const files = [{ name: 'estimates.csv', settings: {} }, { name: "it's.csv", settings: {} }];
  assert.equal(commandLine(registry, 'values', files, { scale: 'pooled-sd', unit: '', bootstrap: '2000' }).text,
    `shoal values estimates.csv 'it'\\''s.csv' --out shoal-values-report.json`);
  assert.deepEqual(shellWords(commandLine(registry, 'values', files, { scale: 'raw', unit: 'people %', bootstrap: '100' }).text),
    ['shoal', 'values', 'estimates.csv', "it's.csv", '--scale', 'raw', '--unit', 'people %', '--bootstrap', '100', '--out', 'shoal-values-report.json']);

  const values = JSON.stringify({ shoal_analysis: 1, version: '9.9.9', analysis: 'values', settings: { scale: 'raw', unit: 'people', bootstrap: '100' },
    inputs: [{ name: 'estimates.csv', role: 'responses', sha256: sha('c'), format: 'long', columns: { value: 'Answer' }, labels: {} }] });
  assert.equal(analysisOf(values), 'values');
  assert.equal(analysisOf(JSON.stringify({ schema_version: 1, analysis_file: JSON.parse(values) })), 'values');
  assert.equal(analysisOf('{nope'), null);
  const definition = readValuesAnalysisFile('v.json', values, registry);
  assert.deepEqual(definition.settings, { scale: 'raw', unit: 'people', bootstrap: '100' });
  assert.deepEqual(definition.files, [{ name: 'estimates.csv', sha256: sha('c'), settings: { format: 'long', columns: { value: 'Answer' }, labels: {} } }]);
  assert.throws(() => readValuesAnalysisFile('c.json', analysisFile(), registry), /c\.json cannot be opened as an analysis file: it is a concept analysis/);
  assert.throws(() => readValuesAnalysisFile('v.json', values.replace('"scale"', '"chains"'), registry), /'chains' is not a setting of the values analysis/);
  assert.throws(() => readValuesAnalysisFile('v.json', values.replace('"responses"', '"word-norms"'), registry), /not a role of the values analysis/);
});
