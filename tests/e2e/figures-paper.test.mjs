// The paper's figures made in the page at 1280×800 from ten and from sixty
// populations of the paper's data, and the colour model pairs from the
// generated examples in the dark scheme: the layout rules (no page overflow,
// no cut labels, no figure wider than its column, a caption and a
// description each) and the numbers the figures plot. The whole study's
// figures are checked in paper-study.test.mjs, which reads one run of it.
//   SHOAL_SITE=build/site SHOAL_SHARED=../shared node --test tests/e2e/figures-paper.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, downloadOf, tableRows, useSite } from './support.mjs';
import { chains, colorref, llmFiles, norms, runStudy as runPaperStudy } from './paper-study.mjs';
import { checkLayout, figureRows } from './figure-checks.mjs';

const shoal = useSite();

// Twelve more populations: copies of two models' files under new model names.
function relabelledCopies() {
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-copies-'));
  return llmFiles.filter((f) => /^(openchat|zephyr-mistral)-prompt/.test(path.basename(f))).map((f) => {
    const copy = path.join(dir, `copy-${path.basename(f)}`);
    copyFileSync(f, copy);
    return copy;
  });
}

const runStudy = (files) => runPaperStudy(shoal, files);

test('ten and sixty populations keep every rule', async () => {
  for (const files of [llmFiles.slice(0, 9), [...llmFiles, ...relabelledCopies()]]) {
    const app = await runStudy([colorref, norms, chains, ...files]);
    await checkLayout(app.page, files.length + 1);
    // Every population is analysed; each with an animal concept clustered
    // on enough people to count (the min-people setting) has its bar.
    assert.equal((await tableRows(app.page, 'concept-populations')).length, files.length + 1);
    const clustered = new Set((await figureRows(app.page, 'concept-heatmap')).filter((r) => r.category === 'animals' && r.counted).map((r) => r.population));
    assert.ok(clustered.size > files.length / 2);
    assert.deepEqual(new Set((await figureRows(app.page, 'concept-multiple')).filter((r) => r.category === 'animals').map((r) => r.population)), clustered);
    const pairs = await figureRows(app.page, 'comparison-concept');
    assert.deepEqual(pairs.filter((r) => r.family === 'human').map((b) => b.mean.toFixed(3)).sort(), ['0.559', '0.783']);
    if (files.length > 48) {
      await app.page.locator('figure[data-figure="comparison-concept"]').screenshot({ path: path.join(artifacts, 'fig4-concept-results-60-populations.png') });
      await app.page.locator('figure[data-figure="concept-multiple"]').screenshot({ path: path.join(artifacts, 'concept-p-multiple-by-category-60-populations.png') });
    }
    assert.deepEqual(app.consoleErrors, []);
    await app.context.close();
  }
});

test('the colour model pairs (Fig. 3) with the generated examples, in the dark scheme', async () => {
  const app = await shoal.open({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  const { page } = app;
  await page.click('#example-button');
  await page.waitForSelector('article[data-file="toy-b-base-judgements.csv"] .recognised:has-text("conceptual similarity")');
  await page.waitForSelector('article[data-file="color-humans.csv"] .recognised:has-text("word–colour")');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  await checkLayout(page, 5, 10);
  const pairs = await figureRows(page, 'comparison-color');
  const color = JSON.parse((await downloadOf(page, 'button[data-download="color-report.json"]')).bytes.toString());
  for (const bar of pairs.filter((b) => b.mean !== null)) {
    const c = color.comparisons.conditions.find((x) => x.population === bar.population);
    assert.equal(bar.mean, c.metrics.dist_from_diagonal.mean);
    assert.equal(bar.low, c.metrics.dist_from_diagonal.bootstrap_ci95[0]);
  }
  assert.equal(pairs.length, 4);
  // The figures' ink is the page's text colour, whichever scheme the page
  // is in.
  const ink = await page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).color.match(/\d+/g).map(Number);
    return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  });
  const fills = await page.$$eval('figure[data-figure="comparison-color"] svg g.role-axis-label text', (t) => [...new Set(t.map((x) => x.getAttribute('fill')))]);
  assert.deepEqual(fills, [ink]);
  await page.locator('figure[data-figure="comparison-color"]').screenshot({ path: path.join(artifacts, 'fig3-color-results.png') });
  await page.locator('figure[data-figure="color-jsd"]').screenshot({ path: path.join(artifacts, 'appendix-jsd_with_human-bar.png') });
  assert.deepEqual(app.consoleErrors, []);
  await app.context.close();
});
