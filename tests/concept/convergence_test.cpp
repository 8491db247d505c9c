#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "concept/diversity.hpp"
#include "report/concept_report.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

// 30 individuals answering 36 questions at random: the sampler keeps moving,
// so P(same table) varies from draw to draw.
ConceptDataset random_answers() {
  ConceptDataset d;
  ConceptPopulation p;
  p.label.name = "noise";
  ConceptResponses r;
  r.concept = "a finch";
  for (std::size_t q = 0; q < 36; ++q) r.questions.push_back("question " + std::to_string(q));
  Rng rng(3);
  r.options.assign(36, {"0", "1"});
  r.option_counts.assign(36, {0, 0});
  for (std::size_t i = 0; i < 30; ++i) {
    ConceptIndividual person{std::to_string(i), {}};
    for (std::size_t q = 0; q < 36; ++q) {
      person.answers.push_back(static_cast<std::uint8_t>(rng.below(2)));
      ++r.option_counts[q][person.answers.back()];
    }
    r.complete.push_back(person);
  }
  r.answer_count.assign(36, r.complete.size());
  p.concepts.push_back(r);
  d.populations.push_back(p);
  return d;
}

}  // namespace

TEST_CASE("concept analysis: effective sample sizes and convergence warnings per subset") {
  ConceptOptions options;
  options.subset_sizes = {30};
  options.chains = 2;
  options.iterations = 60;
  options.burn_in = 10;
  const ConceptDataset dataset = random_answers();
  const ConceptAnalysis short_run = analyse_concepts(dataset, options);
  const SubsetResult& s = short_run.populations.at(0).concepts.at(0).subsets.at(0);
  REQUIRE(std::isfinite(s.ess_p_same_table));
  REQUIRE(std::isfinite(s.ess_tables));
  // 100 draws in all: the ESS cannot reach 100·log10(100).
  CHECK(s.ess_p_same_table > 0.0);
  CHECK(s.ess_p_same_table <= 200.0);
  // Fewer than 100 draws per quantity is always too few.
  options.iterations = 40;
  const ConceptAnalysis shorter = analyse_concepts(dataset, options);
  const SubsetResult& t = shorter.populations.at(0).concepts.at(0).subsets.at(0);
  REQUIRE(t.warnings.size() >= 2);
  CHECK(t.warnings[0].find("effective sample size of P(same table)") != std::string::npos);

  const auto report = concept_report(dataset, {}, shorter, compare_concepts(shorter, {kDefaultBootstrapDraws, options.seed}));
  const auto& subset = report["populations"][0]["concepts"][0]["subsets"][0];
  CHECK(subset["ess"]["p_same_table"].get<double>() == t.ess_p_same_table);
  CHECK(subset["ess"]["tables"].get<double>() == t.ess_tables);
  CHECK(subset["warnings"].size() == t.warnings.size());
}

TEST_CASE("concept analysis: a quantity that never changes has no effective sample size and no warning") {
  ConceptOptions options;
  options.subset_sizes = {4};
  options.iterations = 50;
  options.burn_in = 5;
  // Four people with identical answers to every question sit together from
  // the first sweep on.
  ConceptDataset d;
  ConceptPopulation p;
  p.label.name = "twins";
  ConceptResponses r;
  r.concept = "a robin";
  for (std::size_t q = 0; q < 36; ++q) r.questions.push_back("q" + std::to_string(q));
  for (const char* id : {"a", "b", "c", "d"}) r.complete.push_back({id, std::vector<std::uint8_t>(36, 1)});
  r.answer_count.assign(36, 4);
  r.options.assign(36, {"0", "1"});
  r.option_counts.assign(36, {0, 4});
  p.concepts.push_back(r);
  d.populations.push_back(p);
  const auto analysis = analyse_concepts(d, options);
  const SubsetResult& result = analysis.populations.at(0).concepts.at(0).subsets.at(0);
  REQUIRE(result.p_same_table.low == 1.0);
  CHECK(std::isnan(result.ess_p_same_table));
  CHECK(std::isnan(result.ess_tables));
  CHECK(result.warnings.empty());
}
