#include "concept/diversity.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "concept/tempering.hpp"
#include "stats/convergence.hpp"
#include "stats/convergence_verdict.hpp"
#include "stats/effective_sample_size.hpp"

namespace shoal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::vector<QuestionAgreement> question_agreement(const ConceptResponses& responses) {
  std::vector<QuestionAgreement> result;
  result.reserve(responses.questions.size());
  for (std::size_t q = 0; q < responses.questions.size(); ++q) {
    QuestionAgreement a;
    a.question = responses.questions[q];
    a.answers = responses.answer_count[q];
    const double n = static_cast<double>(a.answers);
    // Options from the last to the first: with two, ones then zeros.
    const auto& counts = responses.option_counts[q];
    double index_sum = 0.0, same_pairs = 0.0;
    for (std::size_t j = counts.size(); j-- > 0;) {
      const double c = static_cast<double>(counts[j]);
      index_sum += static_cast<double>(j) * c;
      same_pairs += c * (c - 1.0);
    }
    a.mean_choice = n > 0 ? index_sum / n : kNaN;
    a.pairwise_agreement = n > 1 ? same_pairs / (n * (n - 1.0)) : kNaN;
    result.push_back(a);
  }
  return result;
}

namespace {

// The paper's QuestionReliability per label as presented, averaged into its
// ConceptReliability.
double paper_intersubject(const PresentedQuestions& presented) {
  if (!presented.defined || presented.rows.empty()) return kNaN;
  double total = 0.0;
  for (std::size_t q = 0; q < presented.rows.size(); ++q) {
    total += static_cast<double>(presented.second_choices[q]) / static_cast<double>(presented.rows[q]);
  }
  return total / static_cast<double>(presented.rows.size());
}

double mean_of_finite(const std::vector<double>& values) {
  double total = 0.0;
  std::size_t n = 0;
  for (double v : values) {
    if (std::isfinite(v)) {
      total += v;
      ++n;
    }
  }
  return n > 0 ? total / static_cast<double>(n) : kNaN;
}

// Every value counts: a concept's numbers are finite by construction (see
// released_chain_results), and one that was not would show as an undefined
// mean rather than drop out of it unseen.
double mean_of_all(const std::vector<double>& values) {
  double total = 0.0;
  for (double v : values) total += v;
  return values.empty() ? kNaN : total / static_cast<double>(values.size());
}

SubsetResult summarise_subset(std::size_t people, const std::vector<const ChainTask*>& tasks,
                              const std::vector<ChainResult*>& chains, const ConceptOptions& options) {
  std::vector<std::uint64_t> seeds;
  for (const auto* task : tasks) seeds.push_back(task->seed);
  return summarise_chains(people, seeds, chains, options);
}

// The records a chain's summaries count: those after its burn-in.
std::vector<IterationRecord>::const_iterator first_counted(const ChainResult& chain, const ConceptOptions& options) {
  if (chain.state.iterations == 0) return chain.recorded.begin();   // read from a file: as recorded
  const std::size_t burn_in = counted_burn_in(options, chain.state.iterations);
  return std::find_if(chain.recorded.begin(), chain.recorded.end(),
                      [&](const IterationRecord& r) { return r.iteration >= burn_in; });
}

// The record at the planned final iteration, the paper's number.
IterationRecord planned_last(const ChainResult& chain, const ConceptOptions& options) {
  if (chain.state.iterations <= options.iterations) return chain.last;
  for (const auto& r : chain.recorded) {
    if (r.iteration + 1 == options.iterations) return r;
  }
  return chain.last;
}

CellConvergence judge_results(const std::vector<const ChainResult*>& chains, const ConceptOptions& options,
                              bool with_log_posterior = true) {
  std::vector<std::vector<IterationRecord>> counted;
  for (const auto* chain : chains) counted.emplace_back(first_counted(*chain, options), chain->recorded.cend());
  std::vector<const std::vector<IterationRecord>*> pointers;
  for (const auto& c : counted) pointers.push_back(&c);
  const ChainResult& first = *chains.front();
  const std::size_t iterations = first.state.iterations > 0 ? first.state.iterations : first.last.iteration + 1;
  const std::size_t burn_in = first.state.iterations > 0 ? counted_burn_in(options, iterations) : options.burn_in;
  return judge_cell(pointers, iterations, burn_in, with_log_posterior);
}

// The diagnostics of chains run here as they were when the chains had run
// `iterations`: their draws from that length's counted burn-in to it.
CellConvergence judge_results_at(const std::vector<const ChainResult*>& chains, const ConceptOptions& options,
                                 std::size_t iterations) {
  const std::size_t burn_in = counted_burn_in(options, iterations);
  std::vector<std::vector<IterationRecord>> counted(chains.size());
  for (std::size_t c = 0; c < chains.size(); ++c) {
    for (const auto& r : chains[c]->recorded) {
      if (r.iteration >= burn_in && r.iteration < iterations) counted[c].push_back(r);
    }
  }
  std::vector<const std::vector<IterationRecord>*> pointers;
  for (const auto& c : counted) pointers.push_back(&c);
  return judge_cell(pointers, iterations, burn_in, false);
}

// The tempering a cell's chains ran, from their saved states.
CellTempering cell_tempering(const std::vector<const ChainResult*>& chains) {
  CellTempering tempering;
  tempering.from_iteration = chains.front()->state.tempering.from;
  if (tempering.from_iteration == 0) return tempering;
  tempering.ladder = TemperingOptions{}.ladder;
  std::vector<double> proposed(tempering.ladder.size() - 1, 0.0), accepted(proposed);
  for (const auto* chain : chains) {
    const TemperingState& t = chain->state.tempering;
    for (std::size_t r = 0; r < proposed.size() && r < t.proposed.size(); ++r) {
      proposed[r] += static_cast<double>(t.proposed[r]);
      accepted[r] += static_cast<double>(t.accepted[r]);
    }
  }
  for (std::size_t r = 0; r < proposed.size(); ++r) {
    tempering.exchange_acceptance.push_back(proposed[r] > 0.0 ? accepted[r] / proposed[r] : kNaN);
  }
  return tempering;
}

ConvergenceAtDraws at_draws(const CellConvergence& cell, const ConvergenceDiagnostics& d) {
  return {cell.iterations - cell.burn_in, d.r_hat, d.ess_bulk};
}

}  // namespace

SubsetResult summarise_chains(std::size_t people, const std::vector<std::uint64_t>& seeds,
                              const std::vector<ChainResult*>& chains, const ConceptOptions& options) {
  SubsetResult result;
  result.people = people;
  std::vector<double> same, multiple, tables, richness;
  std::vector<const ChainResult*> judged(chains.begin(), chains.end());
  result.convergence = judge_results(judged, options);
  if (!chains.empty()) result.convergence.tempering = cell_tempering(judged);
  result.map_log_posterior = -std::numeric_limits<double>::infinity();
  double last_multiple = 0.0;
  DistinctTablesTally tables_drawn;
  for (std::size_t c = 0; c < chains.size(); ++c) {
    ChainResult& chain = *chains[c];
    ChainSummary summary;
    summary.seed = seeds[c];
    summary.last = planned_last(chain, options);
    summary.map = chain.map;
    last_multiple += 1.0 - summary.last.p_same_table;
    if (chain.map.log_posterior > result.map_log_posterior) {
      result.map_log_posterior = chain.map.log_posterior;
      result.map_seating = chain.map_seating;
    }
    const auto counted = first_counted(chain, options);
    const bool with_tables = chain.recorded_table_sizes.size() == chain.recorded.size();
    for (auto record = counted; record != chain.recorded.cend(); ++record) {
      if (with_tables) tables_drawn.add(chain.recorded_table_sizes[static_cast<std::size_t>(record - chain.recorded.cbegin())]);
      same.push_back(record->p_same_table);
      multiple.push_back(1.0 - record->p_same_table);
      tables.push_back(static_cast<double>(record->tables));
      richness.push_back(record->richness);
    }
    if (options.keep_traces) summary.trace.assign(counted, chain.recorded.cend());
    result.chains.push_back(std::move(summary));
  }
  if (tables_drawn.draws() > 0 && tables_drawn.draws() == same.size()) {
    result.draw_tables = tables_drawn.finish();
    result.diversity = diversity_from_tables(result.draw_tables);
  } else {
    // Chains read from a file, and no other kind, lack their table sizes.
    std::vector<IterationRecord> counted;
    for (ChainResult* chain : chains) counted.insert(counted.end(), first_counted(*chain, options), chain->recorded.cend());
    result.diversity = diversity_from_records(counted);
  }
  result.last_p_multiple_concepts = chains.empty() ? kNaN : last_multiple / static_cast<double>(chains.size());
  result.p_same_table = summarise_draws(std::move(same));
  result.p_multiple_concepts = summarise_draws(std::move(multiple));
  result.tables = summarise_draws(std::move(tables));
  result.richness = summarise_draws(std::move(richness));
  return result;
}

namespace {

ConceptResult describe_concept(const ConceptResponses& responses) {
  ConceptResult cr;
  cr.concept = responses.concept;
  cr.questions = responses.questions.size();
  cr.complete_individuals = responses.complete.size();
  cr.incomplete_individuals = responses.incomplete;
  cr.invalid_replies = responses.invalid_replies;
  cr.repeated_pairs = responses.repeated_pairs;
  cr.within_agreement = responses.repeated_pairs > 0 ? static_cast<double>(responses.repeated_agreements) /
                                                           static_cast<double>(responses.repeated_pairs)
                                                     : kNaN;
  const std::vector<QuestionAgreement> per_question = question_agreement(responses);
  std::vector<double> means, agreements;
  for (const auto& q : per_question) {
    means.push_back(q.mean_choice);
    agreements.push_back(q.pairwise_agreement);
  }
  cr.mean_choice = mean_of_finite(means);
  cr.between_agreement = mean_of_finite(agreements);
  cr.paper_intersubject = paper_intersubject(responses.presented);
  return cr;
}

}  // namespace

void validate(const ConceptOptions& options) {
  if (!(options.model.alpha > 0.0) || !std::isfinite(options.model.alpha)) {
    throw std::invalid_argument("alpha must be a positive number");
  }
  if (options.iterations == 0) throw std::invalid_argument("iterations must be at least 1");
  if (options.burn_in >= options.iterations) {
    throw std::invalid_argument("the burn-in (" + std::to_string(options.burn_in) +
                                ") must be smaller than the number of iterations (" +
                                std::to_string(options.iterations) + ") so that some iterations are recorded");
  }
  if (options.chains == 0) throw std::invalid_argument("chains must be at least 1");
  if (options.subset_sizes.empty()) throw std::invalid_argument("at least one subset size is needed");
  for (std::size_t size : options.subset_sizes) {
    if (size == 0) throw std::invalid_argument("subset sizes must be at least 1");
  }
  if (options.extrapolate_to == 0) throw std::invalid_argument("extrapolate-to must be at least 1");
  parse_pair_setting(options.pairs);
}

std::vector<std::size_t> subset_sizes_for(std::size_t available, const std::vector<std::size_t>& requested) {
  std::vector<std::size_t> sorted = requested;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::size_t> sizes;
  for (std::size_t size : sorted) {
    if (available >= size) {
      sizes.push_back(size);
      continue;
    }
    // The paper also clusters everyone when there are fewer than asked for.
    if (available > 0 && (sizes.empty() || sizes.back() != available)) sizes.push_back(available);
    break;
  }
  return sizes;
}

std::size_t max_chain_iterations(const ConceptOptions& options) {
  return options.chains >= 2 ? std::max(options.iterations, options.max_iterations) : options.iterations;
}

std::size_t next_chain_iterations(const ConceptOptions& options, std::size_t current, const CellConvergence& judged) {
  const std::size_t most = max_chain_iterations(options);
  if (current >= most) return most;
  // The factor by which the draws must grow for the effective sample size
  // the cell lacks most, were it to grow in proportion to them.
  double lacking = 1.0;
  for (const ConvergenceDiagnostics* d : {&judged.p_same_table, &judged.tables}) {
    for (const double ess : {d->ess_bulk, d->ess_tail}) {
      if (std::isnan(ess) || ess >= kEssMinimum) continue;
      lacking = std::max(lacking, kEssMinimum / std::max(ess, 1.0));
    }
  }
  const double factor =
      std::min(kMostBlockGrowth, std::max(kLeastBlockGrowth, kBlockGrowthMargin * lacking));
  // Lengths in whole steps of a quarter of the planned run (125 of 500).
  const std::size_t step = std::max<std::size_t>(1, options.iterations / 4);
  const auto wanted = static_cast<std::size_t>(std::ceil(static_cast<double>(current) * factor / static_cast<double>(step)));
  return std::min(most, std::max(current + step, wanted * step));
}

std::size_t counted_burn_in(const ConceptOptions& options, std::size_t iterations) {
  if (iterations == options.iterations) return options.burn_in;
  // In long double, so that burn_in × iterations cannot overflow and the
  // share is the same on every platform (both are below 2^53).
  return static_cast<std::size_t>(static_cast<long double>(iterations) * static_cast<long double>(options.burn_in) /
                                  static_cast<long double>(options.iterations));
}

std::vector<ChainTask> plan_chain_tasks(const ConceptDataset& dataset, const ConceptOptions& options) {
  validate(options);
  std::vector<ChainTask> tasks;
  for (std::size_t p = 0; p < dataset.populations.size(); ++p) {
    const auto& population = dataset.populations[p];
    for (std::size_t c = 0; c < population.concepts.size(); ++c) {
      const auto& responses = population.concepts[c];
      const std::string stream_label = population.label.name + '\x1f' + responses.concept;
      for (std::size_t size : subset_sizes_for(responses.complete.size(), options.subset_sizes)) {
        for (std::size_t chain = 0; chain < options.chains; ++chain) {
          ChainTask task;
          task.population = p;
          task.concept = c;
          task.people = size;
          task.chain = chain;
          task.seed = derive_seed(options.seed,
                                  stream_label + '\x1f' + std::to_string(size) + '\x1f' + std::to_string(chain));
          task.iterations = options.iterations;
          tasks.push_back(task);
        }
      }
    }
  }
  for (const PopulationPair& pair : resolve_population_pairs(dataset.populations, parse_pair_setting(options.pairs))) {
    const auto& a = dataset.populations[pair.a];
    const auto& b = dataset.populations[pair.b];
    for (std::size_t c = 0; c < a.concepts.size(); ++c) {
      const std::size_t cb = matching_concept(b, a.concepts[c].concept);
      if (cb == b.concepts.size()) continue;
      const std::size_t people = pooled_people(a.concepts[c], b.concepts[cb], options.subset_sizes);
      if (people == 0) continue;
      const std::string stream_label =
          a.label.name + '\x1f' + b.label.name + '\x1f' + a.concepts[c].concept + "\x1fpooled\x1f" + std::to_string(people);
      for (std::size_t chain = 0; chain < options.chains; ++chain) {
        ChainTask task;
        task.population = pair.a;
        task.concept = c;
        task.partner = pair.b;
        task.partner_concept = cb;
        task.people = people;
        task.chain = chain;
        task.seed = derive_seed(options.seed, stream_label + '\x1f' + std::to_string(chain));
        task.iterations = options.iterations;
        tasks.push_back(task);
      }
    }
  }
  return tasks;
}

bool same_cell(const ChainTask& a, const ChainTask& b) {
  return a.population == b.population && a.concept == b.concept && a.people == b.people && a.partner == b.partner &&
         (a.partner == ChainTask::kNoPartner || a.partner_concept == b.partner_concept);
}

std::size_t chain_task_people(const ChainTask& task) {
  return task.partner == ChainTask::kNoPartner ? task.people : 2 * task.people;
}

double chain_task_work(const ChainTask& task, const ConceptOptions& options) {
  (void)options;
  const std::size_t plain =
      task.tempered_from > 0 ? std::min(task.tempered_from, task.iterations) : task.iterations;
  const double rungs = static_cast<double>(TemperingOptions{}.ladder.size());
  return static_cast<double>(chain_task_people(task)) *
         (static_cast<double>(plain) + rungs * static_cast<double>(task.iterations - plain));
}

namespace {

// A task's chain options. Seatings are kept at a concept's largest subset
// alone, where which concepts the population holds is read from them; a
// pooled cell keeps only the three shares of each draw.
ChainOptions chain_options(const ConceptResponses& responses, const ConceptOptions& options, const ChainTask& task) {
  ChainOptions chain{task.iterations, options.burn_in, options.kernel};
  chain.planned_iterations = options.iterations;
  if (task.partner != ChainTask::kNoPartner) {
    chain.first_population_people = task.people;
    return chain;
  }
  chain.record_seatings = subset_sizes_for(responses.complete.size(), options.subset_sizes).back() == task.people;
  return chain;
}

// The answers a task's restaurant seats.
AnswerMatrix task_answers(const ConceptDataset& dataset, const ChainTask& task) {
  const auto& responses = dataset.populations.at(task.population).concepts.at(task.concept);
  if (task.partner == ChainTask::kNoPartner) return answer_matrix(responses, task.people);
  return pooled_answer_matrix(responses, dataset.populations.at(task.partner).concepts.at(task.partner_concept),
                              task.people);
}

}  // namespace

ChainResult run_chain_task(const ConceptDataset& dataset, const ConceptOptions& options, const ChainTask& task,
                           const std::function<bool(std::size_t)>& after_iteration) {
  if (task.tempered_from == 0 || task.tempered_from >= task.iterations) {
    const auto& responses = dataset.populations.at(task.population).concepts.at(task.concept);
    const AnswerMatrix answers = task_answers(dataset, task);
    Rng rng(task.seed);
    return run_chain(answers, options.model, chain_options(responses, options, task), rng, after_iteration);
  }
  // Its plain part, then the tempered continuation: one schedule, whether
  // run at once or in rounds.
  ChainTask plain = task;
  plain.iterations = task.tempered_from;
  plain.tempered_from = 0;
  ChainResult result = run_chain_task(dataset, options, plain, after_iteration);
  continue_chain_task(dataset, options, task, result, after_iteration);
  return result;
}

void continue_chain_task(const ConceptDataset& dataset, const ConceptOptions& options, const ChainTask& task,
                         ChainResult& result, const std::function<bool(std::size_t)>& after_iteration) {
  const auto& responses = dataset.populations.at(task.population).concepts.at(task.concept);
  const AnswerMatrix answers = task_answers(dataset, task);
  const ChainOptions options_of_chain = chain_options(responses, options, task);
  if (task.tempered_from == 0) {
    continue_chain(answers, options.model, options_of_chain, result, task.iterations, after_iteration);
  } else {
    continue_tempered_chain(answers, options.model, options_of_chain, task.seed, task.tempered_from, result,
                            task.iterations, after_iteration);
  }
}

bool needs_tempering(const std::vector<const ChainResult*>& chains, const ConceptOptions& options,
                     const CellConvergence& now) {
  if (chains.empty()) return false;
  // Not at the planned length: its draws come from the tuned split–merge
  // rate, and a continued chain mixes with the raised one
  // (kContinuedSplitMergeFactor), which must have had its chance first.
  // Once continued, the same chains at half their length: ESS that grows
  // with the draws about doubles from there.
  if (now.iterations <= options.iterations) return false;
  const CellConvergence earlier = judge_results_at(chains, options, now.iterations / 2);
  const auto advice = [&](const ConvergenceDiagnostics& before, const ConvergenceDiagnostics& later) {
    return advise_tempering(at_draws(earlier, before), at_draws(now, later), chains.size());
  };
  return advice(earlier.p_same_table, now.p_same_table) == TemperingAdvice::Temper ||
         advice(earlier.tables, now.tables) == TemperingAdvice::Temper;
}

std::vector<std::size_t> tasks_to_continue(const ConceptOptions& options, std::vector<ChainTask>& tasks,
                                           const std::vector<ChainResult>& results, const std::vector<bool>* judge) {
  if (results.size() != tasks.size()) throw std::invalid_argument("one chain result is needed per chain task");
  if (judge && judge->size() != tasks.size()) throw std::invalid_argument("one flag is needed per chain task");
  std::vector<std::size_t> chosen;
  const std::size_t most = max_chain_iterations(options);
  // Tasks are planned subset by subset, a cell's chains together.
  for (std::size_t first = 0; first < tasks.size();) {
    std::size_t end = first;
    std::vector<const ChainResult*> chains;
    bool judged = judge == nullptr;
    while (end < tasks.size() && same_cell(tasks[end], tasks[first])) {
      if (results[end].state.iterations != tasks[end].iterations ||
          results[end].state.tempering.from != (tasks[end].tempered_from < tasks[end].iterations ? tasks[end].tempered_from : 0)) {
        throw std::invalid_argument("a chain result does not have the length or the tempering of its task");
      }
      chains.push_back(&results[end]);
      judged = judged || (*judge)[end];
      ++end;
    }
    const std::size_t current = tasks[first].iterations;
    if (judged && current < most) {
      const CellConvergence now = judge_results(chains, options, false);
      if (now.verdict == CellVerdict::Failed) {
        const bool temper = tasks[first].tempered_from == 0 && needs_tempering(chains, options, now);
        const std::size_t next = next_chain_iterations(options, current, now);
        for (std::size_t t = first; t < end; ++t) {
          if (temper) tasks[t].tempered_from = current;
          tasks[t].iterations = next;
          chosen.push_back(t);
        }
      }
    }
    first = end;
  }
  return chosen;
}

double continued_work(const ChainTask& task, std::size_t done, const ConceptOptions& options) {
  ChainTask before = task;
  before.iterations = done;
  return chain_task_work(task, options) - chain_task_work(before, options);
}

void summarise_population(ConceptPopulationResult& population, std::size_t min_people) {
  std::vector<double> multiple, last_multiple;
  population.concepts_clustered = 0;
  for (auto& c : population.concepts) {
    c.below_min_people = !c.subsets.empty() && c.subsets.back().people < min_people;
    if (c.subsets.empty()) continue;
    ++population.concepts_clustered;
    if (c.below_min_people) continue;
    multiple.push_back(c.subsets.back().p_multiple_concepts.mean);
    last_multiple.push_back(c.subsets.back().last_p_multiple_concepts);
  }
  population.mean_p_multiple_concepts = mean_of_all(multiple);
  population.mean_last_p_multiple_concepts = mean_of_all(last_multiple);
}

namespace {

// The chains of one released concept as if they had run here, keeping the
// iterations from the burn-in on. A released chain must keep at least one,
// and all of a concept's chains as many, as a chain run here always does
// (its burn-in is below its iterations): otherwise its posterior summaries
// would be undefined and the concept would drop out of the population's means
// unseen, or R-hat would compare chains of unequal length. The analysis stops
// with a message instead.
std::vector<ChainResult> released_chain_results(const ReleasedPopulation& population, const ReleasedConcept& concept,
                                                std::size_t burn_in) {
  const auto where = [&](std::size_t c) {
    return "chain " + std::to_string(concept.chain_numbers[c]) + " of '" + concept.concept + "' in " + population.file;
  };
  std::vector<ChainResult> chains;
  for (std::size_t c = 0; c < concept.chains.size(); ++c) {
    const auto& records = concept.chains[c];
    ChainResult chain;
    chain.last = records.back();
    chain.map = records.front();
    for (const auto& record : records) {
      if (record.iteration >= burn_in) chain.recorded.push_back(record);
      if (record.log_posterior > chain.map.log_posterior) chain.map = record;
    }
    if (chain.recorded.empty()) {
      throw std::invalid_argument("the burn-in (" + std::to_string(burn_in) + ") leaves no iterations of " + where(c) +
                                  ", whose last is " + std::to_string(chain.last.iteration) +
                                  ": set a burn-in at most that");
    }
    if (!chains.empty() && chain.recorded.size() != chains.front().recorded.size()) {
      throw std::invalid_argument("from the burn-in (" + std::to_string(burn_in) + ") on, " + where(c) + " has " +
                                  std::to_string(chain.recorded.size()) + " iterations and " + where(0) + " has " +
                                  std::to_string(chains.front().recorded.size()) +
                                  ": R-hat and the effective sample size need chains of equal length");
    }
    chains.push_back(std::move(chain));
  }
  return chains;
}

// A population whose chains ran elsewhere, summarised as if they had run
// here: per concept one subset (its NumberOfPeople), posterior summaries over
// the iterations from the burn-in on, R-hat and effective sample sizes over
// the chains, each chain's final and highest-posterior iteration. No
// reliability (the judgements are not in the file) and no MAP seating.
ConceptPopulationResult released_population_result(const ReleasedPopulation& population,
                                                   const ConceptOptions& options) {
  ConceptPopulationResult result;
  result.label = population.label;
  result.within_agreement = kNaN;
  for (const auto& concept : population.concepts) {
    ConceptResult cr;
    cr.concept = concept.concept;
    cr.complete_individuals = concept.people;
    cr.within_agreement = kNaN;
    cr.mean_choice = kNaN;
    cr.between_agreement = kNaN;
    std::vector<ChainResult> chains = released_chain_results(population, concept, options.burn_in);
    std::vector<ChainResult*> pointers;
    for (auto& chain : chains) pointers.push_back(&chain);
    // Chains read from a file have no seed of ours.
    const std::vector<std::uint64_t> seeds(chains.size(), 0);
    cr.subsets.push_back(summarise_chains(concept.people, seeds, pointers, options));
    cr.profile_missing = kReleasedChainsMissing;
    result.concepts.push_back(std::move(cr));
  }
  // Judged by the same rule as a population clustered here.
  summarise_population(result, options.min_people);
  return result;
}

// The curves and which concepts a population holds, at a concept's largest
// subset, from its chains' counted draws.
void profile_concept(ConceptResult& cr, const ConceptPopulation& population, std::size_t concept,
                     const std::vector<ChainResult*>& largest, const ConceptOptions& options) {
  const SubsetResult& subset = cr.subsets.back();
  if (subset.people < 2) {
    cr.profile_missing = "one person holds one concept: no curve and no partition";
    return;
  }
  cr.curve = diversity_curve(subset.draw_tables, subset.people, options.extrapolate_to);
  DistinctPartitionsTally seatings;
  Clustering draw(subset.people);
  for (const ChainResult* chain : largest) {
    if (chain->recorded_seatings.size() != chain->recorded.size() * subset.people) {
      throw std::invalid_argument("a chain at a concept's largest subset lacks its seatings");
    }
    const auto counted = static_cast<std::size_t>(first_counted(*chain, options) - chain->recorded.cbegin());
    for (std::size_t d = counted; d < chain->recorded.size(); ++d) {
      chain->recorded_seatings.copy(d * subset.people, subset.people, draw.begin());
      seatings.add(draw);
    }
  }
  const auto& responses = population.concepts[concept];
  WhichConceptsOptions which;
  which.loss = options.partition_loss;
  which.seed = derive_seed(options.seed, population.label.name + '\x1f' + responses.concept + "\x1fwhich concepts");
  cr.which = which_concepts(responses, subset.people, seatings.finish(), which);
}

// Per concept, in order of first appearance, the populations that can be
// compared at equal size and coverage; each concept's draws are then let go.
std::vector<ConceptDiversityComparison> compare_diversity(ConceptAnalysis& analysis) {
  // Each concept's cells, gathered in one pass (a search of every concept
  // for each took 13 s of a run of 54,850 concepts).
  std::vector<std::string> concepts;
  std::unordered_map<std::string, std::vector<ConceptDraws>> cells_of;
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      auto [at, added] = cells_of.try_emplace(c.concept);
      if (added) concepts.push_back(c.concept);
      if (c.subsets.empty() || c.below_min_people) continue;
      const SubsetResult& s = c.subsets.back();
      if (s.people >= 2 && !s.draw_tables.sizes.empty()) at->second.push_back({p.label.name, s.people, &s.draw_tables});
    }
  }
  std::vector<ConceptDiversityComparison> comparisons;
  for (const auto& concept : concepts) {
    const std::vector<ConceptDraws>& cells = cells_of[concept];
    if (cells.size() >= 2) comparisons.push_back(compare_at_equal_effort(concept, cells, analysis.options.extrapolate_to));
  }
  for (auto& p : analysis.populations) {
    for (auto& c : p.concepts) {
      for (auto& s : c.subsets) s.draw_tables = DistinctTables{};
    }
  }
  return comparisons;
}

// A pooled cell from its chains' counted draws.
SharedConcept summarise_shared(const ConceptDataset& dataset, const ChainTask& cell,
                               const std::vector<const ChainResult*>& chains, const ConceptOptions& options) {
  SharedConcept shared;
  shared.population_a = dataset.populations.at(cell.population).label.name;
  shared.population_b = dataset.populations.at(cell.partner).label.name;
  shared.concept = dataset.populations[cell.population].concepts.at(cell.concept).concept;
  shared.people_a = shared.people_b = cell.people;
  shared.convergence = judge_results(chains, options);
  shared.convergence.tempering = cell_tempering(chains);
  std::vector<double> cross, same_a, same_b;
  for (const ChainResult* chain : chains) {
    if (chain->recorded_shared.size() != chain->recorded.size()) {
      throw std::invalid_argument("a chain of a pooled cell lacks its draws' shares");
    }
    const auto counted = static_cast<std::size_t>(first_counted(*chain, options) - chain->recorded.cbegin());
    for (std::size_t d = counted; d < chain->recorded_shared.size(); ++d) {
      cross.push_back(chain->recorded_shared[d].cross);
      same_a.push_back(chain->recorded_shared[d].same_a);
      same_b.push_back(chain->recorded_shared[d].same_b);
    }
  }
  shared.p_cross_same = summarise_draws(std::move(cross));
  shared.p_same_a = summarise_draws(std::move(same_a));
  shared.p_same_b = summarise_draws(std::move(same_b));
  return shared;
}

}  // namespace

std::vector<ConceptTasks> concept_tasks(const ConceptDataset& dataset, const std::vector<ChainTask>& tasks) {
  // Tasks are planned population by population, concept by concept, subset
  // by subset, chain by chain: each concept's tasks are a run of them.
  std::vector<ConceptTasks> concepts;
  std::size_t next = 0;
  for (std::size_t p = 0; p < dataset.populations.size(); ++p) {
    for (std::size_t c = 0; c < dataset.populations[p].concepts.size(); ++c) {
      ConceptTasks range{p, c, next, next};
      while (next < tasks.size() && tasks[next].population == p && tasks[next].concept == c &&
             tasks[next].partner == ChainTask::kNoPartner) {
        ++next;
      }
      range.end = next;
      concepts.push_back(range);
    }
  }
  return concepts;
}

ConceptResult summarise_concept(const ConceptDataset& dataset, const ConceptOptions& options,
                                const ConceptTasks& range, const std::vector<ChainTask>& tasks,
                                std::vector<ChainResult>& results) {
  const auto& population = dataset.populations.at(range.population);
  ConceptResult cr = describe_concept(population.concepts.at(range.concept));
  std::vector<ChainResult*> subset_results;
  for (std::size_t t = range.first; t < range.end;) {
    const ChainTask& cell = tasks[t];
    std::vector<const ChainTask*> subset_tasks;
    subset_results.clear();
    for (; t < range.end && same_cell(tasks[t], cell); ++t) {
      subset_tasks.push_back(&tasks[t]);
      subset_results.push_back(&results[t]);
    }
    cr.subsets.push_back(summarise_subset(cell.people, subset_tasks, subset_results, options));
  }
  if (!cr.subsets.empty()) profile_concept(cr, population, range.concept, subset_results, options);
  // Its chains are summarised: their draws and states go, so that the
  // results and the summaries are not both held whole.
  for (std::size_t t = range.first; t < range.end; ++t) results[t] = ChainResult{};
  return cr;
}

ConceptAnalysis assemble_concept_analysis(const ConceptDataset& dataset, const ConceptOptions& options,
                                          const std::vector<ChainTask>& tasks, std::vector<ChainResult> results,
                                          const TaskRunner& run_tasks,
                                          std::vector<std::optional<ConceptResult>> summarised) {
  if (results.size() != tasks.size()) throw std::invalid_argument("one chain result is needed per chain task");
  ConceptAnalysis analysis;
  analysis.options = options;
  // Each concept is summarised as a task of its own, from its own chains,
  // unless it was summarised before.
  const std::vector<ConceptTasks> concepts = concept_tasks(dataset, tasks);
  if (!summarised.empty() && summarised.size() != concepts.size()) {
    throw std::invalid_argument("one entry is needed per concept summarised before");
  }
  summarised.resize(concepts.size());
  run_tasks("concepts summarised", concepts.size(), [&](std::size_t k) {
    if (!summarised[k]) summarised[k] = summarise_concept(dataset, options, concepts[k], tasks, results);
  });
  std::size_t next = concepts.empty() ? 0 : concepts.back().end;
  // The pooled cells, planned after every population's own.
  while (next < tasks.size()) {
    const ChainTask& cell = tasks[next];
    std::vector<const ChainResult*> chains;
    for (; next < tasks.size() && same_cell(tasks[next], cell); ++next) chains.push_back(&results[next]);
    if (cell.partner == ChainTask::kNoPartner) throw std::invalid_argument("chain tasks are not in their planned order");
    analysis.shared.push_back(summarise_shared(dataset, cell, chains, options));
  }
  // Every chain is summarised: the results (half a kilobyte each, 30 MB for
  // 54,850 concepts) go before the summaries are gathered.
  std::vector<ChainResult>().swap(results);
  std::size_t k = 0;
  for (const auto& population : dataset.populations) {
    ConceptPopulationResult pr;
    pr.label = population.label;
    pr.concepts.reserve(population.concepts.size());
    std::size_t pooled_agreements = 0;
    for (const auto& responses : population.concepts) {
      pr.repeated_pairs += responses.repeated_pairs;
      pooled_agreements += responses.repeated_agreements;
      pr.concepts.push_back(std::move(*summarised[k++]));
    }
    summarise_population(pr, options.min_people);
    pr.within_agreement = pr.repeated_pairs > 0
                              ? static_cast<double>(pooled_agreements) / static_cast<double>(pr.repeated_pairs)
                              : kNaN;
    analysis.populations.push_back(std::move(pr));
  }
  for (const auto& released : dataset.released) analysis.populations.push_back(released_population_result(released, options));
  analysis.diversity_comparisons = compare_diversity(analysis);
  return analysis;
}

namespace {

// The tasks `chosen` ordered by their work, largest first (ties in planned
// order): spread over threads, the long chains start first and the short
// ones fill in at the end. The order changes when a chain runs, never what
// it draws.
std::vector<std::size_t> largest_first(std::vector<std::size_t> chosen, const std::vector<ChainTask>& tasks,
                                       const ConceptOptions& options) {
  std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
    return chain_task_work(tasks[a], options) > chain_task_work(tasks[b], options);
  });
  return chosen;
}

std::vector<std::size_t> all_tasks(std::size_t count) {
  std::vector<std::size_t> all(count);
  for (std::size_t t = 0; t < count; ++t) all[t] = t;
  return all;
}

// Every task, a concept's together: the pooled cells' first (largest first:
// they are of two populations' people), then the concepts, the most work
// first, each concept's chains largest first.
std::vector<std::size_t> concepts_largest_first(const std::vector<ConceptTasks>& concepts,
                                                const std::vector<ChainTask>& tasks, const ConceptOptions& options) {
  const std::size_t pooled_from = concepts.empty() ? 0 : concepts.back().end;
  std::vector<std::size_t> order;
  order.reserve(tasks.size());
  for (std::size_t t = pooled_from; t < tasks.size(); ++t) order.push_back(t);
  order = largest_first(std::move(order), tasks, options);
  std::vector<double> work(concepts.size(), 0.0);
  std::vector<std::size_t> by_work = all_tasks(concepts.size());
  for (std::size_t k = 0; k < concepts.size(); ++k) {
    for (std::size_t t = concepts[k].first; t < concepts[k].end; ++t) work[k] += chain_task_work(tasks[t], options);
  }
  std::stable_sort(by_work.begin(), by_work.end(), [&](std::size_t a, std::size_t b) { return work[a] > work[b]; });
  for (std::size_t k : by_work) {
    std::vector<std::size_t> own;
    for (std::size_t t = concepts[k].first; t < concepts[k].end; ++t) own.push_back(t);
    for (std::size_t t : largest_first(std::move(own), tasks, options)) order.push_back(t);
  }
  return order;
}

}  // namespace

void continue_until_converged(const ConceptDataset& dataset, const ConceptOptions& options,
                              std::vector<ChainTask>& tasks, std::vector<ChainResult>& results,
                              const std::function<bool(double, double)>& work, const TaskRunner& run_tasks) {
  std::size_t rounds = 0;
  // Only a cell continued in the last round can need another.
  std::vector<bool> continued(tasks.size(), false);
  for (auto round = tasks_to_continue(options, tasks, results); !round.empty();
       round = tasks_to_continue(options, tasks, results, &continued)) {
    double planned = 0.0;
    std::fill(continued.begin(), continued.end(), false);
    for (std::size_t t : round) {
      planned += continued_work(tasks[t], results[t].state.iterations, options);
      continued[t] = true;
    }
    if (work && !work(planned, 0.0)) throw AnalysisCancelled();
    round = largest_first(std::move(round), tasks, options);
    const std::string what = "chains continued (round " + std::to_string(++rounds) + ")";
    run_tasks(what.c_str(), round.size(), [&](std::size_t k) {
      const std::size_t t = round[k];
      const ChainTask& task = tasks[t];
      const double people = static_cast<double>(chain_task_people(task)), rungs = static_cast<double>(TemperingOptions{}.ladder.size());
      // A tempered iteration moves every rung's replica.
      const auto after_iteration = [&](std::size_t done) {
        return work(0.0, task.tempered_from > 0 && done > task.tempered_from ? rungs * people : people);
      };
      continue_chain_task(dataset, options, task, results[t], work ? after_iteration : std::function<bool(std::size_t)>());
    });
  }
}

ConceptAnalysis analyse_concepts(const ConceptDataset& dataset, const ConceptOptions& options,
                                 const std::function<bool(double)>& progress, const TaskRunner& run_tasks) {
  std::vector<ChainTask> tasks = plan_chain_tasks(dataset, options);
  // The work is known round by round: the planned chains, then each round's
  // continuations; the fraction reported never goes back. Chains running on
  // several threads account their work one at a time.
  double total_work = 0.0, work_done = 0.0, reported = 0.0;
  for (const auto& task : tasks) total_work += chain_task_work(task, options);
  std::mutex accounting;
  const auto account = [&](double planned, double done) {
    const std::lock_guard<std::mutex> lock(accounting);
    total_work += planned;
    work_done += done;
    if (total_work <= 0.0) return true;
    reported = std::max(reported, std::min(1.0, work_done / total_work));
    return progress(reported);
  };
  std::vector<ChainResult> results(tasks.size());
  // When no round can continue a chain (one chain per cell, or no room to
  // run longer), each concept is summarised as soon as its last chain is
  // done, by the thread that ran it, and its chains are let go: the chains
  // of every concept are never all held (137 MB of a 100 MB file of 54,850
  // small concepts). Chains are then taken a concept at a time. Either way
  // a chain draws the same numbers, so the report is the same.
  const bool final_as_planned = max_chain_iterations(options) == options.iterations;
  std::vector<ConceptTasks> concepts = final_as_planned ? concept_tasks(dataset, tasks) : std::vector<ConceptTasks>();
  std::vector<std::optional<ConceptResult>> summarised(concepts.size());
  constexpr std::size_t kNoConcept = static_cast<std::size_t>(-1);
  std::vector<std::size_t> concept_of(tasks.size(), kNoConcept);
  std::unique_ptr<std::atomic<std::size_t>[]> chains_left(new std::atomic<std::size_t>[concepts.size()]);
  for (std::size_t k = 0; k < concepts.size(); ++k) {
    chains_left[k] = concepts[k].end - concepts[k].first;
    for (std::size_t t = concepts[k].first; t < concepts[k].end; ++t) concept_of[t] = k;
  }
  std::vector<std::size_t> order = final_as_planned ? concepts_largest_first(concepts, tasks, options)
                                                    : largest_first(all_tasks(tasks.size()), tasks, options);
  run_tasks("chains", tasks.size(), [&](std::size_t k) {
    const std::size_t t = order[k];
    const ChainTask& task = tasks[t];
    const double people = static_cast<double>(chain_task_people(task));
    const auto after_iteration = [&](std::size_t) { return account(0.0, people); };
    results[t] = run_chain_task(dataset, options, task, progress ? after_iteration : std::function<bool(std::size_t)>());
    const std::size_t c = concept_of[t];
    // The last of a concept's chains to finish sees the others' results.
    if (c != kNoConcept && chains_left[c].fetch_sub(1) == 1) {
      summarised[c] = summarise_concept(dataset, options, concepts[c], tasks, results);
    }
  });
  if (!final_as_planned) {
    std::function<bool(double, double)> work;
    if (progress) work = account;
    continue_until_converged(dataset, options, tasks, results, work, run_tasks);
  }
  // The bookkeeping of the chains goes before the summaries are gathered.
  std::vector<std::size_t>().swap(concept_of);
  std::vector<std::size_t>().swap(order);
  std::vector<ConceptTasks>().swap(concepts);
  chains_left.reset();
  return assemble_concept_analysis(dataset, options, tasks, std::move(results), run_tasks, std::move(summarised));
}

}  // namespace shoal
