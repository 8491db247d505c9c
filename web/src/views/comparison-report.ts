// The comparison report: the paper-style figure and the mixed-model tables
// for each task analysed, with every figure of the page as one download.
import { colorPairsFigure, conceptPairsFigure, METRIC_TITLES } from '../charts/comparison-charts';
import { figureSet } from '../charts/export-set';
import { PRINT_PRESETS } from '../charts/print-presets';
import { draw } from '../charts/figure';
import { append, formatNumber, h } from '../dom';
import { download } from '../download';
import type { ColorReport, Comparisons, ConceptReport, MixedFit } from '../report-types';
import { manuscriptPanel } from './manuscript';

export interface TaskComparison {
  task: string;        // "Word–colour associations", ...
  key: string;         // "color" or "concept"
  metric: string;      // the metric drawn
  comparisons: Comparisons;
  report: ColorReport | ConceptReport;
}

function fitTable(caption: string, fit: MixedFit): HTMLElement {
  return h('table', { class: 'data fit' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...['term', 'estimate', 'SE', 'z', 'p'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...fit.fixed.map((e) => h('tr', {},
      h('td', {}, e.term), h('td', {}, formatNumber(e.estimate, 4)), h('td', {}, formatNumber(e.se, 4)),
      h('td', {}, formatNumber(e.z, 3)), h('td', {}, e.p === null ? '—' : e.p < 1e-4 ? e.p.toExponential(2) : e.p.toFixed(4))))),
    h('tfoot', {}, h('tr', {}, h('td', { colspan: 5 },
      `group variance ${formatNumber(fit.group_variance, 4)} · residual variance ${formatNumber(fit.residual_variance, 4)} · ` +
      `log-likelihood ${formatNumber(fit.log_likelihood, 3)} · ${fit.observations} observations in ${fit.groups} groups` +
      (fit.boundary ? ' · group variance at the boundary (0)' : '') + (fit.converged ? '' : ' · did not converge')))));
}

export function modelTables(c: TaskComparison): HTMLElement {
  const blocks = c.comparisons.models.filter((m) => m.metric === c.metric).map((m) => {
    if (m.status !== 'fitted' || !m.reml || !m.ml) {
      return h('div', { class: 'model skipped', 'data-model': m.name }, h('h5', {}, m.formula), h('p', {}, `Not fitted: ${m.reason ?? ''}.`));
    }
    const refs = Object.entries(m.reference_levels).map(([k, v]) => `${k} = ${v}`).join(', ');
    return h('div', { class: 'model', 'data-model': m.name },
      h('h5', {}, m.formula),
      h('p', {}, `${m.populations} populations; groups: ${m.groups.join(', ')}${refs ? `; reference levels: ${refs}` : ''}.`),
      fitTable('REML', m.reml), fitTable('ML', m.ml));
  });
  return h('div', { class: 'models' }, h('h4', {}, 'Mixed models'), ...blocks);
}

export async function renderComparisonReport(container: HTMLElement, tasks: TaskComparison[]) {
  container.replaceChildren();
  if (tasks.length === 0) return;
  const setButton = h('button', { type: 'button', class: 'download', 'data-download': 'figures.zip' }, 'Download every figure (SVG, CSV and description; ZIP)');
  // Print layouts: each figure also as SVG, PDF and PNG at 600 dpi for the column.
  const setPrint = h('select', { 'data-figure-set-print': '', 'aria-label': 'Also in the ZIP: every figure laid out for print (SVG, PDF, PNG at 600 dpi)', style: 'max-width:100%' },
    h('option', { value: '' }, 'screen figures only'),
    ...PRINT_PRESETS.map((p) => h('option', { value: p.id }, `and for print at ${p.widthMm} mm`)));
  setButton.addEventListener('click', () => {
    const preset = PRINT_PRESETS.find((p) => p.id === setPrint.value) ?? null;
    setButton.disabled = true;
    void figureSet(preset).then((zip) => download('shoal-figures.zip', new Blob([zip], { type: 'application/zip' }))).finally(() => { setButton.disabled = false; });
  });
  const body = h('div', { class: 'comparison-body' });
  for (const c of tasks) {
    append(body,
      h('h3', {}, `${c.task}: aligned vs not aligned`),
      h('p', {}, `${METRIC_TITLES[c.metric] ?? c.metric} per model, pairs side by side per family, a row per prompt and temperature.`),
      await draw(() => (c.report.analysis === 'color' ? colorPairsFigure(c.report) : conceptPairsFigure(c.report))),
      modelTables(c),
      manuscriptPanel(c.report.manuscript, c.key));
  }
  append(container, h('h2', { id: 'comparison-heading' }, 'Comparing populations'), h('p', { class: 'figure-set' }, setButton, ' ', setPrint), body);
}
