// Per-iteration traces read back from the workers' chain results (the
// Float64Arrays of runConceptChains), so the page can draw them without the
// report carrying every iteration. Layout per chain, as written by
// core/concept/chain_codec.cpp: task, recorded, seating size, state size,
// draws size, the last and the MAP record (5 numbers each), the recorded
// iterations (iteration, tables, P(same table), Chao1 richness, log
// posterior), the MAP seating, the chain's saved state (to continue it), the
// draws' table sizes and seatings (packed several to a number; the page
// reads only their sizes).
import type { ConceptReport } from './report-types';

const RECORD = 5;
const HEADER = 5 + 2 * RECORD;

// The length of the chain at `at`: every part's size is in its header.
export const chainLength = (data: Float64Array, at: number) =>
  HEADER + data[at + 1] * RECORD + data[at + 2] + data[at + 3] + data[at + 4];

export interface ChainTrace {
  iteration: number[];
  tables: number[];
  pSameTable: number[];
}

// A copy of chain results with each chain's task index replaced by
// `index(task)`, or by -1 when it has none: results a worker recorded under
// its plan of some of the files, renumbered to the plan of all of them.
export function renumberChains(results: Float64Array, index: (task: number) => number | undefined): Float64Array {
  const out = results.slice();
  let at = 0;
  while (at + HEADER <= out.length) {
    out[at] = index(out[at]) ?? -1;
    at += chainLength(out, at);
  }
  return out;
}

// A chain's header and recorded iterations alone, with its MAP seating,
// state and draws left out (their sizes 0): what the page's traces read,
// kept once nothing is left to continue or assemble on the page's side.
export function traceOnly(chain: Float64Array): Float64Array {
  const out = chain.slice(0, HEADER + chain[1] * RECORD);
  out[2] = out[3] = out[4] = 0;
  return out;
}

// Each chain of chain results as a view into them, with its task index:
// for a worker keeping the results it holds, where a copy is not needed.
export function chainViews(results: Float64Array): { task: number; data: Float64Array }[] {
  const out: { task: number; data: Float64Array }[] = [];
  let at = 0;
  while (at + HEADER <= results.length) {
    const end = at + chainLength(results, at);
    out.push({ task: results[at], data: results.subarray(at, end) });
    at = end;
  }
  return out;
}

// Each chain of chain results as its own Float64Array (a copy: a view would
// take its whole buffer along to a worker), with its task index.
export const splitChains = (results: Float64Array) => chainViews(results).map(({ task, data }) => ({ task, data: data.slice() }));

interface Located { data: Float64Array; at: number; recorded: number }

export class ChainTraces {
  private readonly chains = new Map<number, Located>();

  constructor(results: Float64Array[]) {
    for (const data of results) {
      let at = 0;
      while (at + HEADER <= data.length) {
        const recorded = data[at + 1];
        this.chains.set(data[at], { data, at: at + HEADER, recorded });
        at += chainLength(data, at);
      }
    }
  }

  // The chain with this planned task index, if its results are here.
  trace(task: number): ChainTrace | null {
    const located = this.chains.get(task);
    if (!located) return null;
    const trace: ChainTrace = { iteration: [], tables: [], pSameTable: [] };
    for (let k = 0; k < located.recorded; k++) {
      const record = located.at + k * RECORD;
      trace.iteration.push(located.data[record]);
      trace.tables.push(located.data[record + 1]);
      trace.pSameTable.push(located.data[record + 2]);
    }
    return trace;
  }
}

// The planned task index of every chain of every (population, concept,
// subset): tasks are planned population by population, concept by concept,
// subset by subset, chain by chain, as the report lists them.
export function firstTaskOfSubsets(report: ConceptReport): number[][][] {
  let next = 0;
  return report.populations.map((p) =>
    p.concepts.map((c) =>
      c.subsets.map((s) => {
        const first = next;
        next += (s as unknown as { chains: unknown[] }).chains.length;
        return first;
      })));
}
