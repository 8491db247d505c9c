// Results of the word–colour analysis: figures, tables and downloads.
import {
  type ColorAnswer, type WordNorms, colorMeasure, colorPerItem, colourBarsFigure, decodeAnswers, defaultBarWords, jsdFigure,
  responsesFigure, wordRatingsFigure,
} from '../charts/color-charts';
import { draw, nextTask } from '../charts/figure';
import { perItemDistanceFigure, perItemScatterFigure } from '../charts/per-item-charts';
import { append, h } from '../dom';
import { download } from '../download';
import type { ColorReport } from '../report-types';
import { perItemPopulationTable, perItemTable } from './per-item-tables';

function divergenceTitle(report: ColorReport, what: string): string {
  return report.parameters.jsd === 'paper' ? `${what}divergence from reference (paper’s estimator)` : `${what}JSD to reference (bits)`;
}

function tables(report: ColorReport, populations: ReturnType<typeof colorPerItem>): HTMLElement[] {
  return [
    perItemPopulationTable(populations, colorMeasure,
      [{ title: divergenceTitle(report, 'mean '), value: (p) => p.source.jsd_to_reference?.mean ?? null, digits: 4 }]),
    perItemTable(populations, colorMeasure,
      [{ title: divergenceTitle(report, ''), value: (r) => r.i.source.jsd_to_reference?.value ?? null, digits: 4 }]),
  ];
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
  const populations = colorPerItem(report);
  // Drawn in order, each part appended as soon as it is ready and in a task
  // of its own (see renderConceptResults).
  container.replaceChildren();
  append(container,
    h('h3', {}, 'Word–colour associations'),
    h('p', {}, `Pairs: ${String(report.parameters.pairs)} · ΔE: ${String(report.parameters.delta_e)} · seed ${String(report.parameters.seed)} · divergence: ${report.parameters.jsd === 'paper' ? 'the paper’s estimator' : 'JSD in bits'} · reference: ${String(report.parameters.reference || 'none')}`),
    save,
    issues);
  append(container, await draw(perItemScatterFigure(populations, colorMeasure)));
  append(container, await draw(perItemDistanceFigure(populations, colorMeasure)));
  append(container, await colourBars(report, decodeAnswers(data)));
  append(container, await wordRatings(report, norms));
  append(container, await draw(jsdFigure(report)));
  append(container, await draw(responsesFigure(report)));
  for (const table of tables(report, populations)) {
    await nextTask();
    append(container, table);
  }
}
