// The report's opening: what was analysed and the key results in sentences,
// every number taken from the reports.
import { METRIC_TITLES } from '../charts/comparison-charts';
import { displayName } from '../charts/palette';
import { formatNumber, h } from '../dom';
import type { LoadedFile } from '../files';
import type { ConvergenceSummary, GroupSummary } from '../report-types';
import type { TaskComparison } from '../views/comparison-report';
import { capitalised, categoriesOf, categoryTitle, comparedPopulations, GROUP_ORDER, GROUP_TITLES, unitOf, type ComparedPopulation } from './populations';
import { metricDigits, P_MULTIPLE_DEFINITION } from './record';

const plural = (n: number, word: string, words = `${word}s`) => `${n.toLocaleString('en')} ${n === 1 ? word : words}`;

const FILE_KINDS: Record<string, string> = { color: 'word–colour', concept: 'conceptual-similarity', 'word-norms': 'word-ratings' };

function inputsSentence(files: LoadedFile[]): string {
  const counts = new Map<string, number>();
  for (const f of files) {
    const kind = FILE_KINDS[f.inspection?.task ?? ''] ?? 'other';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const parts = [...counts].map(([kind, n]) => `${n} ${kind} file${n === 1 ? '' : 's'}`);
  return `Inputs: ${plural(files.length, 'file')} (${parts.join(', ')}), listed with their SHA-256 fingerprints under Method.`;
}

function populationsSentence(task: TaskComparison): string {
  const populations = task.report.populations;
  const humans = populations.filter((p) => p.human);
  const models = populations.filter((p) => !p.human);
  const distinct = (values: string[]) => new Set(values.filter(Boolean)).size;
  const aligned = models.filter((p) => p.aligned === true).length;
  const notAligned = models.filter((p) => p.aligned === false).length;
  const unknown = models.length - aligned - notAligned;
  if (models.length === 0) return `${plural(humans.length, 'human population')}: ${humans.map(displayName).join('; ')}.`;
  const parts = [
    humans.length ? `${plural(humans.length, 'human population')} (${humans.map(displayName).join('; ')})` : 'no human population',
    `${plural(models.length, 'language-model population')} from ${plural(distinct(models.map((p) => p.model)), 'model')} in ` +
      `${plural(distinct(models.map((p) => p.family)), 'family', 'families')} ` +
      `(${aligned} aligned, ${notAligned} not aligned${unknown ? `, ${unknown} of unknown alignment` : ''})`,
  ];
  return `${plural(populations.length, 'population')}: ${parts.join(' and ')}.`;
}

const interval = (s: GroupSummary, digits: number) =>
  s.bootstrap_ci95 ? `${formatNumber(s.bootstrap_ci95[0], digits)}–${formatNumber(s.bootstrap_ci95[1], digits)}` : null;

// One group's value per category: a single population's mean with its
// bootstrap interval, or the lowest and highest of several populations'
// means (each one the report's, listed under Comparisons).
function groupSentence(group: string, members: ComparedPopulation[], categories: string[], task: TaskComparison): string {
  const digits = metricDigits(task.metric);
  const unit = unitOf(task);
  const values = categories.map((category) => {
    const summaries = members.map((m) => m.summaries[category]).filter((s): s is GroupSummary => Boolean(s) && s.mean !== null);
    if (summaries.length === 0) return `no value for ${categoryTitle(category, unit)}`;
    if (members.length === 1) {
      const ci = interval(summaries[0], digits);
      return `${formatNumber(summaries[0].mean, digits)} for ${categoryTitle(category, unit)}${ci ? ` (bootstrap 95% interval ${ci})` : ''}`;
    }
    const means = summaries.map((s) => s.mean!);
    return `${formatNumber(Math.min(...means), digits)} to ${formatNumber(Math.max(...means), digits)} for ` +
      `${categoryTitle(category, unit)} (across ${means.length} populations)`;
  });
  const who = members.length === 1 ? `${GROUP_TITLES[group]} — ${displayName(members[0].label)}`
    : `${GROUP_TITLES[group]} (${members.length} populations, each one's mean in the table under Comparisons)`;
  return `${who}: ${values.join('; ')}.`;
}

function alignmentSentence(task: TaskComparison): string | null {
  const title = METRIC_TITLES[task.metric] ?? task.metric;
  const model = task.comparisons.models.find((m) => m.name === 'alignment' && m.metric === task.metric);
  if (!model) return null;
  if (model.status !== 'fitted' || !model.reml) return `The alignment model was not fitted: ${model.reason ?? 'no reason given'}.`;
  const effect = model.reml.fixed.find((e) => e.term !== '(Intercept)' && /aligned/i.test(e.term));
  if (!effect || effect.estimate === null) return null;
  const digits = metricDigits(task.metric);
  const p = effect.p === null ? '' : `, p ${effect.p < 1e-4 ? `= ${effect.p.toExponential(1)}` : `= ${effect.p.toFixed(3)}`}`;
  return `The alignment model (${model.formula.replace(task.metric, title)}, REML, ${plural(model.populations, 'population')} in ` +
    `${model.reml.groups} groups: ${model.groups.join(', ')}) estimates aligned populations' ${title} ${formatNumber(Math.abs(effect.estimate), digits)} ` +
    `${effect.estimate < 0 ? 'lower' : 'higher'} than that of populations not aligned (estimate ${formatNumber(effect.estimate, digits)}, ` +
    `SE ${formatNumber(effect.se, digits)}${p}).`;
}

// The concept report's convergence summary line first, then the cells that
// did not pass, in the report's order; the rule in words.
function convergenceSentence(task: TaskComparison): HTMLElement[] {
  const report = task.report as { convergence?: ConvergenceSummary; populations?: { name: string; label?: string }[] };
  const summary = report.convergence;
  if (!summary || !summary.line) return [];
  const shownName = new Map((report.populations ?? []).map((p) => [p.name, displayName({ name: p.name, label: p.label ?? '' })]));
  const line = h('p', { 'data-convergence': '', 'data-failed': summary.failed.length },
    h('strong', {}, summary.line), ' (per concept and subset size, for P(same table) and the number of tables: rank-normalised ' +
    `split R-hat < 1.01, bulk- and tail-ESS ≥ 400)${summary.failed.length ? '' : '.'}`);
  if (summary.failed.length === 0) return [line];
  return [line, h('ul', { class: 'convergence-failed', 'data-convergence-failed': '' }, ...summary.failed.map((f) =>
    h('li', {}, `${shownName.get(f.population) ?? f.population} · ${f.concept} · ${f.people} people (${f.iterations.toLocaleString('en')} iterations): ` +
      f.failed.join('; ')))) ];
}

function taskResults(task: TaskComparison): (HTMLElement | null)[] {
  const populations = comparedPopulations(task);
  const categories = categoriesOf(populations);
  const title = METRIC_TITLES[task.metric] ?? task.metric;
  const lines = GROUP_ORDER.map((group) => [group, populations.filter((p) => p.group === group)] as const)
    .filter(([, members]) => members.length > 0)
    .map(([group, members]) => h('li', {}, groupSentence(group, members, categories, task)));
  const leftOut = task.comparisons.left_out?.length
    ? h('p', {}, `${plural(task.comparisons.left_out.length, 'cell')} with fewer than ${String(task.comparisons.min_people)} individuals ` +
      'are left out of the means, the bootstrap and the models.')
    : null;
  return [
    h('h3', {}, task.task),
    h('p', {}, populationsSentence(task)),
    task.metric === 'p_multiple_concepts' ? h('p', { class: 'definition' }, h('dfn', {}, P_MULTIPLE_DEFINITION), '.') : null,
    lines.length ? h('p', {}, `${capitalised(title)} per group, per category of ${unitOf(task)}s:`) : null,
    lines.length ? h('ul', { class: 'key-results' }, ...lines) : null,
    ((s) => (s ? h('p', {}, s) : null))(alignmentSentence(task)),
    leftOut,
    ...convergenceSentence(task),
  ];
}

export function summarySection(files: LoadedFile[], tasks: TaskComparison[], cautions: HTMLElement[]): HTMLElement {
  return h('section', { 'data-section': 'summary' },
    h('h2', {}, 'Summary'),
    h('p', {}, inputsSentence(files)),
    ...tasks.flatMap(taskResults),
    cautions.length ? h('h3', {}, 'Cautions') : null,
    ...cautions);
}
