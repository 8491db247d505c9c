// The module's check of the analysis form's settings refuses what the
// command line refuses, with its words, and names the setting at fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertSameReport, filesFor, loadShoal, native, nativeReport } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const module = await loadShoal();

const registry = JSON.parse(module.settingsRegistry());

// The page's form where it starts, by command-line name: each analysis's
// settings of the form at the registry's page starts.
const form = () => {
  const start = (analysis) => Object.fromEntries(registry.filter((s) => s.on_page && s.analyses.includes(analysis))
    .map((s) => [s.name, s.page_default]));
  return { color: start('color'), concept: start('concept') };
};
// What checkSettings answers, as {setting, message}.
const verdict = (check) => ({ setting: check.error.setting, message: check.error.message });

// What `shoal TASK` says of the same settings (it checks them before it
// reads any file).
function cliRefusal(task, settings) {
  const args = [task, ...Object.entries(settings).flatMap(([name, text]) => [`--${name}`, text]), '/nonexistent.csv'];
  const run = spawnSync(native, args, { encoding: 'utf8' });
  assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
  return run.stderr.replace(/^shoal: /, '').trimEnd();
}

test('the form\'s defaults are accepted', () => {
  const check = module.checkSettings(form());
  assert.equal(check.ok, true);
  assert.deepEqual(verdict(check), { setting: '', message: '' });
});

test('a refused setting gets the command line\'s message and is named', () => {
  const cases = [
    ['color', 'jsd-samples', '99', 'jsd-samples'], ['color', 'jsd-samples', '100000001', 'jsd-samples'],
    ['color', 'seed', '9007199254740992', 'seed'], ['color', 'seed', '-1', 'seed'], ['color', 'bootstrap', '', 'bootstrap'],
    ['color', 'bootstrap', '2.5', 'bootstrap'], ['color', 'delta-e', 'cie94', 'delta-e'], ['color', 'jsd', 'nats', 'jsd'],
    ['concept', 'alpha', '0', 'alpha'], ['concept', 'alpha', '1000001', 'alpha'], ['concept', 'alpha', '-0.5', 'alpha'],
    ['concept', 'iterations', '0', 'iterations'], ['concept', 'iterations', '1e3', 'iterations'],
    ['concept', 'burn-in', '500', 'burn-in'], ['concept', 'iterations', '100', 'iterations'],
    ['concept', 'chains', '0', 'chains'], ['concept', 'chains', '1001', 'chains'], ['concept', 'subsets', '25,', 'subsets'],
    ['concept', 'subsets', '0', 'subsets'], ['concept', 'prior', 'dirichlet', 'prior'], ['concept', 'kernel', 'slice', 'kernel'],
    ['concept', 'min-people', '-1', 'min-people'], ['concept', 'min-people', 'ten', 'min-people'],
    ['concept', 'min-people', '1000001', 'min-people'],
  ];
  for (const [task, name, value, setting] of cases) {
    const settings = form();
    settings[task][name] = value;
    const check = module.checkSettings(settings);
    assert.equal(check.ok, false, `${name} ${value}`);
    assert.equal(check.error.message, cliRefusal(task, settings[task]), `${name} ${value}`);
    assert.equal(check.error.setting, setting, `${name} ${value}`);
  }
});

test('of several refused settings, the first the command line names is the one shown', () => {
  const settings = form();
  settings.concept.iterations = '0';
  settings.concept.alpha = '0';
  settings.color.bootstrap = 'x';
  const check = module.checkSettings(settings);
  assert.equal(check.error.message, cliRefusal('color', settings.color));
  assert.equal(check.error.setting, 'bootstrap');
  settings.color.bootstrap = '0';
  assert.equal(module.checkSettings(settings).error.message, cliRefusal('concept', settings.concept));
  assert.equal(module.checkSettings(settings).error.setting, 'alpha');
});

test('a setting the analyses do not know is refused by name', () => {
  const settings = form();
  settings.concept.iterationz = '5';
  assert.deepEqual(verdict(module.checkSettings(settings)), { setting: 'iterationz', message: "unknown setting 'iterationz'" });
});

test('the ranges given to the form are the validator\'s', () => {
  const limits = JSON.parse(module.optionLimits());
  for (const [name, limit] of Object.entries(limits)) {
    if (name === 'subsets') continue;   // a list, checked above
    // The form's analysis that has the setting (seed and bootstrap: both; the concept one checked).
    const task = registry.find((s) => s.name === name && s.analyses.includes('concept')) ? 'concept' : 'color';
    const cases = [[limit.min, true], [limit.max, true], [limit.whole ? limit.max + 1 : limit.max * 2, false]];
    if (limit.whole && limit.min > 0) cases.push([limit.min - 1, false]);
    // The burn-in must stay below the iterations, whose largest is the same number.
    if (name === 'burn-in') cases.splice(1, 1);
    for (const [value, accepted] of cases) {
      const settings = form();
      settings.concept['burn-in'] = '0';
      settings[task][name] = String(value);
      assert.equal(module.checkSettings(settings).ok, accepted, `${name} ${value}`);
    }
  }
});

test('a setting given as a number, not text, is refused by name', () => {
  const settings = form();
  settings.concept.iterations = 500;
  assert.equal(module.checkSettings(settings).error.message, 'iterations must be given as text');
});

// What `shoal COMMAND --help` says of each option, by name: the option list
// only (the description before it may name options too), each entry's
// lines joined.
function cliHelp(command) {
  const run = spawnSync(native, [command, '--help'], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  const list = run.stdout.slice(run.stdout.indexOf('\nOptions:\n'));
  return new Map(list.split('\n  --').slice(1).map((entry) => [entry.split(/[ \n]/)[0], entry.replace(/\s+/g, ' ')]));
}

test('the page\'s settings are the command line\'s: every setting, its default and its page start', () => {
  for (const analysis of ['color', 'concept', 'values', 'prompts']) {
    const help = cliHelp(analysis);
    const own = registry.filter((s) => s.analyses.includes(analysis) && !(analysis === 'prompts' && s.name === 'task'));
    for (const s of own) {
      const text = help.get(s.name);
      assert.ok(text, `${analysis} --help lists --${s.name}`);
      if (s.kind === 'flag' || s.default === '') continue;
      assert.ok(text.includes(`(default ${s.default}`), `${analysis} --${s.name} states the default ${s.default}: ${text}`);
      if (s.page_default !== s.default) assert.ok(text.includes(`the page starts at ${s.page_default}`), text);
    }
  }
});

test('the defaults the module fills in are the command line\'s: no settings, the same report', () => {
  const small = path.join(here, '..', 'data', 'llm-colors-small.csv');
  const outcome = module.analyseColor(filesFor([small]), {}, null);
  assert.equal(outcome.ok, true, outcome.error.message);
  assertSameReport(outcome.report, nativeReport('color', [small], []));
});
