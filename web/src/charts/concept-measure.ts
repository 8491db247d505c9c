// The similarity task's headline measure as every figure of it reads it:
// its definition, the report's per-category summaries, the human baselines,
// and what a figure leaves out (populations without a clustered concept,
// cells below the min-people setting).
import type { ConceptPopulation, ConceptReport, ConceptResult } from '../report-types';
import { fmt } from './common';
import { displayName, populationOrder } from './palette';

export const P_MULTIPLE_DEFINITION = 'P(multiple concepts) = 1 − P(same table): the probability that two individuals drawn at random from the population hold different concepts (sit at different tables)';

// The paper's hues: orange for animals, blue for politicians.
export const CATEGORY_COLOURS = { domain: ['animals', 'politicians', 'other'], range: ['#E8731A', '#2C6FB7', '#888888'] };

// Categories in the paper's order, then any others.
export function categoryOrder(categories: string[]): string[] {
  const known = ['animals', 'politicians'].filter((c) => categories.includes(c));
  return [...known, ...[...new Set(categories)].filter((c) => !known.includes(c)).sort()];
}

export interface CategoryValue { population: string; category: string; mean: number; low: number | null; high: number | null; concepts: number }

// Per population and category, the report's summary of `metric` over the
// concepts it kept: the mean and its interval, the bootstrap one when the
// run made one, else the normal one over concepts.
export function categorySummaries(report: ConceptReport, metric = 'p_multiple_concepts'): { values: CategoryValue[]; interval: string } {
  const values: CategoryValue[] = [];
  let bootstrap = false;
  for (const p of report.comparisons.populations ?? []) {
    for (const [category, s] of Object.entries(p.summaries[metric] ?? {})) {
      if (category === 'all' || s.mean === null) continue;
      bootstrap ||= s.bootstrap_ci95 !== null;
      const [low, high] = s.bootstrap_ci95 ?? s.ci95;
      values.push({ population: p.population, category, mean: s.mean, low, high, concepts: s.units });
    }
  }
  const interval = bootstrap
    ? `the report’s 95% bootstrap interval over concepts (${report.comparisons.bootstrap.draws} resamples)`
    : 'the report’s normal 95% interval over concepts (the run made no bootstrap)';
  return { values, interval };
}

// The number the paper reports per concept, at the largest subset, as the
// report gives it: P(multiple concepts) at the planned final iteration,
// averaged over chains.
export function finalIterationValue(c: ConceptResult): number | null {
  const s = c.subsets[c.subsets.length - 1];
  return s ? s.last_p_multiple_concepts : null;
}

export interface Baseline { population: string; category: string; baseline: number; concepts: number }

// The human baselines per category, in the paper's measure: the report's
// per-category summary of the last-iteration value (each concept's chains
// averaged, the concepts below the min-people setting left out) for the
// human population the report takes as its baseline.
export function humanBaselines(report: ConceptReport): Baseline[] {
  const named = new Set(report.comparisons.human_baseline.map((b) => b.population));
  const summaries = report.comparisons.populations ?? [];
  const human = populationOrder(report.populations)
    .map((p) => summaries.find((s) => s.population === p.name && named.has(p.name)))
    .find((s) => s !== undefined && Object.values(s.summaries.last_p_multiple_concepts ?? {}).some((g) => g.units > 0));
  if (!human) return [];
  const byCategory = human.summaries.last_p_multiple_concepts;
  return categoryOrder(Object.keys(byCategory)).filter((c) => c !== 'other' && c !== 'all').flatMap((category) => {
    const g = byCategory[category];
    return g.mean === null || g.units === 0 ? [] : [{ population: human.population, category, baseline: g.mean, concepts: g.units }];
  });
}

// Whether a population was read from clustering chains run elsewhere (the
// paper's released human chains) rather than from answers.
export function fromReleasedChains(report: ConceptReport, population: string): boolean {
  // A released-chains input may not list its population; then it is the
  // one no other input lists.
  const released = report.inputs.filter((i) => i.format === 'released-chains');
  return released.some((i) => i.populations.includes(population))
    || (released.some((i) => i.populations.length === 0) && !report.inputs.some((i) => i.populations.includes(population)));
}

// Where the human baselines come from, for the captions that draw them.
export function baselineSource(report: ConceptReport, baselines: Baseline[]): string {
  if (baselines.length === 0) {
    return report.populations.some((p) => p.human)
      ? 'No human concept is counted in the means (none clustered, or each below the min-people setting), so no human baseline.'
      : 'No human population among the inputs, so no human baseline.';
  }
  const released = fromReleasedChains(report, baselines[0].population)
    ? ' These come from the paper’s released human chains; its printed figure drew about 0.45 and 0.70, from a per-subset file that was not released.'
    : '';
  return `Human baselines: the humans’ P(multiple concepts) at the last iteration, averaged over chains (the paper’s measure): ${baselines.map((b) => `${fmt(b.baseline, 3)} (${b.category})`).join(', ')}.${released}`;
}

// Populations with no concept clustered, each with why, from its counts.
export function unclusteredPopulations(report: ConceptReport): { population: ConceptPopulation; reason: string }[] {
  return populationOrder(report.populations).filter((p) => !p.concepts.some((c) => c.subsets.length > 0)).map((p) => {
    const { complete_individuals: complete, incomplete_individuals: incomplete, invalid_replies: invalid } = p.concept_totals;
    const questions = Math.max(0, ...p.concepts.map((c) => c.questions));
    const counts = `${complete} complete, ${incomplete} incomplete individuals, ${invalid} invalid replies`;
    const reason = p.concepts.length === 0 ? 'no concept in its answers'
      : complete === 0 ? `no individual answered all ${questions} questions of any concept: ${counts}`
        : `too few complete individuals to cluster: ${counts}`;
    return { population: p, reason };
  });
}

// Cells kept in the report but left out of the means for holding fewer
// than the min-people setting.
export function belowMinPeople(report: ConceptReport): Set<string> {
  const cells = new Set<string>();
  for (const c of report.comparisons.left_out ?? []) cells.add(`${c.population}|${c.concept}`);
  for (const p of report.populations) for (const c of p.concepts) if (c.below_min_people) cells.add(`${p.name}|${c.concept}`);
  return cells;
}

// What a figure of the measure leaves out, as the note under its caption.
export function leftOutNote(report: ConceptReport): string {
  const parts: string[] = [];
  const unclustered = unclusteredPopulations(report).map((u) => displayName(u.population));
  if (unclustered.length) parts.push(`${unclustered.length} population${unclustered.length === 1 ? '' : 's'} without a clustered concept (${unclustered.join('; ')})`);
  const below = belowMinPeople(report);
  if (below.size) {
    const min = report.comparisons.min_people;
    parts.push(`${below.size} concept${below.size === 1 ? '' : 's'} of a population with fewer than ${min ?? 'the minimum number of'} people, left out of the means${min === undefined ? '' : ` (min people ${min})`}`);
  }
  return parts.length ? `Left out: ${parts.join('; ')}.` : '';
}
