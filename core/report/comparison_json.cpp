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
  return out;
}

}  // namespace shoal
