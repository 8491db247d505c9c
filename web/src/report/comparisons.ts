// The comparisons: per task, each population's measure per category with its
// bootstrap interval, the human baselines and the mixed models; then the
// paper beside Shoal when the run replicated it.
import { METRIC_TITLES } from '../charts/comparison-charts';
import { displayName } from '../charts/palette';
import { formatNumber, h } from '../dom';
import type { GroupSummary, Manuscript } from '../report-types';
import { modelTables, type TaskComparison } from '../views/comparison-report';
import { readerCopy } from './page-copy';
import { capitalised, categoriesOf, categoryTitle, comparedPopulations, unitOf } from './populations';
import { metricDigits } from './record';

const interval = (s: GroupSummary | undefined, digits: number) =>
  s?.bootstrap_ci95 ? `${formatNumber(s.bootstrap_ci95[0], digits)}–${formatNumber(s.bootstrap_ci95[1], digits)}` : '—';

function populationTable(task: TaskComparison): HTMLElement | null {
  const populations = comparedPopulations(task);
  if (populations.length === 0) return null;
  const categories = categoriesOf(populations);
  const digits = metricDigits(task.metric);
  const unit = unitOf(task);
  const title = METRIC_TITLES[task.metric] ?? task.metric;
  const { draws, seed } = task.comparisons.bootstrap;
  return h('div', { class: 'summaries' },
    h('p', {}, `${capitalised(title)} per population: the mean over its ${unit}s in each category, with a bootstrap 95% interval ` +
      `(${draws.toLocaleString('en')} draws, seed ${seed}).`),
    h('table', { class: 'data summaries', 'data-summaries': task.key },
    h('thead', {},
      h('tr', {}, h('th', { scope: 'col', rowspan: 2 }, 'population'), h('th', { scope: 'col', rowspan: 2 }, 'group'),
        ...categories.map((c) => h('th', { scope: 'colgroup', colspan: 2 }, categoryTitle(c, unit)))),
      h('tr', {}, ...categories.flatMap(() => [h('th', { scope: 'col' }, 'mean'), h('th', { scope: 'col' }, 'bootstrap 95%')]))),
    h('tbody', {}, ...populations.map((p) => h('tr', {},
      h('th', { scope: 'row' }, displayName(p.label)),
      h('td', { class: 'group' }, p.group),
      ...categories.flatMap((c) => [
        h('td', { class: 'number' }, formatNumber(p.summaries[c]?.mean, digits)),
        h('td', { class: 'number' }, interval(p.summaries[c], digits)),
      ]))))));
}

function baselineTable(task: TaskComparison): HTMLElement | null {
  const rows = task.comparisons.human_baseline;
  if (rows.length === 0) return null;
  const names = new Map(task.report.populations.map((p) => [p.name, displayName(p)]));
  const range = (r: [number | null, number | null] | [number, number] | null, digits: number) =>
    r ? `${formatNumber(r[0], digits)}–${formatNumber(r[1], digits)}` : '—';
  return h('table', { class: 'data baselines' },
    h('caption', {}, 'Human baselines'),
    h('thead', {}, h('tr', {}, ...['population', 'measure', 'mean', '95% CI', 'bootstrap 95%'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map((b) => {
      const digits = metricDigits(b.metric);
      return h('tr', {},
        h('th', { scope: 'row' }, names.get(b.population) ?? b.population),
        h('td', {}, METRIC_TITLES[b.metric] ?? b.metric),
        h('td', { class: 'number' }, formatNumber(b.mean, digits)),
        h('td', { class: 'number' }, range(b.ci95, digits)),
        h('td', { class: 'number' }, range(b.bootstrap_ci95, digits)));
    })));
}

// The core's results sentences and APA tables, as text to read and as the
// Markdown and LaTeX to paste (the report file has no script to copy with).
function manuscriptResults(manuscript: Manuscript | undefined, key: string): HTMLElement | null {
  if (!manuscript) return null;
  const source = (title: string, text: string, format: string) =>
    h('details', { class: 'manuscript-source', 'data-format': format }, h('summary', {}, title), h('pre', {}, text));
  return h('div', { class: 'manuscript', 'data-manuscript': key },
    h('h4', {}, 'For the manuscript'),
    ...manuscript.sentences.text.split(/\n{2,}/).filter((p) => p.trim() !== '').map((p) => h('p', { class: 'result-sentence' }, p.trim())),
    // The tables above in APA form: closed, so that a printed report does not repeat them.
    h('details', { class: 'manuscript-source', 'data-format': 'text' }, h('summary', {}, 'APA tables as plain text'),
      h('pre', { class: 'manuscript-tables' }, manuscript.tables.text)),
    source('Results and tables as Markdown', `${manuscript.sentences.markdown}\n${manuscript.tables.markdown}`, 'markdown'),
    source('Results and tables as LaTeX (booktabs)', `${manuscript.sentences.latex}\n${manuscript.tables.latex}`, 'latex'));
}

export function comparisonsSection(tasks: TaskComparison[], replication: HTMLElement | null): HTMLElement {
  return h('section', { 'data-section': 'comparisons' },
    h('h2', {}, 'Comparisons'),
    ...tasks.flatMap((task) => [
      h('h3', {}, `${task.task}: aligned vs not aligned`),
      populationTable(task),
      baselineTable(task),
      modelTables(task),
      manuscriptResults(task.report.manuscript, task.key),
    ]),
    replication && replication.childElementCount > 0 ? readerCopy(replication) : null);
}
