#include "compare/metric_rows.hpp"

#include <cmath>
#include <tuple>

#include "concept/categories.hpp"

namespace shoal {

namespace {

// One metric, the distance from the line of unity, per item of every
// population (the colour task's words are its items).
template <typename Analysis, typename Items>
ComparisonInput distance_comparison_input(const Analysis& analysis, const std::string& unit, Items items) {
  ComparisonInput input;
  input.unit = unit;
  input.metrics = {"dist_from_diagonal"};
  for (const auto& p : analysis.populations) {
    PopulationMetrics pm;
    pm.label = p.label;
    pm.values.resize(1);
    for (const auto& [name, individuals, distance] : items(p)) {
      if (!std::isfinite(distance) || individuals < 2) continue;
      pm.units.push_back(name);
      pm.values[0].push_back(distance);
    }
    input.populations.push_back(std::move(pm));
  }
  return input;
}

using ItemRow = std::tuple<std::string, std::size_t, double>;

}  // namespace

ComparisonInput color_comparison_input(const ColorAnalysis& analysis) {
  return distance_comparison_input(analysis, "word", [](const PopulationDiversity& p) {
    std::vector<ItemRow> rows;
    for (const auto& w : p.words) rows.emplace_back(w.word, w.individuals, w.dist_from_diagonal);
    return rows;
  });
}

ComparisonInput values_comparison_input(const ValuesAnalysis& analysis) {
  return distance_comparison_input(analysis, "item", [](const ValuesPopulationResult& p) {
    std::vector<ItemRow> rows;
    for (const auto& i : p.items) rows.emplace_back(i.item, i.individuals, i.dist_from_diagonal);
    return rows;
  });
}

ComparisonInput concept_comparison_input(const ConceptAnalysis& analysis) {
  ComparisonInput input;
  input.unit = "concept";
  input.metrics = {"p_multiple_concepts", "last_p_multiple_concepts"};
  input.min_people = analysis.options.min_people;
  for (const auto& p : analysis.populations) {
    PopulationMetrics pm;
    pm.label = p.label;
    pm.values.resize(2);
    for (const auto& c : p.concepts) {
      if (c.subsets.empty()) continue;
      const SubsetResult& largest = c.subsets.back();
      if (c.below_min_people) {
        input.left_out.push_back({p.label.name, c.concept, largest.people});
        continue;
      }
      // The concepts of the population's means (summarise_population's rule):
      // every concept not below min_people. The paper's number is the
      // analysis's own with several chains (SubsetResult::last_p_multiple_concepts).
      pm.units.push_back(c.concept);
      pm.categories.push_back(concept_category(c.concept));
      pm.values[0].push_back(largest.p_multiple_concepts.mean);
      pm.values[1].push_back(largest.last_p_multiple_concepts);
    }
    input.populations.push_back(std::move(pm));
  }
  return input;
}

}  // namespace shoal
