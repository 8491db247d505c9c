#pragma once
#include <cstddef>

#include "compare/comparison.hpp"

namespace shoal {

// The two mixed models of compare_populations for metric index `metric`:
// fitted, or skipped with the reason.
ModelComparison fit_alignment(const ComparisonInput& input, std::size_t metric);
ModelComparison fit_manipulation(const ComparisonInput& input, std::size_t metric);

}  // namespace shoal
