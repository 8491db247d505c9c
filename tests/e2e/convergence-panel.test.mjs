// The convergence panel on a short adaptive run of one model's file and the
// paper's released human chains: the banner and the panel count the cells
// the report says did not pass; the panel opens on the worst cell that has
// draws (never a released-chains cell); the list of cells searches and
// filters, from the keyboard too; rank plots draw one panel per chain; and
// the panel reads on a phone and in dark mode (screenshots in the artifacts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, cliReport, downloadOf, shared, useSite } from './support.mjs';

const model = path.join(shared, 'paper-data/concept-task/llm-responses/openchat-prompt=nonsense-temp=default.csv');
const humans = path.join(shared, 'paper-data/concept-task/human/crp-chains.csv');
const settings = { iterations: '100', burnIn: '20', chains: '4', subsets: '25', seed: '2', maxIterations: '200', bootstrap: '100' };
const cliArgs = ['--iterations', '100', '--burn-in', '20', '--chains', '4', '--subsets', '25', '--seed', '2', '--max-iterations', '200',
  '--bootstrap', '100'];

const shoal = useSite();

// Every (population, concept, subset) of a report, keyed as the panel keys them.
function cellsOf(report) {
  return report.populations.flatMap((p, pi) => p.concepts.flatMap((c, ci) => c.subsets.map((s, si) => ({
    key: `${pi}/${ci}/${si}`, population: p, concept: c.concept, s, released: s.map.seating.length === 0,
  }))));
}

// The cell the panel must open on: of the cells with draws, the one that did
// not pass with the highest R-hat (of P(same table) and tables), else the
// one with the fewest effective draws.
function worstCell(report) {
  const withDraws = cellsOf(report).filter((c) => !c.released);
  const rHat = (c) => Math.max(c.s.convergence.p_same_table.r_hat ?? -Infinity, c.s.convergence.tables.r_hat ?? -Infinity);
  const ess = (c) => Math.min(...[c.s.convergence.p_same_table, c.s.convergence.tables].flatMap((d) => [d.ess_bulk ?? Infinity, d.ess_tail ?? Infinity]));
  const failed = withDraws.filter((c) => c.s.convergence.verdict === 'failed');
  if (failed.length > 0) return failed.reduce((a, b) => (rHat(b) > rHat(a) ? b : a));
  return withDraws.reduce((a, b) => (ess(b) < ess(a) ? b : a));
}

// Runs the analysis; returns every value the progress bar took.
async function run(page) {
  await page.setInputFiles('#file-input', [model, humans]);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  for (const [name, value] of Object.entries(settings)) await page.fill(`input[name="${name}"]`, value);
  await page.evaluate(() => {
    const bar = document.querySelector('#progress');
    window.progressSeen = [];
    new MutationObserver(() => window.progressSeen.push(bar.value)).observe(bar, { attributes: true });
  });
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 240000 });
  await page.waitForSelector('[data-chain-plots] figure[data-figure="rank-tables"] svg');
  return page.evaluate(() => window.progressSeen);
}

test('the banner and the panel count the report\'s failing cells; the panel opens on the worst cell with draws; the list filters; rank plots draw', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  const progress = await run(page);
  // Each round adds work, and the bar never goes back (it starts again at 0 only for a new run).
  const during = progress.slice(progress.findIndex((v) => v > 0));
  assert.ok(during.length > 5, `${during.length} progress values`);
  assert.ok(during.every((v, i) => i === 0 || v >= during[i - 1]), during.join(' '));
  const expected = cliReport(['concept', model, humans, ...cliArgs]);
  const report = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
  assert.deepEqual(report, expected);
  const cells = cellsOf(expected);
  const failing = expected.convergence.failed.length;
  assert.ok(failing > 0 && failing < cells.length, `${failing} of ${cells.length} failing: the run must give both kinds`);
  // The released human cells are among the worst: opening on the worst cell
  // of all would open one of them.
  const human = cells.filter((c) => c.released);
  assert.equal(human.length, 20);

  // One count everywhere: the report's, the banner's, the panel's summary and its list filtered to the cells that did not pass.
  assert.equal(Number(await page.getAttribute('[data-unconverged]', 'data-unconverged')), failing);
  assert.equal(Number(await page.getAttribute('[data-convergence-summary]', 'data-failed')), failing);
  assert.ok((await page.textContent('[data-convergence-summary]')).startsWith(expected.convergence.line));
  assert.equal(await page.$$eval('[data-failed-cells] li', (li) => li.length), failing);
  await page.selectOption('select[name="cell-verdict"]', 'failed');
  assert.equal(Number(await page.getAttribute('[data-cell-count]', 'data-cell-count')), failing);
  assert.ok(await page.$$eval('[data-cell-list] button', (b) => b.every((x) => x.dataset.verdict === 'failed')));
  await page.selectOption('select[name="cell-verdict"]', '');

  // Opened on the worst cell with draws, its numbers the report's.
  const worst = worstCell(expected);
  assert.equal(await page.getAttribute('.cell-detail', 'data-cell'), worst.key);
  const diagnostics = await page.$$eval('table[data-table="cell-diagnostics"] tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  const shown = (v, digits) => (v === null ? '—' : v.toFixed(digits));
  for (const [row, quantity] of [[0, 'p_same_table'], [1, 'tables'], [2, 'log_posterior']]) {
    const d = worst.s.convergence[quantity];
    assert.deepEqual(diagnostics[row].slice(1), [shown(d.r_hat, 4), shown(d.ess_bulk, 0), shown(d.ess_tail, 0), shown(d.mcse_mean, 4)], quantity);
  }
  assert.equal(await page.getAttribute('.cell-verdict', 'data-verdict'), worst.s.convergence.verdict);

  // Rank plots: one panel per chain, each with its bars, of the draws the report counts.
  const rankPanels = await page.$$eval('figure[data-figure="rank-p-same-table"] svg g.mark-rect', (g) => g.length);
  assert.equal(rankPanels, 4);
  const description = await page.$eval('figure[data-figure="rank-tables"] details.figure-description p', (p) => p.textContent);
  assert.ok(description.startsWith(`Ranks of the counted draws of 4 chains pooled, from iteration ${worst.s.convergence.burn_in} on`), description);
  assert.equal(await page.$$eval('figure[data-figure="trace-p-same-table"] svg g.mark-line path', (p) => p.length), 4);

  // Search narrows the list to the cells whose population, concept or size match.
  const concept = expected.populations[0].concepts[3].concept;
  await page.fill('input[name="cell-search"]', concept.toLowerCase());
  const matching = cells.filter((c) => c.concept.toLowerCase().includes(concept.toLowerCase()));
  assert.equal(Number(await page.getAttribute('[data-cell-count]', 'data-cell-count')), matching.length);
  assert.deepEqual((await page.$$eval('[data-cell-list] button', (b) => b.map((x) => x.dataset.cell))).sort(), matching.map((c) => c.key).sort());
  // From the keyboard: down from the search into the list, Enter opens the cell.
  await page.focus('input[name="cell-search"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement.dataset.cell);
  assert.ok(matching.some((c) => c.key === focused));
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.cell-detail[data-cell="${focused}"] [data-chain-plots] figure[data-figure="rank-tables"] svg, .cell-detail[data-cell="${focused}"] [data-chain-plots] .figure-note`);

  // The population filter: only the released human cells, which draw no plots.
  await page.fill('input[name="cell-search"]', '');
  await page.selectOption('select[name="cell-population"]', expected.populations[1].name);
  assert.equal(Number(await page.getAttribute('[data-cell-count]', 'data-cell-count')), human.length);
  const firstHuman = await page.getAttribute('[data-cell-list] button', 'data-cell');
  await page.click(`[data-cell-list] button[data-cell="${firstHuman}"]`);
  await page.waitForSelector(`.cell-detail[data-cell="${firstHuman}"] [data-chain-plots] .figure-note:has-text("released chains")`);
  assert.equal(await page.$$eval('.cell-detail figure', (f) => f.length), 0);

  // A failing cell from the summary's list opens it (a long list is folded).
  if (failing > 8) await page.click('details.convergence-failed-all summary');
  const fromSummary = await page.getAttribute('[data-failed-cells] button[data-open-cell]', 'data-open-cell');
  await page.click(`[data-failed-cells] button[data-open-cell="${fromSummary}"]`);
  assert.equal(await page.getAttribute('.cell-detail', 'data-cell'), fromSummary);
  await page.locator('section[data-panel="convergence"]').screenshot({ path: path.join(artifacts, 'convergence-panel-desktop.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the panel reads on a 390 px phone, in dark mode', async () => {
  const { context, page, consoleErrors } = await shoal.open({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await run(page);
  const panel = page.locator('section[data-panel="convergence"]');
  await panel.scrollIntoViewIfNeeded();
  // Nothing wider than the screen but the figures' own frames, which scroll.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  const listBox = await page.locator('[data-cell-list]').boundingBox();
  assert.ok(listBox.width <= 390 && listBox.x >= 0, JSON.stringify(listBox));
  const ink = await page.$eval('[data-cell-list] button', (b) => getComputedStyle(b).color);
  assert.notEqual(ink, 'rgb(27, 27, 27)', 'the list takes the dark scheme\'s ink');
  await page.locator('.cell-browser').screenshot({ path: path.join(artifacts, 'convergence-panel-phone-dark.png') });
  await panel.screenshot({ path: path.join(artifacts, 'convergence-panel-phone-dark-full.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
