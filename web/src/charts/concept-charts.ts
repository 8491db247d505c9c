// The similarity task's figures, after the paper's: the humans' P(multiple
// concepts) per concept (Fig. 2b), every population by category, per
// concept and by subset size, and the reliability and reply counts
// (appendix).
import type { ConceptReport, ReliabilityMeasure } from '../report-types';
import type { Drawing } from './figure';
import { groupedCounts } from './color-charts';
import { SCHEMA, bottomLegend, fmt, listSummary } from './common';
import {
  CATEGORY_COLOURS, P_MULTIPLE_DEFINITION, baselineSource, belowMinPeople, categoryOrder, categorySummaries, finalIterationValue, fromReleasedChains, humanBaselines, leftOutNote,
} from './concept-measure';
import { columnWidth, rowStep, widestLabel, wrapText } from './layout';
import { colourKey, colourScale, conditionLabel, conditionRank, displayName, modelName, populationOrder } from './palette';
import { darkScheme, foreground } from './theme';

// The paper's concepts in its order; data name them "a finch" or "finch",
// "Barack Obama" or "Obama": the last word identifies them.
const PAPER_CONCEPTS = ['finch', 'robin', 'chicken', 'eagle', 'ostrich', 'penguin', 'salmon', 'seal', 'dolphin', 'whale',
  'Lincoln', 'Obama', 'Sanders', 'Trump', 'Warren', 'Bush', 'Clinton', 'Biden', 'Nixon', 'Reagan'];

export function shortConcept(concept: string): string {
  const last = concept.trim().split(/\s+/).pop() ?? concept;
  return PAPER_CONCEPTS.find((c) => c.toLowerCase() === last.toLowerCase()) ?? concept;
}

function conceptOrder(concepts: string[]): string[] {
  const known = PAPER_CONCEPTS.filter((c) => concepts.includes(c));
  return [...known, ...[...new Set(concepts)].filter((c) => !known.includes(c)).sort()];
}

export function humanConceptsFigure(report: ConceptReport): Drawing {
  const name = 'concept-human';
  const human = populationOrder(report.populations).find((p) => p.human && p.concepts.some((c) => c.subsets.length > 0));
  const caption = 'Humans: P(multiple concepts) per concept (the paper’s Fig. 2b): bars the last iteration averaged over chains, error bars the 95% posterior interval over the recorded iterations; ' +
    `dashed, over each category’s concepts: the category means (the human baselines). ${P_MULTIPLE_DEFINITION}.`;
  if (!human) return { name, caption, empty: 'No human population among the inputs: add the human judgements or the released human chains (crp-chains.csv).' };
  const rows = human.concepts.filter((c) => c.subsets.length > 0).map((c) => {
    const s = c.subsets[c.subsets.length - 1];
    return { population: human.name, concept: shortConcept(c.concept), category: c.category, value: finalIterationValue(c), low: s.p_multiple_concepts.ci95[0], high: s.p_multiple_concepts.ci95[1], people: s.people };
  });
  // The released chains are not the data the paper printed its Fig. 2b
  // from: Reagan, for one, is about 0.53 there.
  const reagan = rows.find((r) => r.concept === 'Reagan');
  const note = fromReleasedChains(report, human.name)
    ? `These are the released human chains (crp-chains.csv), not the data of the paper’s printed Fig. 2b${reagan ? `: Reagan is ${fmt(reagan.value, 2)} here and about 0.53 in print` : ''}.`
    : '';
  const order = conceptOrder(rows.map((r) => r.concept));
  // The baselines of the population drawn (none when none of its concepts is counted).
  const humanOwn = humanBaselines(report).filter((b) => b.population === human.name);
  const baselines = humanOwn.map((b) => {
    const own = order.filter((c) => rows.some((r) => r.concept === c && r.category === b.category));
    return { ...b, label: `${b.category} mean ${fmt(b.baseline, 3)}`, first: own[0], last: own[own.length - 1] };
  });

  const width = Math.min(columnWidth() - 80, Math.max(300, 34 * order.length));
  return {
    name, caption, note: [note, baselineSource(report, humanOwn)].join(' '),
    summary: `${human.name}: ` + listSummary(rows.map((r) => `${r.concept} ${fmt(r.value, 3)}`)) + ' ' + listSummary(baselines.map((b) => b.label)),
    rows: [...rows, ...baselines.map((b) => ({ population: b.population, concept: `${b.category} mean`, category: b.category, value: b.baseline }))],
    spec: {
      $schema: SCHEMA,
      width,
      height: 240,
      layer: [
        {
          data: { values: rows },
          layer: [
            {
              mark: { type: 'bar' },
              encoding: {
                x: { field: 'concept', type: 'nominal', scale: { domain: order }, title: 'concept', axis: { labelAngle: width / order.length < 20 ? -90 : -45 } },
                y: { field: 'value', type: 'quantitative', title: 'P(multiple concepts)', scale: { domain: [0, 1] } },
                color: { field: 'category', type: 'nominal', scale: CATEGORY_COLOURS, legend: null },
                tooltip: [{ field: 'concept' }, { field: 'value', format: '.3f', title: 'final iteration' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }, { field: 'people' }],
              },
            },
            { mark: { type: 'rule', color: foreground() }, encoding: { x: { field: 'concept', type: 'nominal', scale: { domain: order } }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
          ],
        },
        {
          data: { values: baselines },
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: {
            // The concepts' order is the scale's domain: sorting fields of two
            // names would fall back to the alphabet.
            x: { field: 'first', type: 'nominal', scale: { domain: order }, bandPosition: 0 },
            x2: { field: 'last', bandPosition: 1 },
            y: { field: 'baseline', type: 'quantitative' },
            color: { field: 'label', type: 'nominal', title: null, scale: { domain: baselines.map((b) => b.label), range: baselines.map((b) => CATEGORY_COLOURS.range[CATEGORY_COLOURS.domain.indexOf(b.category)] ?? '#888') }, legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolDash: [6, 4], symbolStrokeWidth: 1.5 } },
          },
        },
      ],
      resolve: { scale: { color: 'independent' } },
    },
  };
}

// Every population's mean P(multiple concepts) per category: a bar per
// population (its whole name on the left), a dot per concept.
export function multipleFigure(report: ConceptReport): Drawing {
  const name = 'concept-multiple';
  const { values: means, interval } = categorySummaries(report);
  const baselines = humanBaselines(report);
  const caption = `P(multiple concepts) per population and category: bars the report’s mean over concepts (posterior mean at each concept’s largest subset) with ${interval}, dots the concepts; ` +
    `dashed: the human baseline in the paper’s measure (the last iteration, averaged over chains). ${P_MULTIPLE_DEFINITION}.`;
  const populations = populationOrder(report.populations);
  if (means.length === 0) return { name, caption, empty: report.comparisons.populations ? 'No concept had enough complete individuals to cluster.' : 'This report carries no per-category summaries (comparisons.populations) to draw.' };
  const shown = new Map(populations.map((p) => [p.name, displayName(p)]));
  const names = populations.map((p) => p.name).filter((n) => means.some((m) => m.population === n)).map((n) => shown.get(n) ?? n);
  const categories = categoryOrder(means.map((m) => m.category));
  const key = new Map(populations.map((p) => [p.name, colourKey(p)]));
  const bars = means.map((m) => ({ ...m, label: shown.get(m.population) ?? m.population, key: key.get(m.population) }));
  const dots = populations.flatMap((p) => p.concepts.filter((c) => c.subsets.length > 0).map((c) => ({
    population: p.name, label: displayName(p), category: c.category, concept: c.concept, value: c.subsets[c.subsets.length - 1].p_multiple_concepts.mean,
  })));
  const scale = colourScale(populations);
  const panel = Math.max(140, Math.floor((columnWidth() - widestLabel(names) - 30 - 14 * (categories.length - 1)) / categories.length));
  return {
    name, caption, note: leftOutNote(report),
    summary: 'Mean P(multiple concepts) over concepts: ' + listSummary(means.map((m) => `${m.population} (${m.category}) ${fmt(m.mean, 3)}`)),
    rows: means.map((m) => ({ ...m })),
    spec: {
      $schema: SCHEMA,
      data: { values: [...bars.map((b) => ({ kind: 'bar', ...b })), ...dots.map((d) => ({ kind: 'dot', ...d })), ...baselines.map((b) => ({ kind: 'baseline', ...b }))] },
      facet: { column: { field: 'category', type: 'nominal', sort: categories, title: null } },
      spec: {
        width: panel,
        height: { step: rowStep(names.length) },
        layer: [
          {
            transform: [{ filter: "datum.kind == 'bar'" }],
            mark: { type: 'bar', opacity: 0.85 },
            encoding: {
              y: { field: 'label', type: 'nominal', sort: names, title: null },
              x: { field: 'mean', type: 'quantitative', title: 'P(multiple concepts)', scale: { domain: [0, 1] } },
              color: { field: 'key', type: 'nominal', scale, legend: bottomLegend(scale.domain, columnWidth() - 40, 'population') },
              tooltip: [{ field: 'label', title: 'population' }, { field: 'category' }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }, { field: 'concepts' }],
            },
          },
          {
            transform: [{ filter: "datum.kind == 'bar'" }],
            mark: { type: 'rule', color: foreground() },
            encoding: { y: { field: 'label', type: 'nominal', sort: names }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
          },
          {
            transform: [{ filter: "datum.kind == 'dot'" }],
            mark: { type: 'point', size: 12, opacity: 0.6, color: foreground() },
            encoding: { y: { field: 'label', type: 'nominal', sort: names }, x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'concept' }, { field: 'value', format: '.3f' }] },
          },
          {
            transform: [{ filter: "datum.kind == 'baseline'" }],
            mark: { type: 'rule', strokeDash: [6, 4], color: foreground() },
            encoding: { x: { field: 'baseline', type: 'quantitative' }, tooltip: [{ field: 'population' }, { field: 'baseline', format: '.3f' }] },
          },
        ],
      },
    },
  };
}

// Populations × concepts at a glance.
export function heatmapFigure(report: ConceptReport): Drawing {
  const name = 'concept-heatmap';
  const below = belowMinPeople(report);
  const caption = 'P(multiple concepts) per population and concept (posterior mean at the largest subset; grey: not clustered' +
    (below.size ? '; outlined and dashed: fewer people than the min-people setting, left out of the means' : '') + `). ${P_MULTIPLE_DEFINITION}.`;
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => p.concepts.filter((c) => c.subsets.length > 0).map((c) => ({
    population: p.name, concept: shortConcept(c.concept), category: c.category, value: c.subsets[c.subsets.length - 1].p_multiple_concepts.mean,
    // In the figure's CSV as in the figure: whether the cell counts in the means.
    counted: !below.has(`${p.name}|${c.concept}`),
  })));
  if (rows.length === 0) return { name, caption, empty: 'No concept had enough complete individuals to cluster.' };
  const included = populations.filter((p) => rows.some((r) => r.population === p.name));
  const names = included.map(displayName);
  const concepts = conceptOrder(rows.map((r) => r.concept));
  // Every cell of a drawn population, clustered or not, so an unclustered
  // one is grey rather than the page showing through.
  const cells = included.flatMap((p) => concepts.map((concept) => {
    const c = p.concepts.find((x) => shortConcept(x.concept) === concept);
    const value = c?.subsets.length ? c.subsets[c.subsets.length - 1].p_multiple_concepts.mean : null;
    return { label: displayName(p), concept, value, below: c ? below.has(`${p.name}|${c.concept}`) : false };
  }));
  const width = Math.max(14 * concepts.length, Math.min(columnWidth() - widestLabel(names) - 120, 26 * concepts.length));
  const y = { field: 'label', type: 'nominal', sort: names, title: null };
  const x = { field: 'concept', type: 'nominal', sort: concepts, title: null, axis: { labelAngle: -45, orient: 'top' } };
  return {
    name, caption, note: leftOutNote(report),
    summary: `${names.length} populations × ${concepts.length} concepts. Highest: ` + listSummary([...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)).slice(0, 5).map((r) => `${r.population}, ${r.concept} ${fmt(r.value, 3)}`)),
    rows,
    spec: {
      $schema: SCHEMA,
      data: { values: cells },
      width,
      height: { step: rowStep(names.length) },
      layer: [
        { mark: { type: 'rect', color: '#9a9a9a' }, encoding: { y, x } },
        {
          transform: [{ filter: 'datum.value != null' }],
          mark: { type: 'rect' },
          encoding: {
            y, x,
            color: { field: 'value', type: 'quantitative', title: 'P(multiple)', scale: { scheme: 'viridis', domain: [0, 1] }, legend: { orient: 'right', gradientLength: 120 } },
            tooltip: [{ field: 'label', title: 'population' }, { field: 'concept' }, { field: 'value', format: '.3f' }],
          },
        },
        {
          transform: [{ filter: 'datum.below' }],
          mark: { type: 'rect', fillOpacity: 0, stroke: foreground(), strokeWidth: 1.5, strokeDash: [3, 2] },
          encoding: { y, x },
        },
      ],
    },
  };
}

// P(multiple concepts) as the number of people clustered grows.
export function subsetsFigure(report: ConceptReport): Drawing {
  const name = 'concept-subset-sizes';
  const caption = `P(multiple concepts) by the number of people clustered: per population and category, the mean over the concepts clustered at that size of their posterior means (concepts below the min-people setting left out). ${P_MULTIPLE_DEFINITION}.`;
  const populations = populationOrder(report.populations);
  const means = new Map((report.comparisons.populations ?? []).map((c) => [c.population, c.subset_means ?? []]));
  const rows = populations.flatMap((p) => (means.get(p.name) ?? []).flatMap((m) => m.mean === null ? [] : [{
    population: p.name, key: colourKey(p), category: m.category, people: m.people, mean: m.mean, concepts: m.concepts,
  }]));
  if (rows.length === 0) return { name, caption, empty: 'No concept had enough complete individuals to cluster.' };
  const categories = categoryOrder(rows.map((r) => r.category));
  const scale = colourScale(populations);
  const panel = Math.max(180, Math.min(420, Math.floor((columnWidth() - 80 - 14 * (categories.length - 1)) / categories.length)));
  return {
    name, caption, note: leftOutNote(report),
    summary: listSummary(rows.map((r) => `${r.population} (${r.category}, ${r.people} people) ${fmt(r.mean, 3)}`)),
    rows: rows.map(({ key: _key, ...r }) => r),
    spec: {
      $schema: SCHEMA,
      data: { values: rows },
      facet: { column: { field: 'category', type: 'nominal', sort: categories, title: null } },
      spec: {
        width: panel,
        height: 200,
        mark: { type: 'line', point: true, strokeWidth: 1.2 },
        encoding: {
          x: { field: 'people', type: 'quantitative', title: 'people clustered' },
          y: { field: 'mean', type: 'quantitative', title: 'P(multiple concepts)', scale: { domain: [0, 1] } },
          detail: { field: 'population' },
          color: { field: 'key', type: 'nominal', scale, legend: bottomLegend(scale.domain, columnWidth() - 40, 'population') },
          tooltip: [{ field: 'population' }, { field: 'category' }, { field: 'people' }, { field: 'mean', format: '.3f' }],
        },
      },
    },
  };
}


const PAPER_RELIABILITY = 'inter-subject reliability (the paper’s)';
const WITHIN = 'agreement with oneself (Shoal)';
const BETWEEN = 'agreement between two individuals (Shoal)';
const MEASURE_KEY: Record<string, ReliabilityMeasure> = { [PAPER_RELIABILITY]: 'paper_intersubject', [WITHIN]: 'within_individual', [BETWEEN]: 'between_individuals' };

// Box plots over concepts, a box per model (its conditions pooled) and per
// human population with answers: the paper's inter-subject reliability
// under its name, and Shoal's two agreements under theirs (the paper's
// appendix reliability).
export function reliabilityFigure(report: ConceptReport): Drawing {
  const name = 'concept-reliability';
  const populations = populationOrder(report.populations);
  const carriesPaper = populations.some((p) => p.concepts.some((c) => 'paper_intersubject' in c.reliability));
  const rows = populations.flatMap((p) => p.concepts.flatMap((c) => [
    { model: modelName(p), key: colourKey(p), population: p.name, human: p.human, concept: c.concept, measure: PAPER_RELIABILITY, value: c.reliability.paper_intersubject ?? null },
    { model: modelName(p), key: colourKey(p), population: p.name, human: p.human, concept: c.concept, measure: WITHIN, value: c.reliability.within_individual.agreement },
    { model: modelName(p), key: colourKey(p), population: p.name, human: p.human, concept: c.concept, measure: BETWEEN, value: c.reliability.between_individuals.pairwise_agreement },
  ]).filter((r) => r.value !== null));
  const human = rows.filter((r) => r.human);
  const measures = [PAPER_RELIABILITY, WITHIN, BETWEEN];
  const missing = measures.filter((m) => !rows.some((r) => r.measure === m));
  const caption = 'Reliability per model, a box over its concepts (its conditions pooled), each measure from 0 to 1: ' +
    'the paper’s inter-subject reliability (per question the mean choice over individuals, then the mean over questions); ' +
    'Shoal’s agreement with oneself (the share of questions whose two presentations an individual answers alike) and agreement between two individuals (the chance that two individuals give the same answer to a question)' +
    (human.length ? '; a box per human population with answers, and dashed: the humans’ median' : '; no human population here has answers (released chains carry none), so no human box');
  if (rows.length === 0) return { name, caption, empty: 'No population has answers to measure reliability on (released chains carry no answers).' };
  const models = [...new Set(rows.map((r) => r.model))];
  const reported = report.comparisons.reliability_medians;
  const humanMedians = reported?.humans.medians;
  const medians = humanMedians ? measures.flatMap((m) => {
    const median = humanMedians[MEASURE_KEY[m]].median;
    return median === null ? [] : [{ measure: m, median }];
  }) : [];
  // The report's group for a model (its conditions pooled) or a population.
  const groupOf = (model: string) => reported?.groups.find((g) => g.populations.some((n) => rows.some((r) => r.model === model && r.population === n)));
  // A measure without values says so in its own panel.
  const notes = missing.map((m) => ({ measure: m, text: m === PAPER_RELIABILITY && !carriesPaper ? 'not in this report' : 'no values in this report' }));
  const panel = Math.max(150, Math.floor((columnWidth() - widestLabel(models) - 30 - 28) / 3));
  // Each panel's name in lines as wide as the panel, so names never meet.
  const heading = new Map(measures.map((m) => [m, wrapText(m, panel - 8).join('\n')]));
  return {
    name, caption,
    summary: 'Median over concepts per model: ' + listSummary(models.flatMap((m) => measures.filter((s) => !missing.includes(s)).map((s) => {
      return `${m}, ${s}: ${fmt(groupOf(m)?.medians[MEASURE_KEY[s]].median ?? null, 3)}`;
    }))) + (notes.length ? ` ${notes.map((n) => `${n.measure}: ${n.text}.`).join(' ')}` : ''),
    rows: rows.map(({ key: _key, human: _human, ...r }) => r),
    spec: {
      $schema: SCHEMA,
      data: { values: [...rows.map((r) => ({ kind: 'box', ...r })), ...medians.map((m) => ({ kind: 'median', ...m })), ...notes.map((n) => ({ kind: 'note', ...n }))].map((d) => ({ ...d, panel: heading.get(d.measure) })) },
      facet: { column: { field: 'panel', type: 'nominal', sort: measures.map((m) => heading.get(m)), title: null, header: { labelExpr: "split(datum.label, '\\n')" } } },
      spec: {
        width: panel,
        height: { step: rowStep(models.length) + 4 },
        layer: [
          {
            transform: [{ filter: "datum.kind == 'box'" }],
            mark: { type: 'boxplot', extent: 1.5, opacity: 0.9, median: { color: foreground() } },
            encoding: {
              color: { field: 'key', type: 'nominal', scale: colourScale(populations), legend: null },
              y: { field: 'model', type: 'nominal', sort: models, title: null },
              x: { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 1] } },
            },
          },
          {
            transform: [{ filter: "datum.kind == 'median'" }],
            mark: { type: 'rule', strokeDash: [6, 4], color: CATEGORY_COLOURS.range[0] },
            encoding: { x: { field: 'median', type: 'quantitative' } },
          },
          {
            transform: [{ filter: "datum.kind == 'note'" }],
            mark: { type: 'text', fontSize: 12, baseline: 'top', dy: 6, color: foreground() },
            encoding: { x: { datum: 0.5, type: 'quantitative' }, text: { field: 'text' } },
          },
        ],
      },
    },
  };
}

export function individualsFigure(report: ConceptReport): Drawing {
  const name = 'concept-individuals';
  const caption = 'Complete and incomplete individuals and invalid replies per model and condition (the paper’s appendix response counts)';
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => {
    const totals = p.concept_totals;
    const base = { population: p.name, model: modelName(p), condition: p.human ? 'humans' : conditionLabel(p.prompt, p.temperature), rank: p.human ? -1 : conditionRank(p) };
    return [
      { ...base, kind: 'complete individuals', count: totals.complete_individuals },
      { ...base, kind: 'incomplete individuals', count: totals.incomplete_individuals },
      { ...base, kind: 'invalid replies', count: totals.invalid_replies },
    ];
  });
  if (rows.every((r) => r.count === 0)) return { name, caption, empty: 'No individuals were read.' };
  return {
    name, caption,
    summary: listSummary(populations.map((p) => `${p.name}: ${rows.filter((r) => r.population === p.name).map((r) => `${r.count} ${r.kind}`).join(', ')}`)),
    rows,
    spec: groupedCounts(rows, 'kind', ['complete individuals', 'incomplete individuals', 'invalid replies'], ['#009E73', '#E69F00', '#D55E00'], 'count'),
  };
}

// Pairs of populations clustered together (--pair): per pair, averaged over
// the concepts both hold, P(an individual of one and one of the other share
// a table) beside each one's own P(same table) in the same draws.
const CROSS = 'between the two';
const OWN_A = 'within the first';
const OWN_B = 'within the second';

export function sharedConceptsFigure(report: ConceptReport): Drawing {
  const name = 'concept-shared';
  const caption = 'Shared concepts: each pair of populations clustered together, per concept both hold; ' +
    `per pair the mean over those concepts of the posterior means of P(same table) ${CROSS} (an individual of each, filled), ` +
    `${OWN_A} and ${OWN_B} (each population’s own, open), with the range over concepts of the first. ` +
    'Equal values: the two hold the same concepts in the same proportions; near 0 between them: they share none.';
  const shared = report.shared_concepts ?? [];
  if (shared.length === 0) return { name, caption, empty: 'No pair of populations was clustered together: name pairs in the pair setting (families pairs each non-aligned model with its aligned counterpart, with no prompt at the default temperature).' };
  const byName = new Map(report.populations.map((p) => [p.name, displayName(p)]));
  // Each pair's name on the axis wrapped to at most 40% of the column, the
  // second population from a line of its own, so that a phone keeps room
  // for the dots; each line break is drawn by the axis's label expression.
  const labelRoom = Math.max(90, Math.floor(columnWidth() * 0.4));
  const pairs: { a: string; b: string; label: string; lines: string[] }[] = [];
  for (const s of shared) {
    if (!pairs.some((p) => p.a === s.population_a && p.b === s.population_b)) {
      const a = byName.get(s.population_a) ?? s.population_a, b = byName.get(s.population_b) ?? s.population_b;
      pairs.push({ a: s.population_a, b: s.population_b, label: `${a} × ${b}`, lines: [...wrapText(a, labelRoom), ...wrapText(`× ${b}`, labelRoom)] });
    }
  }
  const average = (values: (number | null)[]) => {
    const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
    return finite.length ? finite.reduce((t, v) => t + v, 0) / finite.length : null;
  };
  const rows = pairs.flatMap((pair) => {
    const cells = shared.filter((s) => s.population_a === pair.a && s.population_b === pair.b);
    const cross = cells.map((c) => c.p_cross_same.mean);
    const finite = cross.filter((v): v is number => v !== null);
    const base = { pair: pair.label, axis_label: pair.lines.join('\n'), population_a: pair.a, population_b: pair.b, concepts: cells.length };
    return [
      { ...base, measure: CROSS, cross: true, value: average(cross), low: finite.length ? Math.min(...finite) : null, high: finite.length ? Math.max(...finite) : null },
      { ...base, measure: OWN_A, cross: false, value: average(cells.map((c) => c.p_same_a.mean)), low: null, high: null },
      { ...base, measure: OWN_B, cross: false, value: average(cells.map((c) => c.p_same_b.mean)), low: null, high: null },
    ];
  });
  const axisLabels = pairs.map((p) => p.lines.join('\n'));
  const lines = Math.max(1, ...pairs.map((p) => p.lines.length));
  const width = Math.max(160, Math.min(420, columnWidth() - widestLabel(pairs.flatMap((p) => p.lines)) - 40));
  const measures = [CROSS, OWN_A, OWN_B];
  // The labels kept clear of a dot at 0, which reaches left of the axis.
  const y = { field: 'axis_label', type: 'nominal', sort: axisLabels, title: null, axis: { labelExpr: "split(datum.label, '\\n')", labelPadding: 8 } };
  // Ticks at least 45 px apart: 0.2 apart would crowd a phone's narrow plot.
  const tickStep = width >= 450 ? 0.1 : width >= 225 ? 0.2 : 0.25;
  const ticks = Array.from({ length: Math.round(1 / tickStep) + 1 }, (_, k) => Math.round(k * tickStep * 100) / 100);
  // Okabe–Ito blue, lighter on a dark page where the dark blue loses contrast.
  const blue = darkScheme() ? '#56B4E9' : '#0072B2';
  return {
    name, caption,
    summary: listSummary(pairs.map((p) => {
      const of = (m: string) => rows.find((r) => r.pair === p.label && r.measure === m)?.value ?? null;
      return `${p.label}: ${CROSS} ${fmt(of(CROSS), 3)}, ${OWN_A} ${fmt(of(OWN_A), 3)}, ${OWN_B} ${fmt(of(OWN_B), 3)}`;
    })),
    rows: rows.map(({ axis_label: _label, ...r }) => r),
    spec: {
      $schema: SCHEMA,
      data: { values: rows },
      width,
      height: { step: rowStep(pairs.length) + 6 + 13 * (lines - 1) },
      layer: [
        {
          transform: [{ filter: 'datum.cross && datum.low != null' }],
          mark: { type: 'rule', color: foreground(), opacity: 0.6 },
          encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        {
          mark: { type: 'point', size: 70, strokeWidth: 2 },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative', title: 'P(same table)', scale: { domain: [0, 1] }, axis: { values: ticks, format: '.2~f' } },
            color: { field: 'measure', type: 'nominal', scale: { domain: measures, range: [blue, '#E69F00', '#009E73'] }, legend: bottomLegend(measures, width, null) },
            shape: { field: 'measure', type: 'nominal', scale: { domain: measures, range: ['circle', 'triangle-up', 'triangle-down'] } },
            fill: { condition: { test: 'datum.cross', value: blue }, value: 'transparent' },
            tooltip: [{ field: 'pair' }, { field: 'measure' }, { field: 'value', format: '.3f', title: 'mean over concepts' }, { field: 'low', format: '.3f', title: 'lowest concept' }, { field: 'high', format: '.3f', title: 'highest concept' }, { field: 'concepts' }],
          },
        },
      ],
    },
  };
}
