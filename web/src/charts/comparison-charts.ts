// The paper's comparison figure: model pairs side by side (non-aligned vs
// aligned) per family, a row per prompt and temperature condition, and the
// human baseline drawn across.
import type { VisualizationSpec } from 'vega-embed';
import type { Comparisons } from '../report-types';

export const METRIC_TITLES: Record<string, string> = {
  dist_from_diagonal: 'mean distance from the line of unity (ΔE)',
  p_multiple_concepts: 'P(multiple concepts)',
  last_p_multiple_concepts: 'P(multiple concepts), last iteration',
};

export function pairsSpec(comparisons: Comparisons, metric: string): VisualizationSpec {
  const rows = comparisons.conditions
    .filter((c) => c.metrics[metric]?.mean !== null && c.metrics[metric] !== undefined)
    .map((c) => ({
      family: c.family || c.model,
      member: c.aligned === null ? c.model : c.aligned ? 'aligned' : 'not aligned',
      model: c.model,
      condition: `prompt=${c.prompt || '?'} · temp=${c.temperature || '?'}`,
      mean: c.metrics[metric].mean,
      low: c.metrics[metric].bootstrap_ci95?.[0] ?? null,
      high: c.metrics[metric].bootstrap_ci95?.[1] ?? null,
    }));
  const human = comparisons.human_baseline.find((b) => b.metric === metric);
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'member', type: 'nominal', title: null, sort: ['not aligned', 'aligned'], axis: { labelAngle: 0 } },
        y: { field: 'mean', type: 'quantitative', title: METRIC_TITLES[metric] ?? metric },
        color: { field: 'member', type: 'nominal', scale: { domain: ['not aligned', 'aligned'], range: ['#E69F00', '#0072B2'] }, legend: null },
        tooltip: [{ field: 'model' }, { field: 'condition' }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }],
      },
    },
    {
      mark: { type: 'rule', color: '#222' },
      encoding: {
        x: { field: 'member', type: 'nominal', sort: ['not aligned', 'aligned'] },
        y: { field: 'low', type: 'quantitative' },
        y2: { field: 'high' },
      },
    },
  ];
  if (human?.mean !== null && human?.mean !== undefined) {
    layers.push({
      mark: { type: 'rule', color: '#000', strokeDash: [6, 4] },
      encoding: { y: { datum: human.mean, type: 'quantitative' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    facet: {
      row: { field: 'condition', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } },
      column: { field: 'family', type: 'nominal', title: null },
    },
    spec: { width: 110, height: 120, layer: layers },
  } as VisualizationSpec;
}
