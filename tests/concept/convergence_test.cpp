#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "concept/cell_convergence.hpp"
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

TEST_CASE("concept analysis: the field's diagnostics per subset, and a verdict that names what failed") {
  ConceptOptions options;
  options.subset_sizes = {30};
  options.chains = 2;
  options.iterations = 60;
  options.burn_in = 10;
  const ConceptDataset dataset = random_answers();
  const ConceptAnalysis short_run = analyse_concepts(dataset, options);
  const SubsetResult& s = short_run.populations.at(0).concepts.at(0).subsets.at(0);
  const CellConvergence& cv = s.convergence;
  REQUIRE(std::isfinite(cv.p_same_table.ess_bulk));
  REQUIRE(std::isfinite(cv.tables.ess_bulk));
  CHECK(std::isfinite(cv.p_same_table.r_hat));
  CHECK(std::isfinite(cv.log_posterior.mcse_mean));
  // 100 draws in all: never the 400 the rule asks for, so the cell fails on
  // the ESS of both quantities, and says so.
  CHECK(cv.p_same_table.ess_bulk > 0.0);
  CHECK(cv.verdict == CellVerdict::Failed);
  REQUIRE(cv.failed.size() >= 2);
  CHECK(cv.failed[0].rfind("P(same table)", 0) == 0);
  bool tables_named = false;
  for (const auto& f : cv.failed) tables_named = tables_named || f.rfind("number of tables: bulk-ESS", 0) == 0;
  CHECK(tables_named);
  CHECK(cv.iterations == 60);
  CHECK(cv.burn_in == 10);

  const auto report = concept_report(dataset, {}, short_run, compare_concepts(short_run, {kDefaultBootstrapDraws, options.seed}));
  const auto& subset = report["populations"][0]["concepts"][0]["subsets"][0];
  CHECK(subset["r_hat"]["p_same_table"].get<double>() == cv.p_same_table.r_hat);
  CHECK(subset["ess"]["p_same_table"].get<double>() == cv.p_same_table.ess_bulk);
  CHECK(subset["convergence"]["verdict"] == "failed");
  CHECK(subset["convergence"]["tables"]["ess_tail"].get<double>() == cv.tables.ess_tail);
  CHECK(subset["convergence"]["failed"].size() == cv.failed.size());
  CHECK(report["convergence"]["varying"] == 1);
  CHECK(report["convergence"]["failed"][0]["concept"] == "a finch");
  CHECK(report["convergence"]["line"] == "0 of 1 cells passed; 1 did not:");
}

TEST_CASE("concept analysis: a cell whose quantities never change is constant, not judged") {
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
  CHECK(std::isnan(result.convergence.p_same_table.ess_bulk));
  CHECK(std::isnan(result.convergence.tables.r_hat));
  CHECK(result.convergence.verdict == CellVerdict::Constant);
  CHECK(result.convergence.failed.empty());
}

TEST_CASE("the same seating's P(same table) summed in another order is the same draw to the verdict") {
  // Three chains sit at one seating whose shares summed in one order give
  // 0.37599999999999995 and in another 0.376, a difference in the last bit.
  const auto chain = [](double same) {
    std::vector<IterationRecord> records(200);
    for (std::size_t i = 0; i < records.size(); ++i) {
      records[i].iteration = 100 + i;
      records[i].tables = 4;
      records[i].p_same_table = same;
      records[i].log_posterior = -293.1;
    }
    return records;
  };
  const auto a = chain(0.37599999999999995), b = chain(0.376);
  REQUIRE(a[0].p_same_table != b[0].p_same_table);
  const CellConvergence cell = judge_cell({&a, &a, &a, &b}, 500, 100);
  CHECK(cell.verdict == CellVerdict::Constant);
  CHECK(cell.failed.empty());
}
