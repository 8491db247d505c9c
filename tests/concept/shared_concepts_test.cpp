#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "concept/chain_codec.hpp"
#include "concept/chain_task_key.hpp"
#include "concept/diversity.hpp"
#include "concept/shared_concepts.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

constexpr std::size_t kArchetypes = 4;
constexpr std::size_t kQuestionsPer = 4;   // questions per archetype

// A population whose people each hold one of `archetypes` (in turn): an
// archetype answers 1 to its own four questions and 0 to the others', each
// answer flipped with chance 0.05.
ConceptPopulation planted_population(const std::string& name, const std::vector<std::size_t>& archetypes,
                                     std::size_t people, std::uint64_t seed) {
  ConceptPopulation population;
  population.label.name = name;
  ConceptResponses r;
  r.concept = "a penguin";
  const std::size_t questions = kArchetypes * kQuestionsPer;
  for (std::size_t q = 0; q < questions; ++q) {
    r.questions.push_back("question " + std::to_string(q + 1));
    r.options.push_back({"0", "1"});
  }
  r.answer_count.assign(questions, 0);
  r.option_counts.assign(questions, std::vector<std::size_t>(2, 0));
  Rng rng(seed);
  for (std::size_t i = 0; i < people; ++i) {
    const std::size_t archetype = archetypes[i % archetypes.size()];
    ConceptIndividual person;
    person.id = name + std::to_string(i);
    for (std::size_t q = 0; q < questions; ++q) {
      auto answer = static_cast<std::uint8_t>(q / kQuestionsPer == archetype ? 1 : 0);
      if (rng.uniform() < 0.05) answer = static_cast<std::uint8_t>(1 - answer);
      person.answers.push_back(answer);
      ++r.answer_count[q];
      ++r.option_counts[q][answer];
    }
    r.complete.push_back(std::move(person));
  }
  population.concepts.push_back(std::move(r));
  return population;
}

ConceptOptions pooled_options(const std::string& pairs) {
  ConceptOptions options;
  options.subset_sizes = {40};
  options.iterations = 300;
  options.burn_in = 100;
  options.chains = 2;
  options.seed = 11;
  options.pairs = pairs;
  return options;
}

}  // namespace

TEST_CASE("shared concepts: one draw's shares count pairs across and within the two populations") {
  // A: people 0-2, B: people 3-6. Tables: {0, 1, 3}, {2, 4, 5}, {6}.
  const SharedDraw d = shared_draw({0, 0, 1, 0, 1, 1, 2}, 3);
  // Across: table 0 has 2 of A and 1 of B, table 1 1 and 2: (2 + 2) / 12.
  CHECK(d.cross == doctest::Approx(4.0 / 12.0));
  CHECK(d.same_a == doctest::Approx((4.0 + 1.0) / 9.0));
  CHECK(d.same_b == doctest::Approx((1.0 + 4.0 + 1.0) / 16.0));
  CHECK_THROWS_AS(shared_draw({0, 0}, 2), std::invalid_argument);
}

TEST_CASE("shared concepts: two populations drawn from the same concepts share them, disjoint ones do not") {
  ConceptDataset dataset;
  dataset.populations.push_back(planted_population("first", {0, 1}, 40, 1));
  dataset.populations.push_back(planted_population("second", {0, 1}, 40, 2));
  dataset.populations.push_back(planted_population("third", {2, 3}, 40, 3));
  const ConceptAnalysis analysis = analyse_concepts(dataset, pooled_options("first,second;first,third"));
  REQUIRE(analysis.shared.size() == 2);
  const SharedConcept& same = analysis.shared[0];
  CHECK(same.population_a == "first");
  CHECK(same.population_b == "second");
  CHECK(same.concept == "a penguin");
  CHECK(same.people_a == 40);
  CHECK(same.people_b == 40);
  CHECK(same.p_cross_same.draws == 2 * 200);
  // Two concepts held half and half: each own P(same table) is about 1/2,
  // and the cross value the same.
  CHECK(same.p_same_a.mean == doctest::Approx(0.5).epsilon(0.1));
  CHECK(std::abs(same.p_cross_same.mean - same.p_same_a.mean) <= 0.03);
  CHECK(std::abs(same.p_cross_same.mean - same.p_same_b.mean) <= 0.03);
  // Nearly every draw seats the two halves alike: the interval is narrow.
  CHECK(same.p_cross_same.low <= same.p_cross_same.high);
  CHECK(same.p_cross_same.high - same.p_cross_same.low <= 0.1);
  const SharedConcept& apart = analysis.shared[1];
  CHECK(apart.population_b == "third");
  CHECK(apart.p_cross_same.mean <= 0.03);
  CHECK(apart.p_same_b.mean == doctest::Approx(0.5).epsilon(0.1));
  // Diagnosed as any cell: two chains of the pooled restaurant.
  CHECK(same.convergence.iterations >= 300);
  CHECK(std::isfinite(same.convergence.p_same_table.r_hat));
  // The populations' own cells are as without the pairs.
  const ConceptAnalysis alone = analyse_concepts(dataset, pooled_options(""));
  CHECK(alone.shared.empty());
  CHECK(alone.populations[0].concepts[0].subsets[0].p_same_table.mean ==
        analysis.populations[0].concepts[0].subsets[0].p_same_table.mean);
}

TEST_CASE("shared concepts: pooled chains are chain tasks like any other") {
  ConceptDataset dataset;
  dataset.populations.push_back(planted_population("first", {0, 1}, 12, 1));
  dataset.populations.push_back(planted_population("second", {0, 2}, 12, 2));
  ConceptOptions options = pooled_options("first,second");
  options.subset_sizes = {6, 12};
  options.iterations = 60;
  options.burn_in = 20;
  options.max_iterations = 240;
  const auto tasks = plan_chain_tasks(dataset, options);
  // Two populations × two subsets × two chains, then the pair's two chains
  // on the smallest subset.
  REQUIRE(tasks.size() == 10);
  CHECK(tasks[8].partner == 1);
  CHECK(tasks[8].people == 6);
  CHECK(chain_task_people(tasks[8]) == 12);
  CHECK(same_cell(tasks[8], tasks[9]));
  CHECK_FALSE(same_cell(tasks[8], tasks[0]));
  // Its key depends on both populations' answers.
  ConceptDataset changed = dataset;
  changed.populations[1].concepts[0].complete[0].answers[0] ^= 1;
  CHECK(chain_task_key(changed, tasks[8]) != chain_task_key(dataset, tasks[8]));
  CHECK(chain_task_key(changed, tasks[0]) == chain_task_key(dataset, tasks[0]));
  CHECK(chain_task_keys(dataset, tasks).at(9) == chain_task_key(dataset, tasks[9]));
  // Run apart, shipped through the codec and continued until converged, they
  // assemble into the analysis one process gives.
  std::vector<ChainResult> results;
  for (const auto& task : tasks) {
    std::vector<double> shipped;
    append_chain_result(shipped, 0, run_chain_task(dataset, options, task));
    results.push_back(read_chain_results(shipped.data(), shipped.size()).at(0).second);
  }
  std::vector<ChainTask> continued = tasks;
  continue_until_converged(dataset, options, continued, results);
  const ConceptAnalysis assembled = assemble_concept_analysis(dataset, options, continued, std::move(results));
  const ConceptAnalysis whole = analyse_concepts(dataset, options);
  REQUIRE(assembled.shared.size() == 1);
  REQUIRE(whole.shared.size() == 1);
  CHECK(assembled.shared[0].p_cross_same.mean == whole.shared[0].p_cross_same.mean);
  CHECK(assembled.shared[0].p_same_b.high == whole.shared[0].p_same_b.high);
  CHECK(assembled.shared[0].convergence.iterations == whole.shared[0].convergence.iterations);
}

TEST_CASE("shared concepts: the pair setting") {
  CHECK(parse_pair_setting("").named.empty());
  CHECK_FALSE(parse_pair_setting("none").families);
  const PairRequest request = parse_pair_setting("families; a , b;c,d");
  CHECK(request.families);
  REQUIRE(request.named.size() == 2);
  CHECK(request.named[0] == std::make_pair(std::string("a"), std::string("b")));
  CHECK(request.named[1] == std::make_pair(std::string("c"), std::string("d")));
  for (const char* wrong : {"a", "a,", ",b", "a,b,c", "familes"}) {
    INFO(wrong);
    CHECK_THROWS_AS(parse_pair_setting(wrong), std::invalid_argument);
  }
  // Through the options' validation, which the command line and the page use.
  ConceptOptions options;
  options.pairs = "llama2";
  CHECK_THROWS_WITH_AS(validate(options), doctest::Contains("two population names separated by a comma"),
                       std::invalid_argument);
}

TEST_CASE("shared concepts: which populations a pair names") {
  std::vector<ConceptPopulation> populations(7);
  const auto label = [&](std::size_t p, const char* model, const char* family, bool aligned, const char* prompt) {
    PopulationLabel& l = populations[p].label;
    l.name = std::string(model) + "-" + prompt;
    l.model = model;
    l.family = family;
    l.aligned = aligned;
    l.prompt = prompt;
    l.temperature = "default";
  };
  label(0, "llama2", "llama", false, "none");
  label(1, "tulu", "llama", false, "none");
  label(2, "llama2-chat", "llama", true, "none");
  label(3, "tulu-dpo", "llama", true, "none");
  label(4, "tulu-dpo", "llama", true, "identity");
  label(6, "tulu", "llama", false, "identity");
  populations[5].label.name = "people";
  populations[5].label.human = true;
  const auto pairs = resolve_population_pairs(populations, parse_pair_setting("families"));
  // Each non-aligned model with the aligned one named after it, with no
  // prompt alone: tulu and tulu-dpo with an identity are not paired.
  REQUIRE(pairs.size() == 2);
  CHECK((pairs[0].a == 0 && pairs[0].b == 2));
  CHECK((pairs[1].a == 1 && pairs[1].b == 3));
  // Named pairs, the human population by "humans", each pair once.
  const auto named = resolve_population_pairs(populations, parse_pair_setting("llama2-none,humans;humans,llama2-none"));
  REQUIRE(named.size() == 1);
  CHECK(named[0].b == 5);
  CHECK_THROWS_WITH_AS(resolve_population_pairs(populations, parse_pair_setting("llama2-none,gpt")),
                       doctest::Contains("no population is named 'gpt' (there are: llama2-none, tulu-none"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(resolve_population_pairs(populations, parse_pair_setting("tulu-none,tulu-none")),
                       doctest::Contains("names one population twice"), std::invalid_argument);
}

TEST_CASE("shared concepts: answers are pooled question by question") {
  ConceptPopulation a = planted_population("a", {0}, 3, 1);
  ConceptPopulation b = planted_population("b", {1}, 3, 2);
  // b asks its questions in another order.
  auto& rb = b.concepts[0];
  std::swap(rb.questions[0], rb.questions[5]);
  for (auto& person : rb.complete) std::swap(person.answers[0], person.answers[5]);
  const AnswerMatrix pooled = pooled_answer_matrix(a.concepts[0], rb, 2);
  CHECK(pooled.people == 4);
  CHECK(pooled.at(0, 0) == a.concepts[0].complete[0].answers[0]);
  CHECK(pooled.at(2, 0) == rb.complete[0].answers[5]);
  CHECK(pooled.at(3, 5) == rb.complete[1].answers[0]);
  rb.questions[3] = "another question";
  CHECK_THROWS_WITH_AS(pooled_answer_matrix(a.concepts[0], rb, 2), doctest::Contains("does not ask 'question 4'"),
                       std::invalid_argument);
}
