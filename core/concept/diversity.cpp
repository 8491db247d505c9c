#include "concept/diversity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "stats/convergence.hpp"
#include "stats/effective_sample_size.hpp"

namespace shoal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<QuestionAgreement> question_agreement(const ConceptResponses& responses) {
  std::vector<QuestionAgreement> result;
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

// The paper's QuestionReliability per label as presented, averaged into its
// ConceptReliability.
double paper_intersubject(const PresentedQuestions& presented) {
  if (!presented.defined || presented.labels.empty()) return kNaN;
  double total = 0.0;
  for (std::size_t q = 0; q < presented.labels.size(); ++q) {
    total += static_cast<double>(presented.second_choices[q]) / static_cast<double>(presented.rows[q]);
  }
  return total / static_cast<double>(presented.labels.size());
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

std::string format_number(double value, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::vector<std::string> convergence_warnings(const SubsetResult& s) {
  std::vector<std::string> warnings;
  const auto check_r_hat = [&](double value, const char* quantity) {
    if (std::isfinite(value) && value > kRHatWarning) {
      warnings.push_back(std::string("R-hat of ") + quantity + " is " + format_number(value, 3) + " (above " +
                         format_number(kRHatWarning, 2) + "): the chains disagree");
    }
  };
  const auto check_ess = [&](double value, const char* quantity) {
    if (std::isfinite(value) && value < kEssWarning) {
      warnings.push_back(std::string("effective sample size of ") + quantity + " is " + format_number(value, 1) +
                         " (below " + format_number(kEssWarning, 0) + "): run more iterations or chains");
    }
  };
  check_r_hat(s.r_hat_p_same_table, "P(same table)");
  check_r_hat(s.r_hat_tables, "the number of tables");
  check_ess(s.ess_p_same_table, "P(same table)");
  check_ess(s.ess_tables, "the number of tables");
  return warnings;
}

SubsetResult summarise_subset(std::size_t people, const std::vector<const ChainTask*>& tasks,
                              const std::vector<ChainResult*>& chains, bool keep_traces) {
  std::vector<std::uint64_t> seeds;
  for (const auto* task : tasks) seeds.push_back(task->seed);
  return summarise_chains(people, seeds, chains, keep_traces);
}

}  // namespace

SubsetResult summarise_chains(std::size_t people, const std::vector<std::uint64_t>& seeds,
                              const std::vector<ChainResult*>& chains, bool keep_traces) {
  SubsetResult result;
  result.people = people;
  std::vector<std::vector<double>> same_by_chain, tables_by_chain;
  std::vector<double> same, multiple, tables, richness;
  result.map_log_posterior = -std::numeric_limits<double>::infinity();
  for (std::size_t c = 0; c < chains.size(); ++c) {
    ChainResult& chain = *chains[c];
    ChainSummary summary;
    summary.seed = seeds[c];
    summary.last = chain.last;
    summary.map = chain.map;
    if (chain.map.log_posterior > result.map_log_posterior) {
      result.map_log_posterior = chain.map.log_posterior;
      result.map_seating = chain.map_seating;
    }
    same_by_chain.emplace_back();
    tables_by_chain.emplace_back();
    for (const auto& record : chain.recorded) {
      same.push_back(record.p_same_table);
      multiple.push_back(1.0 - record.p_same_table);
      tables.push_back(static_cast<double>(record.tables));
      richness.push_back(record.richness);
      same_by_chain.back().push_back(record.p_same_table);
      tables_by_chain.back().push_back(static_cast<double>(record.tables));
    }
    if (keep_traces) summary.trace = std::move(chain.recorded);
    result.chains.push_back(std::move(summary));
  }
  result.p_same_table = summarise_draws(std::move(same));
  result.p_multiple_concepts = summarise_draws(std::move(multiple));
  result.tables = summarise_draws(std::move(tables));
  result.richness = summarise_draws(std::move(richness));
  result.r_hat_p_same_table = classic_r_hat(same_by_chain);
  result.r_hat_tables = classic_r_hat(tables_by_chain);
  result.ess_p_same_table = effective_sample_size(same_by_chain);
  result.ess_tables = effective_sample_size(tables_by_chain);
  result.warnings = convergence_warnings(result);
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
  cr.per_question = question_agreement(responses);
  std::vector<double> means, agreements;
  for (const auto& q : cr.per_question) {
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
          tasks.push_back(task);
        }
      }
    }
  }
  return tasks;
}

double chain_task_work(const ChainTask& task, const ConceptOptions& options) {
  return static_cast<double>(task.people) * static_cast<double>(options.iterations);
}

ChainResult run_chain_task(const ConceptDataset& dataset, const ConceptOptions& options, const ChainTask& task,
                           const std::function<bool(std::size_t)>& after_iteration) {
  const auto& responses = dataset.populations.at(task.population).concepts.at(task.concept);
  const AnswerMatrix answers = answer_matrix(responses, task.people);
  Rng rng(task.seed);
  return run_chain(answers, options.model, ChainOptions{options.iterations, options.burn_in, options.kernel}, rng, after_iteration);
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
    last_multiple.push_back(1.0 - c.subsets.back().chains.front().last.p_same_table);
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
    cr.subsets.push_back(summarise_chains(concept.people, seeds, pointers, options.keep_traces));
    result.concepts.push_back(std::move(cr));
  }
  // Judged by the same rule as a population clustered here.
  summarise_population(result, options.min_people);
  return result;
}

}  // namespace

ConceptAnalysis assemble_concept_analysis(const ConceptDataset& dataset, const ConceptOptions& options,
                                          const std::vector<ChainTask>& tasks, std::vector<ChainResult> results) {
  if (results.size() != tasks.size()) throw std::invalid_argument("one chain result is needed per chain task");
  ConceptAnalysis analysis;
  analysis.options = options;
  std::size_t next = 0;
  for (std::size_t p = 0; p < dataset.populations.size(); ++p) {
    const auto& population = dataset.populations[p];
    ConceptPopulationResult pr;
    pr.label = population.label;
    std::size_t pooled_agreements = 0;
    for (std::size_t c = 0; c < population.concepts.size(); ++c) {
      const auto& responses = population.concepts[c];
      ConceptResult cr = describe_concept(responses);
      pr.repeated_pairs += responses.repeated_pairs;
      pooled_agreements += responses.repeated_agreements;
      // Tasks are planned population by population, concept by concept,
      // subset by subset, chain by chain.
      while (next < tasks.size() && tasks[next].population == p && tasks[next].concept == c) {
        const std::size_t people = tasks[next].people;
        std::vector<const ChainTask*> subset_tasks;
        std::vector<ChainResult*> subset_results;
        while (next < tasks.size() && tasks[next].population == p && tasks[next].concept == c &&
               tasks[next].people == people) {
          subset_tasks.push_back(&tasks[next]);
          subset_results.push_back(&results[next]);
          ++next;
        }
        cr.subsets.push_back(summarise_subset(people, subset_tasks, subset_results, options.keep_traces));
      }
      pr.concepts.push_back(std::move(cr));
    }
    summarise_population(pr, options.min_people);
    pr.within_agreement = pr.repeated_pairs > 0
                              ? static_cast<double>(pooled_agreements) / static_cast<double>(pr.repeated_pairs)
                              : kNaN;
    analysis.populations.push_back(std::move(pr));
  }
  for (const auto& released : dataset.released) analysis.populations.push_back(released_population_result(released, options));
  return analysis;
}

ConceptAnalysis analyse_concepts(const ConceptDataset& dataset, const ConceptOptions& options,
                                 const std::function<bool(double)>& progress) {
  const std::vector<ChainTask> tasks = plan_chain_tasks(dataset, options);
  double total_work = 0.0;
  for (const auto& task : tasks) total_work += chain_task_work(task, options);
  std::vector<ChainResult> results;
  double work_done = 0.0;
  for (const auto& task : tasks) {
    const double people = static_cast<double>(task.people);
    const auto after_iteration = [&](std::size_t done) {
      if (!progress || total_work <= 0.0) return true;
      return progress(std::min(1.0, (work_done + static_cast<double>(done) * people) / total_work));
    };
    results.push_back(run_chain_task(dataset, options, task, after_iteration));
    work_done += chain_task_work(task, options);
  }
  return assemble_concept_analysis(dataset, options, tasks, std::move(results));
}

}  // namespace shoal
