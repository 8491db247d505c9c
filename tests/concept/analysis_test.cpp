#include <doctest/doctest.h>

#include <string>

#include "concept/diversity.hpp"
#include "report/concept_report.hpp"

using namespace shoal;

namespace {

// `groups` groups of `per_group` individuals; everyone in a group answers
// all 36 questions identically and the groups disagree on every question
// that tells them apart.
ConceptDataset separated_groups(std::size_t groups, std::size_t per_group) {
  ConceptDataset d;
  ConceptPopulation p;
  p.label.name = "synthetic";
  ConceptResponses r;
  r.concept = "target";
  for (std::size_t q = 0; q < 36; ++q) r.questions.push_back("question " + std::to_string(q));
  for (std::size_t g = 0; g < groups; ++g) {
    for (std::size_t i = 0; i < per_group; ++i) {
      ConceptIndividual person{std::to_string(g) + "-" + std::to_string(i), {}};
      for (std::size_t q = 0; q < 36; ++q) person.answers.push_back(static_cast<std::uint8_t>((q >> g) & 1u));
      r.complete.push_back(person);
    }
  }
  r.answer_count.assign(36, r.complete.size());
  r.options.assign(36, {"0", "1"});
  r.option_counts.assign(36, {r.complete.size(), 0});
  p.concepts.push_back(r);
  d.populations.push_back(p);
  return d;
}

}  // namespace

TEST_CASE("concept analysis: subset sizes as the data allow, then everyone") {
  const std::vector<std::size_t> paper = {25, 50, 75, 100};
  CHECK(subset_sizes_for(120, paper) == std::vector<std::size_t>{25, 50, 75, 100});
  CHECK(subset_sizes_for(100, paper) == std::vector<std::size_t>{25, 50, 75, 100});
  CHECK(subset_sizes_for(59, paper) == std::vector<std::size_t>{25, 50, 59});
  CHECK(subset_sizes_for(50, paper) == std::vector<std::size_t>{25, 50});
  CHECK(subset_sizes_for(3, paper) == std::vector<std::size_t>{3});
  CHECK(subset_sizes_for(0, paper).empty());
  CHECK(subset_sizes_for(10, {8, 4}) == std::vector<std::size_t>{4, 8});
}

TEST_CASE("concept analysis: clearly separated groups are found") {
  const auto d = separated_groups(2, 10);
  ConceptOptions options;
  options.subset_sizes = {20};
  options.iterations = 200;
  options.burn_in = 50;
  options.chains = 3;
  const auto a = analyse_concepts(d, options);
  const auto& subset = a.populations[0].concepts[0].subsets.at(0);
  CHECK(subset.people == 20);
  // Two tables of ten: P(same table) = 2 · (1/2)² = 1/2 at every iteration.
  CHECK(subset.p_same_table.mean == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(subset.p_multiple_concepts.low == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(subset.tables.mean == 2.0);
  // Every draw the same: nothing to diagnose, so the cell is constant.
  CHECK(std::isnan(subset.convergence.p_same_table.r_hat));
  CHECK(subset.convergence.verdict == CellVerdict::Constant);
  CHECK(subset.chains.size() == 3);
  CHECK(subset.chains[0].last.tables == 2);
  CHECK(subset.p_same_table.draws == 3 * 150);
  // The MAP seating puts each group at one table.
  REQUIRE(subset.map_seating.size() == 20);
  for (std::size_t i = 0; i < 20; ++i) CHECK(subset.map_seating[i] == (i < 10 ? 0u : 1u));
}

TEST_CASE("concept analysis: the same seed gives the same report, another seed another chain") {
  ConceptDataset d = separated_groups(3, 6);
  // Blur the groups so the posterior is not a single seating.
  auto& people = d.populations[0].concepts[0].complete;
  for (std::size_t i = 0; i < people.size(); ++i) people[i].answers[i % 36] ^= 1u;
  ConceptOptions options;
  options.subset_sizes = {18};
  options.iterations = 60;
  options.burn_in = 10;
  options.model.alpha = 2.0;
  options.keep_traces = true;
  const auto report = [&] {
    const ConceptAnalysis analysis = analyse_concepts(d, options);
    return concept_report(d, {}, analysis, compare_concepts(analysis, {kDefaultBootstrapDraws, options.seed})).dump();
  };
  const auto first = report();
  const auto again = report();
  CHECK(first == again);
  options.seed = 2;
  const auto other = report();
  CHECK(first != other);
}

TEST_CASE("concept analysis: progress is reported and can cancel") {
  const auto d = separated_groups(2, 5);
  ConceptOptions options;
  options.subset_sizes = {5, 10};
  options.iterations = 20;
  options.burn_in = 5;
  double last = 0.0;
  std::size_t calls = 0;
  analyse_concepts(d, options, [&](double fraction) {
    CHECK(fraction >= last);
    last = fraction;
    ++calls;
    return true;
  });
  CHECK(calls == 40);
  CHECK(last == doctest::Approx(1.0));
  CHECK_THROWS_AS(analyse_concepts(d, options, [](double fraction) { return fraction < 0.5; }), AnalysisCancelled);
}

TEST_CASE("concept analysis: invalid options are refused") {
  const auto d = separated_groups(2, 5);
  ConceptOptions options;
  options.burn_in = options.iterations;
  CHECK_THROWS_AS(analyse_concepts(d, options), std::invalid_argument);
  options = ConceptOptions{};
  options.model.alpha = 0.0;
  CHECK_THROWS_AS(analyse_concepts(d, options), std::invalid_argument);
}
