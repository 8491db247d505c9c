// Population order and colours shared by every figure, as the paper draws
// them: humans first, in the ink colour; then model family by family, each
// family one hue, the non-aligned model light and the aligned one dark. A
// figure never repeats a colour for different families.
import type { PopulationLabel } from '../report-types';
import { darkScheme, drawingForPrint, foreground } from './theme';

export type Labelled = Pick<PopulationLabel, 'name' | 'label' | 'model_label' | 'human' | 'model' | 'prompt' | 'temperature' | 'family' | 'aligned'>;

// The paper's rows: prompt manipulations at the default temperature, then
// temperature manipulations without a prompt.
export const CONDITIONS: [string, string][] = [
  ['none', 'default'], ['identity', 'default'], ['random', 'default'], ['nonsense', 'default'], ['none', '1.5'], ['none', '2.0'],
];

// The paper calls the "identity" prompt condition "persona" in its figures.
export function conditionLabel(prompt: string, temperature: string): string {
  return `${prompt === 'identity' ? 'persona' : prompt || '?'} · ${temperature || '?'}`;
}

export function conditionRank(p: Pick<Labelled, 'prompt' | 'temperature'>): number {
  const i = CONDITIONS.findIndex(([prompt, t]) => prompt === p.prompt && t === p.temperature);
  return i < 0 ? CONDITIONS.length : i;
}

// What a reader sees for a population: the report's readable label, else
// its name.
export function displayName(p: Pick<PopulationLabel, 'name' | 'label'>): string {
  return p.label || p.name;
}

export function familyOf(p: Labelled): string {
  return p.human ? 'human' : p.family || p.model || p.name;
}

export function alignmentOf(p: Labelled): string {
  return p.aligned === true ? 'aligned' : p.aligned === false ? 'not aligned' : '';
}

// The legend entry a population's colour stands for: the model as a reader
// knows it ("Tulu-DPO"), or the human population's label. One entry per
// model rather than per family side, so that a family with two models on a
// side (Llama and Tulu) names both.
export function colourKey(p: Labelled): string {
  return modelName(p);
}

// The model as a reader knows it, or the human population's label.
export function modelName(p: Labelled): string {
  if (p.human) return displayName(p);
  return p.model_label || p.model || displayName(p);
}

export function families(populations: Labelled[]): string[] {
  return [...new Set(populations.filter((p) => !p.human).map(familyOf))];
}

export function populationOrder<T extends Labelled>(populations: T[]): T[] {
  const family = families(populations);
  const rank = (p: T) => [
    p.human ? 0 : 1,
    p.human ? 0 : family.indexOf(familyOf(p)),
    p.aligned === true ? 1 : 0,
    p.model,
    conditionRank(p),
  ] as const;
  return populations.map((p, i) => ({ p, i })).sort((a, b) => {
    const x = rank(a.p), y = rank(b.p);
    for (let k = 0; k < x.length; k++) {
      if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
    }
    return a.i - b.i;
  }).map(({ p }) => p);
}

export function orderedNames(populations: Labelled[]): string[] {
  return populationOrder(populations).map((p) => p.name);
}

// Distinct hues first (orange, blue, green, purple, red, teal, gold, pink,
// olive), then evenly spaced ones for more families than that.
const HUES = [30, 212, 135, 275, 0, 180, 48, 320, 80];

function hueFor(index: number, count: number): number {
  return count <= HUES.length ? HUES[index] : (index * 360) / count + 15;
}

function hsl(h: number, s: number, l: number): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

// On a dark page every shade is lifted, the aligned one most: at 0.36 a
// dark blue bar stood at about 2.5:1 against the background, below the 3:1
// a mark needs to be seen; the aligned shade stays the darker of a family.
// A second model on the same side of a family (Tulu beside Llama) is a step
// lighter, so the two stay apart in one figure.
function familyColour(index: number, count: number, aligned: boolean | null, dark: boolean, nth: number): string {
  const [darkShade, lightShade, unknown] = dark ? [0.5, 0.78, 0.64] : [0.36, 0.72, 0.52];
  const lightness = aligned === true ? darkShade : aligned === false ? lightShade : unknown;
  return hsl(hueFor(index, count), 0.72 - 0.22 * Math.min(nth, 2), Math.min(0.86, lightness + 0.1 * Math.min(nth, 2)));
}

// Print uses the Okabe–Ito colours (Okabe & Ito 2008), told apart with
// every common colour-vision deficiency, one per family; the aligned model
// takes the full colour and the other a tint of it, a difference of
// lightness that survives those deficiencies and greyscale printing. The
// order keeps the first few families furthest apart as protanopes,
// deuteranopes and tritanopes see them (at least ΔE 11 for up to four
// families); the yellow comes last, its tint barely shows on white. The
// screen keeps its own hues: Okabe–Ito is made for white paper, and on the
// page's dark scheme its black and blue would fall under the 3:1 contrast
// a mark needs.
const OKABE_ITO = ['#E69F00', '#009E73', '#D55E00', '#56B4E9', '#0072B2', '#CC79A7', '#F0E442'];

function mix(colour: string, toward: string, amount: number): string {
  const channel = (c: string, i: number) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => Math.round(channel(colour, i) + (channel(toward, i) - channel(colour, i)) * amount).toString(16).padStart(2, '0')).join('')}`;
}

// A second model on the same side of a family is a step darker (aligned)
// or lighter (not aligned), as on the screen.
function printColour(index: number, aligned: boolean | null, nth: number): string {
  const base = OKABE_ITO[index];
  const step = Math.min(nth, 2);
  if (aligned === true) return step ? mix(base, '#000000', 0.3 * step) : base;
  if (aligned === false) return mix(base, '#ffffff', 0.5 + 0.15 * step);
  return mix(base, '#ffffff', 0.25);
}

// Vega-Lite colour scale over colourKey values, humans first.
export function colourScale(populations: Labelled[]) {
  const family = families(populations);
  const ink = foreground();
  const dark = darkScheme();
  // More families than Okabe–Ito has colours take the screen's hues.
  const print = drawingForPrint() !== null && family.length <= OKABE_ITO.length;
  const greys = ['#777777', '#aaaaaa'];
  const domain: string[] = [];
  const range: string[] = [];
  let humans = 0;
  const sides = new Map<string, number>();
  for (const p of populationOrder(populations)) {
    const key = colourKey(p);
    if (domain.includes(key)) continue;
    domain.push(key);
    const side = `${familyOf(p)}|${p.aligned}`;
    const nth = sides.get(side) ?? 0;
    sides.set(side, nth + 1);
    const index = family.indexOf(familyOf(p));
    range.push(p.human ? (humans++ === 0 ? ink : greys[(humans - 2) % greys.length])
      : print ? printColour(index, p.aligned, nth) : familyColour(index, family.length, p.aligned, dark, nth));
  }
  return { domain, range };
}
