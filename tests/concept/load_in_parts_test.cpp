#include <doctest/doctest.h>

#include <string>

#include "concept/responses.hpp"

using namespace shoal;

// A file of the paper's formats of 16 MB or more is read in parts of 65,536
// rows, twice (see core/concept/load.cpp); smaller ones, which every other
// test reads, whole. This one is generated past that size so that the parts'
// path is the one read, and checked answer by answer against the generator;
// a concept's rows straddle the parts' edges.
namespace {

int planted_answer(std::size_t concept, std::size_t person, std::size_t question) {
  return static_cast<int>(((concept * 31 + person * 17 + question * 5) / 3) % 2);
}

}  // namespace

TEST_CASE("concept loader: an analysis-format file of more than 16 MB is read in parts, every answer in place") {
  constexpr std::size_t kPeople = 10, kQuestions = 6;
  std::string csv = "Concept,ID,Question,ChoiceNumber\n";
  std::size_t concepts = 0;
  while (csv.size() < (std::size_t{17} << 20)) {
    const std::string c = "c" + std::to_string(concepts);
    for (std::size_t person = 0; person < kPeople; ++person) {
      for (std::size_t q = 0; q < kQuestions; ++q) {
        const std::string label = c + "q" + std::to_string(q);
        csv += c + "," + std::to_string(person) + "," + label + "a " + label + "b," +
               std::to_string(planted_answer(concepts, person, q)) + "\n";
      }
    }
    ++concepts;
  }
  REQUIRE(concepts * kPeople * kQuestions > 65536 * 2);
  const ConceptDataset dataset = load_concept_inputs({TextInput{"big.csv", std::move(csv)}}, {ConceptInputOptions{}});
  REQUIRE(dataset.populations.size() == 1);
  CHECK(dataset.inputs.at(0).rows == concepts * kPeople * kQuestions);
  const auto& population = dataset.populations[0];
  REQUIRE(population.concepts.size() == concepts);
  std::size_t wrong = 0;
  for (std::size_t c = 0; c < concepts; ++c) {
    const ConceptResponses& concept = population.concepts[c];
    if (concept.concept != "c" + std::to_string(c) || concept.questions.size() != kQuestions ||
        concept.complete.size() != kPeople || concept.incomplete != 0) {
      ++wrong;
      continue;
    }
    for (std::size_t person = 0; person < kPeople; ++person) {
      const ConceptIndividual& individual = concept.complete[person];
      if (individual.id != std::to_string(person)) ++wrong;
      for (std::size_t q = 0; q < kQuestions; ++q) {
        if (individual.answers.at(q) != planted_answer(c, person, q)) ++wrong;
      }
    }
    for (std::size_t q = 0; q < kQuestions; ++q) {
      std::size_t ones = 0;
      for (std::size_t person = 0; person < kPeople; ++person) ones += planted_answer(c, person, q);
      if (concept.answer_count.at(q) != kPeople || concept.option_counts.at(q).at(1) != ones) ++wrong;
    }
  }
  CHECK(wrong == 0);
}
