#include <doctest/doctest.h>

#include <stdexcept>

#include "concept/chain_codec.hpp"
#include "concept/clustering_codec.hpp"
#include "concept/diversity.hpp"
#include "report/concept_report.hpp"
#include "support.hpp"

using namespace shoal;

TEST_CASE("chains on decoded clustering inputs are the chains on the parsed files") {
  const ConceptDataset parsed = load_concept_inputs(
      {test::shared_input("paper-data/concept-task/llm-responses/openchat-prompt=random-temp=default.csv"),
       test::shared_input("paper-data/concept-task/llm-responses/gemma-instruct-prompt=identity-temp=default.csv")},
      {ConceptInputOptions{}});
  ConceptOptions options;
  options.iterations = 40;
  options.burn_in = 10;
  options.chains = 2;
  options.subset_sizes = {10, 30};
  options.seed = 7;
  // Pooled cells too: their answers are matched question by question.
  options.pairs = "openchat prompt=random temp=default,gemma-instruct prompt=identity temp=default";

  const auto bytes = encode_clustering_inputs(parsed);
  const ConceptDataset decoded = decode_clustering_inputs(bytes.data(), bytes.size());
  // What pairs by family read of the labels comes through.
  for (std::size_t p = 0; p < parsed.populations.size(); ++p) {
    const PopulationLabel &a = parsed.populations[p].label, &b = decoded.populations[p].label;
    CHECK((a.name == b.name && a.model == b.model && a.prompt == b.prompt && a.temperature == b.temperature &&
           a.family == b.family && a.aligned == b.aligned && a.human == b.human));
    CHECK(parsed.populations[p].concepts[0].questions == decoded.populations[p].concepts[0].questions);
  }
  const auto tasks = plan_chain_tasks(parsed, options);
  const auto decoded_tasks = plan_chain_tasks(decoded, options);
  REQUIRE(tasks.size() > 100);   // 2 files × 20 concepts × up to 2 subsets × 2 chains
  REQUIRE(decoded_tasks.size() == tasks.size());

  // Half the chains on the parsed files, half on the decoded bytes, as two
  // workers would run them; the report is the one-process report.
  std::vector<double> encoded;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    CHECK(decoded_tasks[i].seed == tasks[i].seed);
    CHECK(decoded_tasks[i].people == tasks[i].people);
    append_chain_result(encoded, i, run_chain_task(i % 2 ? decoded : parsed, options, decoded_tasks[i]));
  }
  std::vector<ChainResult> results(tasks.size());
  for (auto& [task, result] : read_chain_results(encoded.data(), encoded.size())) results.at(task) = std::move(result);
  const auto assembled = assemble_concept_analysis(parsed, options, tasks, std::move(results));
  const ComparisonOptions comparing{kDefaultBootstrapDraws, options.seed};
  const ConceptAnalysis whole = analyse_concepts(parsed, options);
  CHECK(concept_report(parsed, {ConceptInputOptions{}}, assembled, compare_concepts(assembled, comparing)).dump() ==
        concept_report(parsed, {ConceptInputOptions{}}, whole, compare_concepts(whole, comparing)).dump());
}

TEST_CASE("clustering inputs: the layout by hand, and bytes that are not one are refused") {
  ConceptDataset dataset;
  dataset.populations.resize(1);
  dataset.populations[0].label.name = "p";
  dataset.populations[0].concepts.resize(1);
  auto& concept = dataset.populations[0].concepts[0];
  concept.concept = "c";
  concept.questions = {"a b", "a d"};
  concept.options = {{"0", "1"}, {"no", "maybe", "yes"}};
  concept.complete = {{"x", {0, 1}}, {"y", {1, 2}}};
  const std::vector<std::uint8_t> expected = {
      0x33, 0x49, 0x43, 0x53, 1, 0, 0, 0,                      // magic, one population
      1, 0, 0, 0, 'p',                                         // "p"
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,          // no model, prompt, temperature, family
      0, 0, 0, 0, 0, 0, 0, 0,                                  // not human, alignment unknown
      1, 0, 0, 0, 1, 0, 0, 0, 'c', 2, 0, 0, 0,                 // one concept "c", two questions
      3, 0, 0, 0, 'a', ' ', 'b', 3, 0, 0, 0, 'a', ' ', 'd',    // their labels
      2, 0, 0, 0, 1, 0, 0, 0, '0', 1, 0, 0, 0, '1',           // options of the first
      3, 0, 0, 0, 2, 0, 0, 0, 'n', 'o', 5, 0, 0, 0, 'm', 'a', 'y', 'b', 'e', 3, 0, 0, 0, 'y', 'e', 's',
      2, 0, 0, 0, 0, 1, 1, 2};                                 // two individuals' answers
  const auto bytes = encode_clustering_inputs(dataset);
  CHECK(bytes == expected);
  const auto back = decode_clustering_inputs(bytes.data(), bytes.size());
  CHECK(back.populations[0].concepts[0].complete[1].answers == std::vector<std::uint8_t>{1, 2});
  CHECK(back.populations[0].concepts[0].options == concept.options);
  // The options' number reaches the sampler: three, not the default two.
  CHECK(answer_matrix(back.populations[0].concepts[0], 2).options == std::vector<std::uint32_t>{2, 3});
  auto beyond = bytes;
  beyond.back() = 3;   // a fourth option of a three-option question
  CHECK_THROWS_AS(decode_clustering_inputs(beyond.data(), beyond.size()), std::invalid_argument);

  CHECK_THROWS_AS(decode_clustering_inputs(bytes.data(), bytes.size() - 1), std::invalid_argument);
  auto longer = bytes;
  longer.push_back(0);
  CHECK_THROWS_AS(decode_clustering_inputs(longer.data(), longer.size()), std::invalid_argument);
  auto stale = bytes;
  stale[0] = 0;
  CHECK_THROWS_AS(decode_clustering_inputs(stale.data(), stale.size()), std::invalid_argument);
}
