#pragma once
#include <cstddef>
#include <vector>

namespace shoal {

// How many concepts a population holds, estimated from one seating: Chao1
// with the further correction used in the human study (METHOD.md), where
// f_k is the number of tables of size k and N the number of people. Small
// tables are evidence of concepts nobody in the sample happened to share.
double chao1_richness(const std::vector<std::size_t>& table_sizes, std::size_t people);

}  // namespace shoal
