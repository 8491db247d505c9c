// Every figure is a Vega-Lite spec rendered as SVG, with SVG and PNG
// downloads. Expressions run through vega-interpreter so the page needs no
// eval under its Content-Security-Policy.
import embed, { type VisualizationSpec } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { download, safeFileName } from '../download';
import { h } from '../dom';

// Okabe & Ito's palette, distinguishable with the common colour-vision
// deficiencies; humans are drawn in black.
export const HUMAN_COLOUR = '#000000';
export const POPULATION_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442', '#999999'];

export function populationScale(names: string[], human: (name: string) => boolean) {
  let next = 0;
  const range = names.map((name) => (human(name) ? HUMAN_COLOUR : POPULATION_COLOURS[next++ % POPULATION_COLOURS.length]));
  return { domain: names, range };
}

// Decoded here rather than fetched: the page's policy allows no data: fetches.
function dataUrlToBlob(url: string): Blob {
  const [header, payload] = url.split(',', 2);
  const type = /data:([^;]+)/.exec(header)?.[1] ?? 'application/octet-stream';
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export async function figure(name: string, title: string, spec: VisualizationSpec): Promise<HTMLElement> {
  const plot = h('div', { class: 'plot', role: 'img', 'aria-label': title });
  const block = h('figure', { class: 'figure', 'data-figure': name }, h('figcaption', {}, title), plot);
  const result = await embed(plot, spec, {
    actions: false,
    renderer: 'svg',
    ast: true,
    expr: expressionInterpreter,
  });
  // The text alternative is the container's label (role img); the marks'
  // own ARIA roles, some without names, would only be noise.
  plot.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  const svgButton = h('button', { type: 'button', class: 'download', 'data-download': `${name}.svg` }, 'SVG');
  const pngButton = h('button', { type: 'button', class: 'download', 'data-download': `${name}.png` }, 'PNG');
  svgButton.addEventListener('click', async () => {
    download(`${safeFileName(name)}.svg`, await result.view.toSVG(), 'image/svg+xml');
  });
  pngButton.addEventListener('click', async () => {
    download(`${safeFileName(name)}.png`, dataUrlToBlob(await result.view.toImageURL('png', 2)));
  });
  block.append(h('div', { class: 'figure-actions' }, 'Download: ', svgButton, ' ', pngButton));
  return block;
}
