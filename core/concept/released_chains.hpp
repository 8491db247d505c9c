#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "io/csv.hpp"
#include "io/population_label.hpp"

namespace shoal {

struct ConceptOptions;
struct ConceptPopulationResult;

// A population whose clustering was run elsewhere and is read from its
// recorded chains, as the paper released its human study: one row per
// (concept, chain, iteration) with columns Concept, Chain, Iteration,
// NumberOfPeople, Tables, ProbabilityOfSameTable, S_Chao1 and Posterior.
struct ReleasedConcept {
  std::string concept;
  std::size_t people = 0;
  // Chains in order of their number; each chain's records in iteration order.
  std::vector<std::vector<IterationRecord>> chains;
};

struct ReleasedPopulation {
  PopulationLabel label;   // human unless overridden
  std::vector<ReleasedConcept> concepts;   // in order of first appearance
};

// True when the table has the columns of released chains (Concept, Chain,
// Iteration and ProbabilityOfSameTable).
bool has_released_chain_columns(const CsvTable& table);

// Reads released chains. Throws InputError naming file, row and column for a
// missing column, a number that does not parse or is out of range, one
// concept with two subset sizes, or a repeated (concept, chain, iteration).
ReleasedPopulation read_released_chains(const CsvTable& table, const LabelOverride& labels);

// The population's results as if its chains had run here: per concept one
// subset (its NumberOfPeople), posterior summaries over the iterations from
// `options.burn_in` on, R-hat and effective sample sizes over the chains,
// each chain's final iteration and highest-posterior iteration. No
// reliability (the judgements are not in the file) and no MAP seating.
ConceptPopulationResult summarise_released(const ReleasedPopulation& population, const ConceptOptions& options);

}  // namespace shoal
