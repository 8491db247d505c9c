// The human baselines the figures draw count the concepts the report counts:
// a human concept answered by fewer people than the min-people setting is
// left out of the baseline as the report leaves it out of its means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadOf, site, useSite } from './support.mjs';

const shoal = useSite();
const examples = path.join(site, 'examples/concept');
const models = ['toy-a-base-judgements.csv', 'toy-a-chat-judgements.csv', 'toy-b-base-judgements.csv', 'toy-b-chat-judgements.csv'];
const MIN_PEOPLE = 20;

// The example humans, with only 12 people left for 'penguin': below the
// setting, while every other concept keeps its 60.
function fewHumans() {
  const [header, ...rows] = readFileSync(path.join(examples, 'concept-humans.csv'), 'utf8').trim().split('\n');
  const cells = (line) => line.split(',');
  const penguinPeople = [...new Set(rows.filter((r) => cells(r)[1] === '"penguin"').map((r) => cells(r)[2]))].slice(0, 12);
  const kept = rows.filter((r) => cells(r)[1] !== '"penguin"' || penguinPeople.includes(cells(r)[2]));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-humans-')), 'few-humans.csv');
  writeFileSync(file, [header, ...kept].join('\n') + '\n');
  return file;
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
// The paper's measure per concept: the last iteration, its chains averaged.
const lastIteration = (c) => mean(c.subsets[c.subsets.length - 1].chains.map((ch) => ch.last.p_multiple_concepts));

test('a human concept below the min-people setting is left out of the human baselines, as the report leaves it out', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  await page.setInputFiles('#file-input', [fewHumans(), ...models.map((m) => path.join(examples, m))]);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  for (const [name, value] of [['iterations', '20'], ['burnIn', '5'], ['chains', '2'], ['subsets', '10,25'], ['minPeople', String(MIN_PEOPLE)]]) {
    await page.fill(`input[name="${name}"]`, value);
  }
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 300000 });

  const report = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
  assert.deepEqual(report.comparisons.left_out, [{ population: 'human', concept: 'penguin', people: 12 }]);
  const human = report.populations.find((p) => p.human);
  const counted = human.concepts.filter((c) => !c.below_min_people);
  const expected = Object.fromEntries(['animals', 'politicians'].map((category) =>
    [category, mean(counted.filter((c) => c.category === category).map(lastIteration))]));
  // Counting the penguin would move the animals' baseline: the check can fail.
  const withPenguin = mean(human.concepts.filter((c) => c.category === 'animals').map(lastIteration));
  assert.notEqual(withPenguin.toFixed(6), expected.animals.toFixed(6));

  // Fig. 4 draws them over the model pairs, Fig. 2b over the humans' concepts.
  for (const figure of ['comparison-concept', 'concept-human']) {
    const rows = await page.$eval(`figure[data-figure="${figure}"]`, (f) => f.figureRows);
    const baselines = rows.filter((r) => r.family === 'human' || (r.concept ?? '').endsWith(' mean'));
    assert.deepEqual(Object.fromEntries(baselines.map((b) => [b.category, b.mean ?? b.value])), expected, figure);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
