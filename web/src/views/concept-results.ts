// Results of the conceptual-similarity analysis: figures, tables, downloads.
import {
  heatmapFigure, humanConceptsFigure, individualsFigure, multipleFigure, reliabilityFigure, sharedConceptsFigure, subsetsFigure,
} from '../charts/concept-charts';
import { unclusteredPopulations } from '../charts/concept-measure';
import { draw, nextTask } from '../charts/figure';
import { displayName } from '../charts/palette';
import { append, h } from '../dom';
import { download } from '../download';
import type { ConceptPopulation, ConceptReport, ConceptResult, ConceptSubset } from '../report-types';
import { sortableTable } from '../table';
import { convergencePanel } from './convergence-panel';
import { whichConceptsView } from './which-concepts';

interface SubsetRow { population: string; c: ConceptResult; s: ConceptSubset }

function populationTable(report: ConceptReport): HTMLElement {
  const counted = new Map((report.comparisons.populations ?? []).map((c) => [c.population, c.summaries.p_multiple_concepts?.all?.units ?? null]));
  return sortableTable<ConceptPopulation>('concept-populations', 'P(multiple concepts) per population (each concept at its largest subset)', report.populations, [
    { title: 'population', value: (p) => displayName(p) },
    { title: 'human', value: (p) => (p.human ? 'yes' : 'no') },
    { title: 'concepts clustered', value: (p) => p.concepts_clustered },
    // The concepts in the report's means: its summary over every concept counts them.
    { title: 'concepts counted', value: (p) => counted.get(p.name) ?? null },
    { title: 'mean P(multiple concepts)', value: (p) => p.mean_p_multiple_concepts, digits: 4 },
    { title: 'mean at last iteration', value: (p) => p.mean_last_p_multiple_concepts, digits: 4 },
    { title: 'within-individual agreement', value: (p) => p.within_individual_agreement.agreement, digits: 4 },
  ]);
}

function subsetTable(report: ConceptReport): HTMLElement {
  const rows: SubsetRow[] = report.populations.flatMap((p) => p.concepts.flatMap((c) => c.subsets.map((s) => ({ population: displayName(p), c, s }))));
  return sortableTable<SubsetRow>('concept-subsets', 'Per concept and subset size', rows, [
    { title: 'population', value: (r) => r.population },
    { title: 'concept', value: (r) => r.c.concept },
    { title: 'category', value: (r) => r.c.category },
    { title: 'people', value: (r) => r.s.people },
    // Said in words, not only by a mark: the cell is in the report but not
    // in the means, the bootstrap or the models.
    { title: 'in the comparisons', value: (r) => (r.c.below_min_people ? 'no: too few people' : 'yes') },
    { title: 'P(multiple concepts)', value: (r) => r.s.p_multiple_concepts.mean, digits: 4 },
    { title: '2.5%', value: (r) => r.s.p_multiple_concepts.ci95[0], digits: 4 },
    { title: '97.5%', value: (r) => r.s.p_multiple_concepts.ci95[1], digits: 4 },
    { title: 'last iteration', value: (r) => r.s.last_p_multiple_concepts, digits: 4 },
    { title: 'tables (mean)', value: (r) => r.s.tables.mean, digits: 2 },
    { title: 'concepts (Chao1, mean)', value: (r) => r.s.richness_chao1.mean, digits: 2 },
    { title: 'R-hat', value: (r) => r.s.r_hat.p_same_table, digits: 3 },
    { title: 'convergence', value: (r) => r.s.convergence.verdict },
  ]);
}

// Populations the figures of P(multiple concepts) cannot show, each with
// why, before any figure: a reader should not take a missing bar for a zero.
function unclusteredBanner(report: ConceptReport): HTMLElement | null {
  const unclustered = unclusteredPopulations(report);
  if (unclustered.length === 0) return null;
  const n = unclustered.length;
  return h('div', { class: 'warning unclustered', role: 'note', 'data-unclustered': n },
    h('p', {}, `${n} population${n === 1 ? ' has' : 's have'} no clustered concept, so no P(multiple concepts): ${n === 1 ? 'it is' : 'they are'} left out of the figures below (NA in the model pairs).`),
    h('ul', {}, ...unclustered.map((u) => h('li', {}, h('strong', {}, displayName(u.population)), `: ${u.reason}.`))));
}

// The report's own count of the cells that did not pass the field's rule
// (R-hat < 1.01, bulk- and tail-ESS >= 400), the same cells the convergence
// panel lists first.
function convergenceWarning(report: ConceptReport): HTMLElement | null {
  const failed = report.convergence.failed;
  if (failed.length === 0) return null;
  const shownName = new Map(report.populations.map((p) => [p.name, displayName(p)]));
  const named = failed.slice(0, 3).map((f) => `${shownName.get(f.population) ?? f.population} · ${f.concept} · ${f.people}`);
  return h('p', { class: 'warning', role: 'note', 'data-unconverged': failed.length },
    `${report.convergence.line} ${named.join('; ')}${failed.length > 3 ? '; …' : ''}. Read those numbers with care, or allow the chains more iterations (max-iterations).`);
}

export async function renderConceptResults(container: HTMLElement, report: ConceptReport, reportText: string, chainResults?: Float64Array[]) {
  const save = h('button', { type: 'button', class: 'download', 'data-download': 'concept-report.json' }, 'Download the report (JSON)');
  save.addEventListener('click', () => download('shoal-concept-report.json', reportText, 'application/json'));
  const p = report.parameters as Record<string, unknown>;
  // Drawn in order, each part appended as soon as it is ready and in a task
  // of its own, so the first screen shows early and the page stays responsive.
  container.replaceChildren();
  append(container,
    h('h3', {}, 'Conceptual similarity judgements'),
    h('p', {}, `α = ${String(p.alpha)} · ${String(p.prior)} prior · ${String(p.iterations)} iterations (burn-in ${String(p.burn_in)}) · ${String(p.chains)} chain(s) · seed ${String(p.seed)}`),
    unclusteredBanner(report),
    save,
    convergenceWarning(report));
  for (const drawing of [humanConceptsFigure, multipleFigure, heatmapFigure, subsetsFigure, sharedConceptsFigure, reliabilityFigure, individualsFigure]) {
    append(container, await draw(() => drawing(report)));
  }
  append(container, await whichConceptsView(report));
  for (const table of [populationTable, subsetTable]) {
    await nextTask();
    append(container, table(report));
  }
  append(container, await convergencePanel(report, chainResults));
}
