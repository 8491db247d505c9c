#include <doctest/doctest.h>

#include <string>

#include "concept/responses.hpp"
#include "io/input_error.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

ConceptDataset load(const std::string& file, const std::string& csv, ConceptInputOptions options = {}) {
  return load_concept_inputs({TextInput{file, csv}}, {options});
}

InputError error_for(const std::string& file, const std::string& csv) {
  try {
    load(file, csv);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("expected an InputError");
  return InputError("", 0, "", "");
}

std::size_t issue_count(const ConceptDataset& d, const std::string& kind) {
  std::size_t n = 0;
  for (const auto& issue : d.issues) n += issue.kind == kind ? issue.count : 0;
  return n;
}

// Two targets, three names: every individual answers both questions about
// their target. "b c" means: is b or c more like the target?
const char* kAnalysis =
    "Concept,ID,Question,ChoiceNumber\n"
    "a,1,b c,0\n"
    "a,1,b d,1\n"
    "a,2,b d,1\n"   // individual 2 answers in another order
    "a,2,b c,1\n"
    "a,3,b c,0\n"   // individual 3 never answers "b d": incomplete
    "a,1,b c,1\n"   // a repeat: the first answer is kept
    "b,1,a c,1\n"   // individual 1 also has target b (other questions)
    "b,2,a c,0\n";

}  // namespace

TEST_CASE("concept load: answers are aligned by question label, first answer kept") {
  const auto d = load("m-prompt=none-temp=default.csv", kAnalysis);
  REQUIRE(d.populations.size() == 1);
  const auto& p = d.populations[0];
  CHECK(p.label.model == "m");
  CHECK(p.label.prompt == "none");
  CHECK(p.label.temperature == "default");
  REQUIRE(p.concepts.size() == 2);
  const auto& a = p.concepts[0];
  CHECK(a.concept == "a");
  CHECK(a.questions == std::vector<std::string>{"b c", "b d"});
  REQUIRE(a.complete.size() == 2);
  CHECK(a.complete[0].id == "1");
  CHECK(a.complete[0].answers == std::vector<std::uint8_t>{0, 1});
  CHECK(a.complete[1].id == "2");
  CHECK(a.complete[1].answers == std::vector<std::uint8_t>{1, 1});
  CHECK(a.incomplete == 1);
  // Between individuals: "b c" got 0, 1, 0 as first answers.
  CHECK(a.answer_count == std::vector<std::size_t>{3, 2});
  CHECK(a.option_counts == std::vector<std::vector<std::size_t>>{{2, 1}, {0, 2}});
  CHECK(a.options == std::vector<OptionList>{{"0", "1"}, {"0", "1"}});
  // The repeat is one more presentation of "b c" to individual 1, answered
  // differently.
  CHECK(a.repeated_pairs == 1);
  CHECK(a.repeated_agreements == 0);
  CHECK(issue_count(d, "repeated_answer") == 1);
  CHECK(issue_count(d, "incomplete_individual") == 1);
  const auto& b = p.concepts[1];
  CHECK(b.complete.size() == 2);
}

TEST_CASE("concept load: a label naming the pair in the other order is the same question, answer flipped") {
  const auto d = load("pop.csv",
                      "Concept,ID,Question,ChoiceNumber\n"
                      "a robin,1,a finch an eagle,0\n"
                      "a finch,9,a robin an eagle,0\n"
                      "an eagle,9,a robin a finch,0\n"
                      "a robin,2,an eagle a finch,0\n");
  const auto& robin = d.populations[0].concepts[0];
  REQUIRE(robin.questions.size() == 1);
  CHECK(robin.questions[0] == "a finch an eagle");
  REQUIRE(robin.complete.size() == 2);
  CHECK(robin.complete[0].answers[0] == 0);
  CHECK(robin.complete[1].answers[0] == 1);   // picked "an eagle", the second name of the label kept
}

TEST_CASE("concept load: raw LLM replies are matched by whole words, choice1 first") {
  CHECK(match_reply("A finch, clearly.", "a finch", "a robin") == 0);
  CHECK(match_reply("I would say A ROBIN", "a finch", "a robin") == 1);
  CHECK(match_reply("Both a robin and a finch", "a finch", "a robin") == 0);
  CHECK_FALSE(match_reply("a finches' song", "a finch", "a robin").has_value());
  CHECK_FALSE(match_reply("no idea", "a finch", "a robin").has_value());
  CHECK(match_reply("Obama.", "Obama", "Bush") == 0);
  CHECK_FALSE(match_reply("Obamas", "Obama", "Bush").has_value());
}

TEST_CASE("concept load: raw LLM format, invalid replies counted, presentations compared") {
  const std::string csv =
      "model_name,prompt,temperature,subject_num,target,choice1,choice2,generation1,generation2\n"
      "m,none,1.5,0,a robin,a finch,an eagle,A finch.,I pick a finch\n"       // agree: finch, finch
      "m,none,1.5,0,a robin,a finch,a seal,a seal,A finch\n"                   // disagree: seal, finch
      "m,none,1.5,1,a robin,an eagle,a finch,an eagle!,An eagle\n"             // swapped order: eagle, eagle
      "m,none,1.5,1,a robin,a finch,a seal,hmm,a seal\n"                       // invalid first reply
      "m,none,1.5,2,a robin,a finch,an eagle,a finch,a finch\n"
      "m,none,1.5,2,a robin,a seal,a finch,a finch,a finch\n";
  const auto d = load("raw.csv", csv);
  REQUIRE(d.populations.size() == 1);
  CHECK(d.populations[0].label.name == "m prompt=none temp=1.5");
  CHECK(d.inputs[0].format == "raw-llm");
  const auto& robin = d.populations[0].concepts[0];
  CHECK(robin.invalid_replies == 1);
  CHECK(issue_count(d, "invalid_reply") == 1);
  CHECK(robin.questions == std::vector<std::string>{"a finch an eagle", "a finch a seal"});
  // Individual 1 lost "finch / seal" to the invalid reply.
  REQUIRE(robin.complete.size() == 2);
  CHECK(robin.incomplete == 1);
  CHECK(robin.complete[0].id == "0");
  CHECK(robin.complete[0].answers == std::vector<std::uint8_t>{0, 1});
  CHECK(robin.complete[1].id == "2");
  CHECK(robin.complete[1].answers == std::vector<std::uint8_t>{0, 0});
  // Valid rows: 5; both replies agreed in 4 of them.
  CHECK(robin.repeated_pairs == 5);
  CHECK(robin.repeated_agreements == 4);
}

TEST_CASE("concept load: every paper file loads, 36 questions per concept") {
  const auto d = load_concept_inputs({test::shared_input("paper-data/concept-task/llm-responses/"
                                                         "openchat-prompt=none-temp=default.csv")},
                                     {ConceptInputOptions{}});
  REQUIRE(d.populations.size() == 1);
  CHECK(d.populations[0].label.name == "openchat prompt=none temp=default");
  CHECK(d.populations[0].concepts.size() == 20);
  for (const auto& c : d.populations[0].concepts) {
    CHECK(c.questions.size() == 36);
    CHECK(c.complete.size() + c.incomplete > 0);
  }
}

TEST_CASE("concept bad input: a ChoiceNumber other than 0 or 1") {
  const auto e = error_for("judgements.csv",
                           "Concept,ID,Question,ChoiceNumber\n"
                           "a,1,b c,0\n"
                           "a,2,b c,2\n");
  CHECK(e.file() == "judgements.csv");
  CHECK(e.row() == 3);
  CHECK(e.column() == "ChoiceNumber");
  CHECK(std::string(e.what()).find("'2'") != std::string::npos);
  const auto empty = error_for("judgements.csv",
                               "Concept,ID,Question,ChoiceNumber\n"
                               "a,1,b c,0\n"
                               "a,2,b c,\n");
  CHECK(empty.row() == 3);
  CHECK(empty.column() == "ChoiceNumber");
}

TEST_CASE("concept bad input: one individual answering a question for two concepts") {
  const auto e = error_for("judgements.csv",
                           "Concept,ID,Question,ChoiceNumber\n"
                           "a,1,c d,0\n"
                           "b,2,c d,0\n"
                           "b,1,c d,1\n");
  CHECK(e.file() == "judgements.csv");
  CHECK(e.row() == 4);
  CHECK(e.column() == "Concept");
  const std::string message = e.what();
  CHECK(message.find("'1'") != std::string::npos);
  CHECK(message.find("row 2") != std::string::npos);
}

TEST_CASE("concept bad input: the first answer to a question, in an earlier file, is named by its file and row") {
  // Rows of all files share one numbering inside the loader: the first
  // answer's place must come back as its own file and row, not the later
  // file's. Both files are of one population.
  const std::string header = "population,Concept,ID,Question,ChoiceNumber\n";
  std::string first = header, second = header;
  for (int person = 1; person <= 5; ++person) first += "p,a," + std::to_string(person) + ",c d,0\n";
  second += "p,b,7,e f,0\np,b,8,e f,1\np,b,3,c d,1\n";
  try {
    load_concept_inputs({TextInput{"first.csv", first}, TextInput{"second.csv", second}}, {ConceptInputOptions{}});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == "second.csv");
    CHECK(e.row() == 4);
    const std::string message = e.what();
    CHECK(message.find("(first.csv, row 4)") != std::string::npos);
  }
}

TEST_CASE("concept bad input: a file with one individual") {
  const auto e = error_for("alone.csv",
                           "Concept,ID,Question,ChoiceNumber\n"
                           "a,7,b c,0\n"
                           "a,7,b d,1\n");
  CHECK(e.file() == "alone.csv");
  CHECK(e.row() == 2);
  CHECK(e.column() == "ID");
  CHECK(std::string(e.what()).find("'7'") != std::string::npos);
}

TEST_CASE("concept bad input: missing columns and empty cells") {
  const auto missing = error_for("x.csv", "Concept,ID,ChoiceNumber\na,1,0\na,2,1\n");
  CHECK(missing.row() == 1);
  CHECK(std::string(missing.what()).find("Question") != std::string::npos);
  const auto empty = error_for("x.csv", "Concept,ID,Question,ChoiceNumber\na,1,b c,0\na,,b c,1\n");
  CHECK(empty.row() == 3);
  CHECK(empty.column() == "ID");
}
