// How many concepts a population holds, and which: the posterior
// similarity matrix of one population and concept ordered by the point
// partition, the diversity curves of every population for a concept, and
// the report's comparison at equal size and equal coverage. Every number
// drawn is the report's (docs/report.md, "How many concepts, and which").
import { type CurvePoint, curvePoints, decodeSimilarity, partitionBlocks, partitionOrder, similarityAt } from '../concept/which-concepts';
import type { ConceptPopulation, ConceptReport, ConceptResult, PosteriorSummary } from '../report-types';
import { SCHEMA, bottomLegend, fmt, listSummary } from './common';
import { shortConcept } from './concept-charts';
import type { Drawing } from './figure';
import { columnWidth, facetColumns, rowStep, widestLabel, wrapText } from './layout';
import { colourKey, colourScale, displayName, populationOrder } from './palette';
import { darkScheme, foreground } from './theme';

// Above this many people a cell per pair is too small to see and too many
// marks to draw: the matrix is drawn by blocks, the report's block means.
export const MOST_PEOPLE_DRAWN = 200;

export const conceptOf = (p: ConceptPopulation, concept: string): ConceptResult | undefined => p.concepts.find((c) => c.concept === concept);

// The same concept in another population, whose data may name it "a finch"
// or "finch", "Barack Obama" or "Obama".
export const sameConceptIn = (p: ConceptPopulation, concept: string): ConceptResult | undefined =>
  conceptOf(p, concept) ?? p.concepts.find((c) => shortConcept(c.concept) === shortConcept(concept));

// Why a cell has no curve or partition, from the report.
export function whyNone(result: ConceptResult): string {
  if (result.subsets.length === 0) return `not clustered: ${result.complete_individuals} complete individual${result.complete_individuals === 1 ? '' : 's'}`;
  return result.profile.missing ?? 'the report gives no reason';
}

// Numeric axis labels at the middle of each block wide enough to hold one.
function blockLabels(blocks: { concept: number; start: number; end: number }[], pixelsPerPerson: number) {
  const labelled = blocks.filter((b) => (b.end - b.start) * pixelsPerPerson >= 14);
  const centres = labelled.map((b) => (b.start + b.end) / 2);
  const expression = labelled.reduceRight((rest, b, k) => `datum.value == ${centres[k]} ? '${b.concept}' : ${rest}`, "''");
  return { values: centres, labelExpr: expression };
}

export function similarityFigure(population: ConceptPopulation, result: ConceptResult): Drawing {
  const name = 'concept-similarity';
  const who = `${displayName(population)}, ${result.concept}`;
  const which = result.profile.which_concepts;
  const caption = `Which concepts, ${who}: how often the posterior draws seat two people at one table, people ordered by the point partition; outlined: its concepts, numbered by size`;
  if (!which) return { name, caption, empty: `No partition for this cell: ${whyNone(result)}.` };
  const n = which.partition.length;
  if (n < 2) return { name, caption, empty: 'One person: there are no pairs to compare.' };
  const order = partitionOrder(which.partition, which.person_similarity);
  const blocks = partitionBlocks(which.partition, order);
  const triangle = decodeSimilarity(which.similarity_percent, n);
  const ids = result.clustered_ids;
  const side = Math.max(220, Math.min(520, columnWidth() - 70));
  const byBlocks = n > MOST_PEOPLE_DRAWN;
  // Cells in positions along the order; the concept numbers name the blocks.
  // Each cell reaches a pixel into the next, which is drawn over it: cells
  // that merely touch leave a faint seam where both edges are smoothed.
  const spill = n / side;
  const cells = byBlocks
    ? blocks.flatMap((a, k) => blocks.map((b, l) => ({
      x: b.start, x2: Math.min(n, b.end + spill), y: a.start, y2: Math.min(n, a.end + spill), similarity: (which.block_similarity[k][l] ?? 0) * 100,
      person: `concept ${a.concept}`, other: `concept ${b.concept}`,
    })))
    : order.flatMap((i, row) => order.map((j, column) => ({
      x: column, x2: Math.min(n, column + 1 + spill), y: row, y2: Math.min(n, row + 1 + spill), similarity: similarityAt(triangle, n, i, j),
      person: `${ids[i] ?? i + 1} (concept ${which.partition[i]})`, other: `${ids[j] ?? j + 1} (concept ${which.partition[j]})`,
    })));
  const csvRows = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      csvRows.push({ person: ids[i] ?? String(i + 1), other: ids[j] ?? String(j + 1), person_concept: which.partition[i], other_concept: which.partition[j], similarity_percent: similarityAt(triangle, n, i, j) });
    }
  }
  const labels = blockLabels(blocks, side / n);
  const position = (axis: 'x' | 'y') => ({
    field: axis, type: 'quantitative', scale: { domain: [0, n], nice: false, zero: false, ...(axis === 'y' ? { reverse: true } : {}) },
    title: axis === 'x' ? `${n} people, by concept` : null,
    axis: { ...labels, orient: axis === 'x' ? 'top' : 'left', grid: false, ticks: false, domain: false },
  });
  const ink = foreground();
  return {
    name, caption,
    note: byBlocks ? `${n} people are too many to draw one cell per pair: each block is the report’s mean similarity within a concept or between two (block_similarity); the CSV holds every pair.` : undefined,
    summary: `${who}: ${n} people in ${which.concepts.length} concept${which.concepts.length === 1 ? '' : 's'} (` +
      which.concepts.map((c) => `${c.people}`).join(', ') + ` people); mean similarity within each: ` +
      listSummary(which.concepts.map((c, k) => `concept ${c.number} ${fmt((which.block_similarity[k][k] ?? 0) * 100, 0)}%`)),
    rows: csvRows,
    spec: {
      $schema: SCHEMA,
      width: side,
      height: side,
      layer: [
        {
          data: { values: cells },
          mark: { type: 'rect', strokeWidth: 0 },
          encoding: {
            x: position('x'), x2: { field: 'x2' }, y: position('y'), y2: { field: 'y2' },
            color: {
              field: 'similarity', type: 'quantitative', title: 'seated together (% of draws)',
              scale: { scheme: 'viridis', domain: [0, 100] },
              legend: { orient: 'bottom', direction: 'horizontal', gradientLength: Math.min(220, side - 20), titleLimit: 0 },
            },
            tooltip: [{ field: 'person', title: 'person' }, { field: 'other', title: 'with' }, { field: 'similarity', title: 'together (%)', format: '.0f' }],
          },
        },
        {
          data: { values: blocks.map((b) => ({ x: b.start, x2: b.end, y: b.start, y2: b.end, concept: b.concept })) },
          mark: { type: 'rect', fillOpacity: 0, stroke: darkScheme() ? '#ffffff' : ink, strokeWidth: 1.5 },
          encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: { field: 'y', type: 'quantitative' }, y2: { field: 'y2' } },
        },
      ],
    },
  };
}

const MEASURES = [
  { key: 'richness', subset: 'q0', title: '⁰D: concepts' },
  { key: 'q2', subset: 'q2', title: '²D: equally common concepts' },
] as const;

const interval = (s: PosteriorSummary) => ({ mean: s.mean, low: s.ci95[0], high: s.ci95[1] });

// ⁰D and ²D against the number of people, one line per population: solid
// where rarefied, dashed where extrapolated, a diamond at the people
// observed, and the paper's subsets' own estimates as squares with 95%
// intervals. Coverage is in each point's tooltip and in the CSV.
export function diversityCurvesFigure(report: ConceptReport, concept: string): Drawing {
  const name = 'concept-diversity-curves';
  const caption = `How many concepts, ${concept}: expected ⁰D (concepts) and ²D (equally common concepts) by number of people, per population; ` +
    'solid: rarefied, dashed: extrapolated (Chao et al. 2014), diamond: the people observed; squares: the subsets’ posterior means with 95% intervals';
  const populations = populationOrder(report.populations).filter((p) => sameConceptIn(p, concept));
  const withCurve = populations.filter((p) => sameConceptIn(p, concept)!.profile.curve.people.length > 0);
  const withoutCurve = populations.filter((p) => !withCurve.includes(p));
  const curves = withCurve.flatMap((p) => {
    const c = sameConceptIn(p, concept)!;
    return curvePoints(c.profile.curve, c.profile.people).flatMap((point: CurvePoint) => MEASURES.map((m) => ({
      kind: 'curve', population: p.name, label: displayName(p), key: colourKey(p), measure: m.title, phase: point.phase, people: point.people,
      observed: point.people === c.profile.people, value: point[m.key], low: point[`${m.key}_low`], high: point[`${m.key}_high`], coverage: point.coverage,
    })));
  });
  const subsets = populations.flatMap((p) => sameConceptIn(p, concept)!.subsets.flatMap((s) => MEASURES.flatMap((m) => {
    const { mean, low, high } = interval(s.diversity[m.subset]);
    return mean === null ? [] : [{ kind: 'subset', population: p.name, label: displayName(p), key: colourKey(p), measure: m.title, people: s.people, value: mean, low, high, coverage: s.diversity.coverage.mean }];
  })));
  if (curves.length === 0 && subsets.length === 0) return { name, caption, empty: 'No population holds this concept with draws to count concepts in.' };
  // One line per reason: the released chains' is long, and shared.
  const reasons = new Map<string, string[]>();
  for (const p of withoutCurve) {
    const why = whyNone(sameConceptIn(p, concept)!);
    reasons.set(why, [...(reasons.get(why) ?? []), displayName(p)]);
  }
  const note = reasons.size ? [...reasons].map(([why, who]) => `No curve for ${who.join(', ')}: ${why}.`).join(' ') : undefined;
  const scale = colourScale(populations);
  const columns = facetColumns(2, columnWidth() - 70, 260);
  const panel = Math.max(200, Math.min(420, Math.floor((columnWidth() - 70 - 14 * (columns - 1)) / columns)));
  // Ticks at 1, 2, 5, 10, 20, 50, … up to the farthest point.
  const farthest = Math.max(1, ...curves.map((r) => r.people), ...subsets.map((r) => r.people));
  const ticks = [1, 2, 5].flatMap((m) => [1, 10, 100, 1000, 10000, 100000].map((p) => m * p)).filter((t) => t <= farthest).sort((a, b) => a - b);
  const x = { field: 'people', type: 'quantitative', title: 'people (log scale)', scale: { type: 'log' }, axis: { values: ticks, format: '~s', labelOverlap: true } };
  const y = { field: 'value', type: 'quantitative', title: null };
  const many = withCurve.length > 8;
  const tooltip = [{ field: 'label', title: 'population' }, { field: 'measure' }, { field: 'people' }, { field: 'value', format: '.2f', title: 'mean' },
    { field: 'low', format: '.2f', title: '2.5%' }, { field: 'high', format: '.2f', title: '97.5%' }, { field: 'coverage', format: '.3f' }];
  const colour = { field: 'key', type: 'nominal', scale, legend: bottomLegend(scale.domain, columnWidth() - 40, 'population') };
  return {
    name, caption, note,
    summary: listSummary(withCurve.map((p) => {
      const c = sameConceptIn(p, concept)!;
      const at = c.profile.curve.people.indexOf(c.profile.people);
      return `${displayName(p)}: ${c.profile.people} people, ⁰D ${fmt(c.profile.curve.richness[at], 2)}, ²D ${fmt(c.profile.curve.q2[at], 2)}, coverage ${fmt(c.profile.curve.coverage[at], 3)}; ` +
        `at ${c.profile.curve.people.at(-1)} people ⁰D ${fmt(c.profile.curve.richness.at(-1), 2)}`;
    })),
    rows: [...curves, ...subsets].map(({ key: _key, label: _label, ...r }) => r),
    spec: {
      $schema: SCHEMA,
      data: { values: [...curves, ...subsets] },
      facet: { field: 'measure', type: 'nominal', sort: MEASURES.map((m) => m.title), title: null },
      columns,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: panel,
        height: 200,
        layer: [
          {
            transform: [{ filter: "datum.kind == 'curve' && datum.value != null" }],
            mark: { type: 'line', strokeWidth: many ? 1.1 : 1.6, opacity: many ? 0.9 : 1 },
            encoding: {
              x, y, color: colour,
              detail: { field: 'population' },
              strokeDash: { field: 'phase', type: 'nominal', title: null, scale: { domain: ['rarefied', 'extrapolated'], range: [[1, 0], [5, 3]] }, legend: { orient: 'bottom', symbolType: 'stroke' } },
            },
          },
          {
            transform: [{ filter: "datum.kind == 'curve' && datum.value != null" }],
            mark: { type: 'point', filled: true, size: 14, opacity: 0.6 },
            encoding: { x, y, color: { ...colour, legend: null }, tooltip },
          },
          {
            transform: [{ filter: "datum.kind == 'curve' && datum.observed && datum.phase == 'rarefied'" }],
            mark: { type: 'point', shape: 'diamond', filled: true, size: 70, stroke: foreground(), strokeWidth: 0.8 },
            encoding: { x, y, color: { ...colour, legend: null }, tooltip },
          },
          {
            transform: [{ filter: "datum.kind == 'subset'" }],
            mark: { type: 'rule', strokeWidth: 1 },
            encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: { ...colour, legend: null } },
          },
          {
            transform: [{ filter: "datum.kind == 'subset'" }],
            mark: { type: 'point', shape: 'square', filled: false, size: 36, strokeWidth: 1.4 },
            encoding: { x, y, color: { ...colour, legend: null }, tooltip },
          },
        ],
      },
    },
  };
}

const SIZE = 'equal people';
const COVERAGE = 'equal coverage';

// The report's comparison of the populations holding a concept: ⁰D and
// ²D rarefied to the smallest population's people, and at the coverage all
// of them reach.
export function diversityComparisonFigure(report: ConceptReport, concept: string): Drawing {
  const name = 'concept-diversity-comparison';
  const comparisons = report.diversity_comparisons ?? [];
  const comparison = comparisons.find((c) => c.concept === concept) ?? comparisons.find((c) => shortConcept(c.concept) === shortConcept(concept));
  const caption = `${concept} compared at equal effort: ⁰D and ²D per population, rarefied to a common number of people and at a common sample coverage (posterior means, 95% intervals)`;
  if (!comparison) return { name, caption, empty: 'The report compares a concept held by two populations or more whose draws have table sizes and enough people; this concept is not among them.' };
  const labels = new Map(report.populations.map((p) => [p.name, p]));
  const ordered = populationOrder(report.populations).filter((p) => comparison.populations.some((c) => c.population === p.name));
  // Names wrapped to at most 40% of the column, so that a phone keeps room
  // for the dots; each line break is drawn by the axis's label expression.
  const labelRoom = Math.max(90, Math.floor(columnWidth() * 0.4));
  const wrapped = new Map(ordered.map((p) => [p.name, wrapText(displayName(p), labelRoom).join('\n')]));
  const lines = Math.max(1, ...[...wrapped.values()].map((w) => w.split('\n').length));
  const names = ordered.map((p) => wrapped.get(p.name)!);
  const coverageText = comparison.common_coverage === null ? 'NA' : `${fmt(comparison.common_coverage * 100, 1)}%`;
  const basisTitle = { [SIZE]: `at ${comparison.common_people} people`, [COVERAGE]: `at coverage ${coverageText}` };
  const rows = ordered.flatMap((p) => {
    const c = comparison.populations.find((x) => x.population === p.name)!;
    return MEASURES.flatMap((m) => [
      { basis: basisTitle[SIZE], summary: c.at_common_people[m.subset], people: comparison.common_people as number | null, short: 0 },
      { basis: basisTitle[COVERAGE], summary: c.at_common_coverage[m.subset], people: c.at_common_coverage.people.mean, short: c.at_common_coverage.draws_short_of_coverage },
    ].map((b) => ({
      population: p.name, label: wrapped.get(p.name)!, name: displayName(labels.get(p.name) ?? p), measure: m.title, basis: b.basis,
      mean: b.summary.mean, low: b.summary.ci95[0], high: b.summary.ci95[1], people: b.people, draws_short_of_coverage: b.short,
    })));
  });
  const short = comparison.populations.filter((c) => c.at_common_coverage.draws_short_of_coverage > 0);
  const room = Math.max(...names.flatMap((n) => n.split('\n')).map((l) => widestLabel([l])));
  const columns = facetColumns(2, columnWidth() - room - 30, 160);
  const panel = Math.max(140, Math.floor((columnWidth() - room - 40 - 14 * (columns - 1)) / columns));
  const basisScale = { domain: [basisTitle[SIZE], basisTitle[COVERAGE]], range: darkScheme() ? ['#6cb8ec', '#ffb347'] : ['#1f5f9e', '#b35f00'] };
  const y = { field: 'label', type: 'nominal', sort: names, title: null, axis: { labelExpr: "split(datum.label, '\\n')" } };
  return {
    name, caption,
    note: short.length ? `Some draws never reach the common coverage and are taken at their largest size: ${short.map((c) => `${displayName(labels.get(c.population) ?? { name: c.population })} (${c.at_common_coverage.draws_short_of_coverage} draws)`).join('; ')}.` : undefined,
    summary: `${concept}, ${basisTitle[SIZE]} and ${basisTitle[COVERAGE]}: ` + listSummary(rows.map((r) => `${r.name}, ${r.measure} ${r.basis} ${fmt(r.mean, 2)}`)),
    rows: rows.map(({ label: _label, name: _name, ...r }) => ({ concept, ...r })),
    spec: {
      $schema: SCHEMA,
      data: { values: rows.filter((r) => r.mean !== null) },
      facet: { field: 'measure', type: 'nominal', sort: MEASURES.map((m) => m.title), title: null },
      columns,
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: panel,
        // The step is each dot's: two a population.
        height: { step: Math.ceil((rowStep(names.length) + 4 + 12 * (lines - 1)) / 2) },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.2 },
            encoding: { y, yOffset: { field: 'basis', type: 'nominal', sort: basisScale.domain }, x: { field: 'low', type: 'quantitative', title: null, scale: { zero: false } }, x2: { field: 'high' }, color: { field: 'basis', type: 'nominal', scale: basisScale, title: null } },
          },
          {
            mark: { type: 'point', filled: true, size: 40 },
            encoding: {
              y, yOffset: { field: 'basis', type: 'nominal', sort: basisScale.domain }, x: { field: 'mean', type: 'quantitative' },
              color: { field: 'basis', type: 'nominal', scale: basisScale, title: null, legend: { orient: 'bottom', direction: 'horizontal' } },
              tooltip: [{ field: 'name', title: 'population' }, { field: 'measure' }, { field: 'basis' }, { field: 'mean', format: '.2f' }, { field: 'low', format: '.2f', title: '2.5%' },
                { field: 'high', format: '.2f', title: '97.5%' }, { field: 'people', format: '.1f' }, { field: 'draws_short_of_coverage', title: 'draws short of coverage' }],
            },
          },
        ],
      },
    },
  };
}
