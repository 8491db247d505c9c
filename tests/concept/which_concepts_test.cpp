#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "concept/diversity.hpp"
#include "concept/which_concepts.hpp"
#include "stats/partition.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

constexpr std::size_t kPlanted = 3;
constexpr std::size_t kPerConcept = 30;
constexpr std::size_t kPlantedQuestions = 3;   // per planted concept
constexpr std::size_t kNoiseQuestions = 3;

// Three planted concepts of 30 people each. Concept k answers "yes" to its
// own questions 3k .. 3k + 2 and "no" to the other planted ones, each answer
// flipped with chance 0.05; on the last three questions everyone answers at
// random. People are interleaved (0, 1, 2, 0, 1, 2, …) so that the answers'
// order says nothing.
ConceptResponses planted_responses(Clustering& truth) {
  ConceptResponses r;
  r.concept = "a penguin";
  const std::size_t questions = kPlanted * kPlantedQuestions + kNoiseQuestions;
  for (std::size_t q = 0; q < questions; ++q) {
    r.questions.push_back("question " + std::to_string(q + 1));
    r.options.push_back({"no", "yes"});
  }
  r.answer_count.assign(questions, 0);
  r.option_counts.assign(questions, std::vector<std::size_t>(2, 0));
  Rng rng(77);
  for (std::size_t i = 0; i < kPlanted * kPerConcept; ++i) {
    const std::size_t concept = i % kPlanted;
    truth.push_back(concept);
    ConceptIndividual person;
    person.id = "p" + std::to_string(i + 1);
    for (std::size_t q = 0; q < questions; ++q) {
      std::uint8_t answer;
      if (q < kPlanted * kPlantedQuestions) {
        answer = q / kPlantedQuestions == concept ? 1 : 0;
        if (rng.uniform() < 0.05) answer = static_cast<std::uint8_t>(1 - answer);
      } else {
        answer = rng.uniform() < 0.5 ? 1 : 0;
      }
      person.answers.push_back(answer);
      ++r.answer_count[q];
      ++r.option_counts[q][answer];
    }
    r.complete.push_back(std::move(person));
  }
  return r;
}

ConceptAnalysis analyse_planted(const ConceptResponses& responses, PartitionLoss loss) {
  ConceptDataset dataset;
  ConceptPopulation population;
  population.label.name = "planted";
  population.concepts.push_back(responses);
  dataset.populations.push_back(population);
  ConceptOptions options;
  options.iterations = 200;
  options.burn_in = 50;
  options.subset_sizes = {45, 90};
  options.partition_loss = loss;
  return analyse_concepts(dataset, options);
}

void check_planted_recovery(PartitionLoss loss) {
  Clustering truth;
  const ConceptResponses responses = planted_responses(truth);
  const ConceptAnalysis analysis = analyse_planted(responses, loss);
  const ConceptResult& result = analysis.populations.at(0).concepts.at(0);
  REQUIRE(result.which.has_value());
  const WhichConcepts& which = *result.which;
  CHECK(which.loss == loss);
  CHECK(which.draws == 150);
  REQUIRE(which.partition.size() == truth.size());
  CHECK(adjusted_rand_index(which.partition, truth) >= 0.95);
  const std::vector<HeldConcept> concepts = held_concepts(responses, which.partition, {responses.concept});
  // A person whose answers were flipped on several questions may sit alone;
  // the planted concepts are the three largest.
  REQUIRE(concepts.size() >= kPlanted);
  for (std::size_t k = 0; k < kPlanted; ++k) CHECK(concepts[k].people >= 25);
  for (std::size_t k = kPlanted; k < concepts.size(); ++k) CHECK(concepts[k].people <= 3);
  // Each planted concept's home in the point partition names its own
  // questions as the three that set it apart, in its sentence too.
  for (std::size_t planted = 0; planted < kPlanted; ++planted) {
    std::vector<std::size_t> votes(concepts.size(), 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
      if (truth[i] == planted) ++votes[which.partition[i]];
    }
    const std::size_t home = static_cast<std::size_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
    REQUIRE(home < kPlanted);
    const HeldConcept& held = concepts[home];
    INFO("planted concept " << planted << ": " << held.sentence);
    std::set<std::size_t> top;
    for (std::size_t k = 0; k < kPlantedQuestions; ++k) top.insert(held.distinctions.at(k).question);
    std::set<std::size_t> expected;
    for (std::size_t k = 0; k < kPlantedQuestions; ++k) expected.insert(planted * kPlantedQuestions + k);
    CHECK(top == expected);
    for (std::size_t q : expected) {
      CHECK(held.sentence.find("question " + std::to_string(q + 1) + ": yes") != std::string::npos);
    }
    CHECK(held.sentence.rfind("Concept " + std::to_string(home + 1) + " (" + std::to_string(held.people) + " of 90 people): ", 0) == 0);
  }
  // Concepts are numbered by size, largest first.
  for (std::size_t k = 1; k < concepts.size(); ++k) CHECK(concepts[k - 1].people >= concepts[k].people);
  // Members of the planted concepts sit together in most draws, apart from
  // the others in most.
  const std::size_t count = concepts.size();
  for (std::size_t k = 0; k < kPlanted; ++k) {
    CHECK(which.block_similarity[k * count + k] > 0.8);
    for (std::size_t l = 0; l < kPlanted; ++l) {
      if (l != k) CHECK(which.block_similarity[k * count + l] < 0.2);
    }
  }
}

}  // namespace

TEST_CASE("which concepts: three planted concepts are recovered and named (variation of information)") {
  check_planted_recovery(PartitionLoss::VariationOfInformation);
}

TEST_CASE("which concepts: three planted concepts are recovered and named (Binder)") {
  check_planted_recovery(PartitionLoss::Binder);
}

TEST_CASE("which concepts: the point partition is the search's over exactly the counted draws") {
  Clustering truth;
  const ConceptResponses responses = planted_responses(truth);
  // Seatings given directly: half the draws put everyone together, half
  // split the planted concepts; the similarity is then 1 within and 1/2
  // between, and the partition is the search's on these draws.
  std::vector<Clustering> seatings(4, Clustering(truth.size(), 0));
  seatings[2] = seatings[3] = truth;
  WhichConceptsOptions options;
  const WhichConcepts w = which_concepts(responses, truth.size(), seatings, options);
  CHECK(w.draws == 4);
  // Pairs (0, j) come first, (0, 1) at 0.
  REQUIRE(w.similarity_percent.size() == truth.size() * (truth.size() - 1) / 2);
  CHECK(w.similarity_percent[0] == 50);
  CHECK(w.similarity_percent[2] == 100);
  PartitionSearchOptions search;
  search.seed = options.seed;
  const PointPartition expected = minimise_expected_vi(seatings, search);
  CHECK(adjusted_rand_index(w.partition, expected.labels) == 1.0);
  CHECK(w.expected_loss == expected.expected_loss);
  CHECK_THROWS_AS(which_concepts(responses, truth.size(), std::vector<Clustering>{}, options), std::invalid_argument);
  CHECK_THROWS_AS(which_concepts(responses, 5, seatings, options), std::invalid_argument);
}

TEST_CASE("which concepts: a paper question reads as a sentence") {
  ConceptResponses r;
  r.concept = "a penguin";
  r.questions = {"a chicken a whale", "George W. Bush Barack Obama", "left or right", "robin seal"};
  r.options = {{"0", "1"}, {"0", "1"}, {"0", "1"}, {"0", "1"}};
  const std::vector<std::string> names = {"a penguin", "a chicken", "a whale", "Barack Obama"};
  CHECK(describe_answer(r, 0, 0, names) == "a penguin is closer to a chicken than to a whale");
  CHECK(describe_answer(r, 0, 1, names) == "a penguin is closer to a whale than to a chicken");
  // A name with spaces splits where the other side is a known concept.
  CHECK(describe_answer(r, 1, 1, names) == "a penguin is closer to Barack Obama than to George W. Bush");
  // One space: two names, known or not.
  CHECK(describe_answer(r, 3, 0, names) == "a penguin is closer to robin than to seal");
  // Two spaces and neither side known: the label and which of its two names.
  CHECK(describe_answer(r, 2, 1, names) == "left or right: the second");
  r.options[2] = {"disagree", "agree"};
  CHECK(describe_answer(r, 2, 1, names) == "left or right: agree");
}
