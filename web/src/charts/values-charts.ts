// Figures of numeric answers: the colour task's figures with the report's
// unit on the axes and no colour bars.
import type { ValuesReport } from '../report-types';
import { SCHEMA, bottomLegend, fmt, listSummary } from './common';
import type { Drawing } from './figure';
import { columnWidth, facetColumns, rowStep, widestLabel, wrapText } from './layout';
import { colourKey, colourScale, populationOrder } from './palette';
import { foreground } from './theme';

export function valuesScatterFigure(report: ValuesReport): Drawing {
  const unit = report.parameters.unit;
  const name = 'values-scatter';
  const caption = 'Internal vs population distance, one point per item, a panel per population; dashed: the line of unity';
  const drawn = (i: ValuesReport['populations'][number]['items'][number]) => i.internal_distance.mean !== null && i.population_distance.mean !== null;
  const populations = populationOrder(report.populations).filter((p) => p.items.some(drawn));
  if (populations.length === 0) return { name, caption, empty: 'No population has an item answered twice by two or more individuals, so there is no distance to draw.' };
  const available = columnWidth() - 70;
  const columns = facetColumns(populations.length, available, 150);
  const size = Math.min(240, Math.floor((available - 14 * (columns - 1)) / columns));
  const panels = new Map(populations.map((p) => [p.name, wrapText(p.name, size).join('\n')]));
  const rows = populations.flatMap((p) => p.items.filter(drawn).map((i) => ({
    population: p.name, panel: panels.get(p.name)!, key: colourKey(p), item: i.item, internal: i.internal_distance.mean!, population_distance: i.population_distance.mean!,
  })));
  const limit = Math.max(1e-9, ...rows.map((d) => Math.max(d.internal, d.population_distance))) * 1.05;
  return {
    name, caption,
    summary: `Each panel plots a population's items: x is the mean distance (${unit}) between two different individuals' answers, y the mean distance between one individual's two answers. ` +
      'Points below the dashed line mean individuals are more consistent than the population is diverse. ' +
      listSummary(populations.map((p) => `${p.name}: ${p.items_analysed} items, mean internal ${fmt(p.internal_distance.mean, 3)}, mean population ${fmt(p.population_distance.mean, 3)}`)),
    rows: rows.map(({ panel: _panel, key: _key, ...r }) => r),
    spec: {
      $schema: SCHEMA,
      data: { values: rows },
      facet: { field: 'panel', type: 'nominal', sort: [...panels.values()], title: null, header: { labelExpr: "split(datum.label, '\\n')" } },
      columns,
      spec: {
        width: size,
        height: size,
        layer: [
          {
            mark: { type: 'rule', color: foreground(), strokeDash: [4, 3], opacity: 0.7 },
            encoding: { x: { datum: 0, type: 'quantitative' }, y: { datum: 0, type: 'quantitative' }, x2: { datum: limit }, y2: { datum: limit } },
          },
          {
            mark: { type: 'point', filled: true, opacity: 0.75, size: 26 },
            encoding: {
              x: { field: 'population_distance', type: 'quantitative', title: `population distance (${unit})`, scale: { domain: [0, limit] } },
              y: { field: 'internal', type: 'quantitative', title: `internal distance (${unit})`, scale: { domain: [0, limit] } },
              color: { field: 'key', type: 'nominal', scale: colourScale(populations), legend: null },
              tooltip: [{ field: 'population' }, { field: 'item' }, { field: 'internal', format: '.3f' }, { field: 'population_distance', format: '.3f', title: 'population' }],
            },
          },
        ],
      },
    },
  };
}

export function valuesDistanceFigure(report: ValuesReport): Drawing {
  const unit = report.parameters.unit;
  const name = 'values-distance';
  const caption = `Mean distance from the line of unity per population (${unit}; 95% intervals over items; dashed: humans)`;
  const populations = populationOrder(report.populations);
  const rows = populations.filter((p) => p.dist_from_diagonal.mean !== null).map((p) => ({
    population: p.name, key: colourKey(p), mean: p.dist_from_diagonal.mean!, low: p.dist_from_diagonal.ci95[0], high: p.dist_from_diagonal.ci95[1],
  }));
  if (rows.length === 0) return { name, caption, empty: 'No population has an item with two or more complete individuals.' };
  const names = rows.map((r) => r.population);
  const keys = colourScale(populations);
  const width = Math.max(200, columnWidth() - widestLabel(names) - 40);
  const human = populations.find((p) => p.human && p.dist_from_diagonal.mean !== null);
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'population', type: 'nominal', sort: names, title: null },
        x: { field: 'mean', type: 'quantitative', title: `mean distance from the line of unity (${unit})` },
        color: { field: 'key', type: 'nominal', scale: keys, legend: bottomLegend(keys.domain, width, 'population') },
        tooltip: [{ field: 'population' }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }],
      },
    },
    { mark: { type: 'rule', color: foreground() }, encoding: { y: { field: 'population', type: 'nominal', sort: names }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
  ];
  if (human) {
    layers.push({ data: { values: [{ mean: human.dist_from_diagonal.mean }] }, mark: { type: 'rule', color: foreground(), strokeDash: [5, 3] }, encoding: { x: { field: 'mean', type: 'quantitative' } } });
  }
  return {
    name, caption,
    summary: `How far, on average, a population's items lie from the line where individuals vary as much as the population (${unit}): ` +
      listSummary(rows.map((r) => `${r.population} ${fmt(r.mean, 3)} [${fmt(r.low, 3)}, ${fmt(r.high, 3)}]`)),
    rows: rows.map(({ key: _key, ...r }) => r),
    spec: { $schema: SCHEMA, width, height: { step: rowStep(rows.length) }, data: { values: rows }, layer: layers },
  };
}

export function valuesResponsesFigure(report: ValuesReport): Drawing {
  const name = 'values-responses';
  const caption = 'Answered and missing, per population';
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => [
    { population: p.name, kind: 'answered', count: p.responses.valid },
    { population: p.name, kind: 'missing', count: p.responses.invalid },
  ]);
  if (rows.every((r) => r.count === 0)) return { name, caption, empty: 'No answers were read.' };
  const names = populations.map((p) => p.name);
  return {
    name, caption,
    summary: 'Answered and missing: ' + listSummary(populations.map((p) => `${p.name} ${p.responses.valid} answered, ${p.responses.invalid} missing`)),
    rows,
    spec: {
      $schema: SCHEMA,
      width: Math.max(200, columnWidth() - widestLabel(names) - 40),
      height: { step: rowStep(names.length) },
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'population', type: 'nominal', sort: names, title: null },
        x: { field: 'count', type: 'quantitative', stack: 'normalize', title: 'share of answers', axis: { format: '%' } },
        color: { field: 'kind', type: 'nominal', scale: { domain: ['answered', 'missing'], range: ['#009E73', '#D55E00'] }, title: null, legend: { orient: 'bottom', direction: 'horizontal', columns: 2 } },
        tooltip: [{ field: 'population' }, { field: 'kind' }, { field: 'count' }],
      },
    },
  };
}
