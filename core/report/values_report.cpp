#include "report/values_report.hpp"

#include "report/manuscript/manuscript.hpp"
#include "report/report_json.hpp"

namespace shoal {
namespace {

double valid_percent(const ValuesPopulationResult& p) {
  const double total = static_cast<double>(p.valid_responses + p.invalid_responses);
  return total == 0.0 ? 0.0 : 100.0 * static_cast<double>(p.valid_responses) / total;
}

nlohmann::json population_json(const ValuesPopulationResult& p) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : p.items) {
    items.push_back({{"item", item.item},
                     {"individuals", item.individuals},
                     {"incomplete", item.incomplete},
                     {"internal_distance", to_json(item.internal_distance)},
                     {"population_distance", to_json(item.population_distance)},
                     {"dist_from_diagonal", number_or_null(item.dist_from_diagonal)},
                     {"scale", item.scale}});
  }
  nlohmann::json out = to_json(p.label);
  out.update({{"individuals", p.individuals},
              {"responses",
               {{"valid", p.valid_responses}, {"invalid", p.invalid_responses}, {"valid_percent", valid_percent(p)}}},
              {"items_analysed", p.summary.items_analysed},
              {"dist_from_diagonal", to_json(p.summary.dist_from_diagonal)},
              {"internal_distance", to_json(p.summary.internal)},
              {"population_distance", to_json(p.summary.population)},
              {"regression_internal_on_population", to_json(p.summary.internal_on_population)},
              {"items", std::move(items)}});
  return out;
}

}  // namespace

nlohmann::json values_report(const ValuesDataset& dataset, const std::vector<ValuesInputOptions>& input_options,
                             const ValuesAnalysis& analysis, nlohmann::json comparisons,
                             nlohmann::json analysis_file) {
  const auto& o = analysis.options;
  nlohmann::json parameters = {{"input_options", input_options_json(dataset.inputs.size(), input_options)},
                               {"pairs", to_string(o.pairs)},
                               {"scale", to_string(o.scale)},
                               {"unit", distance_unit(o)},
                               {"dimensions", analysis.dimensions},
                               {"distance", "euclidean"},
                               {"seed", o.seed}};
  nlohmann::json report = report_envelope("values", std::move(parameters), dataset.inputs, dataset.issues,
                                          std::move(analysis_file));
  nlohmann::json populations = nlohmann::json::array();
  for (const auto& p : analysis.populations) populations.push_back(population_json(p));
  report["populations"] = std::move(populations);
  report["comparisons"] = std::move(comparisons);
  report["manuscript"] = manuscript_json(report);
  return report;
}

}  // namespace shoal
