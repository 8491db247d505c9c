// Which concepts a population holds, and how many: pick a population and a
// concept, see its similarity matrix by the point partition and a card per
// concept in the report's words, then every population's diversity curves
// for that concept and their comparison at equal effort.
import { conceptOf, diversityComparisonFigure, diversityCurvesFigure, sameConceptIn, similarityFigure, whyNone } from '../charts/diversity-charts';
import { draw } from '../charts/figure';
import { displayName, populationOrder } from '../charts/palette';
import { percent } from '../concept/which-concepts';
import { h } from '../dom';
import type { ConceptPopulation, ConceptReport, ConceptResult, HeldConcept, WhichConcepts } from '../report-types';

// The reader's choice, kept for the report it was made for: the results are
// drawn again when the colour scheme changes.
const chosen = new WeakMap<ConceptReport, { population: string; concept: string }>();

// Above this many populations the list gets a search box.
const SEARCH_ABOVE = 8;

function lossWords(which: WhichConcepts): string {
  const loss = which.loss === 'vi'
    ? `the partition with the least expected variation of information over ${which.draws.toLocaleString('en')} draws (${which.expected_loss === null ? 'NA' : which.expected_loss.toFixed(3)} bits)`
    : `the partition with the least expected Binder loss over ${which.draws.toLocaleString('en')} draws (${which.expected_loss === null ? 'NA' : which.expected_loss.toFixed(1)} pairs)`;
  return `Concepts of ${loss}, numbered by size.`;
}

// One card per concept of the partition, in the report's words and numbers.
export function conceptCards(population: ConceptPopulation, result: ConceptResult): HTMLElement {
  const which = result.profile.which_concepts;
  const title = h('h4', {}, `${displayName(population)} · ${result.concept}`);
  if (!which) {
    return h('div', { class: 'which-concepts-cards', 'data-concept-cards': 0 }, title,
      h('p', { class: 'warning', role: 'note', 'data-missing': 'true' }, `No partition for this cell: ${whyNone(result)}.`));
  }
  const n = which.partition.length;
  const several = which.concepts.length > 1;
  const questions = (c: HeldConcept) => (c.distinguishing.length === 0 ? null : h('table', { class: 'distinguishing' },
    h('caption', {}, several
      ? 'What sets it apart: the members’ answer, their share giving it, and how far apart their answers are from everyone else’s (total variation distance)'
      : 'What its members agree on: their answer and their share giving it'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'question'), h('th', { scope: 'col' }, 'answer'), h('th', { scope: 'col' }, 'share'),
      several ? h('th', { scope: 'col' }, 'apart') : null)),
    h('tbody', {}, ...c.distinguishing.map((d) => h('tr', {},
      h('td', {}, d.question), h('td', {}, d.option), h('td', {}, percent(d.share)),
      several ? h('td', {}, percent(d.distance)) : null)))));
  const cards = which.concepts.map((c, k) => {
    const table = questions(c);
    return h('li', { class: 'concept-card', 'data-concept': c.number, 'data-people': c.people },
      h('h5', {}, `Concept ${c.number}`),
      h('p', { class: 'concept-size' }, `${c.people} of ${n} ${n === 1 ? 'person' : 'people'}`),
      h('p', { class: 'concept-sentence' }, c.sentence),
      c.people > 1
        ? h('p', { class: 'concept-firmness' }, `Two of its members are seated together in ${percent(which.block_similarity[k]?.[k] ?? null)} of the draws, on average.`)
        : null,
      // A concept of one person keeps its questions folded: the sentence
      // already gives the first three.
      c.people > 1 ? table : table && h('details', {}, h('summary', {}, 'Questions'), table));
  });
  const pairs = which.concepts.some((c) => c.distinguishing.some((d) => /^[01]$/.test(d.option)));
  return h('div', { class: 'which-concepts-cards', 'data-concept-cards': which.concepts.length }, title,
    h('p', {}, lossWords(which)),
    h('ol', { class: 'concept-cards' }, ...cards),
    pairs ? h('p', { class: 'concept-note' }, 'For a pair of names, answer 0 is the question’s first name, 1 its second.') : null);
}

const hasPartition = (c: ConceptResult) => c.profile.which_concepts !== null;

export async function whichConceptsView(report: ConceptReport): Promise<HTMLElement | null> {
  const populations = populationOrder(report.populations).filter((p) => p.concepts.length > 0);
  if (populations.length === 0) return null;
  const previous = chosen.get(report);
  const start = populations.find((p) => p.name === previous?.population)
    ?? populations.find((p) => p.concepts.some(hasPartition)) ?? populations[0];
  const state = {
    population: start.name,
    concept: (sameConceptIn(start, previous?.concept ?? '') ?? start.concepts.find(hasPartition) ?? start.concepts[0]).concept,
  };
  chosen.set(report, state);

  const populationSelect = h('select', { name: 'which-population' });
  const conceptSelect = h('select', { name: 'which-concept' });
  const search = populations.length > SEARCH_ABOVE
    ? h('input', { type: 'search', name: 'which-population-search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'which-population-list' })
    : null;
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const cell = h('div', { class: 'which-concepts-cell' });
  const curves = h('div', { class: 'which-concepts-curves' });

  const typed = () => search?.value.trim().toLowerCase() ?? '';
  const matching = () => populations.filter((p) => displayName(p).toLowerCase().includes(typed()));
  // The population shown stays in the list, matching or not.
  const fillPopulations = () => {
    const found = matching();
    const shown = populations.filter((p) => found.includes(p) || p.name === state.population);
    populationSelect.replaceChildren(...shown.map((p) => h('option', { value: p.name, selected: p.name === state.population },
      `${displayName(p)}${p.concepts.some(hasPartition) ? '' : ' (no seatings)'}`)));
    status.textContent = typed() ? `${found.length} of ${populations.length} populations match.` : '';
  };
  const fillConcepts = () => {
    const population = populations.find((p) => p.name === state.population)!;
    conceptSelect.replaceChildren(...population.concepts.map((c) => h('option', { value: c.concept, selected: c.concept === state.concept },
      `${c.concept}${hasPartition(c) ? ` (${c.profile.which_concepts!.concepts.length})` : c.subsets.length ? ' (no seatings)' : ' (not clustered)'}`)));
  };
  // A drawing finished after a later choice was made is dropped.
  let cellServed = 0, curvesServed = 0;
  const drawCell = async () => {
    const serial = ++cellServed;
    const population = populations.find((p) => p.name === state.population)!;
    const result = conceptOf(population, state.concept)!;
    const figure = await draw(() => similarityFigure(population, result));
    if (serial === cellServed) cell.replaceChildren(figure, conceptCards(population, result));
  };
  const drawCurves = async () => {
    const serial = ++curvesServed;
    const figures = [await draw(() => diversityCurvesFigure(report, state.concept)), await draw(() => diversityComparisonFigure(report, state.concept))];
    if (serial === curvesServed) curves.replaceChildren(...figures);
  };

  populationSelect.addEventListener('change', () => {
    state.population = populationSelect.value;
    const population = populations.find((p) => p.name === state.population)!;
    const keep = sameConceptIn(population, state.concept);
    const concept = keep ?? population.concepts.find(hasPartition) ?? population.concepts[0];
    const conceptChanged = concept.concept !== state.concept;
    state.concept = concept.concept;
    fillConcepts();
    void drawCell();
    if (conceptChanged) void drawCurves();
  });
  conceptSelect.addEventListener('change', () => {
    state.concept = conceptSelect.value;
    void drawCell();
    void drawCurves();
  });
  search?.addEventListener('input', fillPopulations);
  // Enter in the search picks the first population found.
  search?.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const first = matching()[0];
    if (first && first.name !== state.population) {
      populationSelect.value = first.name;
      populationSelect.dispatchEvent(new Event('change'));
    }
    populationSelect.focus();
  });

  populationSelect.id = 'which-population-list';
  fillPopulations();
  fillConcepts();
  await drawCell();
  await drawCurves();
  return h('section', { class: 'which-concepts', 'aria-labelledby': 'which-concepts-heading' },
    h('h3', { id: 'which-concepts-heading' }, 'Which concepts, and how many'),
    h('p', {}, 'For a population and a concept: how often the posterior draws seat two people at one table, ordered by the partition that sums the draws up, and what each of its concepts answers. ' +
      'Below, every population’s number of concepts (⁰D) and effective number (²D) as more people are asked.'),
    h('div', { class: 'which-concepts-picker' },
      search ? h('label', {}, `Find a population (${populations.length})`, search) : null,
      h('label', {}, 'Population', populationSelect),
      h('label', {}, 'Concept', conceptSelect),
      status),
    cell, curves);
}
