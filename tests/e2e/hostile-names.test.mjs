// Populations and words named like members of every JavaScript object
// (__proto__, constructor, toString, valueOf, hasOwnProperty): the figures
// must treat them as plain text, drawing every population and raising no
// error. Built from the generated examples with their names replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, downloadOf, site, useSite } from './support.mjs';
import { checkCell } from './which-concepts-checks.mjs';

const shoal = useSite();
const examples = path.join(site, 'examples');

// Example model -> hostile population name (the family too, for the models).
const RENAMED = [['toy-a-base', '__proto__'], ['toy-a-chat', 'constructor'], ['toy-b-base', 'toString'], ['toy-b-chat', 'hasOwnProperty']];

function hostileFiles() {
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-names-'));
  const write = (name, text) => { const file = path.join(dir, name); writeFileSync(file, text); return file; };
  const rename = (text) => {
    for (const [from, to] of RENAMED) text = text.replaceAll(`\n${from},`, `\n${to},`);
    return text.replaceAll(',ocean,', ',valueOf,');
  };
  const files = [
    write('color-humans.csv', rename(readFileSync(path.join(examples, 'color/color-humans.csv'), 'utf8'))),
    write('concept-humans.csv', readFileSync(path.join(examples, 'concept/concept-humans.csv'), 'utf8')),
  ];
  for (const [from, to] of RENAMED) {
    // Colour files take their population from the file name.
    files.push(write(`${to}-prompt=none-temp=default.csv`, rename(readFileSync(path.join(examples, `color/${from}-prompt=none-temp=default.csv`), 'utf8'))));
    // Judgement files from their model_name column.
    files.push(write(`${from}-judgements.csv`, rename(readFileSync(path.join(examples, `concept/${from}-judgements.csv`), 'utf8'))));
  }
  return files;
}

test('populations and words named like object members reach every figure as text', async () => {
  const { context, page, consoleErrors, foreignRequests } = await shoal.open();
  const files = hostileFiles();
  await page.setInputFiles('#file-input', files);
  for (const file of files) await page.waitForSelector(`article[data-file="${path.basename(file)}"] .recognised`);
  await page.fill('input[name="iterations"]', '6');
  await page.fill('input[name="burnIn"]', '2');
  await page.fill('input[name="subsets"]', '10');
  await page.fill('input[name="chains"]', '1');
  await page.fill('input[name="bootstrap"]', '100');
  await page.fill('input[name="jsdSamples"]', '1000');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done"), #run-error:not([hidden])', { timeout: 240000 });
  await page.screenshot({ path: path.join(artifacts, 'hostile-names.png'), fullPage: true });
  assert.equal(await page.isHidden('#run-error'), true, await page.textContent('#run-error'));
  assert.deepEqual(consoleErrors, []);

  // The word valueOf, added to the colour bars (Fig. 5).
  await page.fill('input[name="colour-bar-word"]', 'valueOf');
  await page.press('input[name="colour-bar-word"]', 'Enter');
  await page.waitForSelector('figure[data-figure="colour-bars"] figcaption:has-text("valueOf")');
  await page.waitForSelector('figure[data-figure="colour-bars"] svg');

  const figures = await page.$$eval('figure[data-figure]', (all) => all.map((f) => ({
    name: f.dataset.figure, empty: f.dataset.empty === 'true', drawn: !!f.querySelector('svg'),
    text: [...f.querySelectorAll('svg text')].map((t) => t.textContent).join('\n'),
  })));
  assert.ok(figures.length >= 4, figures.map((f) => f.name).join(', '));
  for (const f of figures) assert.ok(f.empty || f.drawn, `${f.name} was not drawn`);

  // Every hostile population is named in the figures that show populations:
  // the population figures of each task name them all.
  const drawnText = figures.map((f) => f.text).join('\n');
  // Labels show the names as they are, without the key's prefix.
  assert.ok(!drawnText.includes('\u2060'), 'a label shows the key prefix');
  for (const [, name] of RENAMED) assert.match(drawnText, new RegExp(name), `${name} missing from the figures`);
  for (const figure of ['color-scatter', 'color-distance', 'colour-bars', 'concept-multiple', 'concept-heatmap', 'concept-subset-sizes']) {
    const f = figures.find((x) => x.name === figure);
    assert.ok(f && f.drawn, `${figure} was not drawn`);
    for (const [, name] of RENAMED) assert.ok(f.text.includes(name), `${name} missing from ${figure}`);
  }
  // Fig. 2a draws one point per population and word: every row it was given.
  const scatter = await page.$eval('figure[data-figure="color-scatter"]', (f) => ({
    rows: Number(f.dataset.points), points: f.querySelectorAll('svg g.mark-symbol path').length,
  }));
  assert.ok(scatter.rows >= 5 * 20, String(scatter.rows));
  assert.equal(scatter.points, scatter.rows);
  const bars = figures.find((f) => f.name === 'colour-bars');
  assert.ok(bars.text.includes('valueOf'), 'the word valueOf is missing from the colour bars');
  // One stripe row per population and word: each population named once per word panel.
  for (const [, name] of RENAMED) assert.ok(bars.text.includes(name), `${name} missing from the colour bars`);
  // The tables list every population too.
  for (const table of ['color-populations', 'concept-populations']) {
    const cells = await page.$$eval(`table[data-table="${table}"] tbody tr td:first-child`, (tds) => tds.map((td) => td.textContent));
    for (const [, name] of RENAMED) assert.ok(cells.some((c) => c.includes(name)), `${name} missing from ${table}`);
  }
  // Which concepts: every population listed by its name; a hostile one's
  // cards are the report's, under its name as text; the curves and the
  // comparison at equal effort name every population.
  const report = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
  const listed = await page.$$eval('select[name="which-population"] option', (o) => o.map((x) => x.textContent));
  for (const [, name] of RENAMED) assert.ok(listed.some((o) => o.includes(name)), `${name} missing from the population list`);
  const hostile = report.populations.find((p) => (p.label || p.name).includes('__proto__'));
  const concept = hostile.concepts.find((c) => c.profile.which_concepts).concept;
  await checkCell(page, report, hostile.name, concept);
  assert.match(await page.textContent('.which-concepts-cards h4'), /__proto__/);
  for (const figure of ['concept-diversity-curves', 'concept-diversity-comparison']) {
    const text = await page.$$eval(`figure[data-figure="${figure}"] svg text`, (t) => t.map((x) => x.textContent).join('\n'));
    assert.ok(!text.includes('\u2060'), `a label of ${figure} shows the key prefix`);
    for (const [, name] of RENAMED) assert.ok(text.includes(name), `${name} missing from ${figure}`);
  }
  await page.screenshot({ path: path.join(artifacts, 'hostile-which-concepts.png'), fullPage: true });
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
