// The paper's figures made in the page from a real study: the human colour
// data, the word norms, the released human chains and the LLM concept files,
// at 1280×800. Checks the layout rules (no page overflow, no cut labels, no
// figure wider than its column, a caption and a description each), that
// figures plot the report's numbers, and keeps a screenshot of each
// counterpart of the paper's figures in test-artifacts/.
//   SHOAL_SITE=build/site SHOAL_SHARED=../shared node --test tests/e2e/figures-paper.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, downloadOf, tableRows, useSite } from './support.mjs';
import { chains, colorref, llmFiles, norms, runStudy as runPaperStudy } from './paper-study.mjs';
import { overlappingLabels } from './flow-checks.mjs';

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

const figureRows = (page, name) => page.$eval(`figure[data-figure="${name}"]`, (f) => f.figureRows);

async function checkLayout(page, populations, minimumFigures = 12) {
  const layout = await page.evaluate(() => {
    const main = document.querySelector('main');
    const figures = [...document.querySelectorAll('figure[data-figure]')].filter((f) => f.querySelector('svg'));
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ellipsised: [...document.querySelectorAll('svg text')].map((t) => t.textContent).filter((t) => t.trimEnd().endsWith('…')),
      column: main.clientWidth,
      figures: figures.map((f) => {
        const svg = f.querySelector('svg');
        const plot = f.querySelector('.plot-frame');
        const summary = document.getElementById(plot?.getAttribute('aria-describedby'));
        return {
          name: f.dataset.figure,
          caption: f.querySelector('figcaption')?.textContent.trim() ?? '',
          summary: summary?.textContent.trim() ?? '',
          label: `${plot?.getAttribute('role')}: ${plot?.getAttribute('aria-label')}`,
          width: svg.getBoundingClientRect().width,
        };
      }),
      empty: [...document.querySelectorAll('figure[data-empty]')].map((f) => ({
        name: f.dataset.figure, note: f.querySelector('.figure-note')?.textContent ?? '', svg: !!f.querySelector('svg'), buttons: f.querySelectorAll('button').length,
      })),
    };
  });
  assert.ok(layout.pageOverflow <= 0, `the page scrolls ${layout.pageOverflow} px sideways at ${populations} populations`);
  assert.deepEqual(layout.ellipsised, [], `cut labels at ${populations} populations`);
  assert.deepEqual(await overlappingLabels(page), [], `overlapping labels at ${populations} populations`);
  assert.ok(layout.figures.length >= minimumFigures, `only ${layout.figures.length} figures: ${layout.figures.map((f) => f.name).join(', ')}`);
  for (const f of layout.figures) {
    assert.ok(f.caption.length > 20, `${f.name} has no caption`);
    assert.ok(f.summary.length > 20, `${f.name} has no text description`);
    assert.equal(f.label, `img: ${f.caption}`);
    assert.ok(f.width <= layout.column, `${f.name} is ${f.width} px wide in a ${layout.column} px column at ${populations} populations`);
  }
  for (const e of layout.empty) {
    assert.ok(e.note.length > 10 && !e.svg && e.buttons === 0, `${e.name} is empty without saying why`);
  }
  return layout;
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

async function checkNumbers(page) {
  const color = JSON.parse((await downloadOf(page, 'button[data-download="color-report.json"]')).bytes.toString());
  const concept = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
  const human = concept.populations.find((p) => p.name === 'human (released chains)');
  assert.ok(human?.human, 'the released chains are a human population');

  // Model pairs (Fig. 4): the human baselines (the last iteration averaged
  // over the released chains), and each bar the report's own per-category
  // summary of the posterior means, with its bootstrap interval.
  const pairs = await figureRows(page, 'comparison-concept');
  const baselines = pairs.filter((r) => r.family === 'human');
  assert.deepEqual(baselines.map((b) => [b.category, b.mean.toFixed(3)]).sort(), [['animals', '0.559'], ['politicians', '0.783']]);
  const atLargest = (c) => c.subsets[c.subsets.length - 1];
  for (const bar of pairs.filter((r) => r.family !== 'human' && r.mean !== null)) {
    const p = concept.populations.find((x) => x.name === bar.population);
    const summary = concept.comparisons.populations.find((x) => x.population === p.name).summaries.p_multiple_concepts[bar.category];
    assert.equal(bar.mean, summary.mean, `${bar.model} ${bar.condition} ${bar.category}`);
    assert.deepEqual([bar.low, bar.high], summary.bootstrap_ci95, `${bar.model} ${bar.condition} ${bar.category}`);
    const counted = p.concepts.filter((c) => c.category === bar.category && c.subsets.length && !c.below_min_people);
    const overConcepts = mean(counted.map((c) => atLargest(c).p_multiple_concepts.mean));
    assert.ok(Math.abs(bar.mean - overConcepts) < 1e-12, `${bar.model} ${bar.condition} ${bar.category}: the summary is the mean over the category's concepts with enough people`);
  }
  assert.ok(pairs.some((r) => r.mean === null), 'models without data are drawn as NA');

  // Humans per concept (Fig. 2b): the final iteration averaged over chains.
  for (const row of (await figureRows(page, 'concept-human')).filter((r) => !r.concept.endsWith(' mean'))) {
    const c = human.concepts.find((x) => x.concept === row.concept);
    assert.equal(row.value, mean(atLargest(c).chains.map((ch) => ch.last.p_multiple_concepts)));
  }
  // Heat map: the posterior means.
  for (const row of await figureRows(page, 'concept-heatmap')) {
    const p = concept.populations.find((x) => x.name === row.population);
    assert.ok(p.concepts.some((c) => atLargest(c)?.p_multiple_concepts.mean === row.value), `${row.population} ${row.concept}`);
  }
  // By subset size: the report's means, each the mean over the category's
  // concepts with enough people of their posterior means at that size.
  const sizes = await figureRows(page, 'concept-subset-sizes');
  assert.ok(sizes.length > 0);
  for (const row of sizes) {
    const p = concept.populations.find((x) => x.name === row.population);
    const reported = concept.comparisons.populations.find((x) => x.population === p.name).subset_means
      .find((m) => m.category === row.category && m.people === row.people);
    assert.equal(row.mean, reported.mean, `${row.population} ${row.category} ${row.people}`);
    const values = p.concepts.filter((c) => c.category === row.category && !c.below_min_people)
      .flatMap((c) => c.subsets.filter((s) => s.people === row.people && s.p_multiple_concepts.mean !== null).map((s) => s.p_multiple_concepts.mean));
    assert.equal(row.concepts, values.length, `${row.population} ${row.category} ${row.people}`);
    assert.ok(Math.abs(row.mean - mean(values)) < 1e-12, `${row.population} ${row.category} ${row.people}`);
  }
  // Reliability: the description's per-model medians are the report's, each
  // the middle of the model's concepts (its conditions pooled).
  const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
  const reliabilityText = await page.$eval('figure[data-figure="concept-reliability"]', (f) =>
    document.getElementById(f.querySelector('.plot-frame').getAttribute('aria-describedby')).textContent);
  const groups = concept.comparisons.reliability_medians.groups.filter((g) => g.model !== null);
  assert.ok(groups.length > 0);
  for (const g of groups) {
    const values = concept.populations.filter((p) => g.populations.includes(p.name)).flatMap((p) => p.concepts)
      .map((c) => c.reliability.between_individuals.pairwise_agreement).filter((v) => v !== null);
    assert.ok(Math.abs(g.medians.between_individuals.median - median(values)) < 1e-12, g.model);
    const label = concept.populations.find((p) => p.name === g.populations[0]).model_label || g.model;
    assert.ok(reliabilityText.includes(`${label}, agreement between two individuals (Shoal): ${g.medians.between_individuals.median.toFixed(3)}`), `${g.model} in: ${reliabilityText}`);
  }
  // Counts: the sums over concepts.
  for (const row of await figureRows(page, 'concept-individuals')) {
    const p = concept.populations.find((x) => x.name === row.population);
    const field = { 'complete individuals': 'complete_individuals', 'incomplete individuals': 'incomplete_individuals', 'invalid replies': 'invalid_replies' }[row.kind];
    assert.equal(row.count, p.concepts.reduce((t, c) => t + c[field], 0));
  }
  // Internal vs population ΔE (Fig. 2a) and the distance bars.
  const scatter = await figureRows(page, 'color-scatter');
  assert.equal(scatter.length, color.populations[0].words.filter((w) => w.internal_delta_e.mean !== null).length);
  for (const row of scatter) {
    const w = color.populations.find((p) => p.name === row.population).words.find((x) => x.word === row.word);
    assert.equal(row.internal, w.internal_delta_e.mean);
    assert.equal(row.population_delta_e, w.population_delta_e.mean);
  }
  for (const row of await figureRows(page, 'color-distance')) {
    assert.equal(row.mean, color.populations.find((p) => p.name === row.population).dist_from_diagonal.mean);
  }
  // Word ratings: r of the norms file's concreteness against internal ΔE.
  const lines = readFileSync(norms, 'utf8').trim().split('\n').map((l) => l.split(','));
  const column = lines[0].indexOf('concreteness');
  const rating = new Map(lines.slice(1).filter((l) => l[column].trim() !== '' && Number.isFinite(Number(l[column]))).map((l) => [l[0], Number(l[column])]));
  const fit = (await figureRows(page, 'word-ratings')).find((r) => r.r !== undefined && r.population === color.populations[0].name);
  const pts = color.populations[0].words.filter((w) => rating.has(w.word) && w.internal_delta_e.mean !== null).map((w) => [rating.get(w.word), w.internal_delta_e.mean]);
  const mx = mean(pts.map((p) => p[0])), my = mean(pts.map((p) => p[1]));
  const sxy = pts.reduce((t, p) => t + (p[0] - mx) * (p[1] - my), 0);
  const r = sxy / Math.sqrt(pts.reduce((t, p) => t + (p[0] - mx) ** 2, 0) * pts.reduce((t, p) => t + (p[1] - my) ** 2, 0));
  assert.equal(fit.n, pts.length);
  assert.ok(Math.abs(fit.r - r) < 1e-12, `r ${fit.r} vs ${r}`);
  assert.deepEqual(fit, { population: fit.population, scale: 'concreteness', ...color.populations[0].word_rating_fits.find((f) => f.scale === 'concreteness') },
    'the line and r are the report\'s');
}

const SCREENSHOTS = {
  'color-scatter': 'fig2a-internal-vs-population',
  'concept-human': 'fig2b-human-p-multiple-concepts',
  'comparison-concept': 'fig4-concept-results',
  'colour-bars': 'fig5-colorbars',
  'concept-reliability': 'appendix-reliability',
  'concept-individuals': 'appendix-responseCounts-concept',
  'color-responses': 'appendix-responseCounts-color',
  'word-ratings': 'word-ratings-human-concreteness-vs-internal-deltaE',
  'color-distance': 'color-distance-from-unity',
  'concept-multiple': 'concept-p-multiple-by-category',
  'concept-heatmap': 'concept-heatmap',
  'concept-subset-sizes': 'concept-by-subset-size',
};

test('the paper\'s study: colorref, word norms, the human chains and the 48 LLM files at 1280×800', async () => {
  assert.equal(llmFiles.length, 48);
  const app = await runStudy([colorref, norms, chains, ...llmFiles]);
  for (const [name, file] of Object.entries(SCREENSHOTS)) {
    await app.page.locator(`figure[data-figure="${name}"]`).screenshot({ path: path.join(artifacts, `${file}.png`) });
  }
  await checkLayout(app.page, 49);
  await checkNumbers(app.page);
  // The figure set: a ZIP holding each figure's SVG and CSV.
  const zip = await downloadOf(app.page, 'button[data-download="figures.zip"]');
  const names = [...zip.bytes.toString('latin1').matchAll(/PK\x01\x02[\s\S]{42}([\x20-\x7e]+?\.(?:svg|csv|txt))/g)].map((m) => m[1]);
  for (const name of ['color-scatter.svg', 'color-scatter.csv', 'comparison-concept.svg', 'comparison-concept.csv', 'word-ratings.svg']) {
    assert.ok(names.includes(name), `${name} missing from the figure set (${names.join(', ')})`);
  }
  assert.deepEqual(app.consoleErrors, []);
  await app.context.close();
});

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
