#include "report/manuscript/metric_words.hpp"

#include <limits>

namespace shoal::manuscript {

MetricWords metric_words(const std::string& metric, const nlohmann::json& report) {
  const std::string analysis = report.value("analysis", "");
  if (metric == "p_multiple_concepts") return {"P(multiple concepts)", "conceptually diverse", true};
  if (metric == "last_p_multiple_concepts") {
    return {"P(multiple concepts) at the last iteration", "conceptually diverse", true};
  }
  if (metric == "dist_from_diagonal" && analysis == "color") {
    return {"distance from the diagonal in \u0394E", "diverse in their colour associations", false};
  }
  if (metric == "dist_from_diagonal") {
    const auto& parameters = report.value("parameters", nlohmann::json::object());
    const std::string unit = parameters.value("unit", "");
    return {unit.empty() ? "distance from the diagonal" : "distance from the diagonal in " + unit,
            "diverse in their answers", false};
  }
  return {metric, "diverse (" + metric + ")", false};
}

std::string unit_plural(const std::string& unit) {
  if (unit == "concept") return "concepts";
  if (unit == "word") return "words";
  if (unit == "item") return "items";
  return unit + " units";
}

std::string population_shown(const nlohmann::json& population) {
  const std::string label = population.value("label", "");
  if (!label.empty()) return label;
  return population.value("population", population.value("name", ""));
}

double number_of(const nlohmann::json& value) {
  return value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace shoal::manuscript
