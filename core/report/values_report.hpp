#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "values/analysis.hpp"
#include "values/responses.hpp"

namespace shoal {

// The numeric-answer report as documented in docs/report.md ("analysis":
// "values"), with `comparisons` (the comparison_json of the populations) as
// its "comparisons", and `analysis_file` (analysis_file_json of the run) as
// its "analysis_file".
nlohmann::json values_report(const ValuesDataset& dataset, const std::vector<ValuesInputOptions>& input_options,
                             const ValuesAnalysis& analysis, nlohmann::json comparisons,
                             nlohmann::json analysis_file = nullptr);

}  // namespace shoal
