#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "concept/diversity.hpp"

namespace shoal {

// P(multiple concepts) at one subset size, over one category's concepts:
// the mean of the concepts' posterior means at that size.
struct SubsetMean {
  std::string category;
  std::size_t people = 0;
  std::size_t concepts = 0;
  double mean = 0.0;
};

// P(multiple concepts) over every concept × subset-size cell of a category,
// as the paper averages its iteration-499 values: the mean of the cells'
// posterior means and of their last-iteration values (first chain).
struct CategoryCellMeans {
  std::string category;
  std::size_t cells = 0;
  double p_multiple_concepts = 0.0;
  double last_p_multiple_concepts = 0.0;
};

// Both leave out the concepts below min_people, as the comparisons do, and
// cells whose value is not finite. Sorted by category, then people.
std::vector<SubsetMean> subset_means(const ConceptPopulationResult& population);
std::vector<CategoryCellMeans> category_cell_means(const ConceptPopulationResult& population);

}  // namespace shoal
