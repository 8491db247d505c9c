// "Numeric answers": the internal-vs-population analysis of numbers
// (estimates, ratings, vectors), run in its own worker; the figures are the
// colour task's with the report's unit as the axis title.
import type { WasmFile } from '@shoal-wasm/shoal.mjs';
import { draw } from '../charts/figure';
import { valuesDistanceFigure, valuesResponsesFigure, valuesScatterFigure } from '../charts/values-charts';
import { append, formatNumber, h } from '../dom';
import { download } from '../download';
import type { ValuesItem, ValuesPopulation, ValuesReport } from '../report-types';
import { sortableTable } from '../table';
import { analyseValues } from '../values/values-client';
import './numeric-answers.css';

function populationTable(report: ValuesReport): HTMLElement {
  return sortableTable<ValuesPopulation>('values-populations', 'Diversity per population', report.populations, [
    { title: 'population', value: (p) => p.name },
    { title: 'human', value: (p) => (p.human ? 'yes' : 'no') },
    { title: 'individuals', value: (p) => p.individuals },
    { title: 'items', value: (p) => p.items_analysed },
    { title: 'mean distance from diagonal', value: (p) => p.dist_from_diagonal.mean, digits: 4 },
    { title: 'ci95 low', value: (p) => p.dist_from_diagonal.ci95[0], digits: 4 },
    { title: 'ci95 high', value: (p) => p.dist_from_diagonal.ci95[1], digits: 4 },
    { title: 'slope', value: (p) => p.regression_internal_on_population.slope, digits: 4 },
    { title: 'intercept', value: (p) => p.regression_internal_on_population.intercept, digits: 4 },
    { title: 'R²', value: (p) => p.regression_internal_on_population.r_squared, digits: 4 },
    { title: 'answers', value: (p) => p.responses.valid },
    { title: 'missing', value: (p) => p.responses.invalid },
  ]);
}

function itemTable(report: ValuesReport): HTMLElement {
  const rows = report.populations.flatMap((p) => p.items.map((i) => ({ population: p.name, i })));
  return sortableTable<{ population: string; i: ValuesItem }>('values-items', 'Per item', rows, [
    { title: 'population', value: (r) => r.population },
    { title: 'item', value: (r) => r.i.item },
    { title: 'individuals', value: (r) => r.i.individuals },
    { title: 'internal distance', value: (r) => r.i.internal_distance.mean, digits: 4 },
    { title: 'population distance', value: (r) => r.i.population_distance.mean, digits: 4 },
    { title: 'distance from diagonal', value: (r) => r.i.dist_from_diagonal, digits: 4 },
  ]);
}

function modelList(report: ValuesReport): HTMLElement {
  return h('ul', { class: 'values-models' }, ...report.comparisons.models.map((m) => {
    if (m.status !== 'fitted' || !m.reml) return h('li', { 'data-model': m.name }, `${m.formula}: not fitted (${m.reason ?? ''})`);
    const terms = m.reml.fixed.filter((e) => e.term !== 'Intercept')
      .map((e) => `${e.term} ${formatNumber(e.estimate, 4)} (SE ${formatNumber(e.se, 4)}, p ${e.p === null ? '—' : e.p.toExponential(2)})`);
    return h('li', { 'data-model': m.name }, `${m.formula}, REML: ${terms.join('; ')}`);
  }));
}

async function renderReport(container: HTMLElement, report: ValuesReport, text: string) {
  const save = h('button', { type: 'button', class: 'download', 'data-download': 'values-report.json' }, 'Download the report (JSON)');
  save.addEventListener('click', () => download('shoal-values-report.json', text, 'application/json'));
  const p = report.parameters;
  const issues = report.input_issues.length
    ? h('ul', { class: 'issues' }, ...report.input_issues.map((x) => h('li', {}, `${x.count} × ${x.description} (first: ${x.first_file}, row ${x.first_row})`)))
    : null;
  container.replaceChildren();
  append(container,
    h('h3', {}, 'Numeric answers'),
    h('p', {}, `Scale: ${p.scale} · unit: ${p.unit} · dimensions: ${p.dimensions} · pairs: ${p.pairs} · seed ${p.seed}`),
    save,
    issues,
    await draw(valuesDistanceFigure(report)),
    await draw(valuesScatterFigure(report)),
    await draw(valuesResponsesFigure(report)),
    populationTable(report),
    itemTable(report),
    h('h4', {}, 'Mixed models of the per-item distance'),
    modelList(report),
  );
}

async function exampleFiles(): Promise<WasmFile[]> {
  const index = await fetch('examples/index.json');
  if (!index.ok) throw new Error('The generated examples are missing from this build.');
  const { values } = (await index.json()) as { values?: string[] };
  if (!values?.length) throw new Error('This build has no numeric examples.');
  return Promise.all(values.map(async (path) => {
    const response = await fetch(encodeURI(`examples/${path}`));
    if (!response.ok) throw new Error(`The example file ${path} is missing from this build.`);
    return { name: path.split('/').pop()!, bytes: new Uint8Array(await response.arrayBuffer()) };
  }));
}

export function setUpNumericAnswers(section: HTMLElement) {
  const input = h('input', { type: 'file', multiple: true, accept: '.csv,.tsv,.txt,.gz,.json,.jsonl', name: 'values-files' }) as HTMLInputElement;
  const example = h('button', { type: 'button', id: 'values-example-button' }, 'Try the numeric example');
  const scale = h('select', { name: 'values-scale' },
    h('option', { value: 'pooled-sd' }, 'each item in its pooled SD'), h('option', { value: 'raw' }, 'raw numbers'));
  const unit = h('input', { type: 'text', name: 'values-unit', placeholder: 'e.g. people, %', size: 12 }) as HTMLInputElement;
  const status = h('p', { class: 'status', role: 'status' });
  const results = h('div', { id: 'values-results' });
  let files: WasmFile[] = [];

  const run = async () => {
    if (files.length === 0) return;
    status.textContent = `Analysing ${files.length} file(s)…`;
    try {
      const outcome = await analyseValues(files, {
        pairs: 'all', scale: (scale as HTMLSelectElement).value, unit: unit.value.trim(), seed: 1, bootstrap: 2000,
      });
      if (!outcome.ok) {
        const e = outcome.error;
        status.textContent = `Error: ${e.message}`;
        results.replaceChildren();
        return;
      }
      await renderReport(results, JSON.parse(outcome.report) as ValuesReport, outcome.report);
      status.textContent = `Analysed ${files.map((f) => f.name).join(', ')}.`;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  input.addEventListener('change', async () => {
    files = await Promise.all([...(input.files ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
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
    await run();
  });
  scale.addEventListener('change', run);
  unit.addEventListener('change', run);
  append(section,
    h('h2', { id: 'values-heading' }, 'Numeric answers'),
    h('p', {}, 'Estimates, ratings or vectors, two answers per individual and item: CSV with population, individual, item, block (1 or 2) and value (or value_1 … value_d). The distance is Euclidean.'),
    h('div', { class: 'values-controls' },
      h('label', { class: 'file-button' }, 'Choose files…', input), ' ', example, ' ',
      h('label', {}, 'Scale ', scale), ' ', h('label', {}, 'Unit of the numbers ', unit)),
    status,
    results);
}
