// Every report the CLI writes for the generated examples is valid against
// docs/report.schema.json, and reports with a field missing, a value of the
// wrong type, an unknown field or the wrong analysis's parts are not, so the
// schema stays the documented contract of the report rather than a sketch.
//   node --test tests/docs/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// ajv is a development dependency of the web package.
const Ajv2020 = createRequire(path.resolve('web/package.json'))('ajv/dist/2020').default;

const native = process.env.SHOAL_NATIVE ?? 'build/native/shoal';
const examples = process.env.SHOAL_EXAMPLES ?? 'build/public/examples';

// Strict mode refuses unknown keywords and malformed schemas; type checks
// are left to the validation itself, since the analysis-specific parts
// narrow objects whose type the common parts already fix.
const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
const validate = ajv.compile(JSON.parse(readFileSync('docs/report.schema.json', 'utf8')));

const csvFiles = (dir) => readdirSync(path.join(examples, dir)).filter((f) => f.endsWith('.csv')).sort()
  .map((f) => path.join(examples, dir, f));

const runs = {
  color: ['color', ...csvFiles('color')],
  'color, sampled pairs': ['color', ...csvFiles('color'), '--all-pairs-up-to', '2', '--sampled-pairs', '1000'],
  concept: ['concept', ...csvFiles('concept')],
  values: ['values', ...csvFiles('values')],
  likert: ['concept', ...csvFiles('likert')],
  'concept, 4 chains with traces': ['concept', ...csvFiles('concept'), '--chains', '4', '--traces'],
};

const work = mkdtempSync(path.join(os.tmpdir(), 'shoal-schema-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const reports = new Map();
function report(name) {
  if (!reports.has(name)) {
    const out = path.join(work, `${name.replace(/\W+/g, '-')}.json`);
    const run = spawnSync(native, [...runs[name], '--quiet', '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${name}: ${run.stderr}`);
    reports.set(name, readFileSync(out, 'utf8'));
  }
  return JSON.parse(reports.get(name));
}

const problems = () => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

for (const name of Object.keys(runs)) {
  test(`the ${name} report of the examples is valid`, () => {
    const r = report(name);
    assert.equal(r.analysis, runs[name][0]);
    assert.ok(r.populations.length >= 5, `${name}: ${r.populations.length} populations`);
    assert.equal(validate(r), true, problems().join('\n'));
  });
}

test('the schema reaches the sampled pairs of a colour report', () => {
  const r = report('color, sampled pairs');
  assert.ok(r.parameters.words_with_sampled_pairs > 0);
  assert.ok(r.populations.every((p) => p.sampled_words !== null && p.words.every((w) => w.sampled_pairs !== null)));
  assert.ok(report('color').populations.every((p) => p.sampled_words === null));
});

test('the schema reaches the traces and the mixed models the examples hold', () => {
  const r = report('concept, 4 chains with traces');
  const chain = r.populations[0].concepts[0].subsets[0].chains[3];
  assert.ok(Array.isArray(chain.trace.p_same_table) && chain.trace.p_same_table.length > 0);
  assert.ok(r.comparisons.models.some((m) => m.status === 'fitted'));
  assert.ok(r.comparisons.models.some((m) => m.status === 'skipped'));
});

test('the similarity report carries the figures\' statistics: subset means, category cells, reliability medians', () => {
  const r = report('concept');
  for (const p of r.comparisons.populations) {
    assert.ok(p.subset_means.length > 0 && p.category_cells.length > 0, p.population);
  }
  assert.ok(r.comparisons.reliability_medians.groups.length > 0);
});

test('with word ratings the colour report carries, per population and scale, a valid fit', () => {
  // Ratings of the examples' words on two scales, one rating missing.
  const words = [...new Set(report('color').populations.flatMap((p) => p.words.map((w) => w.word)))];
  const norms = path.join(work, 'word-norms.csv');
  writeFileSync(norms, 'word,concreteness,valence\n' + words.map((w, i) => `${w},${(i * 7) % 5 + 1},${i === 0 ? 'NA' : w.length}`).join('\n') + '\n');
  const out = path.join(work, 'color-rated.json');
  const run = spawnSync(native, ['color', ...csvFiles('color'), '--word-norms', norms, '--quiet', '--out', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(validate(r), true, problems().join('\n'));
  for (const p of r.populations) {
    assert.deepEqual(p.word_rating_fits.map((f) => f.scale), ['concreteness', 'valence']);
    assert.ok(p.word_rating_fits.every((f) => f.n >= 3 && f.slope !== null), p.name);
  }
  delete r.populations[0].word_rating_fits[0].r;
  assert.equal(validate(r), false);
  assert.match(problems().join('\n'), /\/populations\/0\/word_rating_fits\/0 must have required property 'r'/);
});

// Each change breaks the report in one way; each must be refused, and the
// error must point where the damage is.
const damages = [
  ['a required field removed from a concept subset', 'concept', (r) => { delete r.populations[0].concepts[0].subsets[0].p_multiple_concepts; },
    /\/populations\/0\/concepts\/0\/subsets\/0 must have required property 'p_multiple_concepts'/],
  ['a required field removed from the envelope', 'color', (r) => { delete r.inputs; }, / must have required property 'inputs'/],
  ['a count written as text', 'color', (r) => { r.populations[1].individuals = String(r.populations[1].individuals); },
    /\/populations\/1\/individuals must be integer/],
  ['a mean that is text, not a number or null', 'values', (r) => { r.populations[0].dist_from_diagonal.mean = 'NaN'; },
    /\/populations\/0\/dist_from_diagonal\/mean must be number,null/],
  ['an interval with one end', 'concept', (r) => { r.populations[0].concepts[0].subsets[0].p_same_table.ci95.pop(); },
    /\/p_same_table\/ci95 must NOT have fewer than 2 items/],
  ['a probability above 1', 'likert', (r) => { r.populations[0].mean_p_multiple_concepts = 1.5; },
    /\/populations\/0\/mean_p_multiple_concepts must be <= 1/],
  ['an unknown kernel', 'concept', (r) => { r.parameters.kernel = 'metropolis'; }, /\/parameters\/kernel must be equal to one of the allowed values/],
  ['a field the schema does not know', 'values', (r) => { r.populations[0].items[0].median = 1; },
    /\/populations\/0\/items\/0 must NOT have additional properties/],
  ['a population field the schema does not know', 'color', (r) => { r.populations[0].colour = 'blue'; },
    /\/populations\/0 must NOT have unevaluated properties/],
  ['a colour report labelled as a concept report', 'color', (r) => { r.analysis = 'concept'; }, /\/parameters must have required property 'alpha'/],
  ['the similarity-only min-people fields in a colour report', 'color', (r) => { r.comparisons.min_people = 10; r.comparisons.left_out = []; },
    /\/comparisons\/min_people boolean schema is false/],
  ['the similarity-only reliability medians in a colour report', 'color', (r) => { r.comparisons.reliability_medians = {}; },
    /\/comparisons\/reliability_medians boolean schema is false/],
  ['a similarity report without its subset means', 'concept', (r) => { delete r.comparisons.populations[0].subset_means; },
    /\/comparisons\/populations\/0 must have required property 'subset_means'/],
  ['a reliability median without its count', 'concept', (r) => { delete r.comparisons.reliability_medians.humans.medians.within_individual.concepts; },
    /\/reliability_medians\/humans\/medians\/within_individual must have required property 'concepts'/],
  ['a skipped model with a fit', 'color', (r) => {
    const fitted = r.comparisons.models.find((m) => m.status === 'fitted');
    fitted.status = 'skipped';
  }, /\/comparisons\/models\/\d+\/reason must be string/],
  ['a chain seed written as a number', 'concept, 4 chains with traces', (r) => { r.populations[0].concepts[0].subsets[0].chains[0].seed = 7; },
    /\/chains\/0\/seed must be string/],
  ['the old convergence warnings in a subset', 'concept', (r) => { r.populations[0].concepts[0].subsets[0].warnings = []; },
    /\/subsets\/0 must NOT have additional properties/],
  ['a verdict the rule does not give', 'concept, 4 chains with traces', (r) => { r.populations[0].concepts[0].subsets[0].convergence.verdict = 'warning'; },
    /\/convergence\/verdict must be equal to one of the allowed values/],
  ['no convergence summary, in a similarity report', 'likert', (r) => { delete r.convergence; },
    / must have required property 'convergence'/],
  ['a convergence summary in a colour report', 'color', (r) => { r.convergence = report('concept').convergence; },
    /\/convergence boolean schema is false/],
];

for (const [what, name, damage, expected] of damages) {
  test(`a report with ${what} is refused`, () => {
    const r = report(name);
    assert.equal(validate(r), true, problems().join('\n'));
    damage(r);
    assert.equal(validate(r), false);
    assert.match(problems().join('\n'), expected);
  });
}
