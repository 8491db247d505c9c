// The min-people rule: a concept clustered on too few people stays in the
// report but is left out of the population's means, the per-category
// summaries, the bootstrap, the human baseline and the mixed models.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "compare/comparison.hpp"
#include "concept/diversity.hpp"
#include "report/comparison_report.hpp"

using namespace shoal;

namespace {

// A concept whose largest (only) subset holds `people` and whose posterior
// mean and last iteration both give `p_multiple`.
ConceptResult cell(const std::string& concept, std::size_t people, double p_multiple) {
  ConceptResult c;
  c.concept = concept;
  SubsetResult s;
  s.people = people;
  s.p_multiple_concepts.mean = p_multiple;
  ChainSummary chain;
  chain.last.p_same_table = 1.0 - p_multiple;
  s.chains.push_back(chain);
  s.last_p_multiple_concepts = p_multiple;   // one chain: its last value
  c.subsets.push_back(s);
  return c;
}

ConceptPopulationResult population(const std::string& model, std::vector<ConceptResult> concepts) {
  ConceptPopulationResult p;
  p.label.model = model;
  p.label.prompt = "none";
  p.label.temperature = "default";
  if (model.empty()) {
    p.label.human = true;
    p.label.name = "human";
  } else {
    p.label.name = compose_population_name(p.label);
    const auto known = known_model_family(model);
    REQUIRE(known);
    p.label.family = known->family;
    p.label.aligned = known->aligned;
  }
  p.concepts = std::move(concepts);
  return p;
}

std::vector<ConceptResult> four(double level) {
  return {cell("a finch", 30, level), cell("a seal", 30, level + 0.02), cell("Obama", 30, level + 0.05),
          cell("Trump", 30, level - 0.03)};
}

// Two families, each with an aligned and a non-aligned model; one of
// zephyr-mistral's animals, and one of the humans', were answered by a
// single person, so P(multiple concepts) is 0 there by construction.
ConceptAnalysis analysis_with_min_people(std::size_t min_people) {
  ConceptAnalysis a;
  a.options.min_people = min_people;
  a.populations.push_back(population("", {cell("a finch", 1, 0.0), cell("a seal", 40, 0.8), cell("Obama", 40, 0.9)}));
  a.populations.push_back(population("mistral-instruct", four(0.60)));
  std::vector<ConceptResult> zephyr = four(0.40);
  zephyr[1] = cell("a seal", 1, 0.0);
  a.populations.push_back(population("zephyr-mistral", zephyr));
  a.populations.push_back(population("llama2", four(0.70)));
  a.populations.push_back(population("llama2-chat", four(0.45)));
  for (auto& p : a.populations) summarise_population(p, min_people);
  return a;
}

const ModelComparison& alignment(const ComparisonResult& r, const std::string& metric) {
  for (const auto& m : r.models) {
    if (m.name == "alignment" && m.metric == metric) return m;
  }
  FAIL("no alignment model of " << metric);
  return r.models.front();
}

}  // namespace

TEST_CASE("min people: the default is 10") {
  CHECK(ConceptOptions{}.min_people == 10);
  CHECK(kDefaultMinPeople == 10);
}

TEST_CASE("min people: a one-person concept is left out of the means, the category, the baseline and the model") {
  const ConceptAnalysis a = analysis_with_min_people(10);
  const auto& zephyr = a.populations[2];
  CHECK(zephyr.concepts[1].below_min_people);
  CHECK_FALSE(zephyr.concepts[0].below_min_people);
  CHECK(zephyr.concepts_clustered == 4);   // still clustered and reported
  CHECK(zephyr.mean_p_multiple_concepts == doctest::Approx((0.40 + 0.45 + 0.37) / 3));
  CHECK(zephyr.mean_last_p_multiple_concepts == doctest::Approx((0.40 + 0.45 + 0.37) / 3));

  const ComparisonResult r = compare_concepts(a, {200, 1});
  REQUIRE(r.min_people == 10u);
  REQUIRE(r.left_out.size() == 2);
  // In the populations' order: the humans first.
  CHECK(r.left_out[0].population == "human");
  CHECK(r.left_out[0].unit == "a finch");
  CHECK(r.left_out[0].people == 1);
  CHECK(r.left_out[1].population == zephyr.label.name);
  CHECK(r.left_out[1].unit == "a seal");

  const auto& animals = r.populations[2].summaries.at("p_multiple_concepts").at("animals");
  CHECK(animals.interval.n == 1);
  CHECK(animals.interval.mean == doctest::Approx(0.40));
  CHECK(animals.bootstrap_low == doctest::Approx(0.40));   // the bootstrap resamples the one concept left
  CHECK(r.populations[2].summaries.at("p_multiple_concepts").at("all").interval.n == 3);
  CHECK(r.populations[0].summaries.at("p_multiple_concepts").at("all").interval.mean == doctest::Approx(0.85));

  for (const char* metric : {"p_multiple_concepts", "last_p_multiple_concepts"}) {
    const ModelComparison& m = alignment(r, metric);
    REQUIRE(m.fitted);
    CHECK(m.reml.observations == 15);   // 4 populations × 4 concepts, one left out
    CHECK(m.ml.observations == 15);
  }

  const nlohmann::json j = comparison_json(r);
  CHECK(j["min_people"] == 10);
  CHECK(j["left_out"] == nlohmann::json::parse(R"([{"population": "human", "concept": "a finch", "people": 1},
      {"population": ")" + zephyr.label.name + R"(", "concept": "a seal", "people": 1}])"));
  CHECK(j["human_baseline"][0]["units"] == 2);
  CHECK(j["conditions"].size() == 4);
}

TEST_CASE("min people 1 (and 0) keeps every concept, as the paper did") {
  for (std::size_t min_people : {0u, 1u}) {
    const ConceptAnalysis a = analysis_with_min_people(min_people);
    const auto& zephyr = a.populations[2];
    CHECK_FALSE(zephyr.concepts[1].below_min_people);
    CHECK(zephyr.mean_p_multiple_concepts == doctest::Approx((0.40 + 0.0 + 0.45 + 0.37) / 4));
    const ComparisonResult r = compare_concepts(a, {200, 1});
    CHECK(r.left_out.empty());
    const auto& animals = r.populations[2].summaries.at("p_multiple_concepts").at("animals");
    CHECK(animals.interval.n == 2);
    CHECK(animals.interval.mean == doctest::Approx(0.20));
    CHECK(alignment(r, "p_multiple_concepts").reml.observations == 16);
    CHECK(comparison_json(r)["left_out"].empty());
    CHECK(comparison_json(r)["human_baseline"][0]["units"] == 3);
  }
}

TEST_CASE("min people: the rule is the largest subset's people, not the smaller subsets'") {
  ConceptPopulationResult p = population("llama2", {cell("a finch", 25, 0.5)});
  // Subsets 25 and 30: 30 people at the largest.
  SubsetResult larger = p.concepts[0].subsets[0];
  larger.people = 30;
  p.concepts[0].subsets.push_back(larger);
  summarise_population(p, 30);
  CHECK_FALSE(p.concepts[0].below_min_people);
  summarise_population(p, 31);
  CHECK(p.concepts[0].below_min_people);
  CHECK(std::isnan(p.mean_p_multiple_concepts));
  CHECK(p.concepts_clustered == 1);
}

TEST_CASE("min people: colour and numeric comparisons carry no such setting") {
  ComparisonInput input;
  input.unit = "word";
  input.metrics = {"dist_from_diagonal"};
  const nlohmann::json j = comparison_json(compare_populations(input, {0, 1}));
  CHECK_FALSE(j.contains("min_people"));
  CHECK_FALSE(j.contains("left_out"));
}
