// The paper's comparison figures (Figs. 3 and 4): a column per model family
// titled by its models, a row per condition in the paper's order, a hue per
// concept category (one for the colour task), the non-aligned model light
// and the aligned one dark, NA where a model has no data, and the human
// baselines, each over its own category, named in the legend.
import type { ColorReport, ConceptReport } from '../report-types';
import type { Drawing } from './figure';
import { SCHEMA, fmt, listSummary } from './common';
import { CATEGORY_COLOURS, P_MULTIPLE_DEFINITION, baselineSource, categoryOrder, categorySummaries, humanBaselines, leftOutNote } from './concept-measure';
import { columnWidth, facetColumns, wrapText } from './layout';
import { type Labelled, CONDITIONS, alignmentOf, conditionLabel, conditionRank, familyOf, modelName, populationOrder } from './palette';
import { TITLE_SIZE, foreground } from './theme';

export const METRIC_TITLES: Record<string, string> = {
  dist_from_diagonal: 'mean distance from the line of unity (ΔE)',
  p_multiple_concepts: 'P(multiple concepts)',
  last_p_multiple_concepts: 'P(multiple concepts), last iteration',
};

interface Bar {
  // population: the report's name of the bar's population (empty for NA),
  // the key a reader of the figure's CSV joins on.
  population: string; family: string; condition: string; rank: number; category: string; member: string; model: string; model_label: string;
  role: string; second: boolean; mean: number | null; low: number | null; high: number | null;
}

// The models of a family in the paper's order: non-aligned first, and on
// each side in the order of the family's title.
function familyModels(members: Labelled[]): Labelled[] {
  const side = (p: Labelled) => (p.aligned === false ? 0 : p.aligned === true ? 2 : 1);
  return [...new Map(members.map((m) => [m.model || m.name, m])).values()].sort((a, b) => side(a) - side(b));
}

// "openchat vs. starling": the family's non-aligned and aligned models; a
// model without a single bar is marked "(no data)", as the paper writes
// Llama in red.
export function familyTitle(members: Labelled[], missing: Set<string> = new Set()): string {
  const name = (m: Labelled) => `${modelName(m)}${missing.has(m.model || m.name) ? ' (no data)' : ''}`;
  const side = (aligned: boolean | null) => [...new Set(familyModels(members).filter((m) => m.aligned === aligned).map(name))].join('/');
  const light = side(false), dark = side(true), other = side(null);
  return light && dark ? `${light} vs. ${dark}` : [light, dark, other].filter(Boolean).join(', ');
}

function conditionsOf(llms: Labelled[]): string[] {
  const seen = [...new Set(llms.map((p) => conditionLabel(p.prompt, p.temperature)))];
  const paper = CONDITIONS.map(([p, t]) => conditionLabel(p, t)).filter((c) => seen.includes(c));
  return [...paper, ...seen.filter((c) => !paper.includes(c)).sort()];
}

// A model's role in its family's pair: its side (aligned or not) and
// whether it is the second model named on that side (Tulu after Llama-2),
// which is drawn in a second shade with a dashed outline.
function sideOf(p: Labelled): string {
  return alignmentOf(p) || 'alignment unknown';
}

// Bars for every (family, condition, category, model), with a null mean —
// drawn as NA — where the model has no population in that condition.
function pairBars(llms: Labelled[], categories: string[], value: (p: Labelled, category: string) => { mean: number | null; low: number | null; high: number | null } | null): Bar[] {
  const bars: Bar[] = [];
  const conditions = conditionsOf(llms);
  for (const family of [...new Set(llms.map(familyOf))]) {
    const members = llms.filter((p) => familyOf(p) === family);
    const models = familyModels(members);
    for (const condition of conditions) {
      for (const category of categories) {
        for (const model of models) {
          const key = model.model || model.name;
          const p = members.find((m) => (m.model || m.name) === key && conditionLabel(m.prompt, m.temperature) === condition);
          const v = p ? value(p, category) : null;
          const second = models.filter((m) => sideOf(m) === sideOf(model)).indexOf(model) > 0;
          bars.push({
            population: p?.name ?? '', family, condition, rank: conditionRank(p ?? model), category, member: alignmentOf(model) || key, model: key, model_label: modelName(model),
            role: sideOf(model), second, mean: v?.mean ?? null, low: v?.low ?? null, high: v?.high ?? null,
          });
        }
      }
    }
  }
  return bars;
}

// Per category (or 'all' for a figure without categories) the shades of
// the paper: light for a non-aligned model, dark for an aligned one; the
// second model named on a side a shade further.
const SHADES: Record<string, Record<string, [string, string]>> = {
  animals: { 'not aligned': ['#FDBF6F', '#F59C45'], aligned: ['#E8731A', '#A9520F'], 'alignment unknown': ['#F2994A', '#C8701F'] },
  politicians: { 'not aligned': ['#A6CEE3', '#6FA6D8'], aligned: ['#2C6FB7', '#1A4680'], 'alignment unknown': ['#5F95C9', '#3D6FA3'] },
  all: { 'not aligned': ['#B2DF8A', '#86C45E'], aligned: ['#33A02C', '#1F6B19'], 'alignment unknown': ['#6DB84A', '#4C8F33'] },
  other: { 'not aligned': ['#CFCFCF', '#A8A8A8'], aligned: ['#666666', '#3F3F3F'], 'alignment unknown': ['#999999', '#777777'] },
};
const LEGEND_GREYS: Record<string, [string, string]> = { 'not aligned': ['#D0D0D0', '#A0A0A0'], aligned: ['#3A3A3A', '#6A6A6A'], 'alignment unknown': ['#909090', '#707070'] };
const SECOND_DASH = [4, 2];
const ROLE_ORDER = ['not aligned', 'alignment unknown', 'aligned'];
const BAR_HEIGHT = 86;

export interface Reference { label: string; value: number; category: string | null; colour: string; low?: number | null; high?: number | null; dash: number[] }

function shadeKey(category: string, role: string, second: boolean): string {
  return `${category}|${role}|${second ? 2 : 1}`;
}

// The y axis's top: the given one, else the largest value drawn, rounded up.
function axisTop(bars: Bar[], references: Reference[]): number {
  const largest = Math.max(0, ...bars.flatMap((b) => [b.mean ?? 0, b.high ?? 0]), ...references.flatMap((r) => [r.value, r.high ?? 0]));
  if (largest <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(largest));
  return Math.ceil(largest / step) * step;
}

interface Axes { y: string; x: string }

// The paper's columns, left to right.
const PAPER_FAMILIES = ['openchat_starling', 'mistral', 'gemma', 'llama'];

function pairsSpec(bars: Bar[], llms: Labelled[], axes: Axes, references: Reference[], categories: string[], yMax: number | null) {
  const seen = [...new Set(bars.map((b) => b.family))];
  const families = [...PAPER_FAMILIES.filter((f) => seen.includes(f)), ...seen.filter((f) => !PAPER_FAMILIES.includes(f))];
  const conditions = [...new Set(bars.map((b) => b.condition))];
  const split = categories.length > 1;
  const ink = foreground();
  const top = yMax ?? axisTop(bars, references);
  // Models without a single value are named as such in their family's title.
  const missing = new Set(bars.map((b) => b.model).filter((m) => bars.every((b) => b.model !== m || b.mean === null)));
  // Families side by side while a panel keeps a readable width, else fewer
  // per row (a phone shows one family per row): never a figure shrunk
  // below its text size.
  // The y title, upright beside the grid, in lines no taller than the grid.
  const yTitle = wrapText(axes.y, conditions.length * (BAR_HEIGHT + 8), TITLE_SIZE);
  // Room for the y labels, the title's lines and the condition names
  // (two upright lines) on the right.
  const room = columnWidth() - 60 - 18 * yTitle.length - 40;
  const perRow = facetColumns(families.length, room, 150, 10);
  const panel = Math.max(150, Math.floor((room - 10 * (perRow - 1)) / perRow));
  const titles = new Map(families.map((f) => [f, wrapText(familyTitle(llms.filter((p) => familyOf(p) === f), missing), panel).join('\n')]));
  // A bar above zero is drawn at least 2 px tall, so no value hides in the
  // axis line; its value is in the tooltip, the description and the CSV.
  const minimum = (2 * top) / BAR_HEIGHT;
  const rows = bars.map((b) => ({
    ...b, column: titles.get(b.family), na: b.mean === null ? 'NA' : b.mean === 0 ? '0' : '',
    shown: b.mean === null ? null : b.mean > 0 ? Math.max(b.mean, minimum) : 0,
    shade: shadeKey(split ? b.category : categories[0] ?? 'all', b.role, b.second),
  }));
  const roles = ROLE_ORDER.filter((r) => bars.some((b) => b.role === r));
  const shades = categories.flatMap((c) => roles.flatMap((r) => [false, true].map((second) => ({ key: shadeKey(c, r, second), colour: (SHADES[c] ?? SHADES.other)[r][second ? 1 : 0] }))));
  // The legend names each role; the second model on a side by its models.
  const legendEntries = roles.flatMap((r) => {
    const seconds = [...new Set(bars.filter((b) => b.role === r && b.second).map((b) => b.model_label))];
    return [{ label: `${r} model`, colour: LEGEND_GREYS[r][0], second: false },
      ...(seconds.length ? [{ label: `${r}, 2nd named: ${seconds.join(', ')} (dashed)`, colour: LEGEND_GREYS[r][1], second: true }] : [])];
  });
  const secondPositions = legendEntries.flatMap((e, i) => (e.second ? [i] : []));
  const x = split
    ? { field: 'category', type: 'nominal', sort: categories, title: null, axis: { labelAngle: 0 } }
    : { field: 'model', type: 'nominal', title: null, axis: null, sort: [...new Set(bars.map((b) => b.model))] };
  // Side by side per model, non-aligned first: a family may have two
  // aligned models (Llama-Chat and Tulu-DPO).
  const models = [...new Set(bars.map((b) => b.model))];
  const offset = { xOffset: { field: 'model', type: 'nominal', sort: models } };
  const offsets = split ? offset : {};
  const y = { type: 'quantitative', scale: { domain: [0, top], nice: false, clamp: true } };
  const slot = (0.85 * panel) / Math.max(1, categories.length) / Math.max(1, ...families.map((f) => new Set(bars.filter((b) => b.family === f).map((b) => b.model)).size));
  const layers: unknown[] = [];
  for (const r of references) {
    if (r.low !== undefined && r.low !== null && r.high !== undefined && r.high !== null) {
      layers.push({ data: { values: [r] }, mark: { type: 'rect', color: r.colour, opacity: 0.1 }, encoding: { y: { field: 'low', ...y }, y2: { field: 'high' } } });
    }
  }
  layers.push(
    {
      transform: [{ filter: 'datum.shown != null && datum.shown > 0' }],
      mark: { type: 'bar', strokeWidth: 1.2 },
      encoding: {
        x, ...offsets,
        y: { field: 'shown', ...y, title: null, axis: { labelFlush: true, tickCount: 3 } },
        fill: { field: 'shade', type: 'nominal', scale: { domain: shades.map((s) => s.key), range: shades.map((s) => s.colour) }, legend: null },
        stroke: { condition: { test: 'datum.second', value: ink }, value: null },
        strokeDash: { condition: { test: 'datum.second', value: SECOND_DASH }, value: [] },
        tooltip: [{ field: 'model_label', title: 'model' }, { field: 'condition' }, ...(split ? [{ field: 'category' }] : []), { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }],
      },
    },
    {
      transform: [{ filter: 'datum.mean != null && datum.low != null' }],
      mark: { type: 'rule', color: ink },
      encoding: { x, ...offsets, y: { field: 'low', ...y }, y2: { field: 'high' } },
    },
    {
      // NA (no value) or 0 (a value of exactly zero, which draws no bar)
      // in the model's slot, upright when the slot is too narrow for it
      // lying down, so it never runs onto a neighbour's bar.
      transform: [{ filter: "datum.na != ''" }],
      mark: slot < 20
        ? { type: 'text', fontSize: 10, angle: 270, align: 'left', baseline: 'middle', dy: 0, dx: 0, color: ink, opacity: 0.75 }
        : { type: 'text', fontSize: 10, baseline: 'bottom', dy: -2, color: ink, opacity: 0.75 },
      encoding: { x, ...(split ? { xOffset: { ...offset.xOffset, bandPosition: 0.5 } } : {}), y: { datum: 0, ...y }, text: { field: 'na' } },
    },
    {
      // The legend of the models' roles, in greys as the paper's: drawn
      // by a layer without marks.
      data: { values: [] },
      mark: { type: 'bar' },
      encoding: {
        color: {
          field: 'role_label', type: 'nominal', title: null,
          scale: { domain: legendEntries.map((e) => e.label), range: legendEntries.map((e) => e.colour) },
          legend: {
            orient: 'bottom', direction: 'vertical', columns: 1, symbolType: 'square', symbolSize: 160,
            encode: { symbols: { update: {
              // Every swatch outlined in ink, so a dark one shows on a
              // dark page; the second models' outline dashed.
              stroke: { value: ink },
              // By position in the legend, not by label: a model's name never
              // goes into an expression.
              strokeDash: [{ test: `indexof(${JSON.stringify(secondPositions)}, datum.index) >= 0`, value: SECOND_DASH }, { value: [] }],
              strokeWidth: { value: 1.2 },
            } } },
          },
        },
      },
    },
  );
  if (references.length > 0) {
    // Each baseline over its own category's bars (the paper: animals
    // dashed orange, politicians dotted blue), or across a figure without
    // categories.
    const perCategory = split && references.every((r) => r.category !== null && categories.includes(r.category));
    layers.push({
      data: { values: references },
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: {
        ...(perCategory ? {
          x: { field: 'category', type: 'nominal', sort: categories, bandPosition: 0 },
          x2: { field: 'category', bandPosition: 1 },
        } : {}),
        y: { field: 'value', ...y },
        stroke: { field: 'label', type: 'nominal', title: null, scale: { domain: references.map((r) => r.label), range: references.map((r) => r.colour) }, legend: { orient: 'top', direction: 'vertical', symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400 } },
        strokeDash: { field: 'label', type: 'nominal', title: null, scale: { domain: references.map((r) => r.label), range: references.map((r) => r.dash) } },
      },
    });
  }
  const grid = (chunk: string[]) => ({
    ...(perRow < families.length ? { transform: [{ filter: { field: 'family', oneOf: chunk } }] } : {}),
    facet: {
      column: { field: 'column', type: 'nominal', sort: chunk.map((f) => titles.get(f)), title: axes.x, header: { labelExpr: "split(datum.label, '\\n')", labelFontWeight: 600, titleOrient: 'bottom', labelOrient: 'top' } },
      row: { field: 'condition', type: 'nominal', sort: conditions, title: yTitle, header: { labelOrient: 'right', labelAngle: 90, labelExpr: "split(datum.label, ' · ')", titleOrient: 'left' } },
    },
    spacing: { column: 10, row: 8 },
    spec: { width: panel, height: BAR_HEIGHT, layer: layers },
    // Each panel spreads its own models over its category (or its width).
    resolve: { scale: { [split ? 'xOffset' : 'x']: 'independent', fill: 'shared', color: 'shared', stroke: 'shared', strokeDash: 'shared' } },
  });
  const chunks: string[][] = [];
  for (let i = 0; i < families.length; i += perRow) chunks.push(families.slice(i, i + perRow));
  return {
    $schema: SCHEMA,
    data: { values: rows },
    ...(chunks.length === 1 ? grid(chunks[0]) : { vconcat: chunks.map(grid), spacing: 16 }),
  };
}

export function conceptPairsFigure(report: ConceptReport): Drawing {
  const name = 'comparison-concept';
  const { values, interval } = categorySummaries(report);
  const baselines = humanBaselines(report);
  const caption = 'Conceptual similarity: model pairs by prompt and temperature (the paper’s Fig. 4). ' +
    `Bars: P(multiple concepts), the report’s mean over a category’s concepts (posterior mean at each concept’s largest subset) with ${interval}; ` +
    'orange animals, blue politicians, light the non-aligned model and dark the aligned one, the second model named on a side a shade further with a dashed outline; ' +
    'NA: no concept counted in that condition (none clustered, or each below the min-people setting); 0: exactly zero; a bar above zero is drawn at least 2 px tall. ' +
    `${baselineSource(report, baselines)} Each baseline is drawn over its own category (animals dashed, politicians dotted). ${P_MULTIPLE_DEFINITION}.`;
  const llms = populationOrder(report.populations).filter((p) => !p.human);
  const categories = categoryOrder(values.map((v) => v.category));
  if (llms.length === 0 || !values.some((v) => llms.some((p) => p.name === v.population))) {
    return { name, caption, empty: report.comparisons.populations ? 'No model population has a clustered concept to compare.' : 'This report carries no per-category summaries (comparisons.populations) to draw.' };
  }
  const bars = pairBars(llms, categories, (p, category) => values.find((m) => m.population === p.name && m.category === category) ?? null);
  const references: Reference[] = baselines.map((b, i) => ({
    label: `human baseline (${b.category}) ${fmt(b.baseline, 3)}`, value: b.baseline, category: b.category,
    colour: CATEGORY_COLOURS.range[CATEGORY_COLOURS.domain.indexOf(b.category)] ?? foreground(), dash: [[6, 4], [2, 3], [8, 3, 2, 3]][Math.min(i, 2)],
  }));
  return {
    name, caption, note: leftOutNote(report),
    summary: `${new Set(bars.map((b) => b.family)).size} model families × ${new Set(bars.map((b) => b.condition)).size} conditions. ` +
      (baselines.length ? `Human baselines: ${baselines.map((b) => `${b.category} ${fmt(b.baseline, 3)}`).join(', ')}. ` : 'No human baseline among the inputs. ') +
      listSummary(bars.map((b) => `${b.model_label}, ${b.condition}, ${b.category}: ${fmt(b.mean, 3)}`)),
    rows: [...bars.map(({ rank: _rank, role: _role, second: _second, ...b }) => b), ...baselines.map((b) => ({ family: 'human', model: b.population, condition: 'baseline', category: b.category, member: 'human', mean: b.baseline, low: null, high: null }))],
    spec: pairsSpec(bars, llms, { y: 'P(multiple concepts)', x: 'concept category' }, references, categories, 1),
  };
}

export function colorPairsFigure(report: ColorReport): Drawing {
  const name = 'comparison-color';
  const llms = populationOrder(report.populations).filter((p) => !p.human && p.dist_from_diagonal.mean !== null);
  const human = report.comparisons.human_baseline.find((b) => b.metric === 'dist_from_diagonal');
  const drawnHuman = human?.mean !== null && human?.mean !== undefined;
  const caption = 'Word–colour associations: model pairs by prompt and temperature (the paper’s Fig. 3): mean distance from the line of unity with bootstrap 95% intervals; ' +
    'light the non-aligned model and dark the aligned one, the second model named on a side a shade further with a dashed outline' +
    '; NA: no population of that model in that condition' +
    (drawnHuman ? '; dashed across, with its shaded interval: the humans’ mean' : '; no human population among the inputs, so no baseline');
  if (llms.length === 0) return { name, caption, empty: 'No model populations among the colour inputs to compare (only humans).' };
  const metric = (p: Labelled) => report.comparisons.conditions.find((c) => c.population === p.name)?.metrics.dist_from_diagonal;
  const bars = pairBars(llms, ['all'], (p) => {
    const m = metric(p);
    return m ? { mean: m.mean, low: m.bootstrap_ci95?.[0] ?? null, high: m.bootstrap_ci95?.[1] ?? null } : null;
  });
  const references: Reference[] = drawnHuman
    ? [{ label: `${human.population} ${fmt(human.mean, 2)}`, value: human.mean!, category: null, colour: foreground(), low: human.bootstrap_ci95?.[0] ?? human.ci95[0], high: human.bootstrap_ci95?.[1] ?? human.ci95[1], dash: [6, 4] }]
    : [];
  return {
    name, caption,
    summary: (drawnHuman ? `Humans: ${fmt(human.mean, 2)}. ` : '') + listSummary(bars.map((b) => `${b.model_label}, ${b.condition}: ${fmt(b.mean, 2)}`)),
    rows: bars.map(({ rank: _rank, category: _category, role: _role, second: _second, ...b }) => b),
    spec: pairsSpec(bars, llms, { y: 'distance from the line of unity (ΔE)', x: 'model alignment' }, references, ['all'], null),
  };
}
