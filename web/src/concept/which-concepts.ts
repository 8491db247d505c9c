// Reading the report's "which concepts, and how many" fields for drawing:
// the similarity string decoded, individuals ordered by the point partition,
// and the diversity curve's columns as rows. Nothing here estimates
// anything; every number drawn is the report's.
import type { DiversityCurve } from '../report-types';

// The report's upper triangle, (1,2), (1,3), …, (1,n), (2,3), …, in whole
// percents: one byte per pair. A string that does not hold exactly
// n(n − 1)/2 whole percents is refused rather than drawn wrongly.
export function decodeSimilarity(text: string, people: number): Uint8Array {
  const pairs = (people * (people - 1)) / 2;
  const values = new Uint8Array(pairs);
  const trimmed = text.trim();
  const parts = trimmed === '' ? [] : trimmed.split(' ');
  if (parts.length !== pairs) {
    throw new Error(`the similarity matrix holds ${parts.length} pairs where ${people} people make ${pairs}`);
  }
  parts.forEach((part, k) => {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 100) throw new Error(`the similarity matrix's pair ${k + 1} is “${part}”, not a whole percent`);
    values[k] = Number(part);
  });
  return values;
}

// Person i and j's similarity (from 0), in percent; 100 with oneself.
export function similarityAt(triangle: Uint8Array, people: number, i: number, j: number): number {
  if (i === j) return 100;
  const [a, b] = i < j ? [i, j] : [j, i];
  return triangle[a * people - (a * (a + 1)) / 2 + (b - a - 1)];
}

// The individuals (indices into `clustered_ids`) concept by concept, in the
// partition's numbering (largest first); within a concept those the draws
// put there most firmly first, then in the report's order.
export function partitionOrder(partition: number[], personSimilarity: (number | null)[]): number[] {
  const firmness = (i: number) => personSimilarity[i] ?? -1;
  return partition.map((_, i) => i).sort((a, b) => partition[a] - partition[b] || firmness(b) - firmness(a) || a - b);
}

export interface Block { concept: number; start: number; end: number }

// The runs of one concept along `order`: with the order above, one block
// per concept, its members from `start` to `end` (exclusive).
export function partitionBlocks(partition: number[], order: number[]): Block[] {
  const blocks: Block[] = [];
  order.forEach((person, position) => {
    const concept = partition[person];
    const last = blocks[blocks.length - 1];
    if (last && last.concept === concept) last.end = position + 1;
    else blocks.push({ concept, start: position, end: position + 1 });
  });
  return blocks;
}

export interface CurvePoint {
  people: number;
  // Rarefied up to the observed people, extrapolated beyond; the observed
  // point is in both, so the two lines meet there.
  phase: 'rarefied' | 'extrapolated';
  richness: number | null; richness_low: number | null; richness_high: number | null;
  q2: number | null; q2_low: number | null; q2_high: number | null;
  coverage: number | null;
}

export function curvePoints(curve: DiversityCurve, observed: number): CurvePoint[] {
  const lengths = Object.values(curve).map((column) => column.length);
  if (lengths.some((l) => l !== curve.people.length)) throw new Error(`the diversity curve's columns differ in length (${lengths.join(', ')})`);
  return curve.people.flatMap((people, k) => {
    const point = {
      people,
      richness: curve.richness[k], richness_low: curve.richness_low[k], richness_high: curve.richness_high[k],
      q2: curve.q2[k], q2_low: curve.q2_low[k], q2_high: curve.q2_high[k], coverage: curve.coverage[k],
    };
    const phases: CurvePoint['phase'][] = people < observed ? ['rarefied'] : people > observed ? ['extrapolated'] : ['rarefied', 'extrapolated'];
    return phases.map((phase) => ({ ...point, phase }));
  });
}

export const percent = (share: number | null) => (share === null ? 'NA' : `${Math.round(share * 100)}%`);
