// Figures shared by the analyses that measure, per item, how far one
// individual's two answers lie apart (internal) and how far two individuals'
// answers do (population): the word–colour task in ΔE, numeric answers in
// their own unit. Internal vs population distance (the paper's Fig. 2a) and
// each population's mean distance from the line of unity.
import type { PopulationLabel, Summary } from '../report-types';
import { SCHEMA, bottomLegend, fmt, listSummary } from './common';
import type { Drawing } from './figure';
import { columnWidth, panelGrid, rowStep, textWidth, widestLabel, wrapText } from './layout';
import { colourKey, colourScale, displayName, populationOrder } from './palette';
import { TITLE_SIZE, foreground } from './theme';

// What one analysis calls its items and its distance.
export interface PerItemMeasure {
  prefix: string;            // figures and tables are named `${prefix}-…`
  item: string;              // an item's name, singular: 'word'
  quantity: string;          // the distance's name: 'ΔE'
  unit: string;              // its unit, or the quantity itself when it is its own unit
  populationField: string;   // the scatter rows' field of the population distance
  digits: number;            // digits of the figures' summaries and tooltips
  replies: [string, string]; // titles of the valid and invalid answer counts
  scatterSource: string;     // the paper's figure the scatter follows, if any
  axisLimit: (largest: number) => number;  // the end of the scatter's square axes
}

export interface PerItemEntry<Item> {
  source: Item;
  item: string;
  individuals: number;
  internal: number | null;
  population: number | null;
  dist_from_diagonal: number | null;
}

export interface PerItemPopulation<Population = unknown, Item = unknown> extends PopulationLabel {
  source: Population;
  individuals: number;
  analysed: number;
  internal: Summary;
  population: Summary;
  dist_from_diagonal: Summary;
  regression_internal_on_population: { slope: number | null; intercept: number | null; r_squared: number | null };
  responses: { valid: number; invalid: number };
  items: PerItemEntry<Item>[];
}

// 'ΔE', or 'distance (pooled SD)'.
export const measured = (m: PerItemMeasure) => (m.quantity === m.unit ? m.quantity : `${m.quantity} (${m.unit})`);

export function perItemScatterFigure(populations: PerItemPopulation[], m: PerItemMeasure): Drawing {
  const name = `${m.prefix}-scatter`;
  const caption = `Internal vs population ${m.quantity}, one point per ${m.item}, a panel per population${m.scatterSource}; dashed: the line of unity`;
  const drawn = (i: PerItemEntry<unknown>) => i.internal !== null && i.population !== null;
  const shown = populationOrder(populations).filter((p) => p.items.some(drawn));
  if (shown.length === 0) return { name, caption, empty: `No population has a ${m.item} answered twice by two or more individuals, so there is no ${m.quantity} to draw.` };
  const { columns, size } = panelGrid(shown.length, 150, 260, 70);
  const panels = new Map(shown.map((p) => [p.name, wrapText(displayName(p), size).join('\n')]));
  const rows = shown.flatMap((p) => p.items.filter(drawn).map((i) => ({
    population: p.name, panel: panels.get(p.name)!, key: colourKey(p), [m.item]: i.item, internal: i.internal!, [m.populationField]: i.population!,
  })));
  const limit = m.axisLimit(Math.max(...shown.flatMap((p) => p.items.filter(drawn).map((i) => Math.max(i.internal!, i.population!)))));
  const internalTitle = `internal ${measured(m)}`, populationTitle = `population ${measured(m)}`;
  // An x title wider than its panel would run into the next panel's: the
  // unit goes on a line of its own (the weight is bold, so a tenth wider).
  const xTitle = textWidth(populationTitle, TITLE_SIZE) * 1.1 > size && m.quantity !== m.unit
    ? [`population ${m.quantity}`, `(${m.unit})`] : populationTitle;
  const format = `.${m.digits}f`;
  return {
    name, caption,
    summary: `Each panel plots a population's ${m.item}s: x is the mean ${measured(m)} between two different individuals' answers, y the mean ${measured(m)} between one individual's two answers. ` +
      'Points below the dashed line mean individuals are more consistent than the population is diverse. ' +
      listSummary(shown.map((p) => `${p.name}: ${p.analysed} ${m.item}s, mean internal ${m.quantity} ${fmt(p.internal.mean, m.digits)}, mean population ${m.quantity} ${fmt(p.population.mean, m.digits)}`)),
    rows: rows.map(({ panel: _panel, key: _key, ...r }) => r),
    spec: panelFacets(rows, [...panels.values()], columns, size, [
      {
        mark: { type: 'rule', color: foreground(), strokeDash: [4, 3], opacity: 0.7 },
        encoding: { x: { datum: 0, type: 'quantitative' }, y: { datum: 0, type: 'quantitative' }, x2: { datum: limit }, y2: { datum: limit } },
      },
      {
        mark: { type: 'point', filled: true, opacity: 0.65, size: 22 },
        encoding: {
          x: { field: m.populationField, type: 'quantitative', title: xTitle, scale: { domain: [0, limit] } },
          y: { field: 'internal', type: 'quantitative', title: internalTitle, scale: { domain: [0, limit] } },
          color: { field: 'key', type: 'nominal', scale: colourScale(shown), legend: null },
          tooltip: [{ field: 'population' }, { field: m.item }, { field: 'internal', format, title: internalTitle },
            { field: m.populationField, format, title: populationTitle }],
        },
      },
    ]),
  };
}

// Square panels of `layers`, one per value of the rows' `panel` field (a
// population's name wrapped to the panel's width), in `order`.
export function panelFacets(rows: unknown[], order: string[], columns: number, size: number, layers: unknown[]) {
  return {
    $schema: SCHEMA,
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', sort: order, title: null, header: { labelExpr: "split(datum.label, '\\n')" } },
    columns,
    spec: { width: size, height: size, layer: layers },
  };
}

export interface BarRow { population: string; key: string; mean: number; low: number | null; high: number | null }

// Horizontal bars, a row per population with its whole name, so a hundred
// populations stay legible inside the column; the humans as a shaded band
// (their interval) and a dashed line (their mean).
export function populationBars(populations: PopulationLabel[], rows: BarRow[], title: string,
  human: { mean: number; low: number | null; high: number | null } | null) {
  // Rows are joined by name; the reader sees each population's label.
  const labelOf = new Map(populations.map((p) => [p.name, displayName(p)]));
  const shown = rows.map((r) => ({ ...r, label: labelOf.get(r.population) ?? r.population }));
  const names = shown.map((r) => r.label);
  const keys = colourScale(populations);
  const width = Math.max(200, columnWidth() - widestLabel(names) - 40);
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: names, title: null },
        x: { field: 'mean', type: 'quantitative', title },
        color: { field: 'key', type: 'nominal', scale: keys, legend: bottomLegend(keys.domain, width, 'population') },
        tooltip: [{ field: 'label', title: 'population' }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }],
      },
    },
    {
      mark: { type: 'rule', color: foreground() },
      encoding: { y: { field: 'label', type: 'nominal', sort: names }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
    },
  ];
  if (human) {
    layers.push({
      data: { values: [human] },
      layer: [
        ...(human.low !== null && human.high !== null ? [{ mark: { type: 'rect', color: foreground(), opacity: 0.1 }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } }] : []),
        { mark: { type: 'rule', color: foreground(), strokeDash: [5, 3] }, encoding: { x: { field: 'mean', type: 'quantitative' } } },
      ],
    });
  }
  return { $schema: SCHEMA, width, height: { step: rowStep(rows.length) }, data: { values: shown }, layer: layers };
}

export function perItemDistanceFigure(populations: PerItemPopulation[], m: PerItemMeasure): Drawing {
  const name = `${m.prefix}-distance`;
  const ordered = populationOrder(populations);
  const hasHuman = ordered.some((p) => p.human && p.dist_from_diagonal.mean !== null);
  // The humans' band and line are promised only when there are humans to draw.
  const caption = `Mean distance from the line of unity per population (${m.unit}; 95% intervals over ${m.item}s; ${hasHuman ? 'the shaded band and dashed line: humans' : 'no human population, so no human baseline'})`;
  const rows = ordered.filter((p) => p.dist_from_diagonal.mean !== null).map((p) => ({
    population: p.name, key: colourKey(p), mean: p.dist_from_diagonal.mean!, low: p.dist_from_diagonal.ci95[0], high: p.dist_from_diagonal.ci95[1],
  }));
  if (rows.length === 0) return { name, caption, empty: `No population has a ${m.item} with two or more complete individuals.` };
  const human = ordered.find((p) => p.human && p.dist_from_diagonal.mean !== null);
  const band = human ? { mean: human.dist_from_diagonal.mean!, low: human.dist_from_diagonal.ci95[0], high: human.dist_from_diagonal.ci95[1] } : null;
  return {
    name, caption,
    summary: `The headline diversity number: how far, on average, a population's ${m.item}s lie from the line where individuals vary as much as the population (${m.unit}). ` +
      listSummary(rows.map((r) => `${r.population} ${fmt(r.mean, m.digits)} [${fmt(r.low, m.digits)}, ${fmt(r.high, m.digits)}]`)),
    rows: rows.map(({ key: _key, ...r }) => r),
    spec: populationBars(populations, rows, `mean distance from the line of unity (${m.unit})`, band),
  };
}
