// Every figure is a Vega-Lite spec rendered as SVG, with its caption, a text
// description for screen readers, and downloads (SVG, PNG, the CSV of what
// is drawn). Expressions run through vega-interpreter so the page needs no
// eval under its Content-Security-Policy. Vega and Vega-Lite load with the
// first figure, not with the page: most of the page's code is theirs, and a
// page opened to read (or refuse) a link draws nothing.
import type { VisualizationSpec } from 'vega-embed';
import { download, safeFileName } from '../download';
import { h } from '../dom';
import { toCsv, type Row } from './csv';
import { withOpaqueKeys } from './opaque-keys';
import { exportMenu } from './export-menu';
import { darkScheme, vegaConfig } from './theme';

// Decoded here rather than fetched: the page's policy allows no data: fetches.
function dataUrlToBlob(url: string): Blob {
  const [header, payload] = url.split(',', 2);
  const type = /data:([^;]+)/.exec(header)?.[1] ?? 'application/octet-stream';
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export interface FigureContent {
  name: string;          // data-figure and file names
  caption: string;       // what the figure shows, for everyone
  note?: string;         // what it leaves out, right under the caption
  summary: string;       // the figure in words, for screen readers and the archive
  spec: object;          // a Vega-Lite spec (typed loosely: built from data)
  rows: Row[];           // the numbers drawn, as the CSV download
}

// Figures on the page, for the figure-set archive; `print` makes the spec
// again for a print column.
export interface DrawnFigure { name: string; caption: string; element: HTMLElement; svg: () => Promise<string>; print: () => object; csv: string; summary: string }
const drawn: DrawnFigure[] = [];

export function drawnFigures(): DrawnFigure[] {
  return drawn.filter((f) => f.element.isConnected);
}

let serial = 0;

// The smallest size a figure's text may be read at, in CSS px.
export const SMALLEST_TEXT = 10;

// A wide figure may shrink to its frame, but never so far that its smallest
// text reads under SMALLEST_TEXT px: below that its frame scrolls sideways
// instead (the page never does).
function keepReadable(svg: SVGSVGElement) {
  const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent?.trim())
    .map((t) => parseFloat(t.getAttribute('font-size') ?? '')).filter((v) => v > 0);
  const width = parseFloat(svg.getAttribute('width') ?? '');
  if (sizes.length && width > 0) svg.style.minWidth = `${Math.ceil(width * Math.max(1, SMALLEST_TEXT / Math.min(...sizes)))}px`;
}

// A figure with nothing to draw says why instead of drawing empty axes.
export function emptyFigure(name: string, caption: string, reason: string): HTMLElement {
  return h('figure', { class: 'figure figure-empty', 'data-figure': name, 'data-empty': 'true' },
    h('figcaption', {}, caption), h('p', { class: 'figure-note' }, reason));
}

// Resolves in a task of its own, after the page has had a chance to paint and
// handle input: Vega's rendering chains promises, so without this every
// figure of a run would be drawn in one long main-thread task.
export const nextTask = () => new Promise<void>((resolve) => { setTimeout(resolve, 0); });

// `remake`, the function that made the content, lets the print export lay
// the figure out afresh for a journal's column (see export-render); without
// it the print export narrows the screen's spec.
export async function figure(content: FigureContent, remake?: () => FigureContent): Promise<HTMLElement> {
  await nextTask();
  const { name, caption, note, summary, spec, rows } = content;
  const print = remake ? () => remake().spec : () => spec;
  const summaryId = `figure-summary-${++serial}`;
  // Vega labels the element it draws into; the frame around it is what
  // assistive technology reads: the caption, described by the summary.
  // A figure keeps the background of the scheme it was drawn in, so it stays
  // readable if the reader's scheme changes afterwards.
  const plot = h('div', { class: darkScheme() ? 'plot plot-dark' : 'plot plot-light' });
  const frame = h('div', { class: 'plot-frame', role: 'img', 'aria-label': caption, 'aria-describedby': summaryId, style: 'max-width:100%;overflow-x:auto' }, plot);
  const block = h('figure', { class: 'figure', 'data-figure': name },
    h('figcaption', {}, caption), note ? h('p', { class: 'figure-left-out' }, note) : null, frame,
    h('details', { class: 'figure-description' }, h('summary', {}, 'Description'), h('p', { class: 'figure-summary', id: summaryId, style: 'font-size:0.85rem;margin:0.3rem 0' }, summary)));
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([import('vega-embed'), import('vega-interpreter')]);
  const result = await embed(plot, { ...withOpaqueKeys(spec), description: caption, config: vegaConfig() } as VisualizationSpec, {
    actions: false,
    renderer: 'svg',
    ast: true,
    expr: expressionInterpreter,
  });
  // The text alternative is the container's label (role img); the marks'
  // own ARIA roles, some without names, would only be noise.
  // A frame that scrolls sideways (a figure that may not shrink further)
  // takes keyboard focus, so it can be scrolled without a pointer.
  new ResizeObserver(() => {
    if (frame.scrollWidth > frame.clientWidth + 1) frame.setAttribute('tabindex', '0');
    else frame.removeAttribute('tabindex');
  }).observe(frame);
  const drawing = plot.querySelector('svg');
  drawing?.setAttribute('aria-hidden', 'true');
  if (drawing) keepReadable(drawing);
  const csv = toCsv(rows);
  const file = safeFileName(name);
  const svg = () => result.view.toSVG();
  const button = (label: string, suffix: string, save: () => Promise<void> | void) => {
    const b = h('button', { type: 'button', class: 'download', 'data-download': `${name}.${suffix}` }, label);
    b.addEventListener('click', () => { void save(); });
    return b;
  };
  block.append(h('div', { class: 'figure-actions' }, 'Download: ',
    button('SVG', 'svg', async () => download(`${file}.svg`, await svg(), 'image/svg+xml')), ' ',
    button('PNG', 'png', async () => download(`${file}.png`, dataUrlToBlob(await result.view.toImageURL('png', 3)))), ' ',
    button('CSV', 'csv', () => download(`${file}.csv`, csv, 'text/csv'))),
    exportMenu(name, caption, print));
  block.dataset.points = String(rows.length);
  (block as HTMLElement & { figureRows?: Row[] }).figureRows = rows;
  drawn.push({ name, caption, element: block, svg, print, csv, summary: `${caption}${note ? `\n${note}` : ''}\n\n${summary}\n` });
  return block;
}

export interface NothingToDraw { name: string; caption: string; empty: string }
export type Drawing = FigureContent | NothingToDraw;

// Takes the function that makes the drawing where it can, so that the
// figure's print export lays it out afresh (see FigureSource).
export function draw(source: Drawing | (() => Drawing)): Promise<HTMLElement> {
  const d = typeof source === 'function' ? source() : source;
  if ('empty' in d) return Promise.resolve(emptyFigure(d.name, d.caption, d.empty));
  return figure(d, typeof source === 'function' ? () => source() as FigureContent : undefined);
}
