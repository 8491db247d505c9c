#include "compare/metric_rows.hpp"

#include <cmath>

#include "concept/categories.hpp"

namespace shoal {

ComparisonInput color_comparison_input(const ColorAnalysis& analysis) {
  ComparisonInput input;
  input.unit = "word";
  input.metrics = {"dist_from_diagonal"};
  for (const auto& p : analysis.populations) {
    PopulationMetrics pm;
    pm.label = p.label;
    pm.values.resize(1);
    for (const auto& w : p.words) {
      if (!std::isfinite(w.dist_from_diagonal) || w.individuals < 2) continue;
      pm.units.push_back(w.word);
      pm.values[0].push_back(w.dist_from_diagonal);
    }
    input.populations.push_back(std::move(pm));
  }
  return input;
}

ComparisonInput concept_comparison_input(const ConceptAnalysis& analysis) {
  ComparisonInput input;
  input.unit = "concept";
  input.metrics = {"p_multiple_concepts", "last_p_multiple_concepts"};
  for (const auto& p : analysis.populations) {
    PopulationMetrics pm;
    pm.label = p.label;
    pm.values.resize(2);
    for (const auto& c : p.concepts) {
      if (c.subsets.empty()) continue;
      const SubsetResult& largest = c.subsets.back();
      const double posterior = largest.p_multiple_concepts.mean;
      const double last = 1.0 - largest.chains.front().last.p_same_table;
      if (!std::isfinite(posterior) || !std::isfinite(last)) continue;
      pm.units.push_back(c.concept);
      pm.categories.push_back(concept_category(c.concept));
      pm.values[0].push_back(posterior);
      pm.values[1].push_back(last);
    }
    input.populations.push_back(std::move(pm));
  }
  return input;
}

}  // namespace shoal
