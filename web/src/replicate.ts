// "Replicate the paper": the paper's released files, fetched from its public
// repository at a pinned commit only after the user agrees, analysed with the
// paper's settings, and Shoal's numbers set beside the paper's own
// iteration-499 values per model × condition.
import { refusedInFrame } from './frame-guard';
import { consentedUrls, grantConsent } from './links/consent';
import { append, h } from './dom';
import type { ConceptReport } from './report-types';
import { sortableTable } from './table';

export const PAPER_REPOSITORY = 'skmur/onefish-twofish';
export const PAPER_COMMIT = '3cf55834400a589d1ce8ca950cc0912809e6b73b';
export const PAPER_ORIGIN = 'https://raw.githubusercontent.com';

const MODELS = ['openchat', 'starling', 'mistral-instruct', 'zephyr-mistral', 'gemma-instruct', 'zephyr-gemma',
  'llama2', 'llama2-chat', 'tulu', 'tulu-dpo'];
// The paper's conditions: the four prompts at the default temperature, then
// two temperatures without a prompt.
const CONDITIONS = [['none', 'default'], ['identity', 'default'], ['random', 'default'], ['nonsense', 'default'],
  ['none', '1.5'], ['none', '2.0']];

// The analyses as the paper ran them: its settings where they differ from
// where the page's form starts (the settings registry's), each with the
// reason. Every other setting starts where the paper ran it (ΔE 1976,
// α = 0.16, the simplicity prior, 500 iterations, 100 burned in, subsets of
// 25 to 100), so the form is reset to its starts first.
const PAPER_DIFFERENCES: { field: string; value: string; why: string }[] = [
  { field: 'pairs', value: 'paper', why: "the paper's code paired i < j in ascending id order only" },
  { field: 'kernel', value: 'gibbs', why: 'the paper sampled by single-site Gibbs sweeps alone, without split-merge moves' },
  { field: 'chains', value: '1', why: 'the paper ran one chain per concept and subset (the page starts at more, for R-hat)' },
  { field: 'minPeople', value: '1', why: 'the paper counted every concept, however few people answered it' },
];

export const PAPER_PARAMETERS: Record<string, string> =
  Object.fromEntries(PAPER_DIFFERENCES.map(({ field, value }) => [field, value]));

export type PaperFileRole = 'input' | 'human-input' | 'paper-chains';
export interface PaperFile { name: string; path: string; role: PaperFileRole; population?: string }

export function paperFiles(): PaperFile[] {
  const files: PaperFile[] = [
    { name: 'colorref.csv', path: 'input-data/color-task/colorref.csv', role: 'input' },
    { name: 'Responses.csv', path: 'input-data/concept-task/Responses.csv', role: 'human-input' },
    { name: 'ClusteringResults.csv', path: 'input-data/concept-task/ClusteringResults.csv', role: 'input', population: 'human' },
  ];
  for (const model of MODELS) {
    for (const [prompt, temperature] of CONDITIONS) {
      const stem = `${model}-prompt=${prompt}-temp=${temperature}`;
      files.push({ name: `${stem}-forCRP.csv`, path: `concept-task/input-data/${stem}-forCRP.csv`, role: 'input' });
      files.push({
        name: `${stem}-ClusteringResults.csv`, path: `concept-task/output-data-500iterations/${stem}-ClusteringResults.csv`,
        role: 'paper-chains', population: `${model} prompt=${prompt} temp=${temperature}`,
      });
    }
  }
  return files;
}

export const paperUrl = (file: PaperFile) => `${PAPER_ORIGIN}/${PAPER_REPOSITORY}/${PAPER_COMMIT}/${file.path}`;

// Agreeing widens the Content-Security-Policy to the pinned files' exact
// URLs, which only a fresh page can do. The page reloads without its
// fragment: the replication starts from a clean page, with nothing a share
// link brought (its files, embedded data or settings), and picks the work up.
export function agreeToReplicate() {
  if (refusedInFrame()) return;  // a framed page may be clicked through a disguise
  grantConsent({ purpose: 'replicate', page: '', urls: paperFiles().map(paperUrl) });
  history.replaceState(null, '', location.pathname + location.search);
  location.reload();
}

// True when this page load carries the agreement to replicate, for every
// pinned file.
export function takePendingReplication(): boolean {
  const agreed = consentedUrls('replicate');
  return agreed.size > 0 && paperFiles().every((f) => agreed.has(paperUrl(f)));
}

export function renderReplicationOffer(panel: HTMLElement, onAgree: () => void) {
  const files = paperFiles();
  const agree = h('button', { type: 'button', id: 'replicate-agree' }, `Fetch ${files.length} files and run`);
  const dismiss = h('button', { type: 'button', class: 'secondary' }, 'Not now');
  agree.addEventListener('click', onAgree);
  dismiss.addEventListener('click', () => { panel.hidden = true; });
  const list = h('ul', { class: 'paper-files' }, ...files.map((f) => h('li', {}, f.path)));
  panel.replaceChildren();
  append(panel,
    h('h3', {}, 'Replicate the paper'),
    h('p', {}, `This fetches the released data and results of Murthy, Ullman & Hu (2025) from ${PAPER_ORIGIN}, repository `
      + `${PAPER_REPOSITORY} at commit ${PAPER_COMMIT.slice(0, 12)}, and runs both analyses with the paper's settings: `
      + `${PAPER_DIFFERENCES.map((d) => d.why).join('; ')}. `
      + `That server sees the requests. Agreeing lets this page fetch exactly these ${files.length} files, once, and nothing `
      + 'else: the page reloads without anything a shared link brought, and nothing is fetched until you agree.'),
    h('details', {}, h('summary', {}, `The ${files.length} files`), list),
    h('div', { class: 'actions' }, agree, dismiss),
  );
  panel.hidden = false;
}

export interface FetchedPaper {
  inputs: { name: string; bytes: Uint8Array; human: boolean }[];
  paperChains: { population: string; text: string }[];
  humanChains: string | null;
  failures: { path: string; reason: string }[];
}

export async function fetchPaper(onProgress: (done: number, total: number, bytes: number) => void): Promise<FetchedPaper> {
  const files = paperFiles();
  const result: FetchedPaper = { inputs: [], paperChains: [], humanChains: null, failures: [] };
  let done = 0;
  let bytes = 0;
  const queue = [...files];
  const fetchOne = async (file: PaperFile) => {
    try {
      if (!consentedUrls('replicate').has(paperUrl(file))) throw new Error('not agreed to');
      const response = await fetch(paperUrl(file), { credentials: 'omit' });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
      const body = new Uint8Array(await response.arrayBuffer());
      bytes += body.length;
      if (file.role === 'paper-chains') {
        result.paperChains.push({ population: file.population!, text: new TextDecoder().decode(body) });
      } else {
        result.inputs.push({ name: file.name, bytes: body, human: file.role === 'human-input' });
        if (file.population === 'human') result.humanChains = new TextDecoder().decode(body);
      }
    } catch (error) {
      result.failures.push({ path: file.path, reason: error instanceof Error ? error.message : String(error) });
    }
    onProgress(++done, files.length, bytes);
  };
  // A few requests at a time: the host limits parallel downloads anyway.
  await Promise.all(Array.from({ length: 6 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await fetchOne(next);
  }));
  const order = new Map(files.map((f, i) => [f.name, i]));
  result.inputs.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  return result;
}

// A clustering output as the paper writes it: one row per concept, subset
// size, chain and iteration. Only the last iteration matters here (499).
interface ChainCell { concept: string; people: number; chain: string; pMultiple: number }

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; } else field += c;
  }
  fields.push(field);
  return fields;
}

export function lastIterationCells(text: string): ChainCell[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return [];
  const header = splitCsvLine(lines[0]);
  const at = (name: string) => header.indexOf(name);
  const [concept, iteration, people, chain, pSame] =
    ['Concept', 'Iteration', 'NumberOfPeople', 'Chain', 'ProbabilityOfSameTable'].map(at);
  if ([concept, iteration, people, pSame].some((i) => i < 0)) return [];
  const rows = lines.slice(1).map(splitCsvLine);
  const last = Math.max(...rows.map((r) => Number(r[iteration])).filter(Number.isFinite));
  return rows.filter((r) => Number(r[iteration]) === last).map((r) => ({
    concept: r[concept], people: Number(r[people]), chain: chain >= 0 ? r[chain] : '1', pMultiple: 1 - Number(r[pSame]),
  })).filter((c) => Number.isFinite(c.pMultiple));
}

// A concept's category as the report gives it: the core decides categories.
function categoryIn(report: ConceptReport | null, concept: string): string | null {
  for (const p of report?.populations ?? []) {
    const found = p.concepts.find((c) => sameConcept(c.concept, concept));
    if (found) return found.category;
  }
  return null;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export interface AgreementRow {
  population: string;
  category: string;
  paperCells: number;
  paper: number | null;
  shoalLast: number | null;
  shoalPosterior: number | null;
  inside: number;
  compared: number;
}

// Per population and concept category: the paper's iteration-499 P(multiple
// concepts), averaged over concepts and subset sizes, beside Shoal's over the
// same cells, and how many of the paper's values lie inside Shoal's 95%
// posterior intervals.
export function agreementRows(report: ConceptReport | null, paper: FetchedPaper): AgreementRow[] {
  const rows: AgreementRow[] = [];
  const sources = [...paper.paperChains];
  if (paper.humanChains) sources.unshift({ population: 'human', text: paper.humanChains });
  for (const source of sources) {
    const cells = lastIterationCells(source.text);
    const population = report?.populations.find((p) => (source.population === 'human' ? p.human && !p.name.includes('chains') : p.name === source.population))
      ?? null;
    for (const category of ['animals', 'politicians']) {
      const mine = cells.filter((c) => categoryIn(report, c.concept) === category);
      if (mine.length === 0) continue;
      let inside = 0;
      let compared = 0;
      // Shoal's means over the category's concept × subset cells, as the report gives them.
      const shoal = report?.comparisons.populations?.find((c) => c.population === population?.name)
        ?.category_cells?.find((c) => c.category === category);
      for (const result of population?.concepts.filter((c) => c.category === category) ?? []) {
        for (const subset of result.subsets) {
          const [low, high] = subset.p_multiple_concepts.ci95;
          for (const cell of mine.filter((c) => c.people === subset.people && sameConcept(c.concept, result.concept))) {
            if (low === null || high === null) continue;
            compared++;
            if (cell.pMultiple >= low - 1e-12 && cell.pMultiple <= high + 1e-12) inside++;
          }
        }
      }
      rows.push({
        population: source.population === 'human' ? 'human (released chains)' : source.population,
        category, paperCells: mine.length, paper: mean(mine.map((c) => c.pMultiple)),
        shoalLast: shoal?.last_p_multiple_concepts ?? null, shoalPosterior: shoal?.p_multiple_concepts ?? null, inside, compared,
      });
    }
  }
  return rows;
}

// The human files name concepts by their last word ("finch", "Obama").
const sameConcept = (a: string, b: string) =>
  a === b || a.trim().split(/\s+/).pop()!.toLowerCase() === b.trim().split(/\s+/).pop()!.toLowerCase();

export function renderAgreement(container: HTMLElement, report: ConceptReport | null, paper: FetchedPaper) {
  const rows = agreementRows(report, paper);
  const failures = paper.failures.length === 0 ? null : h('details', { class: 'notice', open: paper.failures.length <= 5 },
    h('summary', {}, `${paper.failures.length} of the paper's files could not be fetched, so they are not part of this replication`),
    h('ul', {}, ...paper.failures.map((f) => h('li', {}, `${f.path}: ${f.reason}`))));
  container.replaceChildren();
  append(container,
    h('h3', { id: 'replication-heading' }, 'The paper beside Shoal'),
    h('p', {}, 'P(multiple concepts) per population and concept category: the paper\'s own value at iteration 499 of its '
      + 'one chain, averaged over concepts and subset sizes; Shoal\'s last iteration and posterior mean over the same cells '
      + 'with the paper\'s settings; and how many of the paper\'s values lie inside Shoal\'s 95% posterior intervals. One '
      + 'chain\'s last iteration is a single draw, so the two last-iteration columns agree only in distribution.'),
    failures,
    sortableTable('paper-agreement', 'The paper\'s iteration-499 values and Shoal\'s', rows, [
      { title: 'population', value: (r) => r.population },
      { title: 'category', value: (r) => r.category },
      { title: 'paper cells', value: (r) => r.paperCells },
      { title: 'paper P(multiple), iteration 499', value: (r) => r.paper, digits: 4 },
      { title: 'Shoal P(multiple), last iteration', value: (r) => r.shoalLast, digits: 4 },
      { title: 'Shoal P(multiple), posterior mean', value: (r) => r.shoalPosterior, digits: 4 },
      { title: 'paper inside Shoal 95%', value: (r) => (r.compared ? `${r.inside} of ${r.compared}` : '—') },
    ], 200),
  );
}
