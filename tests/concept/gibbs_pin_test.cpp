#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "concept/diversity.hpp"
#include "support.hpp"

using namespace shoal;

// The Gibbs kernel is the paper's sampler: for a given seed it must give the
// numbers it gave before the split–merge kernel existed, so that earlier
// replications stay reproducible. The expected values were printed by that
// earlier implementation (exact decimal expansions, %.17g).

namespace {

struct Pinned {
  const char* concept;
  const char* mean_p_same_table;
  const char* map_log_posterior;
};

}  // namespace

TEST_CASE("gibbs kernel: the same seed gives the same chains as before the split-merge kernel") {
  const ConceptDataset dataset = load_concept_inputs(
      {test::shared_input("paper-data/concept-task/llm-responses/llama2-chat-prompt=nonsense-temp=default.csv")},
      {ConceptInputOptions{}});
  ConceptOptions options;
  options.kernel = SamplerKernel::Gibbs;
  options.seed = 5;
  options.subset_sizes = {50};
  options.chains = 2;
  options.iterations = 120;
  options.burn_in = 20;
  const Pinned pinned[] = {
      {"Hillary Clinton", "0.98112800000000011", "-272.09450609727674"},
      {"Donald Trump", "1", "-174.47796133945437"},
      {"Joe Biden", "1", "-188.67462726754226"},
      {"Elizabeth Warren", "0.99040400000000006", "-305.21735219269658"},
      {"Ronald Reagan", "0.99588799999999988", "-239.47877559876585"},
      {"Bernie Sanders", "1", "-279.73475934347562"},
      {"George W. Bush", "1", "-309.05781262130449"},
      {"Barack Obama", "0.82575199999999949", "-248.58686448574869"},
      {"Abraham Lincoln", "0.73142399999999985", "-244.95578186125792"},
      {"Richard Nixon", "1", "-218.90147767294226"},
      {"a salmon", "0.99372800000000017", "-368.92854427943576"},
      {"an eagle", "0.96354400000000351", "-361.72810775293874"},
      {"a seal", "0.99980400000000003", "-162.35387005282561"},
      {"an ostrich", "0.99868400000000013", "-406.04060456310663"},
      {"a whale", "0.6473799999999994", "-439.10934677456453"},
      {"a chicken", "0.96236800000000355", "-255.53903524447173"},
      {"a penguin", "0.75467200000000001", "-425.56603311321624"},
      {"a robin", "0.94329600000000002", "-365.32906173383572"},
      {"a finch", "0.85350000000000037", "-336.79170119176933"},
      {"a dolphin", "0.83055199999999985", "-357.99068655183919"},
  };
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  const auto& concepts = analysis.populations.at(0).concepts;
  REQUIRE(concepts.size() == std::size(pinned));
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    INFO(concepts[c].concept);
    REQUIRE(concepts[c].concept == pinned[c].concept);
    const auto& subset = concepts[c].subsets.at(0);
    CHECK(test::exact(subset.p_same_table.mean) == pinned[c].mean_p_same_table);
    CHECK(test::exact(subset.map_log_posterior) == pinned[c].map_log_posterior);
  }
}

TEST_CASE("gibbs kernel: the same seed gives the same chain as before on answers that keep many tables") {
  AnswerMatrix answers{30, 36, {}};
  Rng noise(3);
  for (std::size_t k = 0; k < 30 * 36; ++k) answers.values.push_back(static_cast<std::uint8_t>(noise.below(2)));
  Rng rng(11);
  ChainOptions options;
  options.iterations = 60;
  options.burn_in = 0;
  options.kernel = SamplerKernel::Gibbs;
  const ChainResult result = run_chain(answers, CrpModel{}, options, rng);
  std::string tables;
  double same = 0.0;
  for (const auto& r : result.recorded) {
    tables += std::to_string(r.tables) + ",";
    same += r.p_same_table;
  }
  CHECK(tables ==
        "28,28,26,27,29,28,30,29,27,28,28,29,28,26,27,30,29,28,29,28,27,26,26,26,27,28,29,27,27,25,25,27,28,29,28,27,"
        "25,26,27,28,27,29,28,27,28,26,27,30,27,29,27,28,27,28,27,29,27,29,29,28,");
  CHECK(test::exact(same) == "2.4111111111111105");
  CHECK(test::exact(result.last.log_posterior) == "-824.25486986601118");
}
