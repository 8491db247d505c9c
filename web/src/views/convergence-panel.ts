// Convergence of the concept clustering, as the report judges it. First the
// report's summary line and the cells that did not pass (the same list the
// results' banner counts); then one cell at a time, picked from a list that
// can be searched and filtered: its R-hat, bulk- and tail-ESS, MCSE,
// iterations and verdict for P(same table), the number of tables and the log
// posterior (all read from the report), its trace plots and rank plots
// (drawn from the chains the page ran); last, every cell in one table.
import { ChainTraces, firstTaskOfSubsets, type ChainTrace } from '../chain-traces';
import { rankRows, rankSpec, traceRows, traceSpec } from '../charts/convergence-charts';
import { figure } from '../charts/figure';
import { displayName } from '../charts/palette';
import { append, h } from '../dom';
import type { CellConvergence, ConceptReport, ConceptSubset, Diagnostics } from '../report-types';
import { sortableTable } from '../table';
import './convergence-panel.css';

interface Cell {
  key: string;
  population: string;   // the population's name: the join key
  shownPopulation: string;
  concept: string;
  people: number;
  chains: number;
  convergence: CellConvergence;
  firstTask: number;
  released: boolean;     // read from released chains: no traces, ever
}

function cells(report: ConceptReport): Cell[] {
  const first = firstTaskOfSubsets(report);
  return report.populations.flatMap((p, pi) =>
    p.concepts.flatMap((c, ci) =>
      c.subsets.map((s: ConceptSubset, si) => ({
        key: `${pi}/${ci}/${si}`,
        population: p.name,
        shownPopulation: displayName(p),
        concept: c.concept,
        people: s.people,
        chains: s.chains.length,
        convergence: s.convergence,
        firstTask: first[pi][ci][si],
        // The report leaves the seating empty for released chains only.
        released: (s as unknown as { map: { seating: unknown[] } }).map.seating.length === 0,
      }))));
}

const judged = (c: Cell) => [c.convergence.p_same_table, c.convergence.tables];
const worstRHat = (c: Cell) => Math.max(...judged(c).map((d) => d.r_hat ?? -Infinity));
const fewestDraws = (c: Cell) => Math.min(...judged(c).flatMap((d) => [d.ess_bulk ?? Infinity, d.ess_tail ?? Infinity]));

// Worst first: cells that did not pass, by R-hat, highest first; then the
// others, by their fewest effective draws.
function worstFirst(a: Cell, b: Cell): number {
  const failedA = a.convergence.verdict === 'failed', failedB = b.convergence.verdict === 'failed';
  if (failedA !== failedB) return failedA ? -1 : 1;
  if (failedA) return worstRHat(b) - worstRHat(a) || fewestDraws(a) - fewestDraws(b);
  return fewestDraws(a) - fewestDraws(b) || worstRHat(b) - worstRHat(a);
}

// What the report says a cell fell short on, in short.
function shortfall(c: Cell): string {
  const short = c.convergence.failed.map((f) => f.replace(/ \(needs [^)]*\)/, ''));
  return c.convergence.verdict === 'failed' ? short.join('; ') : c.convergence.verdict;
}

function label(c: Cell): string {
  return `${c.shownPopulation} · ${c.concept} · ${c.people} people`;
}

const RULE = 'A cell passes when, for P(same table) and the number of tables, R-hat < 1.01 and bulk- and tail-ESS ≥ 400.';

// The report's summary line and its list of the cells that did not pass:
// the banner above the results counts the same list.
function summary(report: ConceptReport, open: (c: Cell) => void, byPlace: Map<string, Cell>): HTMLElement[] {
  const c = report.convergence;
  const constant = c.cells - c.varying;
  const line = c.line || 'No cell varies.';
  const text = h('p', { 'data-convergence-summary': '', 'data-failed': c.failed.length },
    h('strong', {}, line), ` ${RULE}${constant > 0 ? ` ${constant} cell${constant === 1 ? '' : 's'} never changed (constant, not judged).` : ''}`);
  if (c.failed.length === 0) return [text];
  const list = h('ol', { class: 'convergence-failed', 'data-failed-cells': '' }, ...c.failed.map((f) => {
    const cell = byPlace.get(`${f.population}\u001f${f.concept}\u001f${f.people}`);
    const what = `${cell ? cell.shownPopulation : f.population} · ${f.concept} · ${f.people} people`;
    const detail = ` (${f.iterations.toLocaleString('en')} iterations): ${f.failed.map((x) => x.replace(/ \(needs [^)]*\)/, '')).join('; ')}`;
    if (!cell) return h('li', {}, what, detail);
    const button = h('button', { type: 'button', class: 'link', 'data-open-cell': cell.key }, what);
    button.addEventListener('click', () => open(cell));
    return h('li', {}, button, detail);
  }));
  return [text, c.failed.length > 8 ? h('details', { class: 'convergence-failed-all' }, h('summary', {}, `The ${c.failed.length} cells that did not pass`), list) : list];
}

const shown = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

function diagnosticsTable(c: Cell): HTMLElement {
  const rows: [string, Diagnostics][] = [
    ['P(same table)', c.convergence.p_same_table],
    ['tables', c.convergence.tables],
    ['log posterior', c.convergence.log_posterior],
  ];
  const table = h('table', { class: 'data cell-diagnostics', 'data-table': 'cell-diagnostics' },
    h('thead', {}, h('tr', {}, ...['quantity', 'R-hat', 'bulk-ESS', 'tail-ESS', 'MCSE'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map(([name, d]) => h('tr', {},
      h('th', { scope: 'row' }, name), h('td', {}, shown(d.r_hat, 4)), h('td', {}, shown(d.ess_bulk, 0)),
      h('td', {}, shown(d.ess_tail, 0)), h('td', {}, shown(d.mcse_mean, 4))))));
  return h('div', { class: 'cell-diagnostics-frame' }, table,
    h('p', { class: 'figure-note' }, `Over ${c.chains} chain${c.chains === 1 ? '' : 's'} of ${c.convergence.iterations.toLocaleString('en')} iterations, ` +
      `the first ${c.convergence.burn_in.toLocaleString('en')} of each not counted; the verdict judges P(same table) and the number of tables, not the log posterior. ` +
      'MCSE: the Monte Carlo standard error of the posterior mean; — where undefined (a quantity that never changes).'));
}

function verdictLine(c: Cell): HTMLElement {
  const v = c.convergence;
  const words: Record<CellConvergence['verdict'], string> = {
    passed: 'Passed.', failed: 'Did not pass:', constant: 'Constant: P(same table) and the number of tables never changed, so the cell is not judged.',
    'single-chain': 'One chain: R-hat needs two or more, so the cell is not judged.',
  };
  return h('p', { class: `cell-verdict verdict-${v.verdict}`, 'data-verdict': v.verdict },
    h('strong', {}, words[v.verdict]), v.verdict === 'failed' ? ` ${v.failed.join('; ')}.` : '');
}

async function chainFigures(cell: Cell, traces: ChainTraces | null): Promise<HTMLElement[]> {
  if (cell.released) return [h('p', { class: 'figure-note' }, 'Read from released chains: their draws are not in the file the page read, so no trace or rank plots.')];
  const chains: ChainTrace[] = [];
  for (let k = 0; k < cell.chains && traces; k++) {
    const trace = traces.trace(cell.firstTask + k);
    if (trace) chains.push(trace);
  }
  if (chains.length === 0) return [h('p', { class: 'figure-note' }, 'No traces: the chains did not run in this page.')];
  const trace = (name: string, caption: string, quantity: 'pSameTable' | 'tables', title: string, domain?: [number, number]) => {
    const rows = traceRows(chains, quantity);
    const finals = chains.map((c, k) => `chain ${k + 1} ends at ${c[quantity][c[quantity].length - 1]}`).join(', ');
    return figure({
      name, caption, rows, spec: traceSpec(rows, title, domain),
      summary: `${chains.length} chains over ${chains[0].iteration.length} recorded iterations; ${finals}.`,
    });
  };
  const ranks = (name: string, caption: string, quantity: 'pSameTable' | 'tables', title: string) => {
    const rows = rankRows(chains, quantity, cell.convergence.burn_in);
    const perChain = chains.map((_, k) => {
      const mine = rows.filter((r) => r.chain === `chain ${k + 1}`);
      const low = mine.slice(0, Math.ceil(mine.length / 2)).reduce((t, r) => t + r.draws, 0);
      const all = mine.reduce((t, r) => t + r.draws, 0);
      return `chain ${k + 1} has ${all > 0 ? Math.round((100 * low) / all) : 0}% of its draws in the lower half of the ranks`;
    });
    return figure({
      name, caption, rows, spec: rankSpec(rows, title),
      note: 'Flat histograms, near the dashed line, mean the chains sample the same distribution. Tied draws (a quantity with few values) share their average rank and so one bin: then the chains\u2019 histograms should look alike.',
      summary: `Ranks of the counted draws of ${chains.length} chains pooled, from iteration ${cell.convergence.burn_in} on; ${perChain.join(', ')}.`,
    });
  };
  return Promise.all([
    trace('trace-p-same-table', `P(same table) per iteration, ${label(cell)}`, 'pSameTable', 'P(same table)', [0, 1]),
    ranks('rank-p-same-table', `Rank plots of P(same table), ${label(cell)}`, 'pSameTable', 'P(same table)'),
    trace('trace-tables', `Number of tables per iteration, ${label(cell)}`, 'tables', 'tables'),
    ranks('rank-tables', `Rank plots of the number of tables, ${label(cell)}`, 'tables', 'tables'),
  ]);
}

// At most this many cells are listed at once; the search narrows the rest.
const LISTED = 60;

function matches(c: Cell, words: string[], population: string, verdict: string): boolean {
  if (population && c.population !== population) return false;
  if (verdict && c.convergence.verdict !== verdict) return false;
  const text = `${c.shownPopulation} ${c.population} ${c.concept} ${c.people}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export async function convergencePanel(report: ConceptReport, results: Float64Array[] | undefined): Promise<HTMLElement> {
  const all = cells(report);
  const ranked = [...all].sort(worstFirst);
  const traces = results ? new ChainTraces(results) : null;
  const byPlace = new Map(all.map((c) => [`${c.population}\u001f${c.concept}\u001f${c.people}`, c]));
  const panel = h('section', { class: 'convergence', 'data-panel': 'convergence' }, h('h4', {}, 'Convergence'));

  const detail = h('div', { class: 'cell-detail', 'aria-live': 'polite' });
  const list = h('ul', { class: 'cell-list', 'data-cell-list': '', 'aria-label': 'Cells, the worst first' });
  let current: Cell | null = null;
  let drawing = 0;
  const open = async (cell: Cell, focusDetail = false) => {
    current = cell;
    const mine = ++drawing;
    for (const b of list.querySelectorAll('button[data-cell]')) b.setAttribute('aria-current', String(b.getAttribute('data-cell') === cell.key));
    const heading = h('h5', { tabindex: -1 }, label(cell));
    detail.setAttribute('data-cell', cell.key);
    detail.replaceChildren(heading, verdictLine(cell), diagnosticsTable(cell), h('p', { class: 'figure-note' }, 'Drawing the chains…'));
    if (focusDetail) heading.focus();
    const figures = await chainFigures(cell, traces);
    if (mine !== drawing) return;
    detail.lastElementChild!.replaceWith(h('div', { class: 'chain-plots', 'data-chain-plots': cell.key }, ...figures));
  };

  append(panel, ...summary(report, (c) => void open(c, true), byPlace));
  if (all.length === 0) return panel;

  // The picker: a search over population, concept and subset size, and
  // filters by population and verdict, over a list of at most LISTED cells.
  const search = h('input', { type: 'search', name: 'cell-search', placeholder: 'population, concept or size', 'aria-label': 'Find cells by population, concept or subset size', autocomplete: 'off' });
  const populations = [...new Map(all.map((c) => [c.population, c.shownPopulation])).entries()];
  const population = h('select', { name: 'cell-population', 'aria-label': 'Population' },
    h('option', { value: '' }, 'every population'), ...populations.map(([name, shownName]) => h('option', { value: name }, shownName)));
  const verdicts = [...new Set(all.map((c) => c.convergence.verdict))];
  const verdict = h('select', { name: 'cell-verdict', 'aria-label': 'Verdict' },
    h('option', { value: '' }, 'every verdict'), ...verdicts.map((v) => h('option', { value: v }, v === 'failed' ? 'did not pass' : v)));
  const count = h('p', { class: 'cell-count', 'aria-live': 'polite', 'data-cell-count': '' });
  const render = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const found = ranked.filter((c) => matches(c, words, population.value, verdict.value));
    count.textContent = `${found.length.toLocaleString('en')} of ${all.length.toLocaleString('en')} cells${found.length > LISTED ? `; the worst ${LISTED} listed: narrow the search for others` : ''}`;
    count.setAttribute('data-cell-count', String(found.length));
    list.replaceChildren(...found.slice(0, LISTED).map((c) => {
      const failed = c.convergence.verdict === 'failed';
      const rHat = worstRHat(c);
      const button = h('button', { type: 'button', 'data-cell': c.key, 'data-verdict': c.convergence.verdict, 'aria-current': String(current?.key === c.key) },
        h('span', { class: `cell-mark verdict-${c.convergence.verdict}`, 'aria-hidden': 'true' }, failed ? '✗' : c.convergence.verdict === 'passed' ? '✓' : '·'),
        h('span', { class: 'cell-name' }, label(c)),
        h('span', { class: 'cell-brief' }, `${failed ? 'did not pass' : c.convergence.verdict}${Number.isFinite(rHat) ? ` · R-hat ${rHat.toFixed(3)}` : ''}`));
      button.addEventListener('click', () => void open(c));
      return h('li', {}, button);
    }));
  };
  for (const control of [search, population, verdict]) control.addEventListener('input', render);
  // Keyboard: arrows move through the list (and from the search into it);
  // Enter in the search opens the first cell found.
  const buttons = () => [...list.querySelectorAll<HTMLButtonElement>('button[data-cell]')];
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); buttons()[0]?.focus(); }
    if (event.key === 'Enter') { event.preventDefault(); buttons()[0]?.click(); }
  });
  list.addEventListener('keydown', (event) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (to === undefined || at < 0) return;
    event.preventDefault();
    if (to < 0) search.focus();
    else all[Math.min(to, all.length - 1)]?.focus();
  });
  render();

  append(panel,
    h('div', { class: 'cell-browser' },
      h('div', { class: 'cell-picker' },
        h('div', { class: 'cell-filters' }, h('label', {}, h('span', {}, 'Find'), search), h('label', {}, h('span', {}, 'Population'), population),
          h('label', {}, h('span', {}, 'Verdict'), verdict)),
        count, list),
      detail),
    h('details', { class: 'convergence-all' }, h('summary', {}, `Every cell in one table (${all.length.toLocaleString('en')})`),
      sortableTable<Cell>('concept-convergence', 'R-hat, effective sample size (ESS) and Monte Carlo standard error (MCSE) per concept and subset size, the cells that did not pass first', ranked, [
        { title: 'population', value: (c) => c.shownPopulation },
        { title: 'concept', value: (c) => c.concept },
        { title: 'people', value: (c) => c.people },
        { title: 'R-hat P(same table)', value: (c) => c.convergence.p_same_table.r_hat, digits: 3 },
        { title: 'R-hat tables', value: (c) => c.convergence.tables.r_hat, digits: 3 },
        { title: 'ESS P(same table)', value: (c) => c.convergence.p_same_table.ess_bulk, digits: 0 },
        { title: 'ESS tables', value: (c) => c.convergence.tables.ess_bulk, digits: 0 },
        { title: 'tail-ESS P(same table)', value: (c) => c.convergence.p_same_table.ess_tail, digits: 0 },
        { title: 'tail-ESS tables', value: (c) => c.convergence.tables.ess_tail, digits: 0 },
        { title: 'MCSE P(same table)', value: (c) => c.convergence.p_same_table.mcse_mean, digits: 4 },
        { title: 'iterations', value: (c) => c.convergence.iterations },
        { title: 'verdict', value: shortfall },
      ])));

  // Opens on the worst cell that has draws to show: never one of released
  // chains, which has none.
  const worst = ranked.find((c) => !c.released && (!traces || traces.trace(c.firstTask))) ?? ranked.find((c) => !c.released) ?? ranked[0];
  await open(worst);
  return panel;
}
