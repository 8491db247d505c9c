// The exported HTML report of the paper's study read as a document: a title
// and summary first, then the comparisons, the figures, the method and its
// parameters in the form's words, and the per-cell tables last, folded and
// attached as CSV. Printed by Chromium on A4 it must stay a readable length.
//   SHOAL_SITE=build/site SHOAL_SHARED=/work/shared node --test tests/e2e/report-document.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, downloadOf, shared, useSite } from './support.mjs';

const colorref = path.join(shared, 'paper-data/color-task/colorref.csv');
const norms = path.join(shared, 'paper-data/color-task/word-norms.csv');
const chains = path.join(shared, 'paper-data/concept-task/human/crp-chains.csv');
const llmDir = path.join(shared, 'paper-data/concept-task/llm-responses');
const llmFiles = readdirSync(llmDir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(llmDir, f));

const DEFINITION = 'P(multiple concepts) = 1 − P(same table): the probability that two individuals drawn at random from the '
  + 'population hold different concepts (sit at different tables)';
const MAX_A4_PAGES = 30;

const shoal = useSite();

// Chromium writes each page as an object of its own: `/Type /Page` (not
// `/Pages`, the tree that holds them).
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

// The study run once, its report downloaded, read offline and printed; the
// first test to ask waits for it (root hooks would run before the browser).
const report = {};
let studied = null;
const study = () => (studied ??= runStudy());
async function runStudy() {
  assert.equal(llmFiles.length, 48);
  const { context, page, consoleErrors } = await shoal.open({ viewport: { width: 1280, height: 800 } });
  await page.setInputFiles('#file-input', [colorref, norms, chains, ...llmFiles]);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled, null, { timeout: 300000 });
  // Short chains: the document, not the sampler, is under test here.
  for (const [name, value] of [['iterations', '6'], ['burnIn', '2'], ['subsets', '25,50'], ['bootstrap', '100']]) {
    await page.fill(`input[name="${name}"]`, value);
  }
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 900000 });
  // The form's internal names (field names and option values) that a reader
  // must never meet in the report's parameters.
  report.internal = await page.$$eval('#parameters [name]', (fields) => [...new Set(fields.flatMap((f) =>
    [f.name, ...(f.tagName === 'SELECT' ? [...f.options].map((o) => o.value) : [])]))]);
  report.concept = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
  const exported = await downloadOf(page, 'button[data-download="report.html"]');
  report.consoleErrors = consoleErrors;
  await context.close();

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
  await study();
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
  await study();
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
  await study();
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
  await study();
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
  await study();
  assert.ok(report.doc.definitionAt >= 0, `the definition is missing: ${DEFINITION}`);
  assert.equal(report.doc.definitionAt, report.doc.firstMeasureAt, 'P(multiple concepts) is reported before it is defined');
});

test(`Chromium prints it on at most ${MAX_A4_PAGES} A4 pages`, async () => {
  await study();
  const pages = pageCount(report.pdf);
  assert.ok(pages > 3 && pages <= MAX_A4_PAGES, `the report prints on ${pages} A4 pages`);
});
