// Sizes that keep every figure inside the page's column at any number of
// populations, and label text wrapped rather than cut.
import { LABEL_SIZE, chartFont, drawingForPrint } from './theme';

let context: CanvasRenderingContext2D | null = null;

export function textWidth(text: string, size = LABEL_SIZE): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * size * 0.6;
  context.font = `${size}px ${chartFont()}`;
  return context.measureText(text).width;
}

export function widestLabel(labels: string[], size = LABEL_SIZE): number {
  return Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, size))));
}

// The width a figure may take: the results column, read from the page's main
// column (the results section may still be hidden while figures are drawn).
export function columnWidth(): number {
  const print = drawingForPrint();
  if (print) return print.column;
  const main = document.querySelector('main');
  const width = main?.clientWidth ?? 1000;
  return Math.max(320, Math.min(width, 1200) - 8);
}

// Greedy word wrap into lines no wider than `width` pixels; a single word
// wider than that stays whole on its own line.
export function wrapText(text: string, width: number, size = LABEL_SIZE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

// Bar height per row: roomy for a few populations, compact for a hundred.
export function rowStep(rows: number): number {
  return rows <= 12 ? 22 : rows <= 30 ? 17 : 14;
}

// How many facet columns of at least `minimum` px (plus spacing) fit.
export function facetColumns(count: number, available: number, minimum: number, spacing = 14): number {
  return Math.max(1, Math.min(count, Math.floor((available + spacing) / (minimum + spacing))));
}

// Small multiples that wrap to the column: how many panels a row and how
// wide each, between `minimum` and `maximum` px, after `axisRoom`.
export function panelGrid(count: number, minimum: number, maximum: number, axisRoom: number) {
  const available = columnWidth() - axisRoom;
  const columns = facetColumns(count, available, minimum);
  const size = Math.min(maximum, Math.floor((available - 14 * (columns - 1)) / columns));
  return { columns, size };
}
