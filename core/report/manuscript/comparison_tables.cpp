#include "report/manuscript/comparison_tables.hpp"

#include <map>
#include <vector>

#include "report/manuscript/metric_words.hpp"
#include "report/manuscript/model_terms.hpp"
#include "report/manuscript/table.hpp"

namespace shoal::manuscript {
namespace {

constexpr int kValue = kValueDecimals;

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

struct Writer {
  const nlohmann::json& report;
  const nlohmann::json& comparisons;
  Format format;

  std::string lit(const std::string& text) const { return escaped(text, format); }
  std::string sym(const std::string& name) const { return symbol(name, format); }
  std::string num(const nlohmann::json& v, bool bounded, int decimals = kValue) const {
    return number(number_of(v), decimals, bounded, format);
  }
  std::string range(const nlohmann::json& pair, bool bounded) const {
    if (!pair.is_array() || pair.size() != 2) return num(nullptr, bounded);
    return interval(number_of(pair[0]), number_of(pair[1]), kValue, bounded, format);
  }
  std::size_t draws() const { return comparisons["bootstrap"].value("draws", std::size_t{0}); }
  std::string units() const { return unit_plural(comparisons.value("unit", "")); }

  std::string bootstrap_note() const {
    const auto& b = comparisons["bootstrap"];
    if (draws() == 0) return "No bootstrap was run.";
    return "Bootstrap 95% CI: the 2.5th and 97.5th percentiles of the means of " + std::to_string(draws()) +
           " resamples of the " + units() + " within each population (percentile interval; seed " +
           b["seed"].dump() + "). Intervals only: no test statistic or p value.";
  }

  Table fixed_effects(const nlohmann::json& model) const {
    const MetricWords words = metric_words(model.value("metric", ""), report);
    Table t;
    t.title = lit("Fixed effects of the " + model.value("name", "") + " model on " + words.measure);
    t.header = {lit("Term"), lit("Estimation"), sym("b"), sym("SE"), lit("95% CI"), sym("z"), sym("p")};
    t.align = "llrrcrr";
    for (const char* fit : {"reml", "ml"}) {
      const auto& f = model[fit];
      if (!f.is_object()) continue;
      for (const auto& e : f["fixed"]) {
        const double b = number_of(e["estimate"]), se = number_of(e["se"]);
        t.rows.push_back({lit(term_label(model_term(e.value("term", ""), model))), fit == std::string("reml") ? "REML" : "ML",
                          number(b, kValue, false, format), number(se, kValue, false, format),
                          interval(b - 1.96 * se, b + 1.96 * se, kValue, false, format),
                          num(e["z"], false, kStatisticDecimals), p_cell(number_of(e["p"]), format)});
      }
    }
    std::string levels;
    const nlohmann::json reference_levels = model.value("reference_levels", nlohmann::json::object());
    for (const auto& [predictor, level] : reference_levels.items()) {
      levels += (levels.empty() ? "" : ", ") + predictor + " = " + level.get<std::string>();
    }
    std::string note = " over " + model["populations"].dump() +
                       " populations in " + std::to_string(model["groups"].size()) + " " + groups_word(model) +
                       (levels.empty() ? "" : "; reference levels " + levels) +
                       ". Estimated by REML and by ML; Wald z tests; 95% CI = b \u00b1 1.96 SE.";
    for (const char* fit : {"reml", "ml"}) {
      const auto& f = model[fit];
      if (!f.is_object()) continue;
      const std::string name = fit == std::string("reml") ? "REML" : "ML";
      if (!f.value("converged", true)) note += " The " + name + " fit did not converge.";
      if (f.value("boundary", false)) note += " The " + name + " fit is singular (group variance at zero).";
    }
    t.note = lit("Linear mixed model ") + code(model.value("formula", ""), format) + lit(note);
    return t;
  }

  // The comparisons' populations that are not human, in the order of the
  // side-by-side conditions, then any others in the analysis' order.
  std::vector<const nlohmann::json*> llm_populations() const {
    std::map<std::string, std::size_t> rank;
    for (std::size_t i = 0; i < comparisons["conditions"].size(); ++i) {
      rank[comparisons["conditions"][i].value("population", "")] = i;
    }
    std::vector<const nlohmann::json*> listed, others;
    for (const auto& p : comparisons["populations"]) {
      if (p.value("human", false)) continue;
      (rank.count(p.value("population", "")) ? listed : others).push_back(&p);
    }
    std::stable_sort(listed.begin(), listed.end(), [&](const nlohmann::json* a, const nlohmann::json* b) {
      return rank[a->value("population", "")] < rank[b->value("population", "")];
    });
    listed.insert(listed.end(), others.begin(), others.end());
    return listed;
  }

  std::vector<std::string> mean_header() const {
    std::vector<std::string> h = {sym("n"), sym("M"), sym("SD"), lit("95% CI")};
    if (draws() > 0) h.push_back(lit("Bootstrap 95% CI"));
    return h;
  }

  std::vector<std::string> mean_cells(const nlohmann::json& s, bool bounded) const {
    std::vector<std::string> cells = {s["units"].dump(), num(s["mean"], bounded), num(s["sd"], false),
                                      range(s["ci95"], bounded)};
    if (draws() > 0) cells.push_back(range(s["bootstrap_ci95"], bounded));
    return cells;
  }

  std::string means_note() const {
    return lit("n: " + units() + " per population. 95% CI: M \u00b1 1.96 SD/\u221an (normal approximation). " +
               bootstrap_note());
  }

  Table population_means(const std::string& metric, const std::vector<const nlohmann::json*>& populations) const {
    const MetricWords words = metric_words(metric, report);
    Table t;
    t.title = lit(capitalised(words.measure) + " by population");
    t.header = {lit("Population")};
    for (auto& h : mean_header()) t.header.push_back(h);
    t.align = "lrrrc" + std::string(draws() > 0 ? "c" : "");
    for (const auto* p : populations) {
      const auto& s = (*p)["summaries"][metric]["all"];
      std::vector<std::string> row = {lit(population_shown(*p))};
      for (auto& c : mean_cells(s, words.bounded)) row.push_back(c);
      t.rows.push_back(std::move(row));
    }
    t.note = means_note();
    return t;
  }

  Table human_baselines() const {
    Table t;
    t.title = lit("Human baselines");
    t.header = {lit("Population"), lit("Measure")};
    for (auto& h : mean_header()) t.header.push_back(h);
    t.align = "llrrrc" + std::string(draws() > 0 ? "c" : "");
    std::map<std::string, const nlohmann::json*> by_name;
    for (const auto& p : comparisons["populations"]) by_name[p.value("population", "")] = &p;
    for (const auto& b : comparisons["human_baseline"]) {
      const std::string name = b.value("population", "");
      const std::string metric = b.value("metric", "");
      const MetricWords words = metric_words(metric, report);
      const auto found = by_name.find(name);
      const nlohmann::json& s =
          found != by_name.end() ? (*found->second)["summaries"][metric]["all"] : nlohmann::json::object();
      std::vector<std::string> row = {lit(found != by_name.end() ? population_shown(*found->second) : name),
                                      lit(words.measure)};
      for (auto& c : mean_cells(s, words.bounded)) row.push_back(c);
      t.rows.push_back(std::move(row));
    }
    t.note = means_note();
    return t;
  }
};

}  // namespace

std::string comparison_tables(const nlohmann::json& report, Format format) {
  if (!report.contains("comparisons") || !report["comparisons"].is_object()) return "";
  const Writer w{report, report["comparisons"], format};
  std::vector<Table> tables;
  std::string not_fitted;
  for (const auto& model : w.comparisons["models"]) {
    if (model.value("status", "") == "fitted") {
      tables.push_back(w.fixed_effects(model));
    } else {
      const MetricWords words = metric_words(model.value("metric", ""), report);
      not_fitted += w.lit("The " + model.value("name", "") + " model of " + words.measure + " was not fitted: " +
                          model.value("reason", "") + ".") + "\n\n";
    }
  }
  const auto populations = w.llm_populations();
  if (!populations.empty()) {
    for (const auto& metric : w.comparisons["metrics"]) tables.push_back(w.population_means(metric, populations));
  }
  if (!w.comparisons["human_baseline"].empty()) tables.push_back(w.human_baselines());
  std::string out;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    out += (i > 0 ? "\n" : "") + rendered(tables[i], static_cast<int>(i) + 1, format);
  }
  if (!not_fitted.empty()) {
    not_fitted.pop_back();
    out += (out.empty() ? "" : "\n") + not_fitted;
  }
  return out;
}

}  // namespace shoal::manuscript
