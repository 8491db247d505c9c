// A figure drawn again for a journal's column: laid out for that width, in
// the print font and palette, and scaled so that its smallest text is at
// least MIN_TEXT_PT points at the column's physical width.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import fontUrl from './export-font/DejaVuSans.ttf?url';
import { withOpaqueKeys } from './opaque-keys';
import { PRINT_PRESETS, type PrintPreset } from './print-presets';
import { LABEL_SIZE, vegaConfig, withPrintLook } from './theme';

export const MIN_TEXT_PT = 7;
export const PT_PER_MM = 72 / 25.4;

// The figure's text aims at this size; MIN_TEXT_PT is the floor it may be
// squeezed to when a layout will not narrow further.
const AIM_PT = 7.5;

export interface PrintedFigure {
  preset: PrintPreset;
  view: View;         // for the PNG
  svg: string;        // width and height in mm, the drawing's units in the viewBox
  units: [number, number];   // the viewBox's width and height
  size: [number, number];    // the physical size in points
}

// Print figures are measured and drawn in the font the PDF embeds, so that
// the three formats lay out alike.
let fontReady: Promise<void> | null = null;
export function printFontUrl(): string {
  return fontUrl;
}
function loadPrintFont(): Promise<void> {
  fontReady ??= (async () => {
    const face = new FontFace('DejaVu Sans', `url(${fontUrl})`);
    document.fonts.add(await face.load());
  })();
  return fontReady;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

// How far a figure is changed for print beyond its own layout: `stack`
// puts the panels of a row of facets one under another, as a wrapped
// facet of one column (each panel with its own header and axes), and
// `narrow` scales every fixed width and height.
interface Squeeze { stack: boolean; narrow: number }

// The spec as drawn for print: text a figure sets smaller than the labels
// (value annotations) is raised to the labels' size, every weight is the
// regular one (the only face the PDF embeds), and, when the layout cannot
// narrow to the column any more (fixed widths, wide minimums), the panels
// stack, fixed sizes shrink (row steps stay: they hold a line of text
// each) and legends list their entries in one column.
function forPrint(spec: Json, squeeze: Squeeze): Json {
  if (Array.isArray(spec)) return spec.map((s) => forPrint(s, squeeze));
  if (!isObject(spec)) return spec;
  const out: Record<string, Json> = {};
  const squeezed = squeeze.stack || squeeze.narrow < 1;
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'data' || key === 'datasets') out[key] = value;
    else if (key === 'fontSize' && typeof value === 'number') out[key] = Math.max(value, LABEL_SIZE);
    else if (/fontweight$/i.test(key)) out[key] = 'normal';
    else if ((key === 'width' || key === 'height') && typeof value === 'number') out[key] = Math.max(1, Math.floor(value * squeeze.narrow));
    else if (key === 'legend' && isObject(value) && squeezed) out[key] = { ...(forPrint(value, squeeze) as object), columns: 1 };
    else if (key === 'facet' && squeeze.stack && isObject(value) && isObject(value.column) && value.row === undefined) {
      const { labelOrient: _side, titleOrient: _titleSide, ...header } = isObject(value.column.header) ? value.column.header : {};
      out.facet = forPrint({ ...value.column, header }, squeeze);
      out.columns = 1;
    } else out[key] = forPrint(value, squeeze);
  }
  return out;
}

async function render(spec: Json, config: object): Promise<View> {
  const compiled = compile({ ...(spec as object), config } as TopLevelSpec).spec;
  const view = new View(parse(compiled, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter } as ConstructorParameters<typeof View>[1]);
  await view.runAsync();
  return view;
}

// The drawing's size in its own units and its smallest text, read from the SVG.
function measure(svg: string): { width: number; height: number; smallest: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const sizes = [...root.querySelectorAll('text')].filter((t) => t.textContent?.trim())
    .map((t) => parseFloat(t.getAttribute('font-size') ?? '')).filter((v) => v > 0);
  return { width: parseFloat(root.getAttribute('width') ?? '0'), height: parseFloat(root.getAttribute('height') ?? '0'), smallest: Math.min(LABEL_SIZE, ...sizes) };
}

function physicalSvg(svg: string, units: [number, number], mm: [number, number]): string {
  return svg.replace(/<svg\b[^>]*>/, (tag) => tag
    .replace(/\swidth="[^"]*"/, ` width="${mm[0].toFixed(2)}mm"`)
    .replace(/\sheight="[^"]*"/, ` height="${mm[1].toFixed(2)}mm"`)
    .replace(/\sviewBox="[^"]*"/, ` viewBox="0 0 ${units[0]} ${units[1]}"`));
}

// `build` makes the figure's spec afresh; it runs under the print look so
// that the layout fits the column. Tries a narrower layout until the
// smallest text reaches MIN_TEXT_PT at the column's width.
export async function printFigure(build: () => object, preset: PrintPreset): Promise<PrintedFigure> {
  await loadPrintFont();
  const widthPt = preset.widthMm * PT_PER_MM;
  let column = Math.floor((widthPt * LABEL_SIZE) / AIM_PT);
  const squeeze: Squeeze = { stack: false, narrow: 1 };
  let previous = Infinity;
  let last: { view: View; svg: string; width: number; height: number; smallest: number } | null = null;
  for (let attempt = 0; attempt < 10; attempt++) {
    const look = { column };
    const spec = withPrintLook(look, () => forPrint(withOpaqueKeys(build()), squeeze));
    const view = await render(spec, withPrintLook(look, vegaConfig));
    const svg = await view.toSVG();
    const m = measure(svg);
    last?.view.finalize();
    last = { view, svg, ...m };
    const largestWidth = (widthPt * m.smallest) / MIN_TEXT_PT;
    if (m.width <= largestWidth) break;
    // Too wide: ask the layout for a narrower column; once the drawing no
    // longer follows the column, stack its panels, then shrink its sizes.
    const shrink = (largestWidth / m.width) * 0.97;
    if (m.width > 0.97 * previous) {
      if (squeeze.stack) squeeze.narrow *= shrink;
      squeeze.stack = true;
    }
    previous = m.width;
    column = Math.floor(column * shrink);
  }
  const { view, svg, width, height, smallest } = last!;
  if (width > (widthPt * smallest) / MIN_TEXT_PT) {
    view.finalize();
    const wider = PRINT_PRESETS.find((p) => p.widthMm > preset.widthMm);
    throw new Error(`This figure does not fit a ${preset.label} with its text at ${MIN_TEXT_PT} pt or larger` +
      (wider ? `: export it for a ${wider.label}.` : '.'));
  }
  const scale = widthPt / width;
  const units: [number, number] = [width, height];
  return {
    preset, view, units,
    size: [widthPt, height * scale],
    svg: physicalSvg(svg, units, [preset.widthMm, (height * scale) / PT_PER_MM]),
  };
}
