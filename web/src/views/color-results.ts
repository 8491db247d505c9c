// Results of the word–colour analysis: figures, tables and downloads.
import {
  type ColorAnswer, type WordNorms, colourBarsFigure, decodeAnswers, defaultBarWords, distanceFigure, jsdFigure, responsesFigure,
  scatterFigure, wordRatingsFigure,
} from '../charts/color-charts';
import { draw, nextTask } from '../charts/figure';
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
    { title: report.parameters.jsd === 'paper' ? 'mean divergence from reference (paper’s estimator)' : 'mean JSD to reference (bits)', value: (p) => p.jsd_to_reference?.mean ?? null, digits: 4 },
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
    { title: report.parameters.jsd === 'paper' ? 'divergence from reference (paper’s estimator)' : 'JSD to reference (bits)', value: (r) => r.w.jsd_to_reference?.value ?? null, digits: 4 },
  ]);
}

// The colour bars for words the reader picks (a handful by default).
async function colourBars(report: ColorReport, answers: ColorAnswer[]): Promise<HTMLElement> {
  const words = [...new Set(report.populations.flatMap((p) => p.words.map((w) => w.word)))].sort();
  const chosen = new Set(defaultBarWords(report));
  const select = h('select', { name: 'colour-bar-words', multiple: true, size: 6, 'aria-label': 'Words of the colour bars' },
    ...words.map((w) => h('option', { value: w, selected: chosen.has(w) }, w)));
  const holder = h('div', {});
  const redraw = async () => {
    const picked = [...select.selectedOptions].map((o) => o.value).slice(0, 12);
    holder.replaceChildren(await draw(colourBarsFigure(report, answers, picked)));
  };
  select.addEventListener('change', () => { void redraw(); });
  await redraw();
  return h('div', { class: 'colour-bars' }, h('label', {}, 'Words (up to 12; Ctrl or Shift to pick several) ', select), holder);
}

async function wordRatings(report: ColorReport, norms: WordNorms | null): Promise<HTMLElement | null> {
  if (!norms) return null;
  const preferred = norms.scales.find((s) => /concreteness/i.test(s)) ?? norms.scales.find((s) => /imageability/i.test(s)) ?? norms.scales[0];
  const select = h('select', { name: 'word-rating-scale' }, ...norms.scales.map((s) => h('option', { value: s, selected: s === preferred }, s)));
  const holder = h('div', {});
  const redraw = async () => holder.replaceChildren(await draw(wordRatingsFigure(report, norms, select.value)));
  select.addEventListener('change', () => { void redraw(); });
  await redraw();
  return h('div', { class: 'word-ratings' }, h('label', {}, 'Rating ', select), holder);
}

export async function renderColorResults(container: HTMLElement, report: ColorReport, reportText: string, data: Uint8Array, norms: WordNorms | null = null) {
  const save = h('button', { type: 'button', class: 'download', 'data-download': 'color-report.json' }, 'Download the report (JSON)');
  save.addEventListener('click', () => download('shoal-color-report.json', reportText, 'application/json'));
  const issues = report.input_issues.length
    ? h('ul', { class: 'issues' }, ...report.input_issues.map((x) => h('li', {}, `${x.count} × ${x.description} (first: ${x.first_file}, row ${x.first_row})`)))
    : null;
  // Drawn in order, each part appended as soon as it is ready and in a task
  // of its own (see renderConceptResults).
  container.replaceChildren();
  append(container,
    h('h3', {}, 'Word–colour associations'),
    h('p', {}, `Pairs: ${String(report.parameters.pairs)} · ΔE: ${String(report.parameters.delta_e)} · seed ${String(report.parameters.seed)} · divergence: ${report.parameters.jsd === 'paper' ? 'the paper’s estimator' : 'JSD in bits'} · reference: ${String(report.parameters.reference || 'none')}`),
    save,
    issues);
  append(container, await draw(scatterFigure(report)));
  append(container, await draw(distanceFigure(report)));
  append(container, await colourBars(report, decodeAnswers(data)));
  append(container, await wordRatings(report, norms));
  append(container, await draw(jsdFigure(report)));
  append(container, await draw(responsesFigure(report)));
  for (const table of [populationTable, wordTable]) {
    await nextTask();
    append(container, table(report));
  }
}
