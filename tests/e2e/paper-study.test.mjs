// The paper's whole study run once in the page at 1280×800, with short
// chains (the figures and the document, not the sampler, are under test
// here): the human colour data, the word norms, the released human chains and
// the 48 LLM concept files. Every test here reads that one run: its figures
// (the layout rules, the report's numbers in each, the figure set, a
// screenshot of each counterpart of the paper's figures in test-artifacts/),
// and the HTML report it exports read as a document: a title and summary
// first, then the comparisons, the figures, the method and its parameters in
// the form's words, and the per-cell tables last, folded and attached as CSV.
// Printed by Chromium on A4 it must stay a readable length.
//   SHOAL_SITE=build/site SHOAL_SHARED=/work/shared node --test tests/e2e/paper-study.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, downloadOf, useSite } from './support.mjs';
import { chains, colorref, llmFiles, norms, runStudy } from './paper-study.mjs';
import { checkLayout, figureRows } from './figure-checks.mjs';

const DEFINITION = 'P(multiple concepts) = 1 − P(same table): the probability that two individuals drawn at random from the '
  + 'population hold different concepts (sit at different tables)';
const MAX_A4_PAGES = 30;

const shoal = useSite();

// The run, started by the first test to ask and awaited by every other (root
// hooks would run before the browser); its page stays open for them all.
let studied = null;
const study = () => (studied ??= (async () => {
  assert.equal(llmFiles.length, 48);
  return runStudy(shoal, [colorref, norms, chains, ...llmFiles]);
})());

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
  const app = await study();
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
});

// Chromium writes each page as an object of its own: `/Type /Page` (not
// `/Pages`, the tree that holds them).
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

// The report the run exports, downloaded, read offline and printed once for
// the tests that read it.
const report = {};
let documented = null;
const exportedReport = () => (documented ??= readReport());
async function readReport() {
  const { page, consoleErrors } = await study();
  // The form's internal names (field names and option values) that a reader
  // must never meet in the report's parameters.
  report.internal = await page.$$eval('#parameters [name]', (fields) => [...new Set(fields.flatMap((f) =>
    [f.name, ...(f.tagName === 'SELECT' ? [...f.options].map((o) => o.value) : [])]))]);
  report.concept = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
  const exported = await downloadOf(page, 'button[data-download="report.html"]');
  report.consoleErrors = consoleErrors;

  const file = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-report-')), exported.name);
  writeFileSync(file, exported.bytes);
  writeFileSync(path.join(artifacts, 'report-document.html'), exported.bytes);
  const { context: offline, page: reader, requests, consoleErrors: readerErrors } =
    await shoal.readOffline(file, { viewport: { width: 1000, height: 1200 } });
  report.readerRequests = requests;
  report.readerErrors = readerErrors;
  report.doc = await reader.evaluate(READ_DOCUMENT, DEFINITION);
  // An attached table saves from the file itself, offline, without script.
  if (await reader.$('a[data-attachment="concept-subsets"]')) {
    const [saved] = await Promise.all([reader.waitForEvent('download'), reader.click('a[data-attachment="concept-subsets"]')]);
    const copy = path.join(path.dirname(file), saved.suggestedFilename());
    await saved.saveAs(copy);
    report.savedAttachment = { name: saved.suggestedFilename(), lines: readFileSync(copy, 'utf8').trim().split('\n').length };
  }
  await reader.emulateMedia({ media: 'print' });
  report.pdf = await reader.pdf({ format: 'A4' });
  writeFileSync(path.join(artifacts, 'report-document.pdf'), report.pdf);
  console.log(`report: ${(exported.bytes.length / 1024).toFixed(0)} KiB, ${pageCount(report.pdf)} A4 pages`);
  await offline.close();
}

// What a reader meets in the report, in document order.
function READ_DOCUMENT(definition) {
  const before = (a, b) => Boolean(a && b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));
  const comparisons = document.querySelector('[data-section="comparisons"]');
  const firstModel = document.querySelector('table.fit');
  const cellTables = [...document.querySelectorAll('table[data-table="concept-subsets"], table[data-table="color-words"]')];
  const text = document.body.textContent;
  return {
    sections: [...document.querySelectorAll('body > h1, body > section[data-section]')].map((e) => e.dataset.section ?? 'title'),
    modelsInComparisons: Boolean(comparisons?.contains(firstModel)),
    cellTables: cellTables.map((t) => {
      const attachment = document.querySelector(`a[data-attachment="${t.dataset.table}"]`);
      const href = attachment?.getAttribute('href') ?? '';
      const csv = href.startsWith('data:text/csv;base64,')
        ? new TextDecoder().decode(Uint8Array.from(atob(href.slice(href.indexOf(',') + 1)), (c) => c.charCodeAt(0))) : '';
      return {
        name: t.dataset.table,
        afterComparisons: before(firstModel, t),
        inClosedDetails: Boolean(t.closest('details:not([open])')),
        rows: t.querySelectorAll('tbody tr').length,
        csvLines: csv.trim() === '' ? 0 : csv.trim().split('\n').length,
        csvHeader: csv.split('\n')[0],
        header: [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim())
          .map((title) => (/[",]/.test(title) ? `"${title.replace(/"/g, '""')}"` : title)).join(','),
        download: attachment?.getAttribute('download') ?? '',
      };
    }),
    summary: document.querySelector('[data-section="summary"]')?.textContent.replace(/\s+/g, ' ') ?? '',
    parameters: [...document.querySelectorAll('table.parameters tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
    definitionAt: text.indexOf(definition),
    firstMeasureAt: text.indexOf('P(multiple concepts)'),
    figureCaptions: [...document.querySelectorAll('figure[data-figure] figcaption')].map((c) => c.textContent.trim()),
    controls: document.querySelectorAll('button, select, input, script').length,
  };
}

test('order: title, summary, comparisons, figures, method, appendix', async () => {
  await exportedReport();
  assert.deepEqual(report.doc.sections, ['title', 'summary', 'comparisons', 'figures', 'method', 'appendix']);
  assert.ok(report.doc.modelsInComparisons, 'the mixed models are not in the comparisons section');
  assert.ok(report.doc.figureCaptions.length >= 12 && report.doc.figureCaptions.every((c) => c.length > 20));
  assert.equal(report.doc.controls, 0, 'the report holds controls');
  assert.deepEqual(report.consoleErrors, []);
  // Read offline, the document asks for nothing beyond itself and logs no error.
  assert.deepEqual(report.readerRequests.filter((u) => !/^(file|data|blob):/.test(u)), []);
  assert.deepEqual(report.readerErrors, []);
});

test('the summary states each group\'s P(multiple concepts) per category and the alignment model\'s estimate, from the report', async () => {
  await exportedReport();
  const { comparisons, populations } = report.concept;
  const summaries = new Map(comparisons.populations.map((p) => [p.population, p.summaries.p_multiple_concepts]));
  const human = populations.find((p) => p.human);
  for (const category of ['animals', 'politicians']) {
    assert.ok(report.doc.summary.includes(`${summaries.get(human.name)[category].mean.toFixed(3)} for ${category}`), `the humans' ${category}`);
    for (const aligned of [true, false]) {
      const means = populations.filter((p) => !p.human && p.aligned === aligned).map((p) => summaries.get(p.name)?.[category]?.mean)
        .filter((m) => m !== null && m !== undefined);
      // The report's own means, lowest to highest: the page averages nothing itself.
      const range = `${Math.min(...means).toFixed(3)} to ${Math.max(...means).toFixed(3)} for ${category} (across ${means.length} populations)`;
      assert.ok(report.doc.summary.includes(range), `the ${aligned ? '' : 'not '}aligned models' ${category}: ${range}`);
    }
  }
  const model = comparisons.models.find((m) => m.name === 'alignment' && m.metric === 'p_multiple_concepts');
  const effect = model.reml.fixed.find((e) => e.term === 'aligned');
  assert.ok(report.doc.summary.includes(`estimate ${effect.estimate.toFixed(3)}, SE ${effect.se.toFixed(3)}`), 'the alignment estimate');
});

test('the per-cell tables come after the comparisons, folded, and attached as CSV with every row', async () => {
  await exportedReport();
  const tables = report.doc.cellTables;
  assert.deepEqual(tables.map((t) => t.name).sort(), ['color-words', 'concept-subsets']);
  for (const t of tables) {
    assert.ok(t.afterComparisons, `${t.name} comes before the comparisons`);
    assert.ok(t.inClosedDetails, `${t.name} is not in a closed appendix`);
    assert.ok(t.rows > 100, `${t.name} has ${t.rows} rows`);
    assert.equal(t.csvLines, t.rows + 1, `${t.name}: the attached CSV has ${t.csvLines} lines for ${t.rows} rows`);
    assert.equal(t.csvHeader, t.header, `${t.name}: the CSV's columns`);
    assert.match(t.download, /\.csv$/);
  }
  const subsets = tables.find((t) => t.name === 'concept-subsets');
  assert.deepEqual(report.savedAttachment, { name: subsets.download, lines: subsets.rows + 1 }, 'the attachment did not save from the offline file');
});

test('parameters in the form\'s words, never its internal names', async () => {
  await exportedReport();
  const rows = report.doc.parameters;
  const shown = Object.fromEntries(rows.map((cells) => [cells[1], cells[2]]));
  assert.equal(shown['Colour difference'], 'ΔE 1976 (the paper\'s)');
  assert.equal(shown.Sampler, 'Gibbs with split–merge moves');
  assert.equal(shown.Iterations, '6');
  for (const cells of rows) {
    for (const cell of cells) assert.ok(!report.internal.includes(cell), `the parameter row ${cells.join(' | ')} shows the internal name ${cell}`);
  }
});

test('the headline measure is defined where it is first reported', async () => {
  await exportedReport();
  assert.ok(report.doc.definitionAt >= 0, `the definition is missing: ${DEFINITION}`);
  assert.equal(report.doc.definitionAt, report.doc.firstMeasureAt, 'P(multiple concepts) is reported before it is defined');
});

test(`Chromium prints it on at most ${MAX_A4_PAGES} A4 pages`, async () => {
  await exportedReport();
  const pages = pageCount(report.pdf);
  assert.ok(pages > 3 && pages <= MAX_A4_PAGES, `the report prints on ${pages} A4 pages`);
});
