#include "report/report_json.hpp"

#include <cmath>

#ifndef SHOAL_VERSION
#error "SHOAL_VERSION must be defined by the build"
#endif

namespace shoal {

const char* tool_version() { return SHOAL_VERSION; }

nlohmann::json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const MeanInterval& m) {
  return {{"n", m.n},
          {"mean", number_or_null(m.mean)},
          {"sd", number_or_null(m.sd)},
          {"ci95", {number_or_null(m.low), number_or_null(m.high)}}};
}

nlohmann::json to_json(const LinearFit& fit) {
  return {{"n", fit.n},
          {"slope", number_or_null(fit.slope)},
          {"intercept", number_or_null(fit.intercept)},
          {"r_squared", number_or_null(fit.r_squared)}};
}

nlohmann::json to_json(const PopulationLabel& label) {
  return {{"name", label.name},
          {"label", readable_label(label)},
          {"human", label.human},
          {"model", label.model},
          {"model_label", readable_model(label.model)},
          {"prompt", label.prompt},
          {"temperature", label.temperature},
          {"family", label.family},
          {"aligned", label.aligned ? nlohmann::json(*label.aligned) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const LabelOverride& labels) {
  nlohmann::json out = nlohmann::json::object();
  if (!labels.name.empty()) out["name"] = labels.name;
  if (!labels.model.empty()) out["model"] = labels.model;
  if (!labels.prompt.empty()) out["prompt"] = labels.prompt;
  if (!labels.temperature.empty()) out["temperature"] = labels.temperature;
  if (!labels.family.empty()) out["family"] = labels.family;
  if (labels.aligned) out["aligned"] = *labels.aligned;
  if (labels.human) out["human"] = *labels.human;
  return out;
}

nlohmann::json report_envelope(const std::string& analysis, nlohmann::json parameters,
                               const std::vector<InputSummary>& inputs, const std::vector<InputIssue>& issues,
                               nlohmann::json analysis_file) {
  nlohmann::json input_list = nlohmann::json::array();
  for (const auto& in : inputs) {
    input_list.push_back({{"name", in.name},
                          {"sha256", in.sha256},
                          {"bytes", in.bytes},
                          {"format", in.format},
                          {"rows", in.rows},
                          {"populations", in.populations}});
  }
  nlohmann::json issue_list = nlohmann::json::array();
  for (const auto& issue : issues) {
    issue_list.push_back({{"kind", issue.kind},
                          {"description", issue.description},
                          {"count", issue.count},
                          {"first_file", issue.first_file},
                          {"first_row", issue.first_row}});
  }
  nlohmann::json envelope = {{"schema_version", kReportSchemaVersion},
                             {"tool", {{"name", "shoal"}, {"version", tool_version()}}},
                             {"analysis", analysis},
                             {"parameters", std::move(parameters)},
                             {"inputs", std::move(input_list)},
                             {"input_issues", std::move(issue_list)}};
  if (!analysis_file.is_null()) envelope["analysis_file"] = std::move(analysis_file);
  return envelope;
}

}  // namespace shoal
