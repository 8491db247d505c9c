// Where a run's time goes, as User Timing measures named "shoal:<phase>"
// (readable with performance.getEntriesByType('measure'), as the page
// benchmark does). Workers report epoch times, since each has its own clock
// origin.
export type Phase =
  | 'link' | 'reading' | 'inspection' | 'transfer' | 'parsing' | 'chains' | 'color'
  | 'summaries' | 'assembly' | 'serialisation' | 'decoding' | 'rendering' | 'analysis';

export const epochNow = () => performance.timeOrigin + performance.now();

export function recordPhase(phase: Phase, startEpoch: number, endEpoch = epochNow()) {
  const start = Math.max(0, startEpoch - performance.timeOrigin);
  performance.measure(`shoal:${phase}`, { start, end: Math.max(start, endEpoch - performance.timeOrigin) });
}

// Times `work` as `phase`, whether it succeeds or not.
export async function timed<T>(phase: Phase, work: () => Promise<T> | T): Promise<T> {
  const start = epochNow();
  try {
    return await work();
  } finally {
    recordPhase(phase, start);
  }
}
