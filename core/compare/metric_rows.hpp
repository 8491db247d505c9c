#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "color/diversity.hpp"
#include "concept/diversity.hpp"
#include "io/population_label.hpp"
#include "values/analysis.hpp"

namespace shoal {

// One population's per-unit values of the metrics compared across
// populations: a unit is a word (colour task) or a target concept (concept
// task). values[m][u] is metric m of unit u.
struct PopulationMetrics {
  PopulationLabel label;
  std::vector<std::string> units;
  std::vector<std::string> categories;   // per unit; empty when the task has none
  std::vector<std::vector<double>> values;
};

// A unit kept in the report but left out of the comparisons for holding too
// few people.
struct LeftOutUnit {
  std::string population;
  std::string unit;
  std::size_t people = 0;
};

struct ComparisonInput {
  std::string unit;                        // "word" or "concept"
  std::vector<std::string> metrics;        // names, the headline metric first
  std::vector<PopulationMetrics> populations;
  // Concepts: the min_people setting and the units it left out, population
  // by population in the analysis' order.
  std::optional<std::size_t> min_people;
  std::vector<LeftOutUnit> left_out;
};

// Colour: per word with a defined value, its distance from the line of unity
// (metric "dist_from_diagonal").
ComparisonInput color_comparison_input(const ColorAnalysis& analysis);

// Numeric answers: per item with a defined value, its distance from the line
// of unity (metric "dist_from_diagonal").
ComparisonInput values_comparison_input(const ValuesAnalysis& analysis);

// Concepts: per clustered concept not below min_people (the others are
// listed in left_out), at its largest subset, the posterior mean
// of P(multiple concepts) ("p_multiple_concepts") and, for comparison with
// the paper, the value at the planned final iteration, averaged over chains
// ("last_p_multiple_concepts", see SubsetResult); the category is
// concept_category().
ComparisonInput concept_comparison_input(const ConceptAnalysis& analysis);

}  // namespace shoal
