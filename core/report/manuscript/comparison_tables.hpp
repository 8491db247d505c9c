#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "report/manuscript/apa_format.hpp"

namespace shoal::manuscript {

// Every table of a report's comparisons, numbered from 1, in one format:
// per fitted model its fixed effects (REML and ML), per metric the LLM
// populations' means with their bootstrap intervals, and the human
// baselines; then a line per model that was not fitted, with the reason.
// Empty when the report has no comparisons.
std::string comparison_tables(const nlohmann::json& report, Format format);

}  // namespace shoal::manuscript
