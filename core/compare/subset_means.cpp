#include "compare/subset_means.hpp"

#include <cmath>
#include <map>
#include <utility>

#include "concept/categories.hpp"

namespace shoal {

std::vector<SubsetMean> subset_means(const ConceptPopulationResult& population) {
  std::map<std::pair<std::string, std::size_t>, std::pair<double, std::size_t>> sums;
  for (const auto& c : population.concepts) {
    if (c.below_min_people) continue;
    const std::string category = concept_category(c.concept);
    for (const auto& s : c.subsets) {
      if (!std::isfinite(s.p_multiple_concepts.mean)) continue;
      auto& [sum, count] = sums[{category, s.people}];
      sum += s.p_multiple_concepts.mean;
      ++count;
    }
  }
  std::vector<SubsetMean> out;
  for (const auto& [key, value] : sums) {
    out.push_back({key.first, key.second, value.second, value.first / static_cast<double>(value.second)});
  }
  return out;
}

std::vector<CategoryCellMeans> category_cell_means(const ConceptPopulationResult& population) {
  // category → (sum of posterior means, sum of last values, cells)
  std::map<std::string, CategoryCellMeans> sums;
  for (const auto& c : population.concepts) {
    if (c.below_min_people) continue;
    const std::string category = concept_category(c.concept);
    for (const auto& s : c.subsets) {
      if (s.chains.empty()) continue;
      const double posterior = s.p_multiple_concepts.mean;
      const double last = s.last_p_multiple_concepts;   // the analysis's own with several chains
      if (!std::isfinite(posterior) || !std::isfinite(last)) continue;
      auto& cell = sums[category];
      cell.category = category;
      cell.p_multiple_concepts += posterior;
      cell.last_p_multiple_concepts += last;
      ++cell.cells;
    }
  }
  std::vector<CategoryCellMeans> out;
  for (auto& [category, cell] : sums) {
    const double n = static_cast<double>(cell.cells);
    cell.p_multiple_concepts /= n;
    cell.last_p_multiple_concepts /= n;
    out.push_back(cell);
  }
  return out;
}

}  // namespace shoal
