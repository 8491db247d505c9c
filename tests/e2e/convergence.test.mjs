// The concept analysis's convergence panel in the page: four chains by
// default, run until converged, the diagnostics and verdicts equal to the
// CLI's, its summary line, and trace plots of every chain for the cell chosen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, cliReport, shared, tableRows, useSite } from './support.mjs';

const file = path.join(shared, 'paper-data/concept-task/llm-responses/openchat-prompt=nonsense-temp=default.csv');

const shoal = useSite();

const shown = (value, digits) => (value === null ? '—' : value.toFixed(digits));

test('four chains by default, run until converged; diagnostics and verdicts per cell as the CLI reports them; trace plots per chain', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  assert.equal(await page.inputValue('input[name="chains"]'), '4');
  assert.equal(await page.inputValue('select[name="kernel"]'), 'split-merge');
  await page.setInputFiles('#file-input', [file]);
  await page.waitForSelector(`article[data-file="${path.basename(file)}"] .recognised:has-text("conceptual similarity")`);
  await page.fill('input[name="iterations"]', '150');
  await page.fill('input[name="burnIn"]', '30');
  await page.fill('input[name="subsets"]', '50');
  await page.fill('input[name="seed"]', '5');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });

  const expected = cliReport(['concept', file, '--chains', '4', '--iterations', '150', '--burn-in', '30', '--subsets', '50',
    '--seed', '5', '--bootstrap', '2000']);
  assert.equal(expected.parameters.kernel, 'split-merge');
  const subsets = expected.populations[0].concepts.flatMap((c) => c.subsets.map((s) => ({ concept: c.concept, s })));
  const rows = await tableRows(page, 'concept-convergence');
  assert.equal(rows.length, subsets.length);
  for (const { concept, s } of subsets) {
    const row = rows.find((r) => r.concept === concept);
    assert.ok(row, concept);
    assert.equal(row['R-hat P(same table)'], shown(s.r_hat.p_same_table, 3), concept);
    assert.equal(row['R-hat tables'], shown(s.r_hat.tables, 3), concept);
    assert.equal(row['ESS P(same table)'], shown(s.ess.p_same_table, 0), concept);
    assert.equal(row['ESS tables'], shown(s.ess.tables, 0), concept);
    assert.equal(row['tail-ESS P(same table)'], shown(s.convergence.p_same_table.ess_tail, 0), concept);
    assert.equal(row.iterations, String(s.convergence.iterations), concept);
    const expectedVerdict = s.convergence.verdict === 'failed'
      ? s.convergence.failed.map((f) => f.replace(/ \(needs [^)]*\)/, '')).join('; ')
      : s.convergence.verdict;
    assert.equal(row.verdict, expectedVerdict, concept);
  }
  const summary = await page.textContent('[data-convergence-summary]');
  assert.ok(summary.startsWith(expected.convergence.line), summary);
  assert.equal(Number(await page.getAttribute('[data-convergence-summary]', 'data-failed')), expected.convergence.failed.length);

  // Trace plots: one line per chain in both figures, redrawn for another cell.
  const lines = (name) => page.$$eval(`figure[data-figure="${name}"] svg g.mark-line path`, (p) => p.length);
  assert.equal(await lines('trace-p-same-table'), 4);
  assert.equal(await lines('trace-tables'), 4);
  const listed = await page.$$eval('[data-cell-list] button[data-cell]', (b) => b.map((x) => ({ key: x.dataset.cell, text: x.querySelector('.cell-name').textContent })));
  assert.equal(listed.length, Math.min(60, subsets.length));
  const last = listed[listed.length - 1];
  await page.click(`[data-cell-list] button[data-cell="${last.key}"]`);
  await page.waitForSelector(`figure[data-figure="trace-tables"] figcaption:has-text("${last.text}")`);
  assert.equal(await lines('trace-tables'), 4);
  await page.locator('section[data-panel="convergence"]').screenshot({ path: path.join(artifacts, 'convergence.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
