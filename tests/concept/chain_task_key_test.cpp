#include <doctest/doctest.h>

#include <map>

#include "concept/chain_codec.hpp"
#include "concept/chain_task_key.hpp"
#include "concept/diversity.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

const char* const kFirst = "paper-data/concept-task/llm-responses/openchat-prompt=random-temp=default.csv";
const char* const kSecond = "paper-data/concept-task/llm-responses/gemma-instruct-prompt=identity-temp=default.csv";

ConceptOptions small_options() {
  ConceptOptions options;
  options.iterations = 20;
  options.burn_in = 5;
  options.chains = 2;
  options.subset_sizes = {10, 30};
  options.seed = 9;
  return options;
}

// Every task's key, checked to be the one chain_task_key gives it alone.
std::map<std::string, std::size_t> keyed(const ConceptDataset& dataset, const std::vector<ChainTask>& tasks) {
  const auto keys = chain_task_keys(dataset, tasks);
  REQUIRE(keys.size() == tasks.size());
  std::map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    CHECK(keys[i] == chain_task_key(dataset, tasks[i]));
    out[keys[i]] = i;
  }
  return out;
}

std::vector<double> encoded(const ConceptDataset& dataset, const ConceptOptions& options, const ChainTask& task) {
  std::vector<double> out;
  append_chain_result(out, 0, run_chain_task(dataset, options, task));
  return out;
}

}  // namespace

TEST_CASE("a file parsed alone gives its chains the keys and results they have among all the files") {
  const ConceptOptions options = small_options();
  const auto both = load_concept_inputs({test::shared_input(kFirst), test::shared_input(kSecond)}, {ConceptInputOptions{}});
  const auto alone = load_concept_inputs({test::shared_input(kSecond)}, {ConceptInputOptions{}});
  const auto all_tasks = plan_chain_tasks(both, options);
  const auto some_tasks = plan_chain_tasks(alone, options);
  REQUIRE(!some_tasks.empty());
  REQUIRE(some_tasks.size() < all_tasks.size());
  const std::size_t first_file_tasks = all_tasks.size() - some_tasks.size();
  const auto all_keys = keyed(both, all_tasks);
  REQUIRE(all_keys.size() == all_tasks.size());   // no two tasks share a key

  for (std::size_t i = 0; i < some_tasks.size(); ++i) {
    const auto found = all_keys.find(chain_task_key(alone, some_tasks[i]));
    REQUIRE(found != all_keys.end());
    // The second file's tasks come after the first file's, in the same order.
    CHECK(found->second == first_file_tasks + i);
  }
  for (std::size_t i : {std::size_t{0}, some_tasks.size() - 1}) {
    CHECK(encoded(alone, options, some_tasks[i]) == encoded(both, options, all_tasks[first_file_tasks + i]));
  }
}

TEST_CASE("a population that other files complete is told apart from what one file says of it") {
  // One file's rows split over two inputs named as one population: the first
  // half alone has fewer individuals, or other answers, than the whole.
  const TextInput whole = test::shared_input(kFirst);
  const std::size_t header_end = whole.content.find('\n') + 1;
  const std::size_t middle = whole.content.find('\n', whole.content.size() / 2) + 1;
  const TextInput head{"head.csv", whole.content.substr(0, middle)};
  const TextInput tail{"tail.csv", whole.content.substr(0, header_end) + whole.content.substr(middle)};
  ConceptInputOptions named;
  named.labels.name = "openchat";
  const ConceptOptions options = small_options();
  const auto joined = load_concept_inputs({head, tail}, {named, named});
  const auto first_half = load_concept_inputs({head}, {named});
  const auto all_keys = keyed(joined, plan_chain_tasks(joined, options));
  const auto half_tasks = plan_chain_tasks(first_half, options);
  std::size_t matched = 0;
  for (const auto& task : half_tasks) matched += all_keys.count(chain_task_key(first_half, task));
  CHECK(matched < half_tasks.size());
}
