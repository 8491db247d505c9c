// Trace plots of one (population, concept, subset): every chain's recorded
// iterations, one line per chain, so chains that sit in different places
// show at a glance.
import type { VisualizationSpec } from 'vega-embed';
import type { ChainTrace } from '../chain-traces';

export type TraceRow = { chain: string; iteration: number; value: number };

export function traceRows(traces: ChainTrace[], quantity: 'pSameTable' | 'tables'): TraceRow[] {
  return traces.flatMap((trace, k) => trace.iteration.map((iteration, i) => ({ chain: `chain ${k + 1}`, iteration, value: trace[quantity][i] })));
}

export function traceSpec(rows: TraceRow[], title: string, domain?: [number, number]): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 560,
    height: 160,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 1, opacity: 0.8, interpolate: 'step-after' },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'iteration', scale: { zero: false } },
      y: { field: 'value', type: 'quantitative', title, scale: domain ? { domain } : { zero: false } },
      color: { field: 'chain', type: 'nominal', title: null, scale: { range: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#999999'] } },
    },
  } as VisualizationSpec;
}
