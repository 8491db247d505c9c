// The similarity task's figures, as the paper draws them.
import type { VisualizationSpec } from 'vega-embed';
import type { ConceptReport } from '../report-types';
import { colourScale, populationOrder } from './populations';

// Averages of P(multiple concepts) over the released human chains
// (iteration 499, three chains, about 100 people per concept), drawn when
// no human population is among the inputs.
export const RELEASED_HUMAN_BASELINES: Record<string, number> = { animals: 0.559, politicians: 0.783 };

// Each concept at its largest subset: the paper's headline comparison.
function largestSubsets(report: ConceptReport) {
  return report.populations.flatMap((p) =>
    p.concepts
      .filter((c) => c.subsets.length > 0)
      .map((c) => {
        const s = c.subsets[c.subsets.length - 1];
        return {
          population: p.name,
          human: p.human,
          concept: c.concept,
          category: c.category,
          people: s.people,
          mean: s.p_multiple_concepts.mean,
          low: s.p_multiple_concepts.ci95[0],
          high: s.p_multiple_concepts.ci95[1],
          last: s.last_iteration.p_multiple_concepts,
        };
      }),
  );
}

export function multipleConceptsSpec(report: ConceptReport): VisualizationSpec {
  const rows = largestSubsets(report);
  const order = populationOrder(report.populations);
  const hasHumans = report.populations.some((p) => p.human);
  const categories = [...new Set(rows.map((r) => r.category))];
  const baselines = hasHumans
    ? []
    : categories.filter((c) => c in RELEASED_HUMAN_BASELINES).map((c) => ({ category: c, baseline: RELEASED_HUMAN_BASELINES[c] }));
  const layers: unknown[] = [
    {
      mark: { type: 'bar', opacity: 0.35 },
      encoding: {
        x: { field: 'population', type: 'nominal', sort: order, title: null, axis: { labelAngle: -30, labelLimit: 180 } },
        y: { aggregate: 'mean', field: 'mean', type: 'quantitative', title: 'P(multiple concepts)', scale: { domain: [0, 1] } },
        color: { field: 'population', type: 'nominal', scale: colourScale(report.populations), legend: null },
      },
    },
    {
      mark: { type: 'rule', opacity: 0.6 },
      encoding: {
        x: { field: 'population', type: 'nominal', sort: order },
        y: { field: 'low', type: 'quantitative' },
        y2: { field: 'high' },
        color: { field: 'population', type: 'nominal', scale: colourScale(report.populations), legend: null },
      },
    },
    {
      mark: { type: 'point', filled: true, size: 40 },
      encoding: {
        x: { field: 'population', type: 'nominal', sort: order },
        y: { field: 'mean', type: 'quantitative' },
        color: { field: 'population', type: 'nominal', scale: colourScale(report.populations), legend: null },
        tooltip: [
          { field: 'population' }, { field: 'concept' }, { field: 'people' },
          { field: 'mean', format: '.3f', title: 'posterior mean' },
          { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' },
          { field: 'last', format: '.3f', title: 'last iteration' },
        ],
      },
    },
  ];
  if (baselines.length > 0) {
    layers.push({
      data: { values: baselines },
      mark: { type: 'rule', strokeDash: [6, 4], color: '#000' },
      encoding: { y: { field: 'baseline', type: 'quantitative' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    facet: { column: { field: 'category', type: 'nominal', title: null } },
    spec: { width: Math.max(160, 46 * order.length), height: 260, layer: layers },
    resolve: { scale: { x: 'independent' } },
  } as VisualizationSpec;
}

export function reliabilitySpec(report: ConceptReport): VisualizationSpec {
  const rows = report.populations.flatMap((p) =>
    p.concepts.flatMap((c) => [
      { population: p.name, concept: c.concept, measure: 'between individuals', value: c.reliability.between_individuals.pairwise_agreement },
      { population: p.name, concept: c.concept, measure: 'within an individual', value: c.reliability.within_individual.agreement },
    ]).filter((r) => r.value !== null),
  );
  const order = populationOrder(report.populations);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    facet: { column: { field: 'measure', type: 'nominal', title: null } },
    spec: {
      width: Math.max(160, 46 * order.length),
      height: 220,
      mark: { type: 'boxplot', extent: 1.5 },
      encoding: {
        x: { field: 'population', type: 'nominal', sort: order, title: null, axis: { labelAngle: -30, labelLimit: 180 } },
        y: { field: 'value', type: 'quantitative', title: 'agreement', scale: { domain: [0, 1] } },
        color: { field: 'population', type: 'nominal', scale: colourScale(report.populations), legend: null },
      },
    },
  } as VisualizationSpec;
}

export function individualsSpec(report: ConceptReport): VisualizationSpec {
  const rows = report.populations.flatMap((p) => {
    const sum = (f: (c: ConceptReport['populations'][number]['concepts'][number]) => number) => p.concepts.reduce((t, c) => t + f(c), 0);
    return [
      { population: p.name, kind: 'complete individuals', count: sum((c) => c.complete_individuals) },
      { population: p.name, kind: 'incomplete individuals', count: sum((c) => c.incomplete_individuals) },
      { population: p.name, kind: 'invalid replies', count: sum((c) => c.invalid_replies) },
    ];
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    width: 420,
    height: { step: 26 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'population', type: 'nominal', sort: populationOrder(report.populations), title: null },
      x: { field: 'count', type: 'quantitative', title: 'count' },
      yOffset: { field: 'kind' },
      color: {
        field: 'kind', type: 'nominal', title: null,
        scale: { domain: ['complete individuals', 'incomplete individuals', 'invalid replies'], range: ['#009E73', '#E69F00', '#D55E00'] },
      },
      tooltip: [{ field: 'population' }, { field: 'kind' }, { field: 'count' }],
    },
  } as VisualizationSpec;
}
