// The look shared by every figure: type sizes that stay readable when a
// figure is printed at one (3.3 in) or two (6.8 in) columns, no label ever
// cut short, and light or dark as the page around them is (the page follows
// the reader's prefers-color-scheme): figures take the page's text colour
// as their ink.
import { LABEL } from './opaque-keys';

// A figure drawn for print (a journal's column) rather than the screen:
// black ink on white whatever the page's scheme, the print font, and the
// column width, in the figure's own units, that its layout fits to.
export interface PrintLook { column: number }
let printLook: PrintLook | null = null;

export function drawingForPrint(): PrintLook | null {
  return printLook;
}

// Runs `build` (which must not await) as if the page were a print column.
export function withPrintLook<T>(look: PrintLook, build: () => T): T {
  const before = printLook;
  printLook = look;
  try {
    return build();
  } finally {
    printLook = before;
  }
}

function pageInk(): [number, number, number] {
  if (printLook) return [0, 0, 0];
  const colour = typeof document === 'undefined' ? '' : getComputedStyle(document.body).color;
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [27, 27, 27];
}

export function darkScheme(): boolean {
  const [r, g, b] = pageInk();
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128;
}

export function foreground(): string {
  return `#${pageInk().map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

// Calls `redraw` whenever the reader's scheme switches between light and
// dark: figures drawn before keep the old scheme's ink until drawn again.
export function onSchemeChange(redraw: () => void) {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
// Print figures name the font the PDF embeds (DejaVu Sans, matplotlib's
// default, so common in journals), then near relatives for an SVG opened
// where it is not installed.
export const PRINT_FONT = '"DejaVu Sans", Verdana, Geneva, sans-serif';

export function chartFont(): string {
  return printLook ? PRINT_FONT : FONT;
}
export const LABEL_SIZE = 12;
export const TITLE_SIZE = 13;

export function vegaConfig() {
  const ink = foreground();
  const grid = darkScheme() ? '#444' : '#e4e4e4';
  const font = chartFont();
  // Print text is of one weight: the PDF embeds the regular face only.
  const weight = printLook ? 'normal' : 600;
  const printWeight = printLook ? { titleFontWeight: 'normal' } : {};
  // labelLimit 0: Vega's default cuts labels at 180 px with an ellipsis.
  // Every label drops the prefix that keeps names opaque to Vega.
  const text = { labelExpr: LABEL, labelFont: font, titleFont: font, labelFontSize: LABEL_SIZE, titleFontSize: TITLE_SIZE, labelColor: ink, titleColor: ink, labelLimit: 0, titleLimit: 0 };
  return {
    aria: false,   // the figure's caption and description speak for it
    background: printLook ? 'white' : null,
    font,
    view: { stroke: darkScheme() ? '#666' : '#bbb' },
    axis: { ...text, domainColor: ink, tickColor: ink, gridColor: grid, titleFontWeight: weight },
    legend: { ...text, symbolLimit: 0, columns: 1, titleFontWeight: weight },
    header: { ...text, labelFontSize: LABEL_SIZE, titleFontSize: TITLE_SIZE, ...printWeight, labelPadding: 4 },
    title: { font, ...(printLook ? { fontWeight: 'normal' } : {}), color: ink, fontSize: TITLE_SIZE + 1, limit: 0 },
    text: { font, fill: ink, limit: 0 },
    facet: { spacing: 14 },
    concat: { spacing: 14 },
  };
}
