// "Numeric answers": the internal-vs-population analysis of numbers
// (estimates, ratings, vectors), run in its own worker; the figures and
// tables are the colour task's per-item ones with the report's unit.
import type { SettingsText } from '@shoal-wasm/shoal.mjs';
import { readValuesAnalysisFile, type AnalysisDefinition } from '../analysis-file/open-analysis';
import type { Setting } from '../parameters/settings';
import { draw } from '../charts/figure';
import { perItemDistanceFigure, perItemScatterFigure } from '../charts/per-item-charts';
import { valuesMeasure, valuesPerItem, valuesResponsesFigure } from '../charts/values-charts';
import { append, formatNumber, h } from '../dom';
import { download } from '../download';
import type { ValuesReport } from '../report-types';
import { analyseValues } from '../values/values-client';
import { embeddedFiles } from '../links/link-files';
import { perItemPopulationTable, perItemTable } from './per-item-tables';
import { checkAgainst, valuesCode, valuesFile, type ValuesFile } from './values-code';
import './numeric-answers.css';

function modelList(report: ValuesReport): HTMLElement {
  return h('ul', { class: 'values-models' }, ...report.comparisons.models.map((m) => {
    if (m.status !== 'fitted' || !m.reml) return h('li', { 'data-model': m.name }, `${m.formula}: not fitted (${m.reason ?? ''})`);
    const terms = m.reml.fixed.filter((e) => e.term !== 'Intercept')
      .map((e) => `${e.term} ${formatNumber(e.estimate, 4)} (SE ${formatNumber(e.se, 4)}, p ${e.p === null ? '—' : e.p.toExponential(2)})`);
    return h('li', { 'data-model': m.name }, `${m.formula}, REML: ${terms.join('; ')}`);
  }));
}

// The report's parts, drawn before any is shown.
async function reportParts(report: ValuesReport, text: string): Promise<(HTMLElement | null)[]> {
  const save = h('button', { type: 'button', class: 'download', 'data-download': 'values-report.json' }, 'Download the report (JSON)');
  save.addEventListener('click', () => download('shoal-values-report.json', text, 'application/json'));
  const p = report.parameters;
  const populations = valuesPerItem(report);
  const measure = valuesMeasure(report);
  const issues = report.input_issues.length
    ? h('ul', { class: 'issues' }, ...report.input_issues.map((x) => h('li', {}, `${x.count} × ${x.description} (first: ${x.first_file}, row ${x.first_row})`)))
    : null;
  return [
    h('h3', {}, 'Numeric answers'),
    h('p', {}, `Scale: ${p.scale} · unit: ${p.unit} · dimensions: ${p.dimensions} · pairs: ${p.pairs} · seed ${p.seed}`),
    save,
    issues,
    await draw(() => perItemDistanceFigure(populations, measure)),
    await draw(() => perItemScatterFigure(populations, measure)),
    await draw(() => valuesResponsesFigure(report)),
    perItemPopulationTable(populations, measure),
    perItemTable(populations, measure),
    h('h4', {}, 'Mixed models of the per-item distance'),
    modelList(report),
  ];
}

async function exampleFiles(): Promise<ValuesFile[]> {
  const index = await fetch('examples/index.json');
  if (!index.ok) throw new Error('The generated examples are missing from this build.');
  const { values } = (await index.json()) as { values?: string[] };
  if (!values?.length) throw new Error('This build has no numeric examples.');
  return Promise.all(values.map(async (path) => {
    const response = await fetch(encodeURI(`examples/${path}`));
    if (!response.ok) throw new Error(`The example file ${path} is missing from this build.`);
    return valuesFile(path.split('/').pop()!, new Uint8Array(await response.arrayBuffer()));
  }));
}

export interface NumericAnswers {
  // An analysis file or report of numeric answers opened: its settings set,
  // its inputs asked for and checked.
  open: (name: string, content: string) => void;
  // A share link to numeric answers opened (links/analysis-link.ts).
  openLink: (definition: AnalysisDefinition) => void;
}

// `registry`: every setting's definition, once the module has given it.
export function setUpNumericAnswers(section: HTMLElement, registry: () => Setting[]): NumericAnswers {
  const input = h('input', { type: 'file', multiple: true, accept: '.csv,.tsv,.txt,.gz,.json,.jsonl', name: 'values-files' }) as HTMLInputElement;
  const example = h('button', { type: 'button', id: 'values-example-button' }, 'Try the numeric example');
  const scale = h('select', { name: 'values-scale' },
    h('option', { value: 'pooled-sd' }, 'each item in its pooled SD'), h('option', { value: 'raw' }, 'raw numbers'));
  const unit = h('input', { type: 'text', name: 'values-unit', placeholder: 'e.g. people, %', size: 12 }) as HTMLInputElement;
  const opener = h('input', { type: 'file', accept: '.json,application/json', id: 'values-analysis-input' }) as HTMLInputElement;
  const status = h('p', { class: 'status', role: 'status' });
  const expected = h('div', { id: 'values-definition' });
  const code = h('div', { id: 'values-code' });
  const results = h('div', { id: 'values-results' });
  let files: ValuesFile[] = [];
  // An opened analysis file: its settings, and the inputs it names.
  // `source` names the file; null for a link.
  let opened: { source: string | null; definition: AnalysisDefinition } | null = null;
  // Runs may finish out of order (the pool has several workers): only the
  // latest one is shown.
  let latest = 0;

  // The settings this view offers; an opened analysis file gives the others,
  // and without one they take the registry's defaults.
  const settings = (): SettingsText =>
    ({ ...(opened?.definition.settings ?? {}), scale: (scale as HTMLSelectElement).value, unit: unit.value.trim() });

  const run = async () => {
    const current = ++latest;
    let batch: ValuesFile[] | null = files;
    expected.replaceChildren();
    if (opened) {
      const checked = checkAgainst(opened.definition, opened.source, files, () => { void restore(); });
      expected.append(checked.panel);
      batch = checked.ready;
    }
    code.replaceChildren();
    if (batch === null || batch.length === 0) {
      results.replaceChildren();
      status.textContent = opened ? 'Waiting for the files the analysis needs.' : '';
      return;
    }
    const analysed = batch;
    const chosen = settings();
    code.append(valuesCode(registry(), analysed, chosen));
    status.textContent = `Analysing ${analysed.length} file(s)…`;
    try {
      const outcome = await analyseValues(analysed, chosen);
      if (current !== latest) return;
      if (!outcome.ok) {
        const e = outcome.error;
        status.textContent = `Error: ${e.message}`;
        results.replaceChildren();
        return;
      }
      const parts = await reportParts(JSON.parse(outcome.report) as ValuesReport, outcome.report);
      if (current !== latest) return;
      results.replaceChildren();
      append(results, ...parts);
      status.textContent = `Analysed ${analysed.map((f) => f.name).join(', ')}.`;
    } catch (error) {
      if (current === latest) status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  input.addEventListener('change', async () => {
    files = await Promise.all([...(input.files ?? [])].map(async (f) => valuesFile(f.name, new Uint8Array(await f.arrayBuffer()))));
    input.value = '';
    await run();
  });
  example.addEventListener('click', async () => {
    try {
      files = await exampleFiles();
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    opened = null;   // the example is an analysis of its own
    await run();
  });
  // The data a link carries, inflated when the reader asks, beside the files chosen.
  const restore = async () => {
    if (!opened) return;
    const { files: restored, problems } = await embeddedFiles({ version: 1, tool: opened.definition.tool, parameters: {}, files: opened.definition.files });
    const added = await Promise.all(restored.map((f) => valuesFile(f.name, f.bytes)));
    files = [...files.filter((f) => !added.some((a) => a.name === f.name)), ...added];
    await run();
    if (problems.length) status.textContent = problems.join(' ');
  };
  const show = (source: string | null, definition: AnalysisDefinition) => {
    opened = { source, definition };
    (scale as HTMLSelectElement).value = opened.definition.settings.scale ?? 'pooled-sd';
    unit.value = opened.definition.settings.unit ?? '';
    void run();
    section.scrollIntoView();
  };
  const open = (source: string, content: string) => {
    try {
      show(source, readValuesAnalysisFile(source, content, registry()));
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  opener.addEventListener('change', async () => {
    const file = opener.files?.[0];
    opener.value = '';
    if (file) open(file.name, await file.text());
  });
  scale.addEventListener('change', run);
  unit.addEventListener('change', run);
  append(section,
    h('h2', { id: 'values-heading' }, 'Numeric answers'),
    h('p', {}, 'Estimates, ratings or vectors, two answers per individual and item: CSV with population, individual, item, block (1 or 2) and value (or value_1 … value_d). The distance is Euclidean.'),
    h('div', { class: 'values-controls' },
      h('label', { class: 'file-button' }, 'Choose files…', input), ' ', example, ' ',
      h('label', {}, 'Scale ', scale), ' ', h('label', {}, 'Unit of the numbers ', unit)),
    h('p', {}, h('label', {}, 'Open an analysis file or a report of numeric answers: ', opener)),
    expected,
    status,
    code,
    results);
  return { open, openLink: (definition) => show(null, definition) };
}
