#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "concept/cell_convergence.hpp"
#include "concept/crp.hpp"
#include "concept/diversity_profiles.hpp"
#include "concept/responses.hpp"
#include "concept/shared_concepts.hpp"
#include "concept/which_concepts.hpp"
#include "stats/posterior_summary.hpp"
#include "stats/task_runner.hpp"

namespace shoal {

constexpr std::size_t kDefaultMinPeople = 10;
// The settings' default for max_iterations (see tests/benchmarks/
// convergence_benchmark.cpp and convergence_oracle.cpp for the measurements
// behind it).
constexpr std::size_t kDefaultMaxIterations = 12000;

struct ConceptOptions {
  CrpModel model;
  std::size_t iterations = 500;
  std::size_t burn_in = 100;
  // Run until converged: with two chains or more, a cell whose chains fail
  // the field's rule (see cell_convergence.hpp) after `iterations` has its
  // chains continued, in blocks as long as its draws predict it needs
  // (next_chain_iterations), until it passes or they reach this many
  // iterations. 0, or `iterations`, is a fixed run.
  std::size_t max_iterations = 0;
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
  // The diversity curves run from 1 person to this many times a concept's
  // people (rarefied below, extrapolated above).
  std::size_t extrapolate_to = 10;
  // The loss the point partition of which concepts a population holds minimises.
  PartitionLoss partition_loss = PartitionLoss::VariationOfInformation;
  // The pairs of populations whose individuals are also clustered together
  // (concept/shared_concepts.hpp for the syntax): per concept both hold, one
  // pooled cell of their first pooled_people individuals each, its chains
  // ordinary chain tasks. Empty: none.
  std::string pairs;
};

// Checks the options make sense; throws std::invalid_argument naming the
// offending one.
void validate(const ConceptOptions& options);

// The subset sizes used for a concept with `available` complete individuals.
std::vector<std::size_t> subset_sizes_for(std::size_t available, const std::vector<std::size_t>& requested);

// The longest a cell's chains may run: max_iterations, or iterations for a
// fixed run (also with one chain, which is never judged).
std::size_t max_chain_iterations(const ConceptOptions& options);
// Run until converged continues a failing cell's chains to the length its
// draws predict it needs: the planned-for growth is the factor by which its
// scarcest effective sample size (bulk or tail, P(same table) or the number
// of tables) falls short of 400, were it to grow in proportion to the draws,
// times a margin; at least kLeastBlockGrowth (a cell failing on R-hat alone,
// or nearly there, still gets a block worth judging again) and at most
// kMostBlockGrowth: an ESS of a few draws predicts little, and the draws of
// the planned run come from a slower kernel than the continued chain's (see
// kContinuedSplitMergeFactor). Replayed on the paper's 48 LLM files
// (tests/benchmarks/convergence_oracle.cpp), growth capped at 2 cost 16%
// less sampling than capped at 4 and 9% less than doubling, for the same
// cells passing.
constexpr double kBlockGrowthMargin = 1.2;
constexpr double kLeastBlockGrowth = 1.5;
constexpr double kMostBlockGrowth = 2.0;
// The iterations a failing cell's chains run to from `current`, judged there
// as `judged`: `current` times the predicted growth, rounded up to whole
// quarters of the planned iterations, at most max_chain_iterations. It
// depends on the cell's own draws alone.
std::size_t next_chain_iterations(const ConceptOptions& options, std::size_t current, const CellConvergence& judged);
// How many of a chain's first iterations are left out of its draws when it
// ran `iterations`: the share burn_in / iterations of the settings (100 of
// 500: a fifth), so a chain continued to 2,000 iterations counts its last
// 1,600. A chain that needed continuing is one whose early draws are suspect;
// a fixed burn-in would keep ever more of them relative to the draws, while
// a fixed share keeps the split halves' comparison about the same part of
// the chain whatever its length.
std::size_t counted_burn_in(const ConceptOptions& options, std::size_t iterations);

struct ChainSummary {
  std::uint64_t seed = 0;
  // The paper's number: the chain's iteration number `iterations` − 1 (the
  // paper's 500th), also when the chain was continued past it.
  IterationRecord last;
  IterationRecord map;                   // the best seating this chain visited
  std::vector<IterationRecord> trace;    // the counted draws (after the burn-in), when asked for
};

struct SubsetResult {
  std::size_t people = 0;
  std::vector<ChainSummary> chains;
  // Over the recorded iterations of all chains pooled.
  PosteriorSummary p_same_table;
  PosteriorSummary p_multiple_concepts;  // 1 − P(same table)
  PosteriorSummary tables;
  PosteriorSummary richness;
  // The paper's number with several chains: the mean over chains of each
  // chain's P(multiple concepts) at its `last` iteration. Each chain's state
  // there is an equally good posterior draw; the mean does not depend on
  // how the chains are numbered, and with one chain it is the paper's value.
  double last_p_multiple_concepts = 0.0;
  // Diagnostics and verdict over the counted draws of every chain.
  CellConvergence convergence;
  // The highest-posterior seating over all chains: table of each of the
  // first `people` complete individuals.
  std::vector<std::size_t> map_seating;
  double map_log_posterior = 0.0;
  // Hill numbers and coverage over the counted draws, and those draws'
  // table sizes (empty for released chains) for the curves and comparisons.
  CellDiversity diversity;
  DistinctTables draw_tables;
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

// Per question of `responses`, in order: its agreement between individuals.
// A function of the answers alone, worked out where it is shown rather than
// held per concept.
std::vector<QuestionAgreement> question_agreement(const ConceptResponses& responses);

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
  std::vector<SubsetResult> subsets;
  // Clustered, but on fewer people than the min_people setting.
  bool below_min_people = false;
  // At the largest subset: ⁰D, ²D and coverage by number of people, and
  // which concepts the population holds (none for released chains, or
  // fewer than 2 people: `profile_missing` says why).
  std::vector<CurvePoint> curve;
  std::optional<WhichConcepts> which;
  std::string profile_missing;
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
  // Per concept, the populations whose draws have table sizes, at equal size
  // and equal coverage (concepts below min_people left out, as from the
  // other comparisons).
  std::vector<ConceptDiversityComparison> diversity_comparisons;
  // The pooled cells of options.pairs, pair by pair, each in the first
  // population's concept order.
  std::vector<SharedConcept> shared;
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
  std::size_t iterations = 0;   // the chain's length: options.iterations when planned, more when continued
  // The iteration from which the chain runs with parallel tempering
  // (concept/tempering.hpp): set by tasks_to_continue for a cell whose
  // effective sample size has stalled, to the length its chains had then.
  // 0: never. With the seed and the length it is the chain's whole schedule:
  // a task runs the same chain at once or continued from a saved state.
  std::size_t tempered_from = 0;
  // A pooled cell (ConceptOptions::pairs): the second population and its
  // concept of the same name; `people` is then each population's share of
  // the restaurant. kNoPartner: one population's cell.
  static constexpr std::size_t kNoPartner = static_cast<std::size_t>(-1);
  std::size_t partner = kNoPartner;
  std::size_t partner_concept = 0;
};

// Whether two tasks are chains of one cell.
bool same_cell(const ChainTask& a, const ChainTask& b);
// The people a task's restaurant seats: both populations' in a pooled cell.
std::size_t chain_task_people(const ChainTask& task);

// The summaries of one subset from its chains' results (seeds[i] for
// chains[i]), in chain order, over each chain's counted draws (see
// counted_burn_in); moves them into the traces when options.keep_traces.
// Chains without a saved state (read from a file) count every record they
// hold and take their final record as the paper's number.
SubsetResult summarise_chains(std::size_t people, const std::vector<std::uint64_t>& seeds,
                              const std::vector<ChainResult*>& chains, const ConceptOptions& options);

// Every chain the options ask for, population by population, concept by
// concept, subset by subset, chain by chain; then the pooled cells, pair by
// pair, concept by concept, chain by chain. Throws std::invalid_argument for
// invalid options or pairs that name no population.
std::vector<ChainTask> plan_chain_tasks(const ConceptDataset& dataset, const ConceptOptions& options);
// Person-reseatings a task takes: a measure of its cost (a tempered
// iteration reseats everyone once per rung of the ladder).
double chain_task_work(const ChainTask& task, const ConceptOptions& options);
// Runs one task's chain to task.iterations, with tempering from
// task.tempered_from when set; `after_iteration` as for run_chain.
ChainResult run_chain_task(const ConceptDataset& dataset, const ConceptOptions& options, const ChainTask& task,
                           const std::function<bool(std::size_t)>& after_iteration = {});
// Continues a task's chain from `result` (its result so far) to
// task.iterations, tempered from task.tempered_from when set: the same draws
// as running the task at once.
void continue_chain_task(const ConceptDataset& dataset, const ConceptOptions& options, const ChainTask& task,
                         ChainResult& result, const std::function<bool(std::size_t)>& after_iteration = {});
// Run until converged, one round: the indices of the tasks whose chains must
// be continued, every chain of each cell that fails the rule and may still
// grow (results[i] for tasks[i], tasks as planned or as the previous round
// left them); each chosen task's `iterations` becomes the length to continue
// it to (next_chain_iterations). Empty when every cell is done. A failing
// cell whose effective sample size has stalled (advise_tempering, from its
// draws at this length and at half of it) is tempered from here on: its
// chosen tasks also get tempered_from. `judge`, when given (one flag per
// task), limits the judging to the cells with a flagged task: those
// continued in the last round, as no other can have changed. Each cell's
// schedule depends on its own chains alone, so the rounds give the same
// analysis however the chains are spread over workers.
std::vector<std::size_t> tasks_to_continue(const ConceptOptions& options, std::vector<ChainTask>& tasks,
                                           const std::vector<ChainResult>& results,
                                           const std::vector<bool>* judge = nullptr);
// Whether a cell's chains (their results so far), judged `now` at their
// current length, need tempering: never at the planned length (the raised
// split–merge rate of a continued chain comes first); past it,
// advise_tempering on P(same table) and on the number of tables, each at
// this length and at half of it; tempering when either quantity's advice is
// to temper.
bool needs_tempering(const std::vector<const ChainResult*>& chains, const ConceptOptions& options,
                     const CellConvergence& now);
// The work (chain_task_work) a task adds when continued from `done`
// iterations to its own.
double continued_work(const ChainTask& task, std::size_t done, const ConceptOptions& options);
// Run until converged: rounds of tasks_to_continue, each task continued in
// place (tasks[i] gets its new length, results[i] its continued chain).
// `work`, when set, is told of work (people × iterations) as a round plans it
// (first argument) and as it is done (second); returning false cancels by
// throwing AnalysisCancelled. Each round's chains are one batch of
// `run_tasks`; `work` must then bear being called from its threads at once.
void continue_until_converged(const ConceptDataset& dataset, const ConceptOptions& options,
                              std::vector<ChainTask>& tasks, std::vector<ChainResult>& results,
                              const std::function<bool(double, double)>& work = {},
                              const TaskRunner& run_tasks = run_in_order);
// One concept's tasks, [first, end) of the plan (its pooled cells apart).
struct ConceptTasks {
  std::size_t population = 0;
  std::size_t concept = 0;
  std::size_t first = 0;
  std::size_t end = 0;
};
// Every concept of the dataset, population by population, with its tasks.
std::vector<ConceptTasks> concept_tasks(const ConceptDataset& dataset, const std::vector<ChainTask>& tasks);
// One concept's results from its chains' (results[t] for tasks[t], t in
// the range; their traces are moved out when options.keep_traces), as
// assemble_concept_analysis summarises it: a concept whose chains are all
// done can be summarised before the others' are.
ConceptResult summarise_concept(const ConceptDataset& dataset, const ConceptOptions& options,
                                const ConceptTasks& range, const std::vector<ChainTask>& tasks,
                                std::vector<ChainResult>& results);
// The analysis from every task's result (results[i] for tasks[i]); each
// concept is summarised from its chains as a task of `run_tasks`, unless
// `summarised` (empty, or one entry per concept of concept_tasks) holds it
// already; its tasks' results are then not read.
ConceptAnalysis assemble_concept_analysis(const ConceptDataset& dataset, const ConceptOptions& options,
                                          const std::vector<ChainTask>& tasks, std::vector<ChainResult> results,
                                          const TaskRunner& run_tasks = run_in_order,
                                          std::vector<std::optional<ConceptResult>> summarised = {});

// Clusters every concept of every population. `progress`, when set, is
// called after every iteration of every chain with the fraction of the work
// done (0..1]; returning false stops the analysis by throwing
// AnalysisCancelled; it is called one call at a time. The chains, and each
// round of continued chains, are batches of `run_tasks`: the analysis is the
// same however it spreads them. Throws std::invalid_argument for invalid
// options.
ConceptAnalysis analyse_concepts(const ConceptDataset& dataset, const ConceptOptions& options,
                                 const std::function<bool(double)>& progress = {},
                                 const TaskRunner& run_tasks = run_in_order);

}  // namespace shoal
