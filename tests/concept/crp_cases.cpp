#include "concept/crp_cases.hpp"

#include <cstdint>
#include <cstdlib>

#include "support.hpp"

namespace shoal::test {

const nlohmann::json& crp_reference() {
  static const nlohmann::json cases = read_json(shared_path("reference/crp.json"));
  return cases;
}

AnswerMatrix crp_answers(const nlohmann::json& c) {
  const auto& people = c["people"];
  AnswerMatrix m;
  m.people = people.size();
  m.questions = people[0].size();
  for (const auto& person : people) {
    for (const auto& answer : person) m.values.push_back(static_cast<std::uint8_t>(answer.get<int>()));
  }
  return m;
}

CrpModel crp_model(const nlohmann::json& c) {
  CrpModel model;
  model.alpha = c["alpha"].get<double>();
  model.prior = *partition_prior_from_string(c["prior"].get<std::string>());
  return model;
}

std::string crp_case_name(const nlohmann::json& c) {
  return "case " + std::to_string(c["case"].get<int>()) + " alpha " + std::to_string(c["alpha"].get<double>()) + " " +
         c["prior"].get<std::string>();
}

ConceptDataset hardest_paper_file() {
  return load_concept_inputs({shared_input("paper-data/concept-task/llm-responses/openchat-prompt=random-temp=default.csv")},
                             {ConceptInputOptions{}});
}

bool verbose() { return std::getenv("SHOAL_TEST_VERBOSE") != nullptr; }

}  // namespace shoal::test
