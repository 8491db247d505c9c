// The parts of Shoal's JSON reports the page reads (docs/report.md; the whole
// report's schema is docs/report.schema.json).
export interface Summary { n: number; mean: number | null; sd: number | null; ci95: [number | null, number | null] }
export interface InputInfo { name: string; sha256: string; bytes: number; format: string; rows: number; populations: string[] }
export interface InputIssue { kind: string; description: string; count: number; first_file: string; first_row: number }

export interface PopulationLabel {
  // The key that joins a population across the report; `label` is what a
  // reader sees ("Gemma-Instruct · persona · default", "Humans").
  name: string;
  label?: string;
  human: boolean;
  model: string;
  // The model as the paper's figures spell it ("Gemma-Instruct", "Llama-Chat");
  // empty without a model. A family's title is built from its members'.
  model_label?: string;
  prompt: string;
  temperature: string;
  family: string;
  aligned: boolean | null;
}

export interface ReportEnvelope {
  schema_version: number;
  tool: { name: string; version: string };
  analysis: string;
  parameters: Record<string, unknown>;
  inputs: InputInfo[];
  input_issues: InputIssue[];
  manuscript?: Manuscript;
}

// The core's texts for a paper (docs/report.md, "manuscript").
export interface ManuscriptText { text: string; markdown: string; latex: string }
export interface Manuscript { tables: ManuscriptText; sentences: ManuscriptText; methods: ManuscriptText; references: string }

export interface ColorWord {
  word: string;
  individuals: number;
  incomplete: number;
  internal_delta_e: Summary;
  population_delta_e: Summary;
  dist_from_diagonal: number | null;
  // Null when the population ΔE used every pair; else the pairs drawn and
  // the Monte Carlo standard errors of the estimates.
  sampled_pairs: { pairs: number; population_delta_e_mean_mc_error: number | null; population_delta_e_sd_mc_error: number | null; dist_from_diagonal_mc_error: number | null } | null;
  jsd_to_reference: { estimator: 'bits' | 'paper'; value: number; mc_error: number | null; samples: number } | null;
}

export interface ColorPopulation extends PopulationLabel {
  individuals: number;
  responses: { valid: number; invalid: number; valid_percent: number };
  words_analysed: number;
  dist_from_diagonal: Summary;
  internal_delta_e: Summary;
  population_delta_e: Summary;
  regression_internal_on_population: { n: number; slope: number | null; intercept: number | null; r_squared: number | null };
  // With word ratings (a word-norms file): per scale, the least-squares line
  // of internal ΔE on the rating and Pearson's r over the n rated words
  // (null below three words or for a constant variable).
  word_rating_fits?: { scale: string; n: number; r: number | null; slope: number | null; intercept: number | null }[];
  jsd_to_reference: Summary | null;
  // Null unless some word's population ΔE came from sampled pairs.
  sampled_words: { words: number; population_delta_e_mc_error: number | null; dist_from_diagonal_mc_error: number | null } | null;
  words: ColorWord[];
}

export interface ColorReport extends ReportEnvelope {
  analysis: 'color';
  populations: ColorPopulation[];
  comparisons: Comparisons;
}

export interface Inspection {
  name: string;
  bytes: number;
  task: 'color' | 'concept' | 'word-norms' | null;
  word_norms?: { scales: string[]; words: string[]; ratings: (number | null)[][] };
  format: string | null;
  delimiter?: string;
  header?: string[];
  preview?: string[][];
  rows?: number;
  // Set when only the first rows were inspected (rows then counts those).
  sampled_bytes?: number;
  roles?: Record<string, string>;
  format_roles?: string[];
  populations?: PopulationLabel[];
  issues?: InputIssue[];
  error: { file: string; row: number; column: string; message: string } | null;
}

export interface PosteriorSummary { draws: number; mean: number | null; ci95: [number | null, number | null] }
export interface IterationRecord { iteration: number; tables: number; p_same_table: number | null; p_multiple_concepts: number | null; richness_chao1: number | null; log_posterior: number | null }

export interface ConceptSubset {
  people: number;
  last_iteration: IterationRecord;
  p_same_table: PosteriorSummary;
  p_multiple_concepts: PosteriorSummary;
  tables: PosteriorSummary;
  richness_chao1: PosteriorSummary;
  // The rank-normalised split R-hat and the bulk-ESS (see convergence).
  r_hat: { p_same_table: number | null; tables: number | null };
  ess: { p_same_table: number | null; tables: number | null };
  // The paper's number with several chains: the mean over chains of each
  // chain's value at the planned final iteration (--iterations).
  last_p_multiple_concepts: number | null;
  convergence: CellConvergence;
  chains: { seed: string; last: IterationRecord; map: IterationRecord }[];
  diversity: CellDiversity;
}

// How many concepts a cell holds (docs/report.md, "How many concepts, and which").
export interface CellDiversity { q0: PosteriorSummary; q1: PosteriorSummary; q2: PosteriorSummary; coverage: PosteriorSummary; missing: string | null }

// Columns of equal length, by number of people.
export interface DiversityCurve {
  people: number[];
  richness: (number | null)[]; richness_low: (number | null)[]; richness_high: (number | null)[];
  q2: (number | null)[]; q2_low: (number | null)[]; q2_high: (number | null)[];
  coverage: (number | null)[];
}

export interface HeldConcept {
  number: number;
  people: number;
  sentence: string;
  distinguishing: { question: string; option: string; share: number | null; distance: number | null }[];
  option_shares: (number | null)[][];
}

export interface WhichConcepts {
  loss: 'vi' | 'binder';
  draws: number;
  expected_loss: number | null;
  partition: number[];
  // The upper triangle of the posterior similarity matrix in whole percents, row by row.
  similarity_percent: string;
  block_similarity: (number | null)[][];
  person_similarity: (number | null)[];
  concepts: HeldConcept[];
}

export interface ConceptProfile { people: number; missing: string | null; curve: DiversityCurve; which_concepts: WhichConcepts | null }

export interface DiversityComparison {
  concept: string;
  common_people: number;
  common_coverage: number | null;
  populations: {
    population: string;
    people: number;
    at_common_people: { q0: PosteriorSummary; q2: PosteriorSummary };
    at_common_coverage: { people: PosteriorSummary; q0: PosteriorSummary; q2: PosteriorSummary; draws_short_of_coverage: number };
  }[];
}

// Diagnostics of one quantity (null: undefined, e.g. a quantity that never changes).
export interface Diagnostics { r_hat: number | null; ess_bulk: number | null; ess_tail: number | null; mcse_mean: number | null }

export interface CellConvergence {
  verdict: 'passed' | 'failed' | 'constant' | 'single-chain';
  failed: string[];
  undefined: string[];
  iterations: number;
  burn_in: number;
  p_same_table: Diagnostics;
  tables: Diagnostics;
  log_posterior: Diagnostics;
}

export interface ConvergenceSummary {
  cells: number;
  varying: number;
  passed: number;
  single_chain: number;
  line: string;
  failed: { population: string; concept: string; people: number; iterations: number; failed: string[] }[];
}

export interface ConceptResult {
  concept: string;
  category: string;
  questions: number;
  complete_individuals: number;
  incomplete_individuals: number;
  invalid_replies: number;
  reliability: {
    within_individual: { pairs: number; agreement: number | null };
    between_individuals: { mean_choice: number | null; pairwise_agreement: number | null };
    // The paper's inter-subject reliability: per ordered question label the
    // mean ChoiceNumber over the concept's rows, then the mean over questions.
    paper_intersubject?: number | null;
  };
  // Its largest subset holds fewer than the min_people setting: kept in the
  // report, left out of the means, bootstrap and mixed models.
  below_min_people?: boolean;
  clustered_ids: string[];
  subsets: ConceptSubset[];
  profile: ConceptProfile;
}

export interface ConceptPopulation extends PopulationLabel {
  concepts_clustered: number;
  mean_p_multiple_concepts: number | null;
  mean_last_p_multiple_concepts: number | null;
  within_individual_agreement: { pairs: number; agreement: number | null };
  // Answer counts summed over the concepts (an individual once per concept).
  concept_totals: { complete_individuals: number; incomplete_individuals: number; invalid_replies: number };
  concepts: ConceptResult[];
}

// Two populations clustered together for one concept (--pair).
export interface SharedConcept {
  population_a: string;
  population_b: string;
  concept: string;
  people_a: number;
  people_b: number;
  p_cross_same: PosteriorSummary;
  p_same_a: PosteriorSummary;
  p_same_b: PosteriorSummary;
  convergence: { verdict: string };
}

export interface ConceptReport extends ReportEnvelope {
  analysis: 'concept';
  populations: ConceptPopulation[];
  comparisons: Comparisons;
  convergence: ConvergenceSummary;
  // Absent from reports made before pairs existed.
  shared_concepts?: SharedConcept[];
  diversity_comparisons: DiversityComparison[];
}

export interface ComparisonMetric { mean: number | null; units: number; bootstrap_ci95: [number, number] | null }
export interface FixedEffect { term: string; estimate: number | null; se: number | null; z: number | null; p: number | null }
export interface MixedFit {
  fixed: FixedEffect[];
  group_variance: number | null;
  residual_variance: number | null;
  log_likelihood: number | null;
  observations: number;
  groups: number;
  converged: boolean;
  boundary: boolean;
}

export interface GroupSummary { mean: number | null; sd: number | null; units: number; ci95: [number | null, number | null]; bootstrap_ci95: [number, number] | null }

export interface SubsetMean { category: string; people: number; concepts: number; mean: number | null }
export interface CategoryCells { category: string; cells: number; p_multiple_concepts: number | null; last_p_multiple_concepts: number | null }
export type ReliabilityMeasure = 'paper_intersubject' | 'within_individual' | 'between_individuals';
export interface ReliabilityGroup {
  model: string | null;
  populations: string[];
  medians: Record<ReliabilityMeasure, { concepts: number; median: number | null }>;
}
// The humans pooled, and a group per model (its conditions pooled) or per
// population without a model.
export interface ReliabilityMedians { measures: ReliabilityMeasure[]; humans: ReliabilityGroup; groups: ReliabilityGroup[] }

export interface Comparisons {
  metrics: string[];
  // Per population, per metric, per category ('all' for every unit).
  populations?: {
    population: string; human: boolean; summaries: Record<string, Record<string, GroupSummary>>;
    // Concepts only, leaving out the concepts below min_people: P(multiple
    // concepts) per category and subset size (mean over concepts of their
    // posterior means), and per category over its concept × subset cells.
    subset_means?: SubsetMean[];
    category_cells?: CategoryCells[];
  }[];
  // Concepts only: medians over concepts of the reliability measures.
  reliability_medians?: ReliabilityMedians;
  // Cells left out of the means, bootstrap and models for holding fewer
  // than min_people individuals.
  min_people?: number;
  left_out?: { population: string; concept: string; people: number }[];
  bootstrap: { draws: number; seed: number };
  conditions: {
    population: string; model: string; family: string; aligned: boolean | null; prompt: string; temperature: string;
    metrics: Record<string, ComparisonMetric>;
  }[];
  human_baseline: { population: string; metric: string; mean: number | null; ci95: [number | null, number | null]; bootstrap_ci95: [number, number] | null }[];
  models: {
    name: string; metric: string; formula: string; status: 'fitted' | 'skipped'; reason: string | null;
    populations: number; groups: string[]; reference_levels: Record<string, string>; reml: MixedFit | null; ml: MixedFit | null;
  }[];
}

export interface ValuesItem {
  item: string;
  individuals: number;
  incomplete: number;
  internal_distance: Summary;
  population_distance: Summary;
  dist_from_diagonal: number | null;
  scale: number[];
}

export interface ValuesPopulation extends PopulationLabel {
  individuals: number;
  responses: { valid: number; invalid: number; valid_percent: number };
  items_analysed: number;
  dist_from_diagonal: Summary;
  internal_distance: Summary;
  population_distance: Summary;
  regression_internal_on_population: { n: number; slope: number | null; intercept: number | null; r_squared: number | null };
  items: ValuesItem[];
}

export interface ValuesReport extends ReportEnvelope {
  analysis: 'values';
  parameters: { pairs: string; scale: string; unit: string; dimensions: number; seed: number } & Record<string, unknown>;
  populations: ValuesPopulation[];
  comparisons: Comparisons;
}
