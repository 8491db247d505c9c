#include "report/manuscript_fixtures.hpp"

#include "stats/rng.hpp"

#include <cmath>
#include <cstdio>
#include <regex>

namespace shoal::testing {
namespace {

nlohmann::json summary(double mean, double sd, int units, double b_low, double b_high) {
  return {{"all",
           {{"units", units},
            {"mean", mean},
            {"sd", sd},
            {"ci95", {mean - 1.96 * sd / std::sqrt(units), mean + 1.96 * sd / std::sqrt(units)}},
            {"bootstrap_ci95", {b_low, b_high}}}}};
}

nlohmann::json population(const std::string& name, const std::string& label, bool human, const std::string& model,
                          const std::string& family, nlohmann::json aligned, const std::string& prompt,
                          const std::string& temperature, const std::string& metric, double mean) {
  return {{"population", name},
          {"label", label},
          {"human", human},
          {"model", model},
          {"model_label", model},
          {"family", family},
          {"aligned", aligned},
          {"prompt", prompt},
          {"temperature", temperature},
          {"summaries", {{metric, summary(mean, 0.0734, 16, mean - 0.031, mean + 0.029)}}}};
}

nlohmann::json fit(const nlohmann::json& fixed) {
  return {{"fixed", fixed},       {"group_variance", 0.0012}, {"residual_variance", 0.004}, {"log_likelihood", 51.2},
          {"observations", 34},   {"groups", 3},              {"converged", true},          {"boundary", false}};
}

nlohmann::json effect(const std::string& term, double estimate, double se, double p) {
  return {{"term", term}, {"estimate", estimate}, {"se", se}, {"z", estimate / se}, {"p", p}};
}

nlohmann::json comparisons(const std::string& metric, const std::string& unit, std::size_t draws) {
  const std::string hostile = "llama_2 {chat} & 50% #1 $x^2~y\\z | <a> \u00b7 \"q\"";
  nlohmann::json populations = nlohmann::json::array(
      {population("humans", "Humans & co_1 #%$", true, "", "", nullptr, "", "", metric, 0.6740711504221087),
       population("m-base", hostile + " base", false, "m-base", "fam_1", false, "none", "default", metric, 0.0105),
       population("m-chat", hostile + " chat", false, "m-chat", "fam_1", true, "none", "default", metric, 0.00049),
       population("n-chat", "n*chat* [x](y)", false, "n-chat", "fam_2", true, "identity", "1.5", metric, 0.0932)});
  nlohmann::json conditions = nlohmann::json::array();
  for (const char* name : {"m-chat", "m-base", "n-chat"}) conditions.push_back({{"population", name}});
  const auto& human = populations[0]["summaries"][metric]["all"];
  nlohmann::json baseline = nlohmann::json::array({{{"population", "humans"},
                                                    {"metric", metric},
                                                    {"units", human["units"]},
                                                    {"mean", human["mean"]},
                                                    {"ci95", human["ci95"]},
                                                    {"bootstrap_ci95", draws ? human["bootstrap_ci95"] : nullptr}}});
  if (!draws) {
    for (auto& p : populations) p["summaries"][metric]["all"]["bootstrap_ci95"] = nullptr;
  }
  nlohmann::json alignment = {{"name", "alignment"},
                              {"metric", metric},
                              {"formula", metric + " ~ aligned + (1 | family)"},
                              {"status", "fitted"},
                              {"reason", nullptr},
                              {"populations", 34},
                              {"groups", {"fam_1", "fam_2", "fam_3"}},
                              {"reference_levels", nlohmann::json::object()},
                              {"reml", fit({effect("Intercept", 0.08006216534307298, 0.030119644227588692, 0.0078573),
                                            effect("aligned", -0.07983863537461723, 0.01680286126090788, 2.0e-6)})},
                              {"ml", fit({effect("Intercept", 0.0801, 0.0281, 0.0044),
                                          effect("aligned", -0.0797, 0.0163, 1.1e-6)})}};
  nlohmann::json manipulation = {
      {"name", "manipulation"},
      {"metric", metric},
      {"formula", metric + " ~ temperature + prompt + (1 | model)"},
      {"status", "fitted"},
      {"reason", nullptr},
      {"populations", 34},
      {"groups", {"m-base", "m-chat", "n-chat"}},
      {"reference_levels", {{"prompt", "none"}, {"temperature", "default"}}},
      {"reml", fit({effect("Intercept", 0.03993226310132447, 0.025315594815423753, 0.1147),
                    effect("temperature[T.1.5]", 0.043998971194473394, 0.017969180498524775, 0.01434206826605931),
                    effect("prompt[T.identity]", 0.0000022, 0.016622923551971078, 0.99989),
                    effect("prompt[T.nonsense]", -0.00041, 0.0173557, 0.981)})},
      {"ml", fit({effect("Intercept", 0.0399, 0.0241, 0.0977), effect("temperature[T.1.5]", 0.0440, 0.0171, 0.0101),
                  effect("prompt[T.identity]", 0.0000021, 0.0158, 0.9999),
                  effect("prompt[T.nonsense]", -0.0004, 0.0165, 0.98)})}};
  return {{"unit", unit},
          {"metrics", {metric}},
          {"bootstrap",
           {{"draws", draws},
            {"seed", 7},
            {"level", 0.95},
            {"interval", "percentile"},
            {"resampling", "units within each population"}}},
          {"populations", populations},
          {"human_baseline", baseline},
          {"conditions", conditions},
          {"models", {alignment, manipulation}}};
}

}  // namespace

nlohmann::json hostile_concept_report(int chains) {
  return {{"schema_version", 1},
          {"tool", {{"name", "shoal"}, {"version", "0.1.0"}}},
          {"analysis", "concept"},
          {"parameters",
           {{"alpha", 0.16},
            {"prior", "simplicity"},
            {"kernel", "split-merge"},
            {"iterations", 500},
            {"max_iterations", chains > 1 ? 4000 : 500},
            {"burn_in", 100},
            {"chains", chains},
            {"subset_sizes", {25, 50, 75, 100}},
            {"seed", 7},
            {"min_people", 10},
            {"traces", false}}},
          {"comparisons", comparisons("p_multiple_concepts", "concept", 2000)}};
}

nlohmann::json hostile_color_report() {
  nlohmann::json c = comparisons("dist_from_diagonal", "word", 0);
  c["models"][1] = {{"name", "manipulation"},
                    {"metric", "dist_from_diagonal"},
                    {"formula", "dist_from_diagonal ~ temperature + prompt + (1 | model)"},
                    {"status", "skipped"},
                    {"reason", "neither the temperature nor the prompt varies within a model"},
                    {"populations", 0},
                    {"groups", nlohmann::json::array()},
                    {"reference_levels", nlohmann::json::object()},
                    {"reml", nullptr},
                    {"ml", nullptr}};
  return {{"schema_version", 1},
          {"tool", {{"name", "shoal"}, {"version", "0.1.0"}}},
          {"analysis", "color"},
          {"parameters",
           {{"pairs", "paper"},
            {"delta_e", "ciede2000"},
            {"reference", "Humans & co_1 #%$"},
            {"seed", 7},
            {"jsd", "bits"},
            {"jsd_samples", 20000}}},
          {"comparisons", c}};
}

std::string plain_markup(const std::string& text) {
  std::string out = std::regex_replace(text, std::regex(R"(\\textit\{([^}]*)\})"), "$1");
  out = std::regex_replace(out, std::regex(R"(\$-\$)"), "-");
  out = std::regex_replace(out, std::regex("\u2212"), "-");
  out = std::regex_replace(out, std::regex(R"(\$<\$)"), "<");
  out = std::regex_replace(out, std::regex(R"(\$>\$)"), ">");
  out = std::regex_replace(out, std::regex(R"(\\%)"), "%");
  out = std::regex_replace(out, std::regex(R"(\*([A-Za-z]+)\*)"), "$1");
  return out;
}

ColorDataset two_family_colours(unsigned long long seed) {
  Rng rng(seed);
  const auto colour = [&rng] {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(rng.below(1u << 24)));
    return std::string(text);
  };
  std::string humans = "population,individual,word,block,colour\n";
  std::string models = "model_name,temperature,word,subject_num,prompt,hex1,hex2\n";
  for (int i = 0; i < 6; ++i) {
    for (int w = 0; w < 8; ++w) {
      for (int b = 1; b <= 2; ++b) {
        humans += "human," + std::to_string(i) + ",word" + std::to_string(w) + ',' + std::to_string(b) + ',' + colour() + '\n';
      }
      for (const char* model : {"llama2", "llama2-chat", "mistral-instruct", "zephyr-mistral"}) {
        models += std::string(model) + ",default,word" + std::to_string(w) + ',' + std::to_string(i) + ",none," +
                  colour() + ',' + colour() + '\n';
      }
    }
  }
  return load_color_inputs({TextInput{"humans.csv", humans}, TextInput{"models.csv", models}}, {ColorInputOptions{}});
}

}  // namespace shoal::testing
