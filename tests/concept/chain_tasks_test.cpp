#include <doctest/doctest.h>

#include "concept/chain_codec.hpp"
#include "concept/diversity.hpp"
#include "report/concept_report.hpp"
#include "concept/crp_cases.hpp"
#include "support.hpp"

using namespace shoal;

TEST_CASE("chain tasks run apart and assembled give the same report as one run") {
  const ConceptDataset dataset = test::hardest_paper_file();
  ConceptOptions options;
  options.iterations = 60;
  options.burn_in = 20;
  options.chains = 3;
  options.subset_sizes = {10, 30};
  options.seed = 4;
  const ComparisonOptions comparing{kDefaultBootstrapDraws, options.seed};
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  const std::string whole =
      concept_report(dataset, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, comparing)).dump();

  // As browser workers would: tasks dealt out round-robin to three
  // "workers", encoded, decoded in shuffled order and assembled.
  const auto tasks = plan_chain_tasks(dataset, options);
  REQUIRE(tasks.size() == 20 * 2 * 3);
  std::vector<std::vector<double>> encoded(3);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    append_chain_result(encoded[i % 3], i, run_chain_task(dataset, options, tasks[i]));
  }
  std::vector<ChainResult> results(tasks.size());
  for (int w : {2, 0, 1}) {
    for (auto& [task, result] : read_chain_results(encoded[w].data(), encoded[w].size())) {
      results.at(task) = std::move(result);
    }
  }
  const auto assembled = assemble_concept_analysis(dataset, options, tasks, std::move(results));
  CHECK(concept_report(dataset, {ConceptInputOptions{}}, assembled, compare_concepts(assembled, comparing)).dump() ==
        whole);
}

TEST_CASE("chain results survive encoding exactly; malformed runs are rejected") {
  ChainResult r;
  r.last = {499, 3, 0.4123456789012345, 3.5, -123.456789012345678};
  r.map = {12, 2, 0.5, 2.0, -100.25};
  r.recorded = {r.last, r.map};
  r.map_seating = {0, 0, 1, 2, 1};
  std::vector<double> data;
  append_chain_result(data, 7, r);
  append_chain_result(data, 2, ChainResult{});
  const auto back = read_chain_results(data.data(), data.size());
  REQUIRE(back.size() == 2);
  CHECK(back[0].first == 7);
  CHECK(back[0].second.last.log_posterior == r.last.log_posterior);
  CHECK(back[0].second.recorded.size() == 2);
  CHECK(back[0].second.map_seating == r.map_seating);
  CHECK(back[1].first == 2);
  CHECK_THROWS_AS(read_chain_results(data.data(), data.size() - 1), std::invalid_argument);
  data[1] = 0.5;
  CHECK_THROWS_AS(read_chain_results(data.data(), data.size()), std::invalid_argument);
}
