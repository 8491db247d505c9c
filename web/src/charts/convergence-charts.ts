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
    // As wide as the rank plots beside it, so both fit a column.
    width: 330,
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

// Rank plots (Vehtari et al. 2021): the counted draws of all chains ranked
// together (ties share their average rank), then a histogram of each
// chain's ranks, one small panel per chain. Chains that sample the same
// distribution give flat histograms; a chain stuck apart piles its ranks at
// one end.
export type RankRow = { chain: string; from: number; to: number; draws: number; expected: number };

export const RANK_BINS = 20;

export function rankRows(traces: ChainTrace[], quantity: 'pSameTable' | 'tables', burnIn: number): RankRow[] {
  const draws = traces.flatMap((trace, k) =>
    trace.iteration.flatMap((iteration, i) => (iteration >= burnIn ? [{ chain: k, value: trace[quantity][i] }] : [])));
  const total = draws.length;
  if (total === 0) return [];
  const order = [...draws.keys()].sort((a, b) => draws[a].value - draws[b].value);
  const rank = new Float64Array(total);
  for (let start = 0; start < total;) {
    let end = start;
    while (end + 1 < total && draws[order[end + 1]].value === draws[order[start]].value) end++;
    for (let i = start; i <= end; i++) rank[order[i]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  const bins = Math.min(RANK_BINS, Math.max(1, Math.floor(total / traces.length / 5)));
  const width = total / bins;
  const counts = traces.map(() => new Array<number>(bins).fill(0));
  draws.forEach((d, i) => { counts[d.chain][Math.min(bins - 1, Math.floor((rank[i] - 0.5) / width))]++; });
  return counts.flatMap((perBin, k) => {
    const expected = perBin.reduce((t, c) => t + c, 0) / bins;
    return perBin.map((n, b) => ({ chain: `chain ${k + 1}`, from: b * width + 0.5, to: (b + 1) * width + 0.5, draws: n, expected }));
  });
}

export function rankSpec(rows: RankRow[], title: string): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values: rows },
    facet: { field: 'chain', type: 'nominal', title: null, sort: null },
    columns: 2,
    spec: {
      width: 150,
      height: 70,
      layer: [
        {
          // A rect from 0 to the count: a bar whose x is a range would
          // otherwise be drawn as a band at the count.
          mark: { type: 'rect', color: '#0072B2', opacity: 0.85, stroke: null },
          encoding: {
            x: { field: 'from', type: 'quantitative', title: `rank of ${title}`, axis: { tickCount: 3 } },
            x2: { field: 'to' },
            y: { field: 'draws', type: 'quantitative', title: 'draws', axis: { tickCount: 3 }, scale: { zero: true } },
            y2: { datum: 0 },
          },
        },
        // What each bin holds if the chains agree: the same share of every chain's draws.
        { mark: { type: 'rule', strokeDash: [4, 3], color: '#D55E00' }, encoding: { y: { field: 'expected', type: 'quantitative', aggregate: 'mean' } } },
      ],
    },
  } as VisualizationSpec;
}
