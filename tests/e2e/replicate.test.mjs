// "Replicate the paper": nothing is requested from the paper's repository
// before the user agrees; afterwards the page fetches the pinned files (served
// here from the copies in ../shared through a route, with the files the copy
// lacks answered 404), runs with the paper's settings and sets the paper's
// iteration-499 values beside Shoal's, which equal the CLI's on the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { artifacts, cliReport, shared, tableRows, useSite } from './support.mjs';

const COMMIT = '3cf55834400a589d1ce8ca950cc0912809e6b73b';
const PREFIX = `https://raw.githubusercontent.com/skmur/onefish-twofish/${COMMIT}/`;
const MODELS = ['openchat', 'starling', 'mistral-instruct', 'zephyr-mistral', 'gemma-instruct', 'zephyr-gemma',
  'llama2', 'llama2-chat', 'tulu', 'tulu-dpo'];
const CONDITIONS = [['none', 'default'], ['identity', 'default'], ['random', 'default'], ['nonsense', 'default'],
  ['none', '1.5'], ['none', '2.0']];
const concept = path.join(shared, 'paper-data/concept-task');
const llmCopy = (stem) => path.join(concept, 'llm-responses', `${stem}.csv`);

// The paper's per-condition chain files, cut from the shared per-model copies.
function paperChains(model, prompt, temperature) {
  const file = path.join(concept, 'paper-crp-results', `${model}.csv`);
  if (!existsSync(file)) return null;
  const [header, ...rows] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l);
  const columns = header.split(',');
  const [p, t] = ['prompt', 'temperature'].map((c) => columns.indexOf(c));
  const mine = rows.filter((r) => { const f = r.split(','); return f[p] === prompt && f[t] === temperature; });
  return mine.length ? [header, ...mine].join('\n') + '\n' : null;
}

function servePaperFile(relative) {
  if (relative === 'input-data/color-task/colorref.csv') return readFileSync(path.join(shared, 'paper-data/color-task/colorref.csv'));
  if (relative === 'input-data/concept-task/ClusteringResults.csv') return readFileSync(path.join(concept, 'human/crp-chains.csv'));
  let m = relative.match(/^concept-task\/input-data\/(.+)-forCRP\.csv$/);
  if (m) return existsSync(llmCopy(m[1])) ? readFileSync(llmCopy(m[1])) : null;
  m = relative.match(/^concept-task\/output-data-500iterations\/(.+)-prompt=(.+)-temp=(.+)-ClusteringResults\.csv$/);
  if (m) return paperChains(m[1], m[2], m[3]);
  return null;  // Responses.csv (the human judgements) is not in the shared copy
}

const shoal = useSite();

const mean = (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
const fixed = (v) => (v === null ? '—' : v.toFixed(4));

test('replicate the paper: consent first, then the paper beside Shoal, equal to the CLI', async () => {
  const context = await shoal.context({ viewport: { width: 1280, height: 800 } });
  const served = [];
  await context.route((url) => url.href.startsWith('https://raw.githubusercontent.com/'), async (route) => {
    const url = route.request().url();
    served.push(url);
    const body = url.startsWith(PREFIX) ? servePaperFile(decodeURIComponent(url.slice(PREFIX.length))) : null;
    if (body) await route.fulfill({ status: 200, contentType: 'text/csv', body, headers: { 'access-control-allow-origin': '*' } });
    else await route.fulfill({ status: 404, body: 'not found', headers: { 'access-control-allow-origin': '*' } });
  });
  const app = await shoal.open({ context });
  const { page, requests } = app;
  await page.click('#replicate-button');
  await page.waitForSelector('#replicate-agree');
  assert.deepEqual(requests.filter((u) => u.includes('raw.githubusercontent.com')), [], 'nothing fetched before consent');
  assert.deepEqual(served, []);
  await page.screenshot({ path: path.join(artifacts, 'replicate-consent.png') });

  await page.click('#replicate-agree');
  await page.waitForSelector('#replication-heading', { timeout: 400000 });
  assert.match(await page.textContent('#run-status'), /Done/);
  assert.equal(served.length, 123, 'every file of the paper was requested once');
  await page.screenshot({ path: path.join(artifacts, 'replicate-results.png'), fullPage: false });

  // The CLI on the same files, in the page's order, with the paper's settings.
  const stems = MODELS.flatMap((m) => CONDITIONS.map(([p, t]) => `${m}-prompt=${p}-temp=${t}`)).filter((s) => existsSync(llmCopy(s)));
  const report = cliReport(['concept', ...stems.map(llmCopy), '--seed', '1', '--chains', '1', '--iterations', '500',
    '--burn-in', '100', '--alpha', '0.16', '--prior', 'simplicity', '--subsets', '25,50,75,100', '--kernel', 'gibbs',
    '--min-people', '1']);
  // The paper counted every concept, however few people answered it.
  assert.equal(await page.inputValue('#parameters [name="minPeople"]'), '1');
  const rows = await tableRows(page, 'paper-agreement');
  let llmRows = 0;
  let paperRows = 0;
  for (const population of report.populations) {
    for (const category of ['animals', 'politicians']) {
      const row = rows.find((r) => r.population === population.name && r.category === category);
      const results = population.concepts.filter((c) => c.category === category);
      if ((paperChains(population.model, population.prompt, population.temperature) ?? '').includes(`,${category}\n`)) paperRows++;
      if (!row) {
        const paper = paperChains(population.model, population.prompt, population.temperature) ?? '';
        assert.ok(!paper.includes(`,${category}\n`), `${population.name} ${category} is missing`);
        continue;
      }
      llmRows++;
      const subsets = results.flatMap((c) => c.subsets);
      assert.equal(row['Shoal P(multiple), last iteration'], fixed(mean(subsets.map((s) => s.last_iteration.p_multiple_concepts))), `${population.name} ${category}`);
      assert.equal(row['Shoal P(multiple), posterior mean'], fixed(mean(subsets.map((s) => s.p_multiple_concepts.mean))), `${population.name} ${category}`);
    }
  }
  assert.ok(llmRows > 0);
  assert.equal(llmRows, paperRows, 'a row for every model × condition × category the paper has');
  assert.equal(rows.length, llmRows + 2, 'and the two human rows');
  // The paper's human baseline from its released chains (iteration 499, mean of the chains).
  const human = Object.fromEntries(rows.filter((r) => r.population === 'human (released chains)').map((r) => [r.category, r['paper P(multiple), iteration 499']]));
  assert.equal(Number(human.animals).toFixed(3), '0.559');
  assert.equal(Number(human.politicians).toFixed(3), '0.783');
  // What could not be fetched is said, not dropped.
  const notice = await page.textContent('#replication-results .notice');
  assert.match(notice, /Responses\.csv: 404/);
  assert.match(notice, /starling-prompt=none-temp=default-forCRP\.csv: 404/);
  await context.close();
});
