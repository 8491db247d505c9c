// Convergence of the concept clustering: R-hat and effective sample size
// per (population, concept, subset), flagged where the chains disagree or
// give too few effective draws, and trace plots of any of them.
import { ChainTraces, firstTaskOfSubsets, type ChainTrace } from '../chain-traces';
import { traceRows, traceSpec } from '../charts/convergence-charts';
import { figure } from '../charts/figure';
import { append, h } from '../dom';
import type { ConceptReport, ConceptSubset } from '../report-types';
import { sortableTable } from '../table';

// The report's thresholds (core/concept/diversity.hpp).
const R_HAT_WARNING = 1.1;
const ESS_WARNING = 100;

interface ConvergenceFields {
  ess: { p_same_table: number | null; tables: number | null };
  warnings: string[];
  chains: unknown[];
}

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
  warnings: string[];
  firstTask: number;
}

function cells(report: ConceptReport): Cell[] {
  const first = firstTaskOfSubsets(report);
  return report.populations.flatMap((p, pi) =>
    p.concepts.flatMap((c, ci) =>
      c.subsets.map((s: ConceptSubset, si) => {
        const extra = s as ConceptSubset & ConvergenceFields;
        return {
          key: `${pi}/${ci}/${si}`,
          population: p.name,
          concept: c.concept,
          people: s.people,
          chains: extra.chains.length,
          rHatSame: s.r_hat.p_same_table,
          rHatTables: s.r_hat.tables,
          essSame: extra.ess.p_same_table,
          essTables: extra.ess.tables,
          warnings: extra.warnings,
          firstTask: first[pi][ci][si],
        };
      })));
}

// How badly a cell needs looking at: the worst R-hat, then the fewest
// effective draws.
function badness(c: Cell): number {
  const rHat = Math.max(c.rHatSame ?? 1, c.rHatTables ?? 1);
  const ess = Math.min(c.essSame ?? Infinity, c.essTables ?? Infinity);
  return (rHat - 1) * 1000 + (Number.isFinite(ess) ? 1 / (1 + ess) : 0);
}

// Which thresholds a cell fails; the full sentences are in the report.
function flag(c: Cell): string {
  const rHat = [c.rHatSame, c.rHatTables].some((v) => v !== null && v > R_HAT_WARNING);
  const ess = [c.essSame, c.essTables].some((v) => v !== null && v < ESS_WARNING);
  return [rHat ? 'R-hat' : '', ess ? 'ESS' : ''].filter(Boolean).join(', ');
}

function label(c: Cell): string {
  return `${c.population} · ${c.concept} · ${c.people} people`;
}

function summary(all: Cell[]): HTMLElement {
  const withRHat = all.filter((c) => c.rHatSame !== null);
  const tight = withRHat.filter((c) => (c.rHatSame as number) <= 1.01).length;
  const flagged = all.filter((c) => c.warnings.length > 0).length;
  const chains = all.length > 0 ? all[0].chains : 0;
  const parts = [
    withRHat.length > 0
      ? `R-hat of P(same table) ≤ 1.01 in ${tight} of ${withRHat.length} cells.`
      : `R-hat needs at least two chains (this run has ${chains}).`,
    flagged > 0
      ? `${flagged} cell${flagged === 1 ? '' : 's'} flagged (R-hat above ${R_HAT_WARNING} or fewer than ${ESS_WARNING} effective draws).`
      : 'No cell is flagged.',
  ];
  return h('p', { 'data-convergence-summary': '' }, parts.join(' '));
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
  const panel = h('section', { class: 'convergence', 'data-panel': 'convergence' }, h('h4', {}, 'Convergence'), summary(all));
  const table = sortableTable<Cell>('concept-convergence', 'R-hat and effective sample size (ESS) per concept and subset size, the worst first', ranked, [
    { title: 'population', value: (c) => c.population },
    { title: 'concept', value: (c) => c.concept },
    { title: 'people', value: (c) => c.people },
    { title: 'R-hat P(same table)', value: (c) => c.rHatSame, digits: 3 },
    { title: 'R-hat tables', value: (c) => c.rHatTables, digits: 3 },
    { title: 'ESS P(same table)', value: (c) => c.essSame, digits: 0 },
    { title: 'ESS tables', value: (c) => c.essTables, digits: 0 },
    { title: 'flag', value: flag },
  ]);
  append(panel, table);
  if (!results || ranked.length === 0) return panel;

  const traces = new ChainTraces(results);
  const select = h('select', { name: 'trace-cell', 'aria-label': 'Concept and subset size to trace' },
    ...ranked.map((c) => h('option', { value: c.key }, `${c.warnings.length > 0 ? '⚠ ' : ''}${label(c)}`)));
  const plots = h('div', { class: 'trace-plots' });
  select.addEventListener('change', () => {
    const cell = ranked.find((c) => c.key === select.value);
    if (cell) void traceFigures(plots, cell, traces);
  });
  append(panel, h('label', { class: 'trace-choice' }, 'Trace plots of ', select), plots);
  await traceFigures(plots, ranked[0], traces);
  return panel;
}
