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
  double mean = 0.0;              // NaN when no concept has a finite value
  std::size_t without_value = 0;  // concepts left out for a value that is not finite
};

// P(multiple concepts) over every concept × subset-size cell of a category,
// as the paper averages its iteration-499 values: the mean of the cells'
// posterior means and of their last-iteration values (the mean over chains
// of each chain's value at the last planned iteration).
struct CategoryCellMeans {
  std::string category;
  std::size_t cells = 0;
  double p_multiple_concepts = 0.0;       // NaN when no cell has finite values
  double last_p_multiple_concepts = 0.0;
  std::size_t without_value = 0;          // cells left out for a value that is not finite
};

// Both leave out the concepts below min_people, as the comparisons do, and
// count (never drop silently) the cells whose value is not finite. Sorted by
// category, then people.
std::vector<SubsetMean> subset_means(const ConceptPopulationResult& population);
std::vector<CategoryCellMeans> category_cell_means(const ConceptPopulationResult& population);

}  // namespace shoal
