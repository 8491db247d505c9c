// The page's own words for the analysis settings: the fieldsets they are
// grouped in, each field's label and each option's text. Everything else
// about a field (its start, range, help, the choices it offers) comes from
// the settings registry; a registry setting with no words here still gets a
// field, under "More settings", labelled by its command-line name.

export interface SettingWords {
  setting: string;   // the registry's name: 'burn-in'
  label: string;
  // A choice's words by value, in the order the field offers them.
  options?: Record<string, string>;
  // A standing note under the field (the page's, not the registry's help).
  note?: string;
}

export interface FieldGroup {
  id?: string;   // the analysis fieldsets' ids name the analysis (the report reads them)
  legend: string;
  settings: SettingWords[];
}

export const PARAMETER_GROUPS: FieldGroup[] = [
  {
    id: 'color-parameters',
    legend: 'Word–colour associations',
    settings: [
      { setting: 'pairs', label: 'Pairs of individuals',
        options: { all: 'all pairs i ≠ j (order-free)', paper: 'paper pairs: i < j in id order' } },
      { setting: 'all-pairs-up-to', label: 'Every pair up to this many individuals per word',
        note: 'A word answered by more individuals gets its population ΔE from sampled pairs, with their Monte Carlo '
          + 'error in the report.' },
      { setting: 'sampled-pairs', label: 'Pairs drawn for a larger word' },
      { setting: 'delta-e', label: 'Colour difference', options: { cie76: 'ΔE 1976 (the paper\'s)', ciede2000: 'CIEDE2000' } },
      { setting: 'jsd', label: 'Divergence from humans',
        options: { bits: 'Jensen–Shannon divergence (bits)', paper: 'the paper\'s estimator (JS distance of density weights)' } },
      { setting: 'jsd-samples', label: 'Monte Carlo draws for the divergence' },
    ],
  },
  {
    id: 'concept-parameters',
    legend: 'Conceptual similarity (Chinese restaurant process)',
    settings: [
      { setting: 'alpha', label: 'α of the Beta prior per question' },
      { setting: 'prior', label: 'Prior over seatings', options: { simplicity: 'simplicity (CRP, the paper\'s)', uniform: 'uniform' } },
      { setting: 'iterations', label: 'Iterations' },
      { setting: 'burn-in', label: 'Burn-in' },
      { setting: 'max-iterations', label: 'Most iterations to converge (2 chains or more)' },
      { setting: 'kernel', label: 'Sampler', options: { 'split-merge': 'Gibbs with split–merge moves', gibbs: 'Gibbs alone (the paper\'s)' } },
      { setting: 'chains', label: 'Chains' },
      { setting: 'subsets', label: 'Subset sizes' },
      { setting: 'min-people', label: 'Least people per concept',
        note: 'A concept answered by fewer people than this is still clustered and shown, but left out of the means, '
          + 'intervals and models; 1 keeps every concept, as the paper did.' },
      { setting: 'pair', label: 'Populations clustered together',
        note: 'families: each non-aligned model with its aligned counterpart, with no prompt at the default temperature; '
          + 'or name pairs as A,B separated by semicolons (human for the humans); none: no pair.' },
    ],
  },
  {
    legend: 'Randomness',
    settings: [
      { setting: 'seed', label: 'Seed' },
      { setting: 'bootstrap', label: 'Bootstrap draws for the comparisons' },
    ],
  },
];
