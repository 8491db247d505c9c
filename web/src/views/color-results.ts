// Results of the word–colour analysis: figures, tables and downloads.
import { colourBarsSpec, decodeAnswers, distanceSpec, populationOrder, responsesSpec, scatterSpec } from '../charts/color-charts';
import { figure } from '../charts/figure';
import { append, h } from '../dom';
import { download } from '../download';
import type { ColorPopulation, ColorReport, ColorWord } from '../report-types';
import { sortableTable } from '../table';

function populationTable(report: ColorReport): HTMLElement {
  return sortableTable<ColorPopulation>('color-populations', 'Diversity per population', report.populations, [
    { title: 'population', value: (p) => p.name },
    { title: 'human', value: (p) => (p.human ? 'yes' : 'no') },
    { title: 'individuals', value: (p) => p.individuals },
    { title: 'words', value: (p) => p.words_analysed },
    { title: 'mean distance from diagonal', value: (p) => p.dist_from_diagonal.mean, digits: 4 },
    { title: 'ci95 low', value: (p) => p.dist_from_diagonal.ci95[0], digits: 4 },
    { title: 'ci95 high', value: (p) => p.dist_from_diagonal.ci95[1], digits: 4 },
    { title: 'slope', value: (p) => p.regression_internal_on_population.slope, digits: 4 },
    { title: 'intercept', value: (p) => p.regression_internal_on_population.intercept, digits: 4 },
    { title: 'R²', value: (p) => p.regression_internal_on_population.r_squared, digits: 4 },
    { title: 'mean JSD to reference (bits)', value: (p) => p.jsd_to_reference?.mean ?? null, digits: 4 },
    { title: 'valid replies', value: (p) => p.responses.valid },
    { title: 'invalid replies', value: (p) => p.responses.invalid },
  ]);
}

function wordTable(report: ColorReport): HTMLElement {
  const rows = report.populations.flatMap((p) => p.words.map((w) => ({ population: p.name, w })));
  return sortableTable<{ population: string; w: ColorWord }>('color-words', 'Per word', rows, [
    { title: 'population', value: (r) => r.population },
    { title: 'word', value: (r) => r.w.word },
    { title: 'individuals', value: (r) => r.w.individuals },
    { title: 'internal ΔE', value: (r) => r.w.internal_delta_e.mean, digits: 4 },
    { title: 'population ΔE', value: (r) => r.w.population_delta_e.mean, digits: 4 },
    { title: 'distance from diagonal', value: (r) => r.w.dist_from_diagonal, digits: 4 },
    { title: 'JSD to reference (bits)', value: (r) => r.w.jsd_to_reference?.bits ?? null, digits: 4 },
  ]);
}

async function colourBars(report: ColorReport, data: Uint8Array): Promise<HTMLElement> {
  const answers = decodeAnswers(data);
  const order = populationOrder(report);
  const first = report.populations.find((p) => p.name === order[0]);
  const words = [...new Set(report.populations.flatMap((p) => p.words.map((w) => w.word)))].sort();
  const select = h('select', { name: 'colour-bar-word' }, ...words.map((w) => h('option', { value: w, selected: w === first?.words[0]?.word }, w)));
  const holder = h('div', {});
  const draw = async () => holder.replaceChildren(
    await figure(`colour-bars-${select.value}`, `Every answer for “${select.value}”, sorted by hue (humans on top)`, colourBarsSpec(report, answers, select.value)));
  select.addEventListener('change', draw);
  await draw();
  return h('div', { class: 'colour-bars' }, h('label', {}, 'Word ', select), holder);
}

export async function renderColorResults(container: HTMLElement, report: ColorReport, reportText: string, data: Uint8Array) {
  const save = h('button', { type: 'button', class: 'download', 'data-download': 'color-report.json' }, 'Download the report (JSON)');
  save.addEventListener('click', () => download('shoal-color-report.json', reportText, 'application/json'));
  const issues = report.input_issues.length
    ? h('ul', { class: 'issues' }, ...report.input_issues.map((x) => h('li', {}, `${x.count} × ${x.description} (first: ${x.first_file}, row ${x.first_row})`)))
    : null;
  container.replaceChildren();
  append(container,
    h('h3', {}, 'Word–colour associations'),
    h('p', {}, `Pairs: ${String(report.parameters.pairs)} · ΔE: ${String(report.parameters.delta_e)} · seed ${String(report.parameters.seed)} · reference: ${String(report.parameters.reference || 'none')}`),
    save,
    issues,
    await figure('color-distance', 'Mean distance from the line of unity (95% interval; humans dashed)', distanceSpec(report)),
    await figure('color-scatter', 'Internal vs population ΔE, one point per word; the dashed line is the line of unity', scatterSpec(report)),
    await colourBars(report, data),
    await figure('color-responses', 'Valid and invalid replies', responsesSpec(report)),
    populationTable(report),
    wordTable(report),
  );
}
