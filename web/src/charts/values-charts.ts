// Figures of numeric answers: the per-item figures in the report's unit,
// and the answered and missing counts; no colour bars.
import type { ValuesItem, ValuesPopulation, ValuesReport } from '../report-types';
import { SCHEMA, listSummary } from './common';
import type { Drawing } from './figure';
import { columnWidth, rowStep, widestLabel } from './layout';
import { displayName, populationOrder } from './palette';
import type { PerItemMeasure, PerItemPopulation } from './per-item-charts';

export function valuesMeasure(report: ValuesReport): PerItemMeasure {
  return {
    prefix: 'values', item: 'item', quantity: 'distance', unit: report.parameters.unit, populationField: 'population_distance', digits: 3,
    replies: ['answers', 'missing'], scatterSource: '', axisLimit: (largest) => Math.max(1e-9, largest) * 1.05,
  };
}

// The report's items as the per-item figures and tables read them.
export function valuesPerItem(report: ValuesReport): PerItemPopulation<ValuesPopulation, ValuesItem>[] {
  return report.populations.map((p) => ({
    ...p, source: p, analysed: p.items_analysed, internal: p.internal_distance, population: p.population_distance,
    items: p.items.map((i) => ({
      source: i, item: i.item, individuals: i.individuals, internal: i.internal_distance.mean, population: i.population_distance.mean, dist_from_diagonal: i.dist_from_diagonal,
    })),
  }));
}

export function valuesResponsesFigure(report: ValuesReport): Drawing {
  const name = 'values-responses';
  const caption = 'Answered and missing, per population';
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => [
    { population: p.name, label: displayName(p), kind: 'answered', count: p.responses.valid },
    { population: p.name, label: displayName(p), kind: 'missing', count: p.responses.invalid },
  ]);
  if (rows.every((r) => r.count === 0)) return { name, caption, empty: 'No answers were read.' };
  const names = populations.map(displayName);
  return {
    name, caption,
    summary: 'Answered and missing: ' + listSummary(populations.map((p) => `${displayName(p)} ${p.responses.valid} answered, ${p.responses.invalid} missing`)),
    rows,
    spec: {
      $schema: SCHEMA,
      width: Math.max(200, columnWidth() - widestLabel(names) - 40),
      height: { step: rowStep(names.length) },
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: names, title: null },
        x: { field: 'count', type: 'quantitative', stack: 'normalize', title: 'share of answers', axis: { format: '%' } },
        color: { field: 'kind', type: 'nominal', scale: { domain: ['answered', 'missing'], range: ['#009E73', '#D55E00'] }, title: null, legend: { orient: 'bottom', direction: 'horizontal', columns: 2 } },
        tooltip: [{ field: 'label', title: 'population' }, { field: 'kind' }, { field: 'count' }],
      },
    },
  };
}
