#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/csv.hpp"
#include "report/concept_report.hpp"

using namespace shoal;

namespace {

ConceptOptions few_iterations() {
  ConceptOptions options;
  options.iterations = 3;
  options.burn_in = 1;
  return options;
}

const ConceptResult& only_concept(const ConceptAnalysis& analysis) {
  REQUIRE(analysis.populations.size() == 1);
  REQUIRE(analysis.populations[0].concepts.size() == 1);
  return analysis.populations[0].concepts[0];
}

}  // namespace

TEST_CASE("paper reliability: per label as presented, every row, then the mean over labels") {
  // "b c" and "c b" are one question for the clustering, two labels here.
  const std::string csv =
      "Concept,ID,Question,ChoiceNumber\n"
      "a,1,b c,0\n"
      "a,1,b d,1\n"
      "a,2,c b,1\n"
      "a,2,b d,1\n"
      "a,3,b c,1\n"   // 3 and 4 never answer "b d": incomplete, still counted
      "a,4,c b,1\n"
      "a,1,c b,0\n"   // a second answer by 1 to the pair: counted too
      // b, c and d are targets too, so the labels are read as pairs of names.
      "b,5,a c,0\n"
      "c,6,a b,0\n"
      "d,7,a b,1\n"
      "d,8,b a,1\n";
  const ConceptDataset data = load_concept_inputs({TextInput{"m-prompt=none-temp=default.csv", csv}}, {{}});
  const ConceptAnalysis analysis = analyse_concepts(data, few_iterations());
  REQUIRE(analysis.populations.size() == 1);
  REQUIRE(analysis.populations[0].concepts.size() == 4);
  const ConceptResult& a = analysis.populations[0].concepts[0];
  REQUIRE(a.concept == "a");
  CHECK(a.questions == 2);
  // "b c": 0, 1 -> 1/2; "b d": 1, 1 -> 1; "c b": 1, 1, 0 -> 2/3.
  CHECK(a.paper_intersubject == doctest::Approx((0.5 + 1.0 + 2.0 / 3.0) / 3.0).epsilon(1e-15));
  // Shoal's own between-individual mean choice is another quantity: first
  // answers per unordered pair, oriented as "b c" ("b c": 0, 0, 1, 0; "b d":
  // 1, 1).
  CHECK(a.mean_choice == doctest::Approx((0.25 + 1.0) / 2.0).epsilon(1e-15));
  // "a b": 1 -> 1; "b a": 1 -> 1 (Shoal's: one question, 1 and 0).
  const ConceptResult& d = analysis.populations[0].concepts[3];
  CHECK(d.paper_intersubject == 1.0);
  CHECK(d.mean_choice == 0.5);
}

TEST_CASE("paper reliability: raw replies count by the first reply, in the order presented") {
  const std::string csv =
      "model_name,prompt,temperature,subject_num,target,choice1,choice2,generation1,generation2\n"
      "m,none,default,0,a robin,a finch,an eagle,A finch.,a finch\n"      // "a finch an eagle": 0
      "m,none,default,0,a robin,an eagle,a finch,a finch,An eagle\n"      // "an eagle a finch": 1
      "m,none,default,1,a robin,a finch,an eagle,an eagle,hmm\n"          // invalid second reply: 1 counts
      "m,none,default,1,a robin,an eagle,a finch,no idea,an eagle\n"      // invalid first reply: dropped
      "m,none,default,2,a robin,an eagle,a finch,an eagle,an eagle\n"     // "an eagle a finch": 0
      "m,none,default,2,a robin,a finch,an eagle,an eagle,an eagle\n";    // "a finch an eagle": 1
  const ConceptDataset data = load_concept_inputs({TextInput{"raw.csv", csv}}, {{}});
  REQUIRE(data.inputs[0].format == "raw-llm");
  const auto& presented = data.populations[0].concepts[0].presented;
  // Two labels: the pair as presented in each order, counted apart.
  CHECK(presented.rows == std::vector<std::size_t>{3, 2});
  CHECK(presented.second_choices == std::vector<std::size_t>{2, 1});
  const ConceptAnalysis analysis = analyse_concepts(data, few_iterations());
  const ConceptResult& robin = only_concept(analysis);
  CHECK(robin.paper_intersubject == doctest::Approx((2.0 / 3.0 + 1.0 / 2.0) / 2.0).epsilon(1e-15));

  const nlohmann::json report = concept_report(data, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, {0, analysis.options.seed}));
  CHECK(report["populations"][0]["concepts"][0]["reliability"]["paper_intersubject"].get<double>() ==
        doctest::Approx(7.0 / 12.0).epsilon(1e-15));
  const CsvTable table = parse_csv(concept_reliability_csv(analysis), "reliability.csv");
  const std::size_t column = table.require_column("paper_intersubject");
  CHECK(std::stod(std::string(table.cell(0, column))) == doctest::Approx(7.0 / 12.0).epsilon(1e-9));
}

TEST_CASE("paper reliability: not defined for generic answers, null in the report") {
  const std::string csv =
      "individual,target,question,answer\n"
      "1,a,colour,red\n"
      "2,a,colour,blue\n"
      "3,a,colour,red\n";
  const ConceptDataset data = load_concept_inputs({TextInput{"survey.csv", csv}}, {{}});
  REQUIRE(data.inputs[0].format == "generic");
  const ConceptAnalysis analysis = analyse_concepts(data, few_iterations());
  CHECK(std::isnan(only_concept(analysis).paper_intersubject));
  const nlohmann::json report = concept_report(data, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, {0, analysis.options.seed}));
  CHECK(report["populations"][0]["concepts"][0]["reliability"]["paper_intersubject"].is_null());
  const CsvTable table = parse_csv(concept_reliability_csv(analysis), "reliability.csv");
  CHECK(table.cell(0, table.require_column("paper_intersubject")).empty());
}
