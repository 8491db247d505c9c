#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/input_error.hpp"
#include "io/input_summary.hpp"
#include "io/population_label.hpp"
#include "stats/descriptive.hpp"

namespace shoal {

// Version of the report layout documented in docs/report.md and its schema,
// docs/report.schema.json; bumped when a field changes meaning or disappears.
constexpr int kReportSchemaVersion = 1;
const char* tool_version();

// The part every report shares: schema, tool, analysis kind, parameters,
// inputs with their hashes, the counted non-fatal input problems, and the
// analysis file that reruns the report (analysis/analysis_file.hpp), left
// out when null.
nlohmann::json report_envelope(const std::string& analysis, nlohmann::json parameters,
                               const std::vector<InputSummary>& inputs, const std::vector<InputIssue>& issues,
                               nlohmann::json analysis_file = nullptr);

// {"n", "mean", "sd", "ci95": [low, high]}; NaN becomes null.
nlohmann::json to_json(const MeanInterval& m);
nlohmann::json to_json(const LinearFit& fit);
// A finite number, or null.
nlohmann::json number_or_null(double value);
// name, label (what a reader sees), human, model, model_label (the model as
// the paper spells it), prompt, temperature, family, aligned (null unknown).
nlohmann::json to_json(const PopulationLabel& label);
// Only the fields the user set; {} for none.
nlohmann::json to_json(const LabelOverride& labels);

// One entry per input, however the options were given (one for all, or one
// per input): {"format", "columns", "labels"}.
template <typename InputOptions>
nlohmann::json input_options_json(std::size_t input_count, const std::vector<InputOptions>& options) {
  nlohmann::json per_input = nlohmann::json::array();
  for (std::size_t i = 0; i < input_count && !options.empty(); ++i) {
    const auto& o = options.size() == 1 ? options[0] : options[i];
    per_input.push_back({{"format", to_string(o.format)}, {"columns", o.columns}, {"labels", to_json(o.labels)}});
  }
  return per_input;
}

}  // namespace shoal
