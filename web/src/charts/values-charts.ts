// Figures of numeric answers: the colour task's figures with the report's
// unit on the axes and no colour bars.
import type { VisualizationSpec } from 'vega-embed';
import type { ValuesReport } from '../report-types';
import { colourScale, populationOrder } from './populations';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function valuesScatterSpec(report: ValuesReport): VisualizationSpec {
  const unit = report.parameters.unit;
  const points = report.populations.flatMap((p) => p.items
    .filter((i) => i.internal_distance.mean !== null && i.population_distance.mean !== null)
    .map((i) => ({ population: p.name, item: i.item, internal: i.internal_distance.mean, between: i.population_distance.mean })));
  const limit = Math.max(1e-9, ...points.map((d) => Math.max(d.internal ?? 0, d.between ?? 0))) * 1.05;
  const order = populationOrder(report.populations);
  return {
    $schema: SCHEMA,
    data: { values: points },
    facet: { field: 'population', type: 'nominal', sort: order, title: null },
    columns: Math.min(4, order.length),
    spec: {
      width: 200,
      height: 200,
      layer: [
        { mark: { type: 'rule', color: '#555', strokeDash: [4, 3] }, encoding: { x: { datum: 0 }, y: { datum: 0 }, x2: { datum: limit }, y2: { datum: limit } } },
        {
          mark: { type: 'point', filled: true, opacity: 0.75, size: 30 },
          encoding: {
            x: { field: 'between', type: 'quantitative', title: `population distance (${unit})`, scale: { domain: [0, limit] } },
            y: { field: 'internal', type: 'quantitative', title: `internal distance (${unit})`, scale: { domain: [0, limit] } },
            color: { field: 'population', type: 'nominal', scale: colourScale(report.populations), legend: null },
            tooltip: [{ field: 'item' }, { field: 'internal', format: '.3f' }, { field: 'between', format: '.3f', title: 'population' }],
          },
        },
      ],
    },
  } as VisualizationSpec;
}

export function valuesDistanceSpec(report: ValuesReport): VisualizationSpec {
  const order = populationOrder(report.populations);
  const rows = report.populations.map((p) => ({
    population: p.name, human: p.human, mean: p.dist_from_diagonal.mean, low: p.dist_from_diagonal.ci95[0], high: p.dist_from_diagonal.ci95[1],
  }));
  const human = rows.find((r) => r.human);
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'population', type: 'nominal', sort: order, title: null },
        x: { field: 'mean', type: 'quantitative', title: `mean distance from the line of unity (${report.parameters.unit})` },
        color: { field: 'population', type: 'nominal', scale: colourScale(report.populations), legend: null },
        tooltip: [{ field: 'population' }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }],
      },
    },
    { mark: { type: 'rule', color: '#222' }, encoding: { y: { field: 'population', type: 'nominal', sort: order }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
  ];
  if (human && human.mean !== null) {
    layers.push({ data: { values: [{ mean: human.mean }] }, mark: { type: 'rule', color: '#000', strokeDash: [5, 3] }, encoding: { x: { field: 'mean', type: 'quantitative' } } });
  }
  return { $schema: SCHEMA, width: 520, height: { step: 26 }, data: { values: rows }, layer: layers } as VisualizationSpec;
}

export function valuesResponsesSpec(report: ValuesReport): VisualizationSpec {
  const rows = report.populations.flatMap((p) => [
    { population: p.name, kind: 'answered', count: p.responses.valid },
    { population: p.name, kind: 'missing', count: p.responses.invalid },
  ]);
  return {
    $schema: SCHEMA,
    width: 520,
    height: { step: 26 },
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'population', type: 'nominal', sort: populationOrder(report.populations), title: null },
      x: { field: 'count', type: 'quantitative', stack: 'normalize', title: 'share of answers', axis: { format: '%' } },
      color: { field: 'kind', type: 'nominal', scale: { domain: ['answered', 'missing'], range: ['#009E73', '#D55E00'] }, title: 'answer' },
      tooltip: [{ field: 'population' }, { field: 'kind' }, { field: 'count' }],
    },
  } as VisualizationSpec;
}
