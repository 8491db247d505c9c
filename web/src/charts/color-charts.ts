// The colour task's figures, after the paper's: colour bars (Fig. 5), the
// divergence from humans and the reply counts (appendix), and word ratings.
// Internal vs population ΔE (Fig. 2a) and the distance from the line of
// unity are the per-item figures, measured in ΔE.
import type { ColorPopulation, ColorReport, ColorWord } from '../report-types';
import type { Drawing } from './figure';
import { columnWidth, panelGrid, rowStep, widestLabel, wrapText } from './layout';
import { colourKey, colourScale, conditionLabel, conditionRank, displayName, modelName, populationOrder } from './palette';
import { type PerItemMeasure, type PerItemPopulation, panelFacets, populationBars } from './per-item-charts';
import { foreground } from './theme';
import { SCHEMA, fmt, listSummary } from './common';

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

export const colorMeasure: PerItemMeasure = {
  prefix: 'color', item: 'word', quantity: 'ΔE', unit: 'ΔE', populationField: 'population_delta_e', digits: 2,
  replies: ['valid replies', 'invalid replies'], scatterSource: ' (the paper’s Fig. 2a)',
  axisLimit: (largest) => Math.ceil(Math.max(10, largest) * 1.05),
};

// The report's words as the per-item figures and tables read them.
export function colorPerItem(report: ColorReport): PerItemPopulation<ColorPopulation, ColorWord>[] {
  return report.populations.map((p) => ({
    ...p, source: p, analysed: p.words_analysed, internal: p.internal_delta_e, population: p.population_delta_e,
    items: p.words.map((w) => ({
      source: w, item: w.word, individuals: w.individuals, internal: w.internal_delta_e.mean, population: w.population_delta_e.mean, dist_from_diagonal: w.dist_from_diagonal,
    })),
  }));
}

export function jsdFigure(report: ColorReport): Drawing {
  const paper = report.parameters.jsd === 'paper';
  const name = 'color-jsd';
  const unit = paper ? 'the paper’s JS distance (natural log, 0 to 0.833)' : 'Jensen–Shannon divergence (bits, 0 to 1)';
  const caption = `Divergence of each population’s colours from ${String(report.parameters.reference || 'the reference')}: ${unit}, mean over words with 95% intervals (the paper’s appendix figure)`;
  const populations = populationOrder(report.populations);
  const rows = populations.filter((p) => p.jsd_to_reference?.mean !== null && p.jsd_to_reference !== null).map((p) => ({
    population: p.name, key: colourKey(p), mean: p.jsd_to_reference!.mean!, low: p.jsd_to_reference!.ci95[0], high: p.jsd_to_reference!.ci95[1],
  }));
  if (rows.length === 0) return { name, caption, empty: noDivergence(report) };
  return {
    name, caption,
    summary: `${paper ? 'The paper’s estimator' : 'The divergence in bits'}, averaged over words, per population: ` + listSummary(rows.map((r) => `${r.population} ${fmt(r.mean, 3)}`)),
    rows: rows.map(({ key: _key, ...r }) => ({ ...r, estimator: paper ? 'paper' : 'bits' })),
    spec: populationBars(populations, rows, paper ? 'JS distance, the paper’s estimator' : 'JS divergence from the reference (bits)', null),
  };
}

// Why there is no divergence to draw, in the reader's terms: what is
// missing from their files and what to add.
function noDivergence(report: ColorReport): string {
  const reference = String(report.parameters.reference || '');
  if (!reference) {
    return 'No population is marked as human, so there is nothing to compare the colours with: tick “Human population ' +
      '(the reference)” in the card of the human file.';
  }
  if (report.populations.every((p) => p.name === reference)) {
    return `Only the human colours (${reference}) were analysed: add LLM colour files to see how far each model’s colours differ from theirs.`;
  }
  // A word's spread of colours needs four answers not all on one plane of
  // colour space (see fit_lab_gaussian), in both populations.
  return `No other population shares a word with ${reference} on which both gave at least four varied colours: with fewer, or with ` +
    'colours that all lie on one plane of colour space, the spread of a word’s colours cannot be described, so it cannot be compared.';
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

// The words of the paper's Fig. 5, in its order.
export const PAPER_BAR_WORDS = ['tomato', 'skin', 'jealousy'];

// Every word with an answer, the most widely answered first (then A to Z).
export function barWords(report: ColorReport): string[] {
  const seen = new Map<string, number>();
  for (const p of report.populations) for (const w of p.words) if (w.individuals > 0) seen.set(w.word, (seen.get(w.word) ?? 0) + 1);
  return [...seen.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

// The words the figure starts with: the paper's where the data have them,
// else the handful answered by the most populations.
export function defaultBarWords(report: ColorReport, count = 6): string[] {
  const words = barWords(report);
  const paper = PAPER_BAR_WORDS.filter((w) => words.includes(w));
  return paper.length > 0 ? paper : words.slice(0, count);
}

export function colourBarsFigure(report: ColorReport, answers: ColorAnswer[], words: string[]): Drawing {
  const name = 'colour-bars';
  const caption = `Every first answer per word and population, sorted by hue (the paper’s Fig. 5): ${words.join(', ')}`;
  const populations = populationOrder(report.populations);
  const index = new Map(report.populations.map((p, i) => [p.name, i]));
  const stripes: { word: string; population: string; label: string; start: number; end: number; colour: string }[] = [];
  for (const word of words) {
    for (const p of populations) {
      const w = p.words.findIndex((x) => x.word === word);
      if (w < 0) continue;
      const mine = answers
        .filter((a) => a.population === index.get(p.name) && a.word === w && a.block === 1)
        .map((a) => ({ a, key: hueOf(a.r, a.g, a.b) }))
        .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1]);
      mine.forEach(({ a }, i) => stripes.push({ word, population: p.name, label: displayName(p), start: i / mine.length, end: (i + 1) / mine.length, colour: `#${hex(a.r)}${hex(a.g)}${hex(a.b)}` }));
    }
  }
  if (stripes.length === 0) return { name, caption, empty: 'None of the chosen words has an answer in any population.' };
  const names = populations.filter((p) => stripes.some((s) => s.population === p.name)).map(displayName);
  const labelRoom = widestLabel(names) + 20;
  const cell = Math.max(50, Math.floor((columnWidth() - labelRoom - 8 * (words.length - 1)) / words.length));
  return {
    name, caption,
    summary: `For each word (columns) and population (rows, humans on top), a bar of every individual's first colour, sorted by hue: a single block of colour means everyone answered alike. ` +
      `${names.length} populations, ${stripes.length} answers.`,
    rows: stripes,
    spec: {
      $schema: SCHEMA,
      data: { values: stripes },
      facet: { column: { field: 'word', type: 'nominal', sort: words, title: null } },
      spacing: 8,
      spec: {
        width: cell,
        height: { step: rowStep(names.length) },
        mark: { type: 'rect' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: names, title: null },
          x: { field: 'start', type: 'quantitative', axis: null, scale: { domain: [0, 1] } },
          x2: { field: 'end' },
          color: { field: 'colour', type: 'nominal', scale: null },
          tooltip: [{ field: 'label', title: 'population' }, { field: 'word' }, { field: 'colour' }],
        },
      },
    },
  };
}

// Valid and invalid replies, a panel row per model and a bar per condition
// (the paper's appendix response counts).
export function responsesFigure(report: ColorReport): Drawing {
  const name = 'color-responses';
  const caption = 'Valid and invalid replies per model and condition (the paper’s appendix response counts; a reply is invalid without a colour code)';
  const populations = populationOrder(report.populations);
  const rows = populations.flatMap((p) => {
    const model = modelName(p);
    const condition = p.human ? 'humans' : conditionLabel(p.prompt, p.temperature);
    return [
      { population: p.name, model, condition, rank: p.human ? -1 : conditionRank(p), reply: 'valid', count: p.responses.valid },
      { population: p.name, model, condition, rank: p.human ? -1 : conditionRank(p), reply: 'invalid', count: p.responses.invalid },
    ];
  });
  if (rows.every((r) => r.count === 0)) return { name, caption, empty: 'No replies were read.' };
  return { name, caption, summary: replySummary(populations.map((p) => [p.name, p.responses.valid, p.responses.invalid])), rows, spec: groupedCounts(rows, 'reply', ['valid', 'invalid'], ['#009E73', '#D55E00'], 'replies') };
}

export function replySummary(rows: [string, number, number][]): string {
  return 'Valid and invalid replies: ' + listSummary(rows.map(([n, v, i]) => `${n} ${v} valid, ${i} invalid`));
}

// Stacked counts, a facet row per model (named on the left) and a bar per
// condition inside it.
export function groupedCounts(rows: { model: string; condition: string; rank: number; count: number }[], kindField: string, kinds: string[], colours: string[], title: string) {
  const models = [...new Set(rows.map((r) => r.model))];
  const conditions = [...new Set(rows.map((r) => r.condition))];
  const modelRoom = widestLabel(models) + 16;
  const width = Math.max(200, columnWidth() - modelRoom - widestLabel(conditions) - 40);
  return {
    $schema: SCHEMA,
    data: { values: rows },
    facet: { row: { field: 'model', type: 'nominal', sort: models, title: null, header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'left' } } },
    spacing: 4,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width,
      height: { step: 14 },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'condition', type: 'nominal', title: null, sort: { field: 'rank' } },
        x: { field: 'count', type: 'quantitative', title, stack: 'zero' },
        color: { field: kindField, type: 'nominal', scale: { domain: kinds, range: colours }, title: null, legend: { orient: 'bottom', direction: 'horizontal', columns: kinds.length } },
        order: { field: kindField, sort: 'descending' },
        tooltip: [{ field: 'model' }, { field: 'condition' }, { field: kindField }, { field: 'count' }],
      },
    },
  };
}

export interface WordNorms { scales: string[]; words: string[]; ratings: (number | null)[][] }

export function wordRatingsFigure(report: ColorReport, norms: WordNorms, scale: string): Drawing {
  const name = 'word-ratings';
  const caption = `Word ${scale} rating vs internal ΔE, a panel per population, with the least-squares line and Pearson’s r (the paper’s word-ratings figures)`;
  const column = norms.scales.indexOf(scale);
  const rating = new Map(norms.words.map((w, i) => [w, norms.ratings[i][column]]));
  const populations = populationOrder(report.populations);
  const fits: { population: string; n: number; r: number | null; slope: number | null; intercept: number | null }[] = [];
  // The line and r as the report gives them (its fit needs three words).
  const points: { population: string; word: string; rating: number; internal: number }[] = [];
  for (const p of populations) {
    const mine = p.words.flatMap((w) => {
      const x = rating.get(w.word);
      return x !== null && x !== undefined && w.internal_delta_e.mean !== null ? [{ population: p.name, word: w.word, rating: x, internal: w.internal_delta_e.mean }] : [];
    });
    const fit = p.word_rating_fits?.find((f) => f.scale === scale);
    if (!fit || fit.n < 3) continue;
    points.push(...mine);
    fits.push({ population: p.name, n: fit.n, r: fit.r, slope: fit.slope, intercept: fit.intercept });
  }
  if (points.length === 0) return { name, caption, empty: `No population has three or more words with a ${scale} rating and an internal ΔE.` };
  const shown = populations.filter((p) => fits.some((f) => f.population === p.name));
  const { columns, size } = panelGrid(shown.length, 150, 240, 70);
  const panel = new Map(shown.map((p) => [p.name, wrapText(displayName(p), size).join('\n')]));
  const xs = points.map((p) => p.rating);
  const lo = Math.min(...xs), hi = Math.max(...xs);
  const data = [
    ...points.map((p) => ({ kind: 'point', panel: panel.get(p.population), key: colourKey(shown.find((s) => s.name === p.population)!), ...p })),
    ...fits.flatMap((f) => f.slope === null ? [] : [{ kind: 'line', panel: panel.get(f.population), x1: lo, x2: hi, y1: f.intercept! + f.slope * lo, y2: f.intercept! + f.slope * hi }]),
    ...fits.map((f) => ({ kind: 'r', panel: panel.get(f.population), text: `r = ${fmt(f.r, 2)} (n = ${f.n})` })),
  ];
  return {
    name, caption,
    summary: `Per population, the words' ${scale} ratings against their internal ΔE. ` + listSummary(fits.map((f) => `${f.population}: r = ${fmt(f.r, 3)} over ${f.n} words`)),
    rows: [...points.map((p) => ({ ...p, scale })), ...fits.map((f) => ({ population: f.population, scale, n: f.n, r: f.r, slope: f.slope, intercept: f.intercept }))],
    spec: panelFacets(data, [...panel.values()], columns, size, [
      {
        transform: [{ filter: "datum.kind == 'point'" }],
        mark: { type: 'point', filled: true, opacity: 0.6, size: 18 },
        encoding: {
          x: { field: 'rating', type: 'quantitative', title: `${scale} rating`, scale: { zero: false } },
          y: { field: 'internal', type: 'quantitative', title: 'internal ΔE' },
          color: { field: 'key', type: 'nominal', scale: colourScale(shown), legend: null },
          tooltip: [{ field: 'word' }, { field: 'rating', format: '.2f' }, { field: 'internal', format: '.2f', title: 'internal ΔE' }],
        },
      },
      {
        transform: [{ filter: "datum.kind == 'line'" }],
        mark: { type: 'rule', color: foreground(), strokeWidth: 1.5 },
        encoding: { x: { field: 'x1', type: 'quantitative' }, x2: { field: 'x2' }, y: { field: 'y1', type: 'quantitative' }, y2: { field: 'y2' } },
      },
      {
        transform: [{ filter: "datum.kind == 'r'" }],
        mark: { type: 'text', align: 'left', baseline: 'top', x: 4, y: 4 },
        encoding: { text: { field: 'text' } },
      },
    ]),
  };
}
