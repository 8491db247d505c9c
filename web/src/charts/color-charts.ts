// The colour task's figures, as the paper draws them.
import type { VisualizationSpec } from 'vega-embed';
import type { ColorReport } from '../report-types';
import { colourScale as scale, populationOrder as order } from './populations';

export interface ColorAnswer { population: number; word: number; block: number; r: number; g: number; b: number }

// Records of 12 bytes, as written by the core's color_answer_records.
export function decodeAnswers(data: Uint8Array): ColorAnswer[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const answers: ColorAnswer[] = [];
  for (let i = 0; i + 12 <= data.length; i += 12) {
    answers.push({
      population: view.getUint32(i, true),
      word: view.getUint32(i + 4, true),
      block: data[i + 8],
      r: data[i + 9], g: data[i + 10], b: data[i + 11],
    });
  }
  return answers;
}

export function populationOrder(report: ColorReport): string[] {
  return order(report.populations);
}

function colourScale(report: ColorReport) {
  return scale(report.populations);
}

export function scatterSpec(report: ColorReport): VisualizationSpec {
  const points = report.populations.flatMap((p) =>
    p.words
      .filter((w) => w.internal_delta_e.mean !== null && w.population_delta_e.mean !== null)
      .map((w) => ({
        population: p.name,
        word: w.word,
        internal: w.internal_delta_e.mean,
        population_delta_e: w.population_delta_e.mean,
      })),
  );
  const limit = Math.max(10, ...points.map((d) => Math.max(d.internal ?? 0, d.population_delta_e ?? 0))) * 1.05;
  const order = populationOrder(report);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: points },
    facet: { field: 'population', type: 'nominal', sort: order, title: null },
    columns: Math.min(4, order.length),
    spec: {
      width: 220,
      height: 220,
      layer: [
        {
          mark: { type: 'rule', color: '#555', strokeDash: [4, 3] },
          encoding: { x: { datum: 0 }, y: { datum: 0 }, x2: { datum: limit }, y2: { datum: limit } },
        },
        {
          mark: { type: 'point', filled: true, opacity: 0.7, size: 28 },
          encoding: {
            x: { field: 'population_delta_e', type: 'quantitative', title: 'population ΔE', scale: { domain: [0, limit] } },
            y: { field: 'internal', type: 'quantitative', title: 'internal ΔE', scale: { domain: [0, limit] } },
            color: { field: 'population', type: 'nominal', scale: colourScale(report), legend: null },
            tooltip: [
              { field: 'word' },
              { field: 'internal', format: '.2f', title: 'internal ΔE' },
              { field: 'population_delta_e', format: '.2f', title: 'population ΔE' },
            ],
          },
        },
      ],
    },
  } as VisualizationSpec;
}

export function distanceSpec(report: ColorReport): VisualizationSpec {
  const rows = report.populations.map((p) => ({
    population: p.name,
    mean: p.dist_from_diagonal.mean,
    low: p.dist_from_diagonal.ci95[0],
    high: p.dist_from_diagonal.ci95[1],
    human: p.human,
  }));
  const human = rows.find((r) => r.human);
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'population', type: 'nominal', sort: populationOrder(report), title: null },
        x: { field: 'mean', type: 'quantitative', title: 'mean distance from the line of unity (ΔE)' },
        color: { field: 'population', type: 'nominal', scale: colourScale(report), legend: null },
        tooltip: [{ field: 'population' }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }],
      },
    },
    {
      mark: { type: 'rule', color: '#222' },
      encoding: {
        y: { field: 'population', type: 'nominal', sort: populationOrder(report) },
        x: { field: 'low', type: 'quantitative' },
        x2: { field: 'high' },
      },
    },
  ];
  if (human && human.mean !== null) {
    layers.push({
      data: { values: [{ mean: human.mean, low: human.low, high: human.high }] },
      layer: [
        { mark: { type: 'rect', color: '#000', opacity: 0.08 }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
        { mark: { type: 'rule', color: '#000', strokeDash: [5, 3] }, encoding: { x: { field: 'mean', type: 'quantitative' } } },
      ],
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: { step: 26 },
    data: { values: rows },
    layer: layers,
  } as VisualizationSpec;
}

function hueOf(r: number, g: number, b: number): [number, number] {
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const lightness = (max + min) / 510;
  if (max === min) return [-1, lightness];  // greys first, dark to light
  const d = max - min;
  let hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  hue *= 60;
  return [hue < 0 ? hue + 360 : hue, lightness];
}

const hex = (v: number) => v.toString(16).padStart(2, '0');

export function colourBarsSpec(report: ColorReport, answers: ColorAnswer[], word: string): VisualizationSpec {
  const stripes: { population: string; start: number; end: number; colour: string }[] = [];
  report.populations.forEach((p, index) => {
    const w = p.words.findIndex((x) => x.word === word);
    if (w < 0) return;
    const mine = answers
      .filter((a) => a.population === index && a.word === w)
      .map((a) => ({ a, key: hueOf(a.r, a.g, a.b) }))
      .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1]);
    mine.forEach(({ a }, i) => {
      stripes.push({ population: p.name, start: i / mine.length, end: (i + 1) / mine.length, colour: `#${hex(a.r)}${hex(a.g)}${hex(a.b)}` });
    });
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 560,
    height: { step: 34 },
    data: { values: stripes },
    mark: { type: 'rect' },
    encoding: {
      y: { field: 'population', type: 'nominal', sort: populationOrder(report), title: null },
      x: { field: 'start', type: 'quantitative', axis: null, scale: { domain: [0, 1] } },
      x2: { field: 'end' },
      color: { field: 'colour', type: 'nominal', scale: null },
      tooltip: [{ field: 'population' }, { field: 'colour' }],
    },
  } as VisualizationSpec;
}

export function responsesSpec(report: ColorReport): VisualizationSpec {
  const rows = report.populations.flatMap((p) => [
    { population: p.name, kind: 'valid', count: p.responses.valid },
    { population: p.name, kind: 'invalid', count: p.responses.invalid },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: { step: 26 },
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'population', type: 'nominal', sort: populationOrder(report), title: null },
      x: { field: 'count', type: 'quantitative', stack: 'normalize', title: 'share of replies', axis: { format: '%' } },
      color: { field: 'kind', type: 'nominal', scale: { domain: ['valid', 'invalid'], range: ['#009E73', '#D55E00'] }, title: 'reply' },
      tooltip: [{ field: 'population' }, { field: 'kind' }, { field: 'count' }],
    },
  } as VisualizationSpec;
}
