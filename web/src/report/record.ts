// What the exported report is made from: the run as it was when it finished.
import type { LoadedFile } from '../files';
import type { TaskComparison } from '../views/comparison-report';

export type ParameterValues = Record<string, string | number | boolean>;

export interface RunRecord {
  version: string;
  parameters: { color: ParameterValues; concept: ParameterValues };
  files: LoadedFile[];
  finished: Date;
  shareLink: string;
  // Each analysed task's report and the measure its comparisons are about.
  tasks: TaskComparison[];
}

// Digits a measure is reported with: ΔE in hundredths, probabilities in thousandths.
export const metricDigits = (metric: string) => (metric === 'dist_from_diagonal' ? 2 : 3);

// The definition of the headline measure, the same words wherever it is defined.
export const P_MULTIPLE_DEFINITION = 'P(multiple concepts) = 1 − P(same table): the probability that two individuals drawn ' +
  'at random from the population hold different concepts (sit at different tables)';
