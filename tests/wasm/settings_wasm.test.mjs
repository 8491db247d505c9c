// The module's check of the analysis form's settings refuses what the
// command line refuses, with its words, and names the setting at fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { loadShoal, native } from './support.mjs';

const module = await loadShoal();

// The page's form at its defaults, by command-line name.
const form = () => ({
  color: { pairs: 'all', 'delta-e': 'cie76', jsd: 'bits', 'jsd-samples': '20000', seed: '1', bootstrap: '2000' },
  concept: { alpha: '0.16', prior: 'simplicity', kernel: 'split-merge', iterations: '500', 'burn-in': '100', chains: '4',
    subsets: '25,50,75,100', seed: '1', bootstrap: '2000', 'min-people': '10' },
});

// What `shoal TASK` says of the same settings (it checks them before it
// reads any file).
function cliRefusal(task, settings) {
  const args = [task, ...Object.entries(settings).flatMap(([name, text]) => [`--${name}`, text]), '/nonexistent.csv'];
  const run = spawnSync(native, args, { encoding: 'utf8' });
  assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
  return run.stderr.replace(/^shoal: /, '').trimEnd();
}

test('the form\'s defaults are accepted', () => {
  assert.deepEqual({ ...module.checkSettings(form()) }, { setting: '', message: '' });
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
    assert.equal(check.message, cliRefusal(task, settings[task]), `${name} ${value}`);
    assert.equal(check.setting, setting, `${name} ${value}`);
  }
});

test('of several refused settings, the first the command line names is the one shown', () => {
  const settings = form();
  settings.concept.iterations = '0';
  settings.concept.alpha = '0';
  settings.color.bootstrap = 'x';
  const check = module.checkSettings(settings);
  assert.equal(check.message, cliRefusal('color', settings.color));
  assert.equal(check.setting, 'bootstrap');
  settings.color.bootstrap = '0';
  assert.equal(module.checkSettings(settings).message, cliRefusal('concept', settings.concept));
  assert.equal(module.checkSettings(settings).setting, 'alpha');
});

test('a setting the analyses do not know is refused by name', () => {
  const settings = form();
  settings.concept.iterationz = '5';
  assert.deepEqual({ ...module.checkSettings(settings) }, { setting: 'iterationz', message: "unknown setting 'iterationz'" });
});

test('the ranges given to the form are the validator\'s', () => {
  const limits = JSON.parse(module.optionLimits());
  for (const [name, limit] of Object.entries(limits)) {
    if (name === 'subsets') continue;   // a list, checked above
    const task = name === 'jsd-samples' ? 'color' : 'concept';
    const cases = [[limit.min, true], [limit.max, true], [limit.whole ? limit.max + 1 : limit.max * 2, false]];
    if (limit.whole && limit.min > 0) cases.push([limit.min - 1, false]);
    // The burn-in must stay below the iterations, whose largest is the same number.
    if (name === 'burn-in') cases.splice(1, 1);
    for (const [value, accepted] of cases) {
      const settings = form();
      settings.concept['burn-in'] = '0';
      settings[task][name] = String(value);
      assert.equal(module.checkSettings(settings).message === '', accepted, `${name} ${value}`);
    }
  }
});
