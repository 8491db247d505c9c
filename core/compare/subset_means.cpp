#include "compare/subset_means.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "concept/categories.hpp"

namespace shoal {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::vector<SubsetMean> subset_means(const ConceptPopulationResult& population) {
  // (category, people) → the running mean's sum in `mean`
  std::map<std::pair<std::string, std::size_t>, SubsetMean> sums;
  for (const auto& c : population.concepts) {
    if (c.below_min_people) continue;
    const std::string category = concept_category(c.concept);
    for (const auto& s : c.subsets) {
      auto& cell = sums[{category, s.people}];
      if (!std::isfinite(s.p_multiple_concepts.mean)) {
        ++cell.without_value;
        continue;
      }
      cell.mean += s.p_multiple_concepts.mean;
      ++cell.concepts;
    }
  }
  std::vector<SubsetMean> out;
  for (auto& [key, cell] : sums) {
    cell.category = key.first;
    cell.people = key.second;
    cell.mean = cell.concepts > 0 ? cell.mean / static_cast<double>(cell.concepts) : kNaN;
    out.push_back(cell);
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
      auto& cell = sums[category];
      cell.category = category;
      if (!std::isfinite(posterior) || !std::isfinite(last)) {
        ++cell.without_value;
        continue;
      }
      cell.p_multiple_concepts += posterior;
      cell.last_p_multiple_concepts += last;
      ++cell.cells;
    }
  }
  std::vector<CategoryCellMeans> out;
  for (auto& [category, cell] : sums) {
    const double n = static_cast<double>(cell.cells);
    cell.p_multiple_concepts = cell.cells > 0 ? cell.p_multiple_concepts / n : kNaN;
    cell.last_p_multiple_concepts = cell.cells > 0 ? cell.last_p_multiple_concepts / n : kNaN;
    out.push_back(cell);
  }
  return out;
}

}  // namespace shoal
