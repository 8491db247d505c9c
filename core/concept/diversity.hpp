#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "concept/responses.hpp"
#include "stats/posterior_summary.hpp"

namespace shoal {

constexpr std::size_t kDefaultMinPeople = 10;

struct ConceptOptions {
  CrpModel model;
  std::size_t iterations = 500;
  std::size_t burn_in = 100;
  std::size_t chains = 1;
  SamplerKernel kernel = SamplerKernel::SplitMerge;
  // Each concept is clustered on its first k complete individuals for each
  // k here that the data allow, plus all of them when fewer than the next k.
  std::vector<std::size_t> subset_sizes = {25, 50, 75, 100};
  std::uint64_t seed = 1;
  bool keep_traces = false;   // keep every recorded iteration in the result
  // A concept whose largest subset holds fewer people than this is still
  // clustered and reported, but left out of the population's means and of
  // the comparisons: with one person P(multiple concepts) is 0 by
  // construction, and with a few it says little. 0 or 1 keeps every concept,
  // as the paper did.
  std::size_t min_people = kDefaultMinPeople;
};

// Checks the options make sense; throws std::invalid_argument naming the
// offending one.
void validate(const ConceptOptions& options);

// The subset sizes used for a concept with `available` complete individuals.
std::vector<std::size_t> subset_sizes_for(std::size_t available, const std::vector<std::size_t>& requested);

// Thresholds of the convergence warnings: Gelman and Rubin's classic 1.1
// (our R-hat is neither split nor rank-normalised, so the stricter 1.01 meant
// for those would flag sound chains) and 100 effective draws, below which
// the posterior mean and interval are too noisy to read to two digits.
constexpr double kRHatWarning = 1.1;
constexpr double kEssWarning = 100.0;

struct ChainSummary {
  std::uint64_t seed = 0;
  IterationRecord last;                  // the paper's number: the final iteration
  IterationRecord map;                   // the best seating this chain visited
  std::vector<IterationRecord> trace;    // recorded iterations, when asked for
};

struct SubsetResult {
  std::size_t people = 0;
  std::vector<ChainSummary> chains;
  // Over the recorded iterations of all chains pooled.
  PosteriorSummary p_same_table;
  PosteriorSummary p_multiple_concepts;  // 1 − P(same table)
  PosteriorSummary tables;
  PosteriorSummary richness;
  double r_hat_p_same_table = 0.0;       // NaN with one chain
  double r_hat_tables = 0.0;
  // Effective sample sizes of the recorded draws of all chains (split-chain,
  // Geyer's initial monotone sequence: see effective_sample_size); NaN when
  // the quantity never changes.
  double ess_p_same_table = 0.0;
  double ess_tables = 0.0;
  // Convergence warnings: R-hat above kRHatWarning or an effective sample
  // size below kEssWarning, for either quantity.
  std::vector<std::string> warnings;
  // The highest-posterior seating over all chains: table of each of the
  // first `people` complete individuals.
  std::vector<std::size_t> map_seating;
  double map_log_posterior = 0.0;
};

// Agreement between individuals on one question.
struct QuestionAgreement {
  std::string question;
  std::size_t answers = 0;
  // Mean index of the option chosen (0-based): with two options the share of
  // 1 answers (the paper's question reliability).
  double mean_choice = 0.0;
  // Chance two different individuals gave the same answer.
  double pairwise_agreement = 0.0;
};

struct ConceptResult {
  std::string concept;
  std::size_t questions = 0;
  std::size_t complete_individuals = 0;
  std::size_t incomplete_individuals = 0;
  std::size_t invalid_replies = 0;
  // Within individuals: share of repeated (individual, question) pairs
  // answered the same way both times; NaN when no question was repeated.
  std::size_t repeated_pairs = 0;
  double within_agreement = 0.0;
  // Between individuals, over questions: the paper's mean ChoiceNumber and
  // the mean pairwise agreement.
  double mean_choice = 0.0;
  double between_agreement = 0.0;
  // The paper's inter-subject reliability: per question label as presented
  // the mean ChoiceNumber of its rows, then the mean over those labels (see
  // PresentedQuestions). NaN when not defined (generic answers, released
  // chains) or without rows.
  double paper_intersubject = std::numeric_limits<double>::quiet_NaN();
  std::vector<QuestionAgreement> per_question;
  std::vector<SubsetResult> subsets;
  // Clustered, but on fewer people than the min_people setting.
  bool below_min_people = false;
};

struct ConceptPopulationResult {
  PopulationLabel label;
  std::vector<ConceptResult> concepts;
  // Over the concepts not below min_people, at each concept's largest
  // subset: posterior mean and the last-iteration value of P(multiple
  // concepts).
  double mean_p_multiple_concepts = 0.0;
  double mean_last_p_multiple_concepts = 0.0;
  std::size_t concepts_clustered = 0;
  double within_agreement = 0.0;   // pooled over concepts; NaN when none
  std::size_t repeated_pairs = 0;
};

// Marks the concepts below `min_people` and sets the population's counts and
// means from its concepts' results: the one place that rule is applied, for
// clustered and released populations alike. Every concept not below
// min_people counts in the means; a non-finite value makes the mean NaN
// rather than drop out (none arises: chains run here always keep draws, and
// released chains must keep some after the burn-in).
void summarise_population(ConceptPopulationResult& population, std::size_t min_people);

struct ConceptAnalysis {
  ConceptOptions options;
  std::vector<ConceptPopulationResult> populations;
};

// The sampling is split into chains, one per (population, concept, subset,
// chain), so that they can run anywhere — in order here, or spread over
// browser workers — and be assembled into the same analysis.
struct ChainTask {
  std::size_t population = 0;   // index in the dataset
  std::size_t concept = 0;      // index in the population
  std::size_t people = 0;       // subset size: the first `people` complete individuals
  std::size_t chain = 0;
  std::uint64_t seed = 0;       // derived from the seed and the labels, not the order
};

// The summaries of one subset from its chains' results (seeds[i] for
// chains[i]), in chain order; moves the recorded iterations into the traces
// when `keep_traces`.
SubsetResult summarise_chains(std::size_t people, const std::vector<std::uint64_t>& seeds,
                              const std::vector<ChainResult*>& chains, bool keep_traces);

// Every chain the options ask for, population by population, concept by
// concept, subset by subset, chain by chain. Throws std::invalid_argument for
// invalid options.
std::vector<ChainTask> plan_chain_tasks(const ConceptDataset& dataset, const ConceptOptions& options);
// Person-reseatings a task takes: a measure of its cost.
double chain_task_work(const ChainTask& task, const ConceptOptions& options);
// Runs one planned chain; `after_iteration` as for run_chain.
ChainResult run_chain_task(const ConceptDataset& dataset, const ConceptOptions& options, const ChainTask& task,
                           const std::function<bool(std::size_t)>& after_iteration = {});
// The analysis from every task's result (results[i] for tasks[i]).
ConceptAnalysis assemble_concept_analysis(const ConceptDataset& dataset, const ConceptOptions& options,
                                          const std::vector<ChainTask>& tasks, std::vector<ChainResult> results);

// Clusters every concept of every population. `progress`, when set, is
// called after every iteration of every chain with the fraction of the work
// done (0..1]; returning false stops the analysis by throwing
// AnalysisCancelled. Throws std::invalid_argument for invalid options.
ConceptAnalysis analyse_concepts(const ConceptDataset& dataset, const ConceptOptions& options,
                                 const std::function<bool(double)>& progress = {});

}  // namespace shoal
