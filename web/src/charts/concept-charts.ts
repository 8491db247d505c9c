// The similarity task's figures, after the paper's: the humans' P(multiple
// concepts) per concept (Fig. 2b), every population by category, per
// concept and by subset size, and the reliability and reply counts
// (appendix).
import type { ConceptPopulation, ConceptReport, ConceptResult } from '../report-types';
import type { Drawing } from './figure';
import { groupedCounts } from './color-charts';
import { SCHEMA, bottomLegend, fmt, listSummary, mean } from './common';
import { columnWidth, rowStep, widestLabel } from './layout';
import { colourKey, colourScale, conditionLabel, conditionRank, populationOrder } from './palette';
import { foreground } from './theme';

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

// The number the paper reports per concept: P(multiple concepts) at the
// final iteration, averaged over chains, at the largest subset.
export function finalIterationValue(c: ConceptResult): number | null {
  const s = c.subsets[c.subsets.length - 1];
  if (!s) return null;
  const values = (s.chains ?? []).map((ch) => ch.last.p_multiple_concepts).filter((v): v is number => v !== null);
  return values.length ? mean(values) : s.last_iteration.p_multiple_concepts;
}

export interface Baseline { population: string; category: string; baseline: number; concepts: number }

// The human baselines per category: the mean over a human population's
// concepts of finalIterationValue (the released chains give 0.559, 0.783).
export function humanBaselines(report: ConceptReport): Baseline[] {
  const human = populationOrder(report.populations).find((p) => p.human && p.concepts.some((c) => c.subsets.length > 0));
  if (!human) return [];
  const categories = categoryOrder(human.concepts.map((c) => c.category)).filter((c) => c !== 'other');
  return categories.flatMap((category) => {
    const values = human.concepts.filter((c) => c.category === category).map(finalIterationValue).filter((v): v is number => v !== null);
    const baseline = mean(values);
    return baseline === null ? [] : [{ population: human.name, category, baseline, concepts: values.length }];
  });
}

// Per population and category: the mean over concepts of the posterior mean
// at the largest subset, with a normal 95% interval over concepts.
export function categoryMeans(report: ConceptReport) {
  return report.populations.flatMap((p) => {
    const categories = [...new Set(p.concepts.map((c) => c.category))];
    return categories.flatMap((category) => {
      const values = p.concepts.filter((c) => c.category === category && c.subsets.length > 0)
        .map((c) => c.subsets[c.subsets.length - 1].p_multiple_concepts.mean).filter((v): v is number => v !== null);
      const m = mean(values);
      if (m === null) return [];
      const sd = values.length > 1 ? Math.sqrt(values.reduce((t, v) => t + (v - m) ** 2, 0) / (values.length - 1)) : null;
      const half = sd === null ? null : 1.96 * sd / Math.sqrt(values.length);
      return [{ population: p.name, category, mean: m, low: half === null ? null : Math.max(0, m - half), high: half === null ? null : Math.min(1, m + half), concepts: values.length }];
    });
  });
}

// Categories in the paper's order, then any others.
function categoryOrder(categories: string[]): string[] {
  const known = ['animals', 'politicians'].filter((c) => categories.includes(c));
  return [...known, ...[...new Set(categories)].filter((c) => !known.includes(c)).sort()];
}

const CATEGORY_COLOURS = { domain: ['animals', 'politicians', 'other'], range: ['#E8731A', '#2C6FB7', '#888888'] };

export function humanConceptsFigure(report: ConceptReport): Drawing {
  const name = 'concept-human';
  const caption = 'Humans: P(multiple concepts) per concept (the paper’s Fig. 2b): the final iteration averaged over chains, with the 95% posterior interval; dashed: the category means (the human baselines)';
  const human = populationOrder(report.populations).find((p) => p.human && p.concepts.some((c) => c.subsets.length > 0));
  if (!human) return { name, caption, empty: 'No human population among the inputs: add the human judgements or the released human chains (crp-chains.csv).' };
  const rows = human.concepts.filter((c) => c.subsets.length > 0).map((c) => {
    const s = c.subsets[c.subsets.length - 1];
    return { population: human.name, concept: shortConcept(c.concept), category: c.category, value: finalIterationValue(c), low: s.p_multiple_concepts.ci95[0], high: s.p_multiple_concepts.ci95[1], people: s.people };
  });
  const baselines = humanBaselines(report).map((b) => ({ ...b, label: `${b.category} mean ${fmt(b.baseline, 3)}` }));
  const order = conceptOrder(rows.map((r) => r.concept));
  const width = Math.min(columnWidth() - 80, Math.max(300, 34 * order.length));
  return {
    name, caption,
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
                x: { field: 'concept', type: 'nominal', sort: order, title: 'concept', axis: { labelAngle: -45 } },
                y: { field: 'value', type: 'quantitative', title: 'P(multiple concepts)', scale: { domain: [0, 1] } },
                color: { field: 'category', type: 'nominal', scale: CATEGORY_COLOURS, legend: null },
                tooltip: [{ field: 'concept' }, { field: 'value', format: '.3f', title: 'final iteration' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }, { field: 'people' }],
              },
            },
            { mark: { type: 'rule', color: foreground() }, encoding: { x: { field: 'concept', type: 'nominal', sort: order }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
          ],
        },
        {
          data: { values: baselines },
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: {
            y: { field: 'baseline', type: 'quantitative' },
            color: { field: 'label', type: 'nominal', title: null, scale: { domain: baselines.map((b) => b.label), range: baselines.map((b) => CATEGORY_COLOURS.range[CATEGORY_COLOURS.domain.indexOf(b.category)] ?? '#888') }, legend: { orient: 'bottom', direction: 'horizontal' } },
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
  const caption = 'P(multiple concepts) per population and category: bars the mean over concepts (95% interval over concepts), dots the concepts; dashed: the human baseline';
  const populations = populationOrder(report.populations);
  const means = categoryMeans(report);
  if (means.length === 0) return { name, caption, empty: 'No concept had enough complete individuals to cluster.' };
  const names = populations.map((p) => p.name).filter((n) => means.some((m) => m.population === n));
  const categories = categoryOrder(means.map((m) => m.category));
  const key = new Map(populations.map((p) => [p.name, colourKey(p)]));
  const bars = means.map((m) => ({ ...m, key: key.get(m.population) }));
  const dots = populations.flatMap((p) => p.concepts.filter((c) => c.subsets.length > 0).map((c) => ({
    population: p.name, category: c.category, concept: c.concept, value: c.subsets[c.subsets.length - 1].p_multiple_concepts.mean,
  })));
  const baselines = humanBaselines(report);
  const scale = colourScale(populations);
  const panel = Math.max(140, Math.floor((columnWidth() - widestLabel(names) - 30 - 14 * (categories.length - 1)) / categories.length));
  return {
    name, caption,
    summary: 'Mean P(multiple concepts) over concepts: ' + listSummary(means.map((m) => `${m.population} (${m.category}) ${fmt(m.mean, 3)}`)),
    rows: means,
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
              y: { field: 'population', type: 'nominal', sort: names, title: null },
              x: { field: 'mean', type: 'quantitative', title: 'P(multiple concepts)', scale: { domain: [0, 1] } },
              color: { field: 'key', type: 'nominal', scale, legend: bottomLegend(scale.domain, columnWidth() - 40, 'population') },
              tooltip: [{ field: 'population' }, { field: 'category' }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }, { field: 'concepts' }],
            },
          },
          {
            transform: [{ filter: "datum.kind == 'bar'" }],
            mark: { type: 'rule', color: foreground() },
            encoding: { y: { field: 'population', type: 'nominal', sort: names }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
          },
          {
            transform: [{ filter: "datum.kind == 'dot'" }],
            mark: { type: 'point', size: 12, opacity: 0.6, color: foreground() },
            encoding: { y: { field: 'population', type: 'nominal', sort: names }, x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'concept' }, { field: 'value', format: '.3f' }] },
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
  const caption = 'P(multiple concepts) per population and concept (posterior mean at the largest subset; grey: not clustered)';
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => p.concepts.filter((c) => c.subsets.length > 0).map((c) => ({
    population: p.name, concept: shortConcept(c.concept), category: c.category, value: c.subsets[c.subsets.length - 1].p_multiple_concepts.mean,
  })));
  if (rows.length === 0) return { name, caption, empty: 'No concept had enough complete individuals to cluster.' };
  const names = populations.map((p) => p.name).filter((n) => rows.some((r) => r.population === n));
  const concepts = conceptOrder(rows.map((r) => r.concept));
  const width = Math.min(columnWidth() - widestLabel(names) - 120, Math.max(200, 26 * concepts.length));
  return {
    name, caption,
    summary: `${names.length} populations × ${concepts.length} concepts. Highest: ` + listSummary([...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)).slice(0, 5).map((r) => `${r.population}, ${r.concept} ${fmt(r.value, 3)}`)),
    rows,
    spec: {
      $schema: SCHEMA,
      data: { values: rows },
      width,
      height: { step: rowStep(names.length) },
      mark: { type: 'rect' },
      encoding: {
        y: { field: 'population', type: 'nominal', sort: names, title: null },
        x: { field: 'concept', type: 'nominal', sort: concepts, title: null, axis: { labelAngle: -45, orient: 'top' } },
        color: { field: 'value', type: 'quantitative', title: 'P(multiple)', scale: { scheme: 'viridis', domain: [0, 1] }, legend: { orient: 'right', gradientLength: 120 } },
        tooltip: [{ field: 'population' }, { field: 'concept' }, { field: 'value', format: '.3f' }],
      },
    },
  };
}

// P(multiple concepts) as the number of people clustered grows.
export function subsetsFigure(report: ConceptReport): Drawing {
  const name = 'concept-subset-sizes';
  const caption = 'P(multiple concepts) by the number of people clustered: the mean over concepts per population and category';
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => {
    const bySize = new Map<string, number[]>();
    for (const c of p.concepts) for (const s of c.subsets) {
      if (s.p_multiple_concepts.mean === null) continue;
      const k = `${c.category}|${s.people}`;
      bySize.set(k, [...(bySize.get(k) ?? []), s.p_multiple_concepts.mean]);
    }
    return [...bySize.entries()].map(([k, values]) => {
      const [category, people] = k.split('|');
      return { population: p.name, key: colourKey(p), category, people: Number(people), mean: mean(values)!, concepts: values.length };
    });
  });
  if (rows.length === 0) return { name, caption, empty: 'No concept had enough complete individuals to cluster.' };
  const categories = categoryOrder(rows.map((r) => r.category));
  const scale = colourScale(populations);
  const panel = Math.max(180, Math.min(420, Math.floor((columnWidth() - 80 - 14 * (categories.length - 1)) / categories.length)));
  return {
    name, caption,
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

function modelOf(p: ConceptPopulation): string {
  return p.human ? p.name : p.model || p.name;
}

// Box plots over concepts, a box per model (its conditions pooled), with
// the humans' median drawn across (the paper's appendix reliability).
export function reliabilityFigure(report: ConceptReport): Drawing {
  const name = 'concept-reliability';
  const caption = 'Reliability per model over concepts: agreement between an individual’s two answers to a question, and between two individuals (the paper’s appendix); dashed: the humans’ median';
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => p.concepts.flatMap((c) => [
    { model: modelOf(p), key: colourKey(p), population: p.name, concept: c.concept, measure: 'within an individual', value: c.reliability.within_individual.agreement },
    { model: modelOf(p), key: colourKey(p), population: p.name, concept: c.concept, measure: 'between individuals', value: c.reliability.between_individuals.pairwise_agreement },
  ]).filter((r) => r.value !== null));
  if (rows.length === 0) return { name, caption, empty: 'No population has answers to measure reliability on (released chains carry no answers).' };
  const models = [...new Set(rows.map((r) => r.model))];
  const measures = [...new Set(rows.map((r) => r.measure))];
  const human = rows.filter((r) => populations.find((p) => p.name === r.population)?.human);
  const medians = measures.flatMap((m) => {
    const v = human.filter((r) => r.measure === m).map((r) => r.value as number).sort((a, b) => a - b);
    return v.length ? [{ measure: m, median: v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2 }] : [];
  });
  const panel = Math.max(160, Math.floor((columnWidth() - widestLabel(models) - 30 - 14) / 2));
  return {
    name, caption,
    summary: 'Median agreement over concepts per model: ' + listSummary(models.flatMap((m) => measures.map((s) => {
      const v = rows.filter((r) => r.model === m && r.measure === s).map((r) => r.value as number).sort((a, b) => a - b);
      return `${m}, ${s}: ${fmt(v[Math.floor(v.length / 2)], 3)}`;
    }))),
    rows: rows.map(({ key: _key, ...r }) => r),
    spec: {
      $schema: SCHEMA,
      data: { values: [...rows.map((r) => ({ kind: 'box', ...r })), ...medians.map((m) => ({ kind: 'median', ...m }))] },
      facet: { column: { field: 'measure', type: 'nominal', sort: measures, title: null } },
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
              x: { field: 'value', type: 'quantitative', title: 'agreement', scale: { domain: [0, 1] } },
            },
          },
          {
            transform: [{ filter: "datum.kind == 'median'" }],
            mark: { type: 'rule', strokeDash: [6, 4], color: CATEGORY_COLOURS.range[0] },
            encoding: { x: { field: 'median', type: 'quantitative' } },
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
    const sum = (f: (c: ConceptResult) => number) => p.concepts.reduce((t, c) => t + f(c), 0);
    const base = { population: p.name, model: modelOf(p), condition: p.human ? 'humans' : conditionLabel(p.prompt, p.temperature), rank: p.human ? -1 : conditionRank(p) };
    return [
      { ...base, kind: 'complete individuals', count: sum((c) => c.complete_individuals) },
      { ...base, kind: 'incomplete individuals', count: sum((c) => c.incomplete_individuals) },
      { ...base, kind: 'invalid replies', count: sum((c) => c.invalid_replies) },
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
