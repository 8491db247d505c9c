#include "report/manuscript/results_sentences.hpp"

#include <map>
#include <vector>

#include "report/manuscript/metric_words.hpp"
#include "report/manuscript/model_terms.hpp"

namespace shoal::manuscript {
namespace {

constexpr double kSignificance = 0.05;

// Who is compared with whom, for a term: "Aligned models" and "than
// non-aligned models of the same family".
struct Contrast {
  std::string subject;
  std::string against;
};

Contrast contrast_of(const ModelTerm& t) {
  if (t.predictor == "aligned" && t.level.empty()) return {"Aligned models", "than non-aligned models of the same family"};
  if (t.predictor == "temperature" && !t.level.empty()) {
    return {"At temperature " + t.level + ", models",
            t.reference == "default" ? "than at the default temperature" : "than at temperature " + t.reference};
  }
  if (t.predictor == "prompt" && !t.level.empty()) {
    return {"With the " + t.level + " prompt, models",
            t.reference == "none" ? "than with no prompt" : "than with the " + t.reference + " prompt"};
  }
  if (!t.level.empty()) {
    return {"At " + t.predictor + " " + t.level + ", models",
            "than at " + t.predictor + (t.reference.empty() ? " its reference level" : " " + t.reference)};
  }
  return {"With " + t.predictor + ", models", "than without"};
}

struct Writer {
  const nlohmann::json& report;
  Format format;

  std::string lit(const std::string& text) const { return escaped(text, format); }
  std::string sym(const std::string& name) const { return symbol(name, format); }

  std::string effect(const nlohmann::json& model, const nlohmann::json& e) const {
    const MetricWords words = metric_words(model.value("metric", ""), report);
    const ModelTerm term = model_term(e.value("term", ""), model);
    const Contrast c = contrast_of(term);
    const double b = number_of(e["estimate"]), se = number_of(e["se"]), z = number_of(e["z"]), p = number_of(e["p"]);
    const std::string direction = b < 0 ? "less" : "more";
    const std::string hedge = p < kSignificance ? "" : "not significantly ";
    return lit(c.subject + " were " + hedge + direction + " " + words.diverse + " " + c.against + " (" +
               words.measure + "), ") +
           sym("b") + " = " + number(b, kValueDecimals, false, format) + ", " + sym("SE") + " = " +
           number(se, kValueDecimals, false, format) + ", " + lit("95% CI ") +
           interval(b - 1.96 * se, b + 1.96 * se, kValueDecimals, false, format) + ", " + sym("z") + " = " +
           number(z, kStatisticDecimals, false, format) + ", " + sym("p") + " " + p_relation(p, format) + ".";
  }

  std::string baseline(const nlohmann::json& b, const std::string& shown) const {
    const MetricWords words = metric_words(b.value("metric", ""), report);
    const auto bound = [&](const nlohmann::json& pair) {
      return interval(number_of(pair[0]), number_of(pair[1]), kValueDecimals, words.bounded, format);
    };
    std::string out = lit("The human population " + shown + " had a mean " + words.measure + " of ") + sym("M") +
                      " = " + number(number_of(b["mean"]), kValueDecimals, words.bounded, format) + ", " +
                      lit("95% CI ") + bound(b["ci95"]);
    if (b["bootstrap_ci95"].is_array()) out += lit(" (bootstrap 95% CI ") + bound(b["bootstrap_ci95"]) + ")";
    const std::string unit = unit_plural(report["comparisons"].value("unit", ""));
    return out + ", " + lit("over ") + sym("n") + " = " + b["units"].dump() + " " + lit(unit) + ".";
  }
};

}  // namespace

std::string results_sentences(const nlohmann::json& report, Format format) {
  if (!report.contains("comparisons") || !report["comparisons"].is_object()) return "";
  const auto& comparisons = report["comparisons"];
  const Writer w{report, format};
  std::vector<std::string> sentences;
  for (const auto& model : comparisons["models"]) {
    if (model.value("status", "") != "fitted") {
      const MetricWords words = metric_words(model.value("metric", ""), report);
      sentences.push_back(w.lit("The " + model.value("name", "") + " model of " + words.measure +
                                " was not fitted: " + model.value("reason", "") + "."));
      continue;
    }
    for (const auto& e : model["reml"]["fixed"]) {
      if (e.value("term", "") != "Intercept") sentences.push_back(w.effect(model, e));
    }
  }
  std::map<std::string, std::string> shown;
  for (const auto& p : comparisons["populations"]) shown[p.value("population", "")] = population_shown(p);
  for (const auto& b : comparisons["human_baseline"]) {
    const std::string name = b.value("population", "");
    sentences.push_back(w.baseline(b, shown.count(name) ? shown[name] : name));
  }
  std::string out;
  for (const auto& s : sentences) out += (out.empty() ? "" : "\n") + s + "\n";
  return out;
}

}  // namespace shoal::manuscript
