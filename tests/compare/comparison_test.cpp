#include <doctest/doctest.h>

#include <cmath>

#include "compare/bootstrap.hpp"
#include "compare/comparison.hpp"
#include "report/comparison_report.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

PopulationMetrics population(const std::string& model, const std::string& prompt, const std::string& temperature,
                             const std::vector<double>& values) {
  PopulationMetrics p;
  p.label.model = model;
  p.label.prompt = prompt;
  p.label.temperature = temperature;
  p.label.name = compose_population_name(p.label);
  if (const auto known = known_model_family(model)) {
    p.label.family = known->family;
    p.label.aligned = known->aligned;
  }
  for (std::size_t u = 0; u < values.size(); ++u) {
    p.units.push_back("unit " + std::to_string(u));
    p.categories.push_back(u % 2 == 0 ? "animals" : "politicians");
  }
  p.values = {values};
  return p;
}

PopulationMetrics humans(const std::vector<double>& values) {
  PopulationMetrics p = population("", "", "", values);
  p.label.name = "human";
  p.label.human = true;
  return p;
}

// Values around `level` with a unit-specific wiggle.
std::vector<double> values_at(double level, std::uint64_t seed, std::size_t n = 10) {
  Rng rng(seed);
  std::vector<double> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(level + 0.1 * rng.normal());
  return v;
}

// Three families, aligned members 0.3 lower, under the paper's conditions.
ComparisonInput paper_like() {
  ComparisonInput input;
  input.unit = "concept";
  input.metrics = {"p_multiple_concepts"};
  input.populations.push_back(humans(values_at(0.9, 1)));
  const char* models[][2] = {{"mistral-instruct", "zephyr-mistral"}, {"llama2", "llama2-chat"}, {"openchat", "starling"}};
  const char* conditions[][2] = {{"none", "default"}, {"none", "1.5"}, {"identity", "default"}};
  std::uint64_t seed = 10;
  double family_level = 0.5;
  for (const auto& pair : models) {
    family_level += 0.1;
    for (const auto& c : conditions) {
      input.populations.push_back(population(pair[0], c[0], c[1], values_at(family_level, ++seed)));
      input.populations.push_back(population(pair[1], c[0], c[1], values_at(family_level - 0.3, ++seed)));
    }
  }
  return input;
}

const ModelComparison& model_named(const ComparisonResult& r, const std::string& name) {
  for (const auto& m : r.models) {
    if (m.name == name) return m;
  }
  FAIL("no model " << name);
  return r.models.front();
}

}  // namespace

TEST_CASE("bootstrap of a mean: seeded, around the mean, degenerate cases") {
  const std::vector<double> v = {1.0, 2.0, 4.0, 8.0, 3.0, 5.0};
  const BootstrapInterval a = bootstrap_mean(v, 2000, 7), b = bootstrap_mean(v, 2000, 7);
  CHECK(a.low == b.low);
  CHECK(a.high == b.high);
  CHECK(a.low < 23.0 / 6.0);
  CHECK(a.high > 23.0 / 6.0);
  CHECK(a.low >= 1.0);
  CHECK(a.high <= 8.0);
  // The percentile interval is close to the normal one for a mean.
  const double se = std::sqrt((1 + 4 + 16 + 64 + 9 + 25 - 6 * (23.0 / 6) * (23.0 / 6)) / 6.0 / 6.0);
  CHECK(a.high - a.low == doctest::Approx(2 * 1.96 * se).epsilon(0.15));
  const BootstrapInterval constant = bootstrap_mean({0.4, 0.4, 0.4}, 100, 1);
  CHECK(constant.low == doctest::Approx(0.4).epsilon(1e-15));
  CHECK(constant.high == doctest::Approx(0.4).epsilon(1e-15));
  CHECK(std::isnan(bootstrap_mean(v, 0, 1).low));
  CHECK(std::isnan(bootstrap_mean({}, 10, 1).high));
}

TEST_CASE("comparison: summaries per population and category, independent of the order of populations") {
  const ComparisonInput input = paper_like();
  const ComparisonResult forward = compare_populations(input, {500, 3});
  ComparisonInput reversed = input;
  std::reverse(reversed.populations.begin(), reversed.populations.end());
  const ComparisonResult backward = compare_populations(reversed, {500, 3});
  REQUIRE(forward.populations.size() == backward.populations.size());
  const std::size_t last = forward.populations.size() - 1;
  for (std::size_t i = 0; i <= last; ++i) {
    const auto& f = forward.populations[i];
    const auto& b = backward.populations[last - i];
    CHECK(f.label.name == b.label.name);
    for (const char* category : {"all", "animals", "politicians"}) {
      const auto& fs = f.summaries.at("p_multiple_concepts").at(category);
      const auto& bs = b.summaries.at("p_multiple_concepts").at(category);
      CHECK(fs.bootstrap_low == bs.bootstrap_low);
      CHECK(fs.bootstrap_high == bs.bootstrap_high);
      CHECK(fs.interval.mean == bs.interval.mean);
    }
  }
  const auto& human = forward.populations[0].summaries.at("p_multiple_concepts");
  CHECK(human.at("all").interval.n == 10);
  CHECK(human.at("animals").interval.n == 5);
  CHECK(human.at("all").bootstrap_low < human.at("all").interval.mean);
  // Humans are not conditions; LLM populations are grouped by family.
  CHECK(forward.conditions.size() == 18);
  CHECK(forward.populations[forward.conditions.front()].label.family == "llama");
}

TEST_CASE("comparison: the alignment model recovers the aligned shift and leaves humans out") {
  const ComparisonResult r = compare_populations(paper_like(), {0, 1});
  const ModelComparison& m = model_named(r, "alignment");
  REQUIRE(m.fitted);
  CHECK(m.formula == "p_multiple_concepts ~ aligned + (1 | family)");
  CHECK(m.populations == 18);
  CHECK(m.groups == std::vector<std::string>{"llama", "mistral", "openchat_starling"});
  CHECK(m.reml.observations == 180);
  CHECK(m.reml.fixed.at(1).term == "aligned");
  CHECK(m.reml.fixed.at(1).estimate == doctest::Approx(-0.3).epsilon(0.1));
  CHECK(m.reml.fixed.at(1).p < 1e-6);
  CHECK(m.ml.fixed.at(1).estimate == doctest::Approx(m.reml.fixed.at(1).estimate).epsilon(1e-6));
  // No bootstrap asked for: no interval.
  CHECK(std::isnan(r.populations[1].summaries.at("p_multiple_concepts").at("all").bootstrap_low));
}

TEST_CASE("comparison: the manipulation model uses default and none as references") {
  const ComparisonResult r = compare_populations(paper_like(), {0, 1});
  const ModelComparison& m = model_named(r, "manipulation");
  REQUIRE(m.fitted);
  CHECK(m.formula == "p_multiple_concepts ~ temperature + prompt + (1 | model)");
  CHECK(m.reference_levels.at("temperature") == "default");
  CHECK(m.reference_levels.at("prompt") == "none");
  std::vector<std::string> terms;
  for (const auto& e : m.reml.fixed) terms.push_back(e.term);
  CHECK(terms == std::vector<std::string>{"Intercept", "temperature[T.1.5]", "prompt[T.identity]"});
  CHECK(m.groups.size() == 6);
}

TEST_CASE("comparison: models the data cannot support are skipped with the reason") {
  ComparisonInput input;
  input.unit = "word";
  input.metrics = {"dist_from_diagonal"};
  input.populations.push_back(humans(values_at(15.0, 1)));
  ComparisonResult r = compare_populations(input, {0, 1});
  CHECK_FALSE(model_named(r, "alignment").fitted);
  const std::string only_humans = "only human populations were analysed: add LLM response files to compare models";
  CHECK(model_named(r, "alignment").reason == only_humans);
  CHECK(model_named(r, "manipulation").reason == only_humans);

  // An LLM population whose model is unknown is told how to say what it is.
  {
    ComparisonInput unknown = input;
    unknown.populations.push_back(population("", "", "", values_at(9.0, 4)));
    unknown.populations.back().label.name = "mystery";
    unknown.populations.back().label.family.clear();
    unknown.populations.back().label.aligned.reset();
    ComparisonResult u = compare_populations(unknown, {0, 1});
    CHECK(model_named(u, "alignment").reason.rfind("no LLM population has a known model family and alignment", 0) == 0);
    CHECK(model_named(u, "manipulation").reason.rfind("no LLM population has a model, prompt and temperature", 0) == 0);
  }

  input.populations.push_back(population("llama2", "none", "default", values_at(10.0, 2)));
  input.populations.push_back(population("llama2-chat", "none", "default", values_at(8.0, 3)));
  r = compare_populations(input, {0, 1});
  CHECK(model_named(r, "alignment").reason.find("at least two families, found one (llama)") != std::string::npos);
  CHECK(model_named(r, "manipulation").reason == "neither the temperature nor the prompt varies within a model");

  input.populations.push_back(population("mistral-instruct", "none", "default", values_at(12.0, 4)));
  input.populations.push_back(population("openchat", "none", "default", values_at(12.0, 5)));
  input.populations.erase(input.populations.begin() + 2);   // no aligned model left
  r = compare_populations(input, {0, 1});
  CHECK(model_named(r, "alignment").reason == "every population is not aligned: both kinds are needed");

  input.populations.push_back(population("zephyr-gemma", "none", "default", values_at(10.0, 6)));
  r = compare_populations(input, {0, 1});
  CHECK(model_named(r, "alignment").reason.find("no family has both") != std::string::npos);

  // Temperature changes only for one model, prompt only for another, and
  // both together: the design is still estimable; a prompt that changes
  // exactly with the temperature is not.
  ComparisonInput confounded;
  confounded.unit = "word";
  confounded.metrics = {"dist_from_diagonal"};
  confounded.populations.push_back(population("llama2", "none", "default", values_at(10.0, 6)));
  confounded.populations.push_back(population("llama2", "identity", "1.5", values_at(10.0, 7)));
  confounded.populations.push_back(population("tulu", "none", "default", values_at(10.0, 8)));
  confounded.populations.push_back(population("tulu", "identity", "1.5", values_at(10.0, 9)));
  r = compare_populations(confounded, {0, 1});
  CHECK(model_named(r, "manipulation").reason.find("singular") != std::string::npos);
}

TEST_CASE("comparison JSON: the documented layout") {
  const ComparisonResult r = compare_populations(paper_like(), {200, 5});
  const nlohmann::json j = comparison_json(r);
  CHECK(j["unit"] == "concept");
  CHECK(j["metrics"] == nlohmann::json::array({"p_multiple_concepts"}));
  CHECK(j["bootstrap"]["draws"] == 200);
  CHECK(j["bootstrap"]["seed"] == 5);
  REQUIRE(j["populations"].size() == 19);
  const auto& human = j["populations"][0];
  CHECK(human["population"] == "human");
  CHECK(human["human"] == true);
  CHECK(human.count("name") == 0);
  CHECK(human["summaries"]["p_multiple_concepts"]["all"]["units"] == 10);
  CHECK(human["summaries"]["p_multiple_concepts"]["all"]["bootstrap_ci95"].size() == 2);
  CHECK(human["summaries"]["p_multiple_concepts"]["politicians"]["ci95"].size() == 2);
  REQUIRE(j["human_baseline"].size() == 1);
  CHECK(j["human_baseline"][0]["population"] == "human");
  CHECK(j["human_baseline"][0]["mean"].get<double>() ==
        r.populations[0].summaries.at("p_multiple_concepts").at("all").interval.mean);
  REQUIRE(j["conditions"].size() == 18);
  CHECK(j["conditions"][0]["family"] == "llama");
  CHECK(j["conditions"][0]["aligned"] == false);
  CHECK(j["conditions"][0]["metrics"]["p_multiple_concepts"]["units"] == 10);
  REQUIRE(j["models"].size() == 2);
  const auto& alignment = j["models"][0];
  CHECK(alignment["status"] == "fitted");
  CHECK(alignment["reason"].is_null());
  CHECK(alignment["reml"]["fixed"][1]["term"] == "aligned");
  for (const char* key : {"estimate", "se", "z", "p"}) CHECK(alignment["reml"]["fixed"][1][key].is_number());
  for (const char* key : {"group_variance", "residual_variance", "log_likelihood", "observations", "groups",
                          "converged", "boundary"}) {
    CHECK(alignment["ml"].count(key) == 1);
  }
}
