#include "concept/released_chains.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <utility>

#include "concept/diversity.hpp"
#include "io/input_error.hpp"

namespace shoal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number_in(const CsvTable& table, std::size_t record, std::size_t column, const char* what) {
  const std::string_view text = trim(table.cell(record, column));
  const std::optional<double> value = finite_number(text);
  if (!value) {
    throw InputError(table.file, table.line_of(record), table.header[column],
                     std::string("expected ") + what + ", found '" + std::string(text) + "'");
  }
  return *value;
}

std::size_t count_in(const CsvTable& table, std::size_t record, std::size_t column, const char* what) {
  const double value = number_in(table, record, column, what);
  if (value < 0 || value != std::floor(value) || value > 1e12) {
    throw InputError(table.file, table.line_of(record), table.header[column],
                     std::string("expected ") + what + " (a whole number), found " + quote_text(table.cell(record, column)));
  }
  return static_cast<std::size_t>(value);
}

}  // namespace

bool has_released_chain_columns(const CsvTable& table) {
  for (const char* name : {"Concept", "Chain", "Iteration", "ProbabilityOfSameTable"}) {
    if (!table.find_column(name)) return false;
  }
  return true;
}

ReleasedPopulation read_released_chains(const CsvTable& table, const LabelOverride& labels) {
  const std::size_t concept_column = table.require_column("Concept");
  const std::size_t chain_column = table.require_column("Chain");
  const std::size_t iteration_column = table.require_column("Iteration");
  const std::size_t same_column = table.require_column("ProbabilityOfSameTable");
  const std::size_t people_column = table.require_column("NumberOfPeople");
  const std::size_t tables_column = table.require_column("Tables");
  const auto richness_column = table.find_column("S_Chao1");
  const auto posterior_column = table.find_column("Posterior");

  ReleasedPopulation population;
  population.label.name = kReleasedHumanChainsName;
  population.label.human = true;
  apply_override(labels, population.label);

  std::map<std::string, std::size_t> concept_index;
  // Per concept: chain number -> iteration -> record.
  std::vector<std::map<std::size_t, std::map<std::size_t, IterationRecord>>> chains;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::string concept(trim(table.cell(r, concept_column)));
    if (concept.empty()) throw InputError(table.file, table.line_of(r), table.header[concept_column], "expected a concept name, found an empty cell");
    const auto [it, added] = concept_index.emplace(concept, population.concepts.size());
    const std::size_t people = count_in(table, r, people_column, "the number of people");
    if (added) {
      population.concepts.push_back({concept, people, {}});
      chains.emplace_back();
    } else if (population.concepts[it->second].people != people) {
      throw InputError(table.file, table.line_of(r), table.header[people_column],
                       "expected one number of people per concept: '" + concept + "' had " +
                           std::to_string(population.concepts[it->second].people) + " on an earlier row, here " +
                           std::to_string(people));
    }
    IterationRecord record;
    record.iteration = count_in(table, r, iteration_column, "an iteration number");
    record.tables = count_in(table, r, tables_column, "a number of tables");
    record.p_same_table = number_in(table, r, same_column, "a probability");
    if (record.p_same_table < 0.0 || record.p_same_table > 1.0) {
      throw InputError(table.file, table.line_of(r), table.header[same_column],
                       "expected a probability between 0 and 1, found " + quote_text(table.cell(r, same_column)));
    }
    record.richness = richness_column ? number_in(table, r, *richness_column, "a richness estimate") : kNaN;
    record.log_posterior = posterior_column ? number_in(table, r, *posterior_column, "a log posterior") : kNaN;
    const std::size_t chain = count_in(table, r, chain_column, "a chain number");
    if (!chains[it->second][chain].emplace(record.iteration, record).second) {
      throw InputError(table.file, table.line_of(r), table.header[iteration_column],
                       "iteration " + std::to_string(record.iteration) + " of chain " + std::to_string(chain) +
                           " of '" + concept + "' appears twice");
    }
  }
  if (population.concepts.empty()) throw InputError(table.file, 1, "", "expected at least one row of chains, found none");
  for (std::size_t c = 0; c < population.concepts.size(); ++c) {
    for (auto& [number, records] : chains[c]) {
      auto& out = population.concepts[c].chains.emplace_back();
      for (auto& [iteration, record] : records) out.push_back(record);
    }
  }
  return population;
}

ConceptPopulationResult summarise_released(const ReleasedPopulation& population, const ConceptOptions& options) {
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
    std::vector<ChainResult> chains;
    for (const auto& records : concept.chains) {
      ChainResult chain;
      chain.last = records.back();
      chain.map = records.front();
      for (const auto& record : records) {
        if (record.iteration >= options.burn_in) chain.recorded.push_back(record);
        if (record.log_posterior > chain.map.log_posterior) chain.map = record;
      }
      chains.push_back(std::move(chain));
    }
    std::vector<ChainResult*> pointers;
    for (auto& chain : chains) pointers.push_back(&chain);
    // Chains read from a file have no seed of ours.
    const std::vector<std::uint64_t> seeds(chains.size(), 0);
    cr.subsets.push_back(summarise_chains(concept.people, seeds, pointers, options));
    result.concepts.push_back(std::move(cr));
  }
  // Judged by the same rule as a population clustered here.
  summarise_population(result, options.min_people);
  return result;
}

}  // namespace shoal
