// The page's User Timing measures ("shoal:<phase>"), as the page benchmarks
// read them back from headless Chromium.
export const PHASES = ['reading', 'inspection', 'transfer', 'parsing', 'chains', 'color', 'summaries', 'assembly', 'serialisation', 'decoding',
  'rendering', 'analysis'];

// Per phase: the sum of its measures' durations (work, over all workers),
// the time they cover together (wall) and their number.
export function summarisePhases(measures) {
  const out = {};
  for (const phase of PHASES) {
    const spans = measures.filter((m) => m.name === `shoal:${phase}`).map((m) => [m.startTime, m.startTime + m.duration]);
    if (spans.length === 0) continue;
    spans.sort((a, b) => a[0] - b[0]);
    let wall = 0;
    let [from, to] = spans[0];
    for (const [s, e] of spans.slice(1)) {
      if (s > to) {
        wall += to - from;
        [from, to] = [s, e];
      } else {
        to = Math.max(to, e);
      }
    }
    wall += to - from;
    out[phase] = { work: spans.reduce((t, [s, e]) => t + e - s, 0), wall, count: spans.length };
  }
  return out;
}
