#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/csv.hpp"
#include "io/csv_writer.hpp"
#include "report/concept_report.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

// The paper's analysis format (Concept, ID, Question, ChoiceNumber) written
// as the generic format: answers "0"/"1", options declared as 0|1, the same
// file name (which labels the population).
TextInput as_generic(const TextInput& analysis) {
  const CsvTable table = parse_csv(analysis.content, analysis.name);
  CsvWriter out;
  out.row({"individual", "target", "question", "answer", "options"});
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const auto row = table.row(r);
    out.row({row[1], row[0], row[2], row[3], "0|1"});
  }
  return {analysis.name, out.text()};
}

// The paper's inter-subject reliability is taken out: the generic format
// leaves it undefined (its options need not be the paper's two names).
nlohmann::json numbers_of(nlohmann::json report) {
  report.erase("inputs");
  report["parameters"].erase("input_options");
  for (auto& population : report["populations"]) {
    for (auto& concept : population["concepts"]) concept["reliability"].erase("paper_intersubject");
  }
  auto& medians = report["comparisons"]["reliability_medians"];
  medians["humans"]["medians"].erase("paper_intersubject");
  for (auto& group : medians["groups"]) group["medians"].erase("paper_intersubject");
  return report;
}

}  // namespace

TEST_CASE("generic format: the paper's files with answers 0/1 give exactly the analysis format's numbers") {
  const std::vector<std::string> names = {"mistral-instruct-prompt=none-temp=default.csv",
                                          "zephyr-mistral-prompt=none-temp=default.csv",
                                          "llama2-prompt=none-temp=default.csv",
                                          "llama2-chat-prompt=none-temp=default.csv"};
  std::vector<TextInput> analysis_inputs, generic_inputs;
  for (const auto& name : names) {
    analysis_inputs.push_back(test::shared_input("paper-data/concept-task/llm-responses/" + name));
    generic_inputs.push_back(as_generic(analysis_inputs.back()));
  }
  ConceptOptions options;
  options.iterations = 40;
  options.burn_in = 10;
  options.chains = 2;
  options.seed = 11;
  const ConceptDataset analysis_data = load_concept_inputs(analysis_inputs, {ConceptInputOptions{}});
  const ConceptDataset generic_data = load_concept_inputs(generic_inputs, {ConceptInputOptions{}});
  REQUIRE(generic_data.inputs.at(0).format == "generic");
  REQUIRE(analysis_data.inputs.at(0).format == "analysis");
  const auto report = [&](const ConceptDataset& data) {
    const ConceptAnalysis analysis = analyse_concepts(data, options);
    return concept_report(data, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, {200, options.seed}));
  };
  const auto a = report(analysis_data);
  const auto g = report(generic_data);
  // Every subset of every concept, every chain's last and MAP iteration, the
  // posterior summaries, reliability and the comparisons with mixed models.
  REQUIRE(a["populations"].size() == 4);
  CHECK(a["populations"][0]["concepts"].size() == 20);
  CHECK(a["comparisons"]["models"][0]["status"] == "fitted");
  CHECK(numbers_of(a).dump() == numbers_of(g).dump());
  CHECK(a["populations"][0]["concepts"][0]["reliability"]["paper_intersubject"].is_number());
  CHECK(g["populations"][0]["concepts"][0]["reliability"]["paper_intersubject"].is_null());
}
