#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "report/manuscript/apa_format.hpp"

namespace shoal::manuscript {

// One sentence per comparison of a report, each its own paragraph: per
// fitted model each fixed effect but the intercept (REML, Wald z), per human
// baseline its mean and intervals, per model not fitted the reason. The
// direction word comes from the estimate's sign, "not significantly" from
// p >= .05. Empty when the report has no comparisons.
std::string results_sentences(const nlohmann::json& report, Format format);

}  // namespace shoal::manuscript
