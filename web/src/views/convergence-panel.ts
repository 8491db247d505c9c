// Convergence of the concept clustering, as the report judges it: per
// (population, concept, subset) the rank-normalised split R-hat, bulk- and
// tail-ESS and MCSE, the iterations run and the verdict, the cells that did
// not pass first, and trace plots of any of them.
import { ChainTraces, firstTaskOfSubsets, type ChainTrace } from '../chain-traces';
import { traceRows, traceSpec } from '../charts/convergence-charts';
import { figure } from '../charts/figure';
import { append, h } from '../dom';
import type { CellConvergence, ConceptReport, ConceptSubset } from '../report-types';
import { sortableTable } from '../table';

interface Cell {
  key: string;
  population: string;
  concept: string;
  people: number;
  chains: number;
  rHatSame: number | null;
  rHatTables: number | null;
  essSame: number | null;
  essTables: number | null;
  convergence: CellConvergence;
  firstTask: number;
}

function cells(report: ConceptReport): Cell[] {
  const first = firstTaskOfSubsets(report);
  return report.populations.flatMap((p, pi) =>
    p.concepts.flatMap((c, ci) =>
      c.subsets.map((s: ConceptSubset, si) => {
        return {
          key: `${pi}/${ci}/${si}`,
          population: p.name,
          concept: c.concept,
          people: s.people,
          chains: s.chains.length,
          rHatSame: s.r_hat.p_same_table,
          rHatTables: s.r_hat.tables,
          essSame: s.ess.p_same_table,
          essTables: s.ess.tables,
          convergence: s.convergence,
          firstTask: first[pi][ci][si],
        };
      })));
}

// How badly a cell needs looking at: failed cells first, then the worst
// R-hat, then the fewest effective draws.
function badness(c: Cell): number {
  const rHat = Math.max(c.rHatSame ?? 1, c.rHatTables ?? 1);
  const ess = Math.min(c.essSame ?? Infinity, c.essTables ?? Infinity);
  const failed = c.convergence.verdict === 'failed' ? 1e6 : 0;
  return failed + (rHat - 1) * 1000 + (Number.isFinite(ess) ? 1 / (1 + ess) : 0);
}

// What the report says a cell fell short on, in short.
function flag(c: Cell): string {
  const short = c.convergence.failed.map((f) => f.replace(/ \(needs [^)]*\)/, ''));
  return c.convergence.verdict === 'failed' ? short.join('; ') : c.convergence.verdict;
}

function label(c: Cell): string {
  return `${c.population} · ${c.concept} · ${c.people} people`;
}

// The report's summary line: the banner counts the same cells.
function summary(report: ConceptReport): HTMLElement {
  const c = report.convergence;
  const rule = 'A cell passes when, for P(same table) and the number of tables, R-hat < 1.01 and bulk- and tail-ESS ≥ 400.';
  const constant = c.cells - c.varying;
  const line = c.line || 'No cell varies.';
  return h('p', { 'data-convergence-summary': '', 'data-failed': c.failed.length },
    `${line} ${rule} ${constant > 0 ? `${constant} cell${constant === 1 ? '' : 's'} never changed (constant, not judged).` : ''}`.trim());
}

async function traceFigures(container: HTMLElement, cell: Cell, traces: ChainTraces) {
  const chains: ChainTrace[] = [];
  for (let k = 0; k < cell.chains; k++) {
    const trace = traces.trace(cell.firstTask + k);
    if (trace) chains.push(trace);
  }
  if (chains.length === 0) {
    container.replaceChildren(h('p', {}, 'No traces for this run.'));
    return;
  }
  const trace = (name: string, caption: string, quantity: 'pSameTable' | 'tables', title: string, domain?: [number, number]) => {
    const rows = traceRows(chains, quantity);
    const finals = chains.map((c, k) => `chain ${k + 1} ends at ${c[quantity][c[quantity].length - 1]}`).join(', ');
    return figure({
      name, caption, rows, spec: traceSpec(rows, title, domain),
      summary: `${chains.length} chains over ${chains[0].iteration.length} recorded iterations; ${finals}.`,
    });
  };
  const figures = await Promise.all([
    trace('trace-p-same-table', `P(same table) per iteration, ${label(cell)}`, 'pSameTable', 'P(same table)', [0, 1]),
    trace('trace-tables', `Number of tables per iteration, ${label(cell)}`, 'tables', 'tables'),
  ]);
  container.replaceChildren(...figures);
}

export async function convergencePanel(report: ConceptReport, results: Float64Array[] | undefined): Promise<HTMLElement> {
  const all = cells(report);
  const ranked = [...all].sort((a, b) => badness(b) - badness(a));
  const panel = h('section', { class: 'convergence', 'data-panel': 'convergence' }, h('h4', {}, 'Convergence'), summary(report));
  const table = sortableTable<Cell>('concept-convergence', 'R-hat, effective sample size (ESS) and Monte Carlo standard error (MCSE) per concept and subset size, the cells that did not pass first', ranked, [
    { title: 'population', value: (c) => c.population },
    { title: 'concept', value: (c) => c.concept },
    { title: 'people', value: (c) => c.people },
    { title: 'R-hat P(same table)', value: (c) => c.rHatSame, digits: 3 },
    { title: 'R-hat tables', value: (c) => c.rHatTables, digits: 3 },
    { title: 'ESS P(same table)', value: (c) => c.essSame, digits: 0 },
    { title: 'ESS tables', value: (c) => c.essTables, digits: 0 },
    { title: 'tail-ESS P(same table)', value: (c) => c.convergence.p_same_table.ess_tail, digits: 0 },
    { title: 'tail-ESS tables', value: (c) => c.convergence.tables.ess_tail, digits: 0 },
    { title: 'MCSE P(same table)', value: (c) => c.convergence.p_same_table.mcse_mean, digits: 4 },
    { title: 'iterations', value: (c) => c.convergence.iterations },
    { title: 'verdict', value: flag },
  ]);
  append(panel, table);
  if (!results || ranked.length === 0) return panel;

  const traces = new ChainTraces(results);
  const select = h('select', { name: 'trace-cell', 'aria-label': 'Concept and subset size to trace' },
    ...ranked.map((c) => h('option', { value: c.key }, `${c.convergence.verdict === 'failed' ? '⚠ ' : ''}${label(c)}`)));
  const plots = h('div', { class: 'trace-plots' });
  select.addEventListener('change', () => {
    const cell = ranked.find((c) => c.key === select.value);
    if (cell) void traceFigures(plots, cell, traces);
  });
  append(panel, h('label', { class: 'trace-choice' }, 'Trace plots of ', select), plots);
  await traceFigures(plots, ranked[0], traces);
  return panel;
}
