// The populations of a task's comparisons, joined to their labels and put in
// the groups the report speaks of: humans, and language models by alignment.
import { displayName } from '../charts/palette';
import type { GroupSummary, PopulationLabel } from '../report-types';
import type { TaskComparison } from '../views/comparison-report';

export interface ComparedPopulation {
  label: PopulationLabel;
  group: string;
  // Per category ('all' for every unit), the report's summary of the task's measure.
  summaries: Record<string, GroupSummary>;
}

export const GROUP_ORDER = ['humans', 'not aligned', 'aligned', 'alignment unknown'];
export const GROUP_TITLES: Record<string, string> = {
  humans: 'Humans', 'not aligned': 'Language models not aligned', aligned: 'Aligned language models',
  'alignment unknown': 'Language models of unknown alignment',
};

export function groupOf(p: Pick<PopulationLabel, 'human' | 'aligned'>): string {
  if (p.human) return 'humans';
  return p.aligned === true ? 'aligned' : p.aligned === false ? 'not aligned' : 'alignment unknown';
}

// Humans first, then model families with each family's pair together.
export function comparedPopulations(task: TaskComparison): ComparedPopulation[] {
  const labels = new Map<string, PopulationLabel>(task.report.populations.map((p) => [p.name, p]));
  const rows = (task.comparisons.populations ?? []).map((entry) => {
    const label = labels.get(entry.population);
    if (!label) throw new Error(`the comparisons name a population the report does not hold: ${entry.population}`);
    return { label, group: groupOf(label), summaries: entry.summaries[task.metric] ?? {} };
  });
  const key = (r: ComparedPopulation) => [r.label.human ? 0 : 1, r.label.family, GROUP_ORDER.indexOf(r.group), displayName(r.label)] as const;
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2] - y[2] || x[3].localeCompare(y[3], undefined, { numeric: true });
  });
}

// The categories of a task's summaries, 'all' last.
export function categoriesOf(populations: ComparedPopulation[]): string[] {
  const named = [...new Set(populations.flatMap((p) => Object.keys(p.summaries)))].filter((c) => c !== 'all').sort();
  return populations.some((p) => 'all' in p.summaries) ? [...named, 'all'] : named;
}

export const categoryTitle = (category: string, unit: string) => (category === 'all' ? `all ${unit}s` : category);

export const unitOf = (task: TaskComparison) => (task.key === 'color' ? 'word' : 'concept');

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
