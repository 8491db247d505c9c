// Small pieces shared by the figure modules.
import { columnWidth, facetColumns, widestLabel } from './layout';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function fmt(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'NA' : value.toFixed(digits);
}

// A legend under the plot, in as many columns as fit its width, so a long
// list of families does not widen the figure.
export function bottomLegend(entries: string[], width: number, title: string | null) {
  // An entry is its symbol, the gaps around it and its label.
  const columns = facetColumns(entries.length, Math.min(width, columnWidth() - 60), widestLabel(entries) + 48, 0);
  return { orient: 'bottom', direction: 'vertical', columns, title };
}

// "a; b; c" for a figure's text description.
export function listSummary(items: string[]): string {
  return items.length === 0 ? '' : `${items.join('; ')}.`;
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
