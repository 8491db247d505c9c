#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "concept/crp.hpp"
#include "concept/responses.hpp"

namespace shoal::test {

// The cases of ../shared/reference/crp.json (read once), each a small
// population with its exact posterior by enumeration.
const nlohmann::json& crp_reference();
// A case's answers and model, and its name for messages.
AnswerMatrix crp_answers(const nlohmann::json& c);
CrpModel crp_model(const nlohmann::json& c);
std::string crp_case_name(const nlohmann::json& c);
// The paper's openchat/random file, whose chains mix the slowest: the
// chain-task and continuation tests run on it.
ConceptDataset hardest_paper_file();

// Whether SHOAL_TEST_VERBOSE asks the statistical tests to print their numbers.
bool verbose();

}  // namespace shoal::test
