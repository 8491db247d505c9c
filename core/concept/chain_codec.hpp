#pragma once
#include <cstddef>
#include <utility>
#include <vector>

#include "concept/crp.hpp"

namespace shoal {

// Chain results as a flat run of doubles (every count and index fits one
// exactly, the draws' seatings and table sizes several to a double), so
// browser workers can hand them to each other in a typed array without
// loss, and assembly gives the same analysis as one process would. The
// draws carry their layout's version: a reader refuses another.
void append_chain_result(std::vector<double>& out, std::size_t task, const ChainResult& result);

// Everything append_chain_result wrote, as (task index, result) pairs.
// Throws std::invalid_argument when the numbers are not such a record run.
std::vector<std::pair<std::size_t, ChainResult>> read_chain_results(const double* data, std::size_t size);

}  // namespace shoal
