// The statistics the concept figures and the replication table draw, as the
// comparisons carry them: P(multiple concepts) per category and subset size,
// per category over its concept × subset cells, and the reliability medians.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "compare/comparison.hpp"
#include "compare/reliability_medians.hpp"
#include "compare/subset_means.hpp"
#include "report/comparison_report.hpp"

using namespace shoal;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

SubsetResult subset(std::size_t people, double posterior, double last) {
  SubsetResult s;
  s.people = people;
  s.p_multiple_concepts.mean = posterior;
  s.last_p_multiple_concepts = last;
  ChainSummary chain;
  chain.last.p_same_table = 1.0 - last;
  s.chains.push_back(chain);
  return s;
}

ConceptResult concept_with(const std::string& name, std::vector<SubsetResult> subsets, bool below = false) {
  ConceptResult c;
  c.concept = name;
  c.subsets = std::move(subsets);
  c.below_min_people = below;
  return c;
}

// Two animals at 10 and 20 people (the seal's 20 undefined), one
// politician, and one politician below min_people.
ConceptPopulationResult clustered() {
  ConceptPopulationResult p;
  p.label.name = "m";
  p.concepts = {concept_with("a finch", {subset(10, 0.2, 0.25), subset(20, 0.4, 0.35)}),
                concept_with("a seal", {subset(10, 0.4, 0.45), subset(20, kNaN, 0.5)}),
                concept_with("Obama", {subset(10, 0.5, 0.6)}),
                concept_with("Trump", {subset(10, 0.9, 0.9)}, true)};
  return p;
}

ConceptResult answered(const std::string& name, double paper, double within, double between) {
  ConceptResult c;
  c.concept = name;
  c.paper_intersubject = paper;
  c.within_agreement = within;
  c.between_agreement = between;
  return c;
}

ConceptPopulationResult population(const std::string& name, const std::string& model, bool human,
                                   std::vector<ConceptResult> concepts) {
  ConceptPopulationResult p;
  p.label.name = name;
  p.label.model = model;
  p.label.human = human;
  p.concepts = std::move(concepts);
  return p;
}

}  // namespace

TEST_CASE("subset means: per category and size, the mean of the concepts' posterior means, min-people rule") {
  const auto means = subset_means(clustered());
  REQUIRE(means.size() == 3);
  CHECK(means[0].category == "animals");
  CHECK(means[0].people == 10);
  CHECK(means[0].concepts == 2);
  CHECK(means[0].mean == doctest::Approx(0.3));
  CHECK(means[1].category == "animals");
  CHECK(means[1].people == 20);
  CHECK(means[1].concepts == 1);   // the seal's undefined value is not a zero
  CHECK(means[1].without_value == 1);   // ... and it is counted, not dropped
  CHECK(means[1].mean == doctest::Approx(0.4));
  CHECK(means[0].without_value == 0);
  CHECK(means[2].category == "politicians");
  CHECK(means[2].concepts == 1);   // Trump is below min_people
  CHECK(means[2].mean == doctest::Approx(0.5));
}

TEST_CASE("category cells: posterior and last-iteration means over a category's concept × subset cells") {
  const auto cells = category_cell_means(clustered());
  REQUIRE(cells.size() == 2);
  CHECK(cells[0].category == "animals");
  CHECK(cells[0].cells == 3);
  CHECK(cells[0].without_value == 1);   // the seal at 20
  CHECK(cells[0].p_multiple_concepts == doctest::Approx((0.2 + 0.4 + 0.4) / 3));
  CHECK(cells[0].last_p_multiple_concepts == doctest::Approx((0.25 + 0.35 + 0.45) / 3));
  CHECK(cells[1].category == "politicians");
  CHECK(cells[1].cells == 1);
  CHECK(cells[1].p_multiple_concepts == doctest::Approx(0.5));
  CHECK(cells[1].last_p_multiple_concepts == doctest::Approx(0.6));
  CHECK(cells[1].without_value == 0);
}

TEST_CASE("subset means and category cells: a size whose every value is undefined stays, with no mean and its count") {
  ConceptPopulationResult p;
  p.concepts = {concept_with("a finch", {subset(10, kNaN, 0.25)}), concept_with("a seal", {subset(10, kNaN, 0.3)})};
  const auto means = subset_means(p);
  REQUIRE(means.size() == 1);
  CHECK(means[0].concepts == 0);
  CHECK(means[0].without_value == 2);
  CHECK(std::isnan(means[0].mean));
  const auto cells = category_cell_means(p);
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].cells == 0);
  CHECK(cells[0].without_value == 2);
  CHECK(std::isnan(cells[0].p_multiple_concepts));
  CHECK(std::isnan(cells[0].last_p_multiple_concepts));
}

TEST_CASE("median_of: the middle value, the mean of the two middle values, NaN when empty") {
  CHECK(median_of({3.0, 1.0, 2.0}) == 2.0);
  CHECK(median_of({4.0, 1.0, 3.0, 2.0}) == 2.5);
  CHECK(median_of({0.7}) == 0.7);
  CHECK(std::isnan(median_of({})));
}

TEST_CASE("reliability medians: the humans pooled, each model's conditions pooled, undefined values left out") {
  ConceptAnalysis a;
  a.populations = {
      population("human", "", true, {answered("a finch", 0.5, 0.6, 0.3), answered("a seal", 0.7, 0.8, 0.4)}),
      population("human-b", "", true, {answered("a finch", kNaN, 0.9, 0.5)}),
      population("m-none", "m", false, {answered("a finch", 0.1, 0.2, 0.9), answered("a seal", 0.3, kNaN, 0.8)}),
      population("x", "", false, {answered("a finch", 0.2, 0.2, 0.2)}),
      population("m-creative", "m", false, {answered("a finch", 0.6, 0.4, 0.6), answered("Obama", 0.8, 1.0, 0.7)}),
  };
  const ReliabilityMedians r = reliability_medians(a);
  CHECK(r.humans.populations == std::vector<std::string>{"human", "human-b"});
  CHECK(r.humans.medians[0].concepts == 2);
  CHECK(r.humans.medians[0].median == doctest::Approx(0.6));   // (0.5 + 0.7) / 2
  CHECK(r.humans.medians[1].concepts == 3);
  CHECK(r.humans.medians[1].median == doctest::Approx(0.8));
  CHECK(r.humans.medians[2].median == doctest::Approx(0.4));
  REQUIRE(r.groups.size() == 4);
  CHECK(r.groups[0].populations == std::vector<std::string>{"human"});
  CHECK(r.groups[0].model.empty());
  CHECK(r.groups[1].populations == std::vector<std::string>{"human-b"});
  CHECK(r.groups[2].model == "m");
  CHECK(r.groups[2].populations == std::vector<std::string>{"m-none", "m-creative"});
  CHECK(r.groups[2].medians[0].concepts == 4);
  CHECK(r.groups[2].medians[0].median == doctest::Approx(0.45));   // 0.1 0.3 | 0.6 0.8
  CHECK(r.groups[2].medians[1].concepts == 3);
  CHECK(r.groups[2].medians[1].median == doctest::Approx(0.4));    // 0.2 0.4 1.0
  CHECK(r.groups[2].medians[2].median == doctest::Approx(0.75));   // 0.6 0.7 | 0.8 0.9
  CHECK(r.groups[3].populations == std::vector<std::string>{"x"});
  CHECK(r.groups[3].medians[2].median == doctest::Approx(0.2));
}

TEST_CASE("the concept comparisons carry the figures' statistics; the colour comparisons do not") {
  ConceptAnalysis a;
  a.options.min_people = 1;
  a.populations = {clustered()};
  a.populations[0].concepts[0].paper_intersubject = 0.75;   // the others have none
  const nlohmann::json json = comparison_json(compare_concepts(a, {0, 1}));
  const auto& p = json["populations"][0];
  REQUIRE(p["subset_means"].size() == 3);
  CHECK(p["subset_means"][0]["category"] == "animals");
  CHECK(p["subset_means"][0]["people"] == 10);
  CHECK(p["subset_means"][0]["concepts"] == 2);
  CHECK(p["subset_means"][0]["mean"].get<double>() == doctest::Approx(0.3));
  CHECK_FALSE(p["subset_means"][0].contains("without_value"));   // only where it happens
  CHECK(p["subset_means"][1]["without_value"] == 1);
  REQUIRE(p["category_cells"].size() == 2);
  CHECK(p["category_cells"][0]["without_value"] == 1);
  CHECK(p["category_cells"][1]["cells"] == 1);
  CHECK(json["reliability_medians"]["measures"] == nlohmann::json{"paper_intersubject", "within_individual", "between_individuals"});
  CHECK(json["reliability_medians"]["groups"][0]["medians"]["paper_intersubject"] == nlohmann::json{{"concepts", 1}, {"median", 0.75}});
  CHECK(json["reliability_medians"]["groups"][0]["model"].is_null());
  CHECK(json["reliability_medians"]["humans"]["medians"]["paper_intersubject"]["median"].is_null());

  const nlohmann::json color = comparison_json(compare_color(ColorAnalysis{}, {0, 1}));
  CHECK_FALSE(color.contains("reliability_medians"));
}
