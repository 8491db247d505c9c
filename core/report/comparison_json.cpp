#include "report/comparison_report.hpp"

#include <cmath>

#include "report/report_json.hpp"

namespace shoal {
namespace {

nlohmann::json interval_json(double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high)) return nullptr;
  return {low, high};
}

nlohmann::json summary_json(const MetricSummary& s) {
  return {{"units", s.interval.n},
          {"mean", number_or_null(s.interval.mean)},
          {"sd", number_or_null(s.interval.sd)},
          {"ci95", {number_or_null(s.interval.low), number_or_null(s.interval.high)}},
          {"bootstrap_ci95", interval_json(s.bootstrap_low, s.bootstrap_high)}};
}

nlohmann::json fit_json(const MixedModelFit& fit) {
  nlohmann::json fixed = nlohmann::json::array();
  for (const auto& e : fit.fixed) {
    fixed.push_back({{"term", e.term},
                     {"estimate", number_or_null(e.estimate)},
                     {"se", number_or_null(e.se)},
                     {"z", number_or_null(e.z)},
                     {"p", number_or_null(e.p)}});
  }
  return {{"fixed", std::move(fixed)},
          {"group_variance", number_or_null(fit.group_variance)},
          {"residual_variance", number_or_null(fit.residual_variance)},
          {"log_likelihood", number_or_null(fit.log_likelihood)},
          {"observations", fit.observations},
          {"groups", fit.groups},
          {"converged", fit.converged},
          {"boundary", fit.boundary}};
}

nlohmann::json model_json(const ModelComparison& m) {
  return {{"name", m.name},
          {"metric", m.metric},
          {"formula", m.formula},
          {"status", m.fitted ? "fitted" : "skipped"},
          {"reason", m.fitted ? nlohmann::json(nullptr) : nlohmann::json(m.reason)},
          {"populations", m.populations},
          {"groups", m.groups},
          {"reference_levels", m.reference_levels},
          {"reml", m.fitted ? fit_json(m.reml) : nlohmann::json(nullptr)},
          {"ml", m.fitted ? fit_json(m.ml) : nlohmann::json(nullptr)}};
}

nlohmann::json subset_means_json(const PopulationComparison& p) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : p.subset_means) {
    nlohmann::json entry{{"category", s.category}, {"people", s.people}, {"concepts", s.concepts}, {"mean", number_or_null(s.mean)}};
    // Present only when it happens, so that every other report stays as it was.
    if (s.without_value > 0) entry["without_value"] = s.without_value;
    out.push_back(std::move(entry));
  }
  return out;
}

nlohmann::json category_cells_json(const PopulationComparison& p) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : p.category_cells) {
    nlohmann::json entry{{"category", c.category},
                         {"cells", c.cells},
                         {"p_multiple_concepts", number_or_null(c.p_multiple_concepts)},
                         {"last_p_multiple_concepts", number_or_null(c.last_p_multiple_concepts)}};
    if (c.without_value > 0) entry["without_value"] = c.without_value;
    out.push_back(std::move(entry));
  }
  return out;
}

nlohmann::json reliability_group_json(const ReliabilityGroup& g) {
  nlohmann::json medians = nlohmann::json::object();
  for (std::size_t m = 0; m < kReliabilityMeasures.size(); ++m) {
    medians[kReliabilityMeasures[m]] = {{"concepts", g.medians[m].concepts}, {"median", number_or_null(g.medians[m].median)}};
  }
  return {{"model", g.model.empty() ? nlohmann::json(nullptr) : nlohmann::json(g.model)},
          {"populations", g.populations},
          {"medians", std::move(medians)}};
}

nlohmann::json reliability_medians_json(const ReliabilityMedians& r) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : r.groups) groups.push_back(reliability_group_json(g));
  return {{"measures", kReliabilityMeasures}, {"humans", reliability_group_json(r.humans)}, {"groups", std::move(groups)}};
}

}  // namespace

nlohmann::json comparison_json(const ComparisonResult& result) {
  nlohmann::json populations = nlohmann::json::array();
  nlohmann::json baseline = nlohmann::json::array();
  for (const auto& p : result.populations) {
    nlohmann::json summaries = nlohmann::json::object();
    for (const auto& [metric, by_category] : p.summaries) {
      for (const auto& [category, summary] : by_category) summaries[metric][category] = summary_json(summary);
    }
    nlohmann::json entry = {{"population", p.label.name}};
    entry.update(to_json(p.label));
    entry.erase("name");
    entry["summaries"] = std::move(summaries);
    if (result.reliability_medians) {
      entry["subset_means"] = subset_means_json(p);
      entry["category_cells"] = category_cells_json(p);
    }
    populations.push_back(std::move(entry));
    if (!p.label.human) continue;
    for (const auto& metric : result.metrics) {
      const auto& s = p.summaries.at(metric).at("all");
      baseline.push_back({{"population", p.label.name},
                          {"metric", metric},
                          {"units", s.interval.n},
                          {"mean", number_or_null(s.interval.mean)},
                          {"ci95", {number_or_null(s.interval.low), number_or_null(s.interval.high)}},
                          {"bootstrap_ci95", interval_json(s.bootstrap_low, s.bootstrap_high)}});
    }
  }
  nlohmann::json conditions = nlohmann::json::array();
  for (std::size_t index : result.conditions) {
    const auto& p = result.populations[index];
    nlohmann::json metrics = nlohmann::json::object();
    for (const auto& metric : result.metrics) {
      const auto& s = p.summaries.at(metric).at("all");
      metrics[metric] = {{"units", s.interval.n},
                         {"mean", number_or_null(s.interval.mean)},
                         {"bootstrap_ci95", interval_json(s.bootstrap_low, s.bootstrap_high)}};
    }
    conditions.push_back({{"population", p.label.name},
                          {"model", p.label.model},
                          {"family", p.label.family},
                          {"aligned", p.label.aligned ? nlohmann::json(*p.label.aligned) : nlohmann::json(nullptr)},
                          {"prompt", p.label.prompt},
                          {"temperature", p.label.temperature},
                          {"metrics", std::move(metrics)}});
  }
  nlohmann::json models = nlohmann::json::array();
  for (const auto& m : result.models) models.push_back(model_json(m));
  nlohmann::json out = {{"unit", result.unit},
                        {"metrics", result.metrics},
                        {"bootstrap",
                         {{"draws", result.options.bootstrap_draws},
                          {"seed", result.options.seed},
                          {"level", 0.95},
                          {"interval", "percentile"},
                          {"resampling", "units within each population"}}},
                        {"populations", std::move(populations)},
                        {"human_baseline", std::move(baseline)},
                        {"conditions", std::move(conditions)},
                        {"models", std::move(models)}};
  if (result.min_people) {
    out["min_people"] = *result.min_people;
    nlohmann::json left_out = nlohmann::json::array();
    for (const auto& u : result.left_out) {
      left_out.push_back({{"population", u.population}, {result.unit, u.unit}, {"people", u.people}});
    }
    out["left_out"] = std::move(left_out);
  }
  if (result.reliability_medians) out["reliability_medians"] = reliability_medians_json(*result.reliability_medians);
  return out;
}

}  // namespace shoal
