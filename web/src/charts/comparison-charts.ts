// The paper's comparison figures (Figs. 3 and 4): a column per model family
// titled by its two models, a row per condition in the paper's order, the
// non-aligned model light and the aligned one dark, NA where a model has no
// data, and the human baseline drawn across and named in the legend.
import type { ColorReport, ConceptReport } from '../report-types';
import type { Drawing } from './figure';
import { SCHEMA, fmt, listSummary } from './common';
import { categoryMeans, humanBaselines } from './concept-charts';
import { columnWidth, widestLabel, wrapText } from './layout';
import { type Labelled, CONDITIONS, alignmentOf, colourKey, colourScale, conditionLabel, conditionRank, familyOf, populationOrder } from './palette';
import { foreground } from './theme';

export const METRIC_TITLES: Record<string, string> = {
  dist_from_diagonal: 'mean distance from the line of unity (ΔE)',
  p_multiple_concepts: 'P(multiple concepts)',
  last_p_multiple_concepts: 'P(multiple concepts), last iteration',
};

interface Bar { family: string; condition: string; rank: number; category: string; member: string; model: string; key: string; mean: number | null; low: number | null; high: number | null }

// "openchat vs. starling": the family's non-aligned and aligned models.
export function familyTitle(members: Labelled[]): string {
  const side = (aligned: boolean | null) => [...new Set(members.filter((m) => m.aligned === aligned).map((m) => m.model || m.name))].join('/');
  const light = side(false), dark = side(true), other = side(null);
  return light && dark ? `${light} vs. ${dark}` : [light, dark, other].filter(Boolean).join(', ');
}

function conditionsOf(llms: Labelled[]): string[] {
  const seen = [...new Set(llms.map((p) => conditionLabel(p.prompt, p.temperature)))];
  const paper = CONDITIONS.map(([p, t]) => conditionLabel(p, t)).filter((c) => seen.includes(c));
  return [...paper, ...seen.filter((c) => !paper.includes(c)).sort()];
}

// Bars for every (family, condition, category, model), with a null mean —
// drawn as NA — where the model has no population in that condition.
function pairBars(llms: Labelled[], categories: string[], value: (p: Labelled, category: string) => { mean: number | null; low: number | null; high: number | null } | null): Bar[] {
  const bars: Bar[] = [];
  const conditions = conditionsOf(llms);
  for (const family of [...new Set(llms.map(familyOf))]) {
    const members = llms.filter((p) => familyOf(p) === family);
    const models = [...new Map(members.map((m) => [m.model || m.name, m])).values()].sort((a, b) => (a.aligned === true ? 1 : 0) - (b.aligned === true ? 1 : 0));
    for (const condition of conditions) {
      for (const category of categories) {
        for (const model of models) {
          const p = members.find((m) => (m.model || m.name) === (model.model || model.name) && conditionLabel(m.prompt, m.temperature) === condition);
          const v = p ? value(p, category) : null;
          bars.push({
            family, condition, rank: conditionRank(p ?? model), category, member: alignmentOf(model) || model.model || model.name,
            model: model.model || model.name, key: colourKey(model), mean: v?.mean ?? null, low: v?.low ?? null, high: v?.high ?? null,
          });
        }
      }
    }
  }
  return bars;
}

interface Reference { label: string; value: number; low?: number | null; high?: number | null; dash: number[] }

function pairsSpec(bars: Bar[], llms: Labelled[], _title: string, references: Reference[], categories: string[], yMax: number | null) {
  const families = [...new Set(bars.map((b) => b.family))];
  const conditions = [...new Set(bars.map((b) => b.condition))];
  // Room for the y axis on the left and the condition names, upright in two
  // lines as in the paper, on the right.
  const available = columnWidth() - 50 - 2 * 16 - 24;
  const panel = Math.max(70, Math.floor((available - 10 * (families.length - 1)) / families.length));
  const titles = new Map(families.map((f) => [f, wrapText(familyTitle(llms.filter((p) => familyOf(p) === f)), panel).join('\n')]));
  const rows = bars.map((b) => ({ ...b, column: titles.get(b.family), na: b.mean === null ? 'NA' : '' }));
  const scale = colourScale(llms);
  const split = categories.length > 1;
  // Category names side by side while each fits its share of the panel;
  // on a narrow panel (a phone, many families) they stand upright instead
  // of running into each other.
  const upright = widestLabel(categories) + 8 > panel / categories.length;
  const x = split
    ? { field: 'category', type: 'nominal', sort: categories, title: null,
      axis: upright ? { labelAngle: -90, labelAlign: 'right', labelBaseline: 'middle' } : { labelAngle: 0 } }
    : { field: 'model', type: 'nominal', title: null, axis: null, sort: [...new Set(bars.map((b) => b.model))] };
  // Side by side per model, non-aligned first: a family may have two
  // aligned models (Llama-Chat and Tulu-DPO).
  const models = [...new Set(bars.map((b) => b.model))];
  const offset = { xOffset: { field: 'model', type: 'nominal', sort: models } };
  const layers: unknown[] = [];
  for (const r of references) {
    if (r.low !== undefined && r.low !== null && r.high !== undefined && r.high !== null) {
      layers.push({ data: { values: [r] }, mark: { type: 'rect', color: foreground(), opacity: 0.1 }, encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } });
    }
  }
  layers.push(
    {
      transform: [{ filter: 'datum.mean != null' }],
      mark: { type: 'bar' },
      encoding: {
        x, ...(split ? offset : {}),
        // One axis title for the whole grid is the caption's; repeated per
        // row they would overlap.
        // End labels flush inside each panel: rows of panels are 8 px
        // apart, and one row's 0.0 would otherwise sit on the next row's 1.0.
        y: { field: 'mean', type: 'quantitative', title: null, axis: { labelFlush: true }, ...(yMax !== null ? { scale: { domain: [0, yMax] } } : {}) },
        color: { field: 'key', type: 'nominal', scale, title: 'model (light: not aligned, dark: aligned)', legend: { orient: 'bottom', direction: 'horizontal', columns: Math.max(1, Math.floor((columnWidth() - 60) / (widestLabel(scale.domain) + 48))) } },
        tooltip: [{ field: 'model' }, { field: 'condition' }, ...(split ? [{ field: 'category' }] : []), { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f', title: '2.5%' }, { field: 'high', format: '.3f', title: '97.5%' }],
      },
    },
    {
      transform: [{ filter: 'datum.mean != null && datum.low != null' }],
      mark: { type: 'rule', color: foreground() },
      encoding: { x, ...(split ? offset : {}), y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
    },
    {
      transform: [{ filter: 'datum.mean == null' }],
      mark: { type: 'text', fontSize: 10, baseline: 'bottom', dy: -2, color: foreground(), opacity: 0.7 },
      encoding: { x, ...(split ? offset : {}), y: { datum: 0, type: 'quantitative' }, text: { field: 'na' } },
    },
  );
  if (references.length > 0) {
    layers.push({
      data: { values: references },
      mark: { type: 'rule', strokeWidth: 1.5, color: foreground() },
      encoding: {
        y: { field: 'value', type: 'quantitative' },
        strokeDash: { field: 'label', type: 'nominal', title: null, scale: { domain: references.map((r) => r.label), range: references.map((r) => r.dash) }, legend: { orient: 'top', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 1.5, symbolSize: 400 } },
      },
    });
  }
  return {
    $schema: SCHEMA,
    data: { values: rows },
    facet: {
      column: { field: 'column', type: 'nominal', sort: families.map((f) => titles.get(f)), title: null, header: { labelExpr: "split(datum.label, '\\n')", labelFontWeight: 600 } },
      row: { field: 'condition', type: 'nominal', sort: conditions, title: null, header: { labelOrient: 'right', labelAngle: 90, labelExpr: "split(datum.label, ' · ')" } },
    },
    spacing: { column: 10, row: 8 },
    spec: { width: panel, height: 86, layer: layers },
    resolve: { scale: { color: 'shared', strokeDash: 'shared' } },
  };
}

export function conceptPairsFigure(report: ConceptReport): Drawing {
  const name = 'comparison-concept';
  const caption = 'Conceptual similarity: model pairs by prompt and temperature (the paper’s Fig. 4): P(multiple concepts), mean over a category’s concepts with 95% intervals, animals and politicians side by side; the human baselines dashed and dotted';
  const llms = populationOrder(report.populations).filter((p) => !p.human && p.concepts.some((c) => c.subsets.length > 0));
  if (llms.length === 0) return { name, caption, empty: 'No model populations with clustered concepts to compare.' };
  const means = categoryMeans(report);
  const categories = ['animals', 'politicians', 'other'].filter((c) => means.some((m) => m.category === c));
  const bars = pairBars(llms, categories, (p, category) => means.find((m) => m.population === p.name && m.category === category) ?? null);
  const baselines = humanBaselines(report);
  const references: Reference[] = baselines.map((b, i) => ({ label: `human baseline (${b.category}) ${fmt(b.baseline, 3)}`, value: b.baseline, dash: i === 0 ? [6, 4] : [2, 3] }));
  return {
    name, caption,
    summary: `${new Set(bars.map((b) => b.family)).size} model families × ${new Set(bars.map((b) => b.condition)).size} conditions. ` +
      (baselines.length ? `Human baselines: ${baselines.map((b) => `${b.category} ${fmt(b.baseline, 3)}`).join(', ')}. ` : 'No human baseline among the inputs. ') +
      listSummary(bars.map((b) => `${b.model}, ${b.condition}, ${b.category}: ${fmt(b.mean, 3)}`)),
    rows: [...bars.map(({ key: _key, rank: _rank, ...b }) => b), ...baselines.map((b) => ({ family: 'human', model: b.population, condition: 'baseline', category: b.category, member: 'human', mean: b.baseline, low: null, high: null }))],
    spec: pairsSpec(bars, llms, 'P(multiple concepts)', references, categories, 1),
  };
}

export function colorPairsFigure(report: ColorReport): Drawing {
  const name = 'comparison-color';
  const caption = 'Word–colour associations: model pairs by prompt and temperature (the paper’s Fig. 3): mean distance from the line of unity with bootstrap 95% intervals; the humans’ mean and interval across';
  const llms = populationOrder(report.populations).filter((p) => !p.human && p.dist_from_diagonal.mean !== null);
  if (llms.length === 0) return { name, caption, empty: 'No model populations among the colour inputs to compare (only humans).' };
  const metric = (p: Labelled) => report.comparisons.conditions.find((c) => c.population === p.name)?.metrics.dist_from_diagonal;
  const bars = pairBars(llms, ['all'], (p) => {
    const m = metric(p);
    return m ? { mean: m.mean, low: m.bootstrap_ci95?.[0] ?? null, high: m.bootstrap_ci95?.[1] ?? null } : null;
  });
  const human = report.comparisons.human_baseline.find((b) => b.metric === 'dist_from_diagonal');
  const references: Reference[] = human?.mean !== null && human?.mean !== undefined
    ? [{ label: `${human.population} ${fmt(human.mean, 2)}`, value: human.mean, low: human.bootstrap_ci95?.[0] ?? human.ci95[0], high: human.bootstrap_ci95?.[1] ?? human.ci95[1], dash: [6, 4] }]
    : [];
  return {
    name, caption,
    summary: (human?.mean != null ? `Humans: ${fmt(human.mean, 2)}. ` : '') + listSummary(bars.map((b) => `${b.model}, ${b.condition}: ${fmt(b.mean, 2)}`)),
    rows: bars.map(({ key: _key, rank: _rank, category: _category, ...b }) => b),
    spec: pairsSpec(bars, llms, 'distance from the line of unity (ΔE)', references, ['all'], null),
  };
}
