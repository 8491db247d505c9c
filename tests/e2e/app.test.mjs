// End-to-end: the built page in headless Debian Chromium, driven by
// playwright-core. Uploads real files through the file input, runs the
// analyses and checks the page against the native CLI.
//   SHOAL_SITE=build/site SHOAL_NATIVE=build/native/shoal SHOAL_SHARED=../shared node --test tests/e2e
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, cliReport, downloadOf, native, shared, tableRows, useSite } from './support.mjs';
import { checkCell } from './which-concepts-checks.mjs';

const colorref = path.join(shared, 'paper-data/color-task/colorref.csv');
const conceptFiles = ['gemma-instruct-prompt=none-temp=default.csv', 'openchat-prompt=random-temp=default.csv']
  .map((name) => path.join(shared, 'paper-data/concept-task/llm-responses', name));

const shoal = useSite();

async function marksIn(page, figure) {
  return page.$$eval(`figure[data-figure="${figure}"] svg g.mark-symbol path, figure[data-figure="${figure}"] svg g.mark-rect path, `
    + `figure[data-figure="${figure}"] svg g.mark-rule line, figure[data-figure="${figure}"] svg g.mark-group path`, (m) => m.length);
}

test('both analyses of the paper\'s data in the page equal the CLI; figures, downloads, privacy', async () => {
  const app = await shoal.open();
  const { context, page, consoleErrors } = app;
  await page.setInputFiles('#file-input', [colorref, ...conceptFiles]);
  await page.waitForSelector('article[data-file="colorref.csv"] .recognised:has-text("word–colour")');
  for (const file of conceptFiles) {
    await page.waitForSelector(`article[data-file="${path.basename(file)}"] .recognised:has-text("conceptual similarity")`);
  }
  await page.screenshot({ path: path.join(artifacts, 'files.png'), fullPage: true });
  await page.selectOption('select[name="pairs"]', 'paper');
  await page.fill('input[name="seed"]', '11');
  await page.fill('input[name="chains"]', '2');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 180000 });
  await page.screenshot({ path: path.join(artifacts, 'results.png'), fullPage: true });

  // Colour: the page's numbers are the CLI's.
  const expectedColor = cliReport(['color', colorref, '--pairs', 'paper', '--seed', '11']);
  const rows = await tableRows(page, 'color-populations');
  assert.equal(rows.length, 1);
  const human = expectedColor.populations[0];
  assert.equal(rows[0].population, 'Humans');
  assert.equal(rows[0]['mean distance from diagonal'], human.dist_from_diagonal.mean.toFixed(4));
  assert.equal(rows[0]['mean distance from diagonal'], '15.8789');
  assert.equal(rows[0]['ci95 low'], human.dist_from_diagonal.ci95[0].toFixed(4));
  assert.equal(rows[0]['ci95 high'], human.dist_from_diagonal.ci95[1].toFixed(4));
  assert.equal(rows[0].slope, human.regression_internal_on_population.slope.toFixed(4));
  assert.equal(rows[0]['R²'], human.regression_internal_on_population.r_squared.toFixed(4));
  assert.equal(Number(rows[0].individuals), 475);
  const words = await tableRows(page, 'color-words');
  assert.equal(words.length, 199);
  for (const w of words) {
    const e = human.words.find((x) => x.word === w.word);
    assert.equal(w['internal ΔE'], e.internal_delta_e.mean.toFixed(4), w.word);
    assert.equal(w['population ΔE'], e.population_delta_e.mean.toFixed(4), w.word);
  }

  // Concepts: the same, for every population, concept and subset.
  const cliConcept = execFileSync(native, ['concept', ...conceptFiles, '--seed', '11', '--chains', '2', '--quiet'], { maxBuffer: 1 << 28 });
  const expectedConcept = JSON.parse(cliConcept.toString());
  const populations = await tableRows(page, 'concept-populations');
  assert.equal(populations.length, 2);
  for (const p of expectedConcept.populations) {
    const row = populations.find((r) => r.population === p.label);
    assert.ok(row, p.name);
    assert.equal(row['mean P(multiple concepts)'], p.mean_p_multiple_concepts.toFixed(4));
    assert.equal(row['mean at last iteration'], p.mean_last_p_multiple_concepts.toFixed(4));
  }
  const subsets = await tableRows(page, 'concept-subsets');
  const expectedSubsets = expectedConcept.populations.flatMap((p) => p.concepts.flatMap((c) => c.subsets.map((s) => ({ p, c, s }))));
  assert.equal(subsets.length, expectedSubsets.length);
  for (const { p, c, s } of expectedSubsets) {
    const row = subsets.find((r) => r.population === p.label && r.concept === c.concept && Number(r.people) === s.people);
    assert.ok(row, `${p.name} ${c.concept} ${s.people}`);
    assert.equal(row['P(multiple concepts)'], s.p_multiple_concepts.mean.toFixed(4));
    assert.equal(row['last iteration'], s.last_p_multiple_concepts.toFixed(4));
  }

  // Every figure drew marks.
  for (const name of ['color-distance', 'color-scatter', 'color-responses', 'concept-multiple', 'concept-reliability', 'concept-individuals']) {
    assert.ok((await marksIn(page, name)) > 0, `${name} drew no marks`);
  }
  const stripes = await page.$$eval('figure[data-figure^="colour-bars"] svg g.mark-rect path', (m) => m.length);
  assert.ok(stripes > 150, `colour bars drew ${stripes} stripes`);

  // Downloads are valid files; the reports are the CLI's, number for number.
  const colorReport = await downloadOf(page, 'button[data-download="color-report.json"]');
  assert.deepEqual(JSON.parse(colorReport.bytes.toString()), expectedColor);
  const conceptReport = await downloadOf(page, 'button[data-download="concept-report.json"]');
  assert.deepEqual(JSON.parse(conceptReport.bytes.toString()), expectedConcept);
  // Byte for byte, so with every field of how many concepts and which:
  // each cell's diversity, each concept's profile (curve and partition,
  // the similarity matrix as its string) and the comparisons at equal effort.
  assert.ok(conceptReport.bytes.equals(cliConcept), 'the page\'s concept report differs from the CLI\'s');
  const cells = expectedConcept.populations.flatMap((p) => p.concepts.map((c) => ({ p, c })));
  assert.equal(cells.length, 40);
  for (const { p, c } of cells) {
    const where = `${p.name} · ${c.concept}`;
    assert.ok(c.subsets.every((s) => s.diversity.q0.mean >= 1 && s.diversity.q2.mean >= 1 && s.diversity.missing === null), where);
    assert.ok(c.profile.curve.people.length > 0 && c.profile.missing === null, where);
    assert.equal(c.profile.which_concepts.partition.length, c.profile.people, where);
    assert.equal(c.profile.which_concepts.similarity_percent.split(' ').length, (c.profile.people * (c.profile.people - 1)) / 2, where);
  }
  assert.equal(expectedConcept.diversity_comparisons.length, 20);

  // Which concepts: the cards are the report's, the matrix has every pair
  // of people: Gemma's finch, all 100 people in one concept, and OpenChat's
  // chicken, several concepts.
  const [gemma, openchat] = ['gemma-instruct', 'openchat'].map((m) => expectedConcept.populations.find((p) => p.model === m));
  const finch = await checkCell(page, expectedConcept, gemma.name, 'a finch');
  assert.equal(finch.n, 100);
  const chicken = await checkCell(page, expectedConcept, openchat.name, 'a chicken');
  assert.ok(chicken.concepts > 1, `${chicken.concepts} concepts`);
  await (await page.$('.which-concepts-cell')).screenshot({ path: path.join(artifacts, 'which-concepts-paper.png') });
  const svg = await downloadOf(page, 'figure[data-figure="color-scatter"] button[data-download$=".svg"]');
  assert.match(svg.bytes.toString(), /^<svg[\s\S]*<\/svg>\s*$/);
  const conceptSvg = await downloadOf(page, 'figure[data-figure="concept-multiple"] button[data-download$=".svg"]');
  assert.match(conceptSvg.bytes.toString(), /^<svg[\s\S]*<\/svg>\s*$/);
  const png = await downloadOf(page, 'figure[data-figure="color-distance"] button[data-download$=".png"]');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Long tables start folded: open them as a reader would.
  await page.click('details.table-fold:has(table[data-table="color-words"]) > summary');
  const csv = await downloadOf(page, 'button[data-download="color-words.csv"]');
  const lines = csv.bytes.toString().trim().split('\n');
  assert.equal(lines.length, 200);
  assert.match(lines[0], /^population,word,individuals,/);
  await page.click('details.table-fold:has(table[data-table="concept-subsets"]) > summary');
  const subsetCsv = await downloadOf(page, 'button[data-download="concept-subsets.csv"]');
  assert.equal(subsetCsv.bytes.toString().trim().split('\n').length, expectedSubsets.length + 1);

  const colorMillis = Number(await page.getAttribute('#run-status', 'data-color-millis'));
  const conceptMillis = Number(await page.getAttribute('#run-status', 'data-concept-millis'));
  console.log(`in the page: colorref analysed in ${colorMillis.toFixed(0)} ms; two concept files (2 chains) in ${conceptMillis.toFixed(0)} ms`);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(app.foreignRequests(), []);
  await context.close();
});

test('a long concept run shows progress and can be cancelled; the page stays usable', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  await page.setInputFiles('#file-input', conceptFiles);
  await page.waitForSelector(`article[data-file="${path.basename(conceptFiles[1])}"] .recognised:has-text("conceptual similarity")`);
  await page.fill('input[name="iterations"]', '100000');
  await page.click('#run-button');
  await page.waitForFunction(() => {
    const bar = document.querySelector('#progress');
    return bar && !bar.hidden && bar.hasAttribute('value') && Number(bar.value) > 0;
  }, null, { timeout: 60000 });
  await page.click('#cancel-button');
  await page.waitForSelector('#run-status:has-text("Cancelled")');
  await page.fill('input[name="iterations"]', '50');
  await page.fill('input[name="burnIn"]', '10');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 60000 });
  assert.equal((await tableRows(page, 'concept-populations')).length, 2);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('bad input is shown as a message naming file, row and column; the page stays usable', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-bad-'));
  const bad = path.join(dir, 'bad.csv');
  execFileSync('sh', ['-c', `printf 'participantID,word,response_r,response_g,response_b,condition\\n1,sky,1,x,3,block1_target_trial\\n' > '${bad}'`]);
  await page.setInputFiles('#file-input', [bad]);
  const message = await page.textContent('article[data-file="bad.csv"] .error');
  assert.match(message, /bad\.csv, row 2, column 'response_g'/);
  await page.click('article[data-file="bad.csv"] button.remove');
  await page.click('#example-button');
  await page.waitForSelector('article[data-file="color-humans.csv"] .recognised:has-text("word–colour")');
  await page.waitForSelector('article[data-file="toy-b-base-judgements.csv"] .recognised:has-text("conceptual similarity")');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 60000 });
  assert.equal((await tableRows(page, 'color-populations')).length, 5);
  assert.equal((await tableRows(page, 'concept-populations')).length, 5);

  // The comparison report: model pairs side by side, the mixed models, and
  // an HTML export that opens offline with every figure in it.
  for (const key of ['color', 'concept']) assert.ok((await marksIn(page, `comparison-${key}`)) > 0, `comparison-${key} drew no marks`);
  const alignedRows = await page.$$eval('.model[data-model="alignment"] table.fit tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)).filter((cells) => cells[0] === 'aligned'));
  assert.equal(alignedRows.length, 4);  // REML and ML, two tasks
  for (const cells of alignedRows) assert.ok(Number(cells[1]) < 0, `aligned effect ${cells[1]}`);
  await page.screenshot({ path: path.join(artifacts, 'comparison.png'), fullPage: true });
  const figuresOnPage = await page.$$eval('#results figure[data-figure] svg', (f) => f.length);
  const exported = await downloadOf(page, 'button[data-download="report.html"]');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-export-')), 'report.html');
  writeFileSync(file, exported.bytes);
  const { context: offline, page: reader, requests, consoleErrors: readerErrors } = await shoal.readOffline(file);
  const shown = await reader.evaluate(() => ({
    figures: document.querySelectorAll('figure svg').length,
    marks: document.querySelectorAll('figure svg path, figure svg line').length,
    tables: document.querySelectorAll('table.fit').length,
    scripts: document.querySelectorAll('script').length,
  }));
  assert.equal(shown.figures, figuresOnPage);
  assert.ok(shown.marks > 10);
  assert.equal(shown.tables, 4);
  assert.equal(shown.scripts, 0);
  assert.deepEqual(requests, [pathToFileURL(file).href]);
  assert.deepEqual(readerErrors, []);
  await offline.close();
  await page.screenshot({ path: path.join(artifacts, 'example-results.png'), fullPage: true });
  assert.deepEqual(consoleErrors, []);
  rmSync(dir, { recursive: true });
  await context.close();
});
