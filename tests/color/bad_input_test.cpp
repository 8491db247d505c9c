#include <doctest/doctest.h>

#include <string>

#include "color/diversity.hpp"
#include "io/input_error.hpp"

using namespace shoal;

namespace {

// Runs the whole pipeline and returns the error it raised.
InputError error_for(const std::string& file, const std::string& csv) {
  try {
    const auto dataset = load_color_inputs({TextInput{file, csv}}, {ColorInputOptions{}});
    analyse_color(dataset, ColorOptions{});
  } catch (const InputError& e) {
    return e;
  }
  FAIL("expected an InputError");
  return InputError("", 0, "", "");
}

const char* kHumanHeader = "participantID,word,response_r,response_g,response_b,condition\n";

}  // namespace

TEST_CASE("bad input: a missing column names the file and what was expected") {
  const auto e = error_for("human.csv", "participantID,word,response_r,response_g,condition\n1,sky,1,2,block1\n");
  CHECK(e.file() == "human.csv");
  CHECK(e.row() == 1);
  CHECK(std::string(e.what()).find("response_r") != std::string::npos);
}

TEST_CASE("bad input: a non-numeric channel names file, row and column") {
  const auto e = error_for("human.csv", std::string(kHumanHeader) +
                                            "1,sky,10,20,30,block1_target_trial\n"
                                            "1,sky,10,twenty,30,block2_target_trial\n");
  CHECK(e.file() == "human.csv");
  CHECK(e.row() == 3);
  CHECK(e.column() == "response_g");
  CHECK(std::string(e.what()) ==
        "human.csv, row 3, column 'response_g': expected a colour channel, an integer from 0 to 255, found 'twenty'");
}

TEST_CASE("bad input: a channel out of range is rejected") {
  const auto e = error_for("human.csv", std::string(kHumanHeader) + "1,sky,10,20,256,block1_target_trial\n");
  CHECK(e.column() == "response_b");
  CHECK(e.row() == 2);
}

TEST_CASE("bad input: a malformed hex code names file, row and column") {
  const auto e = error_for("pop.csv",
                           "population,individual,word,block,colour\n"
                           "a,1,sky,1,#12345g\n");
  CHECK(e.row() == 2);
  CHECK(e.column() == "colour");
  CHECK(std::string(e.what()).find("#12345g") != std::string::npos);
}

TEST_CASE("bad input: a malformed hex code in an LLM hex column") {
  const auto e = error_for("llm.csv", "subject_num,word,hex1,hex2\n0,sky,#87ceeb,#87ce\n");
  CHECK(e.row() == 2);
  CHECK(e.column() == "hex2");
}

TEST_CASE("bad input: an empty file") {
  const auto e = error_for("empty.csv", "");
  CHECK(e.file() == "empty.csv");
  CHECK(std::string(e.what()) == "empty.csv: the file is empty");
}

TEST_CASE("bad input: a word answered by one individual") {
  const auto e = error_for("human.csv", std::string(kHumanHeader) +
                                            "1,sky,10,20,30,block1_target_trial\n"
                                            "1,sky,10,20,30,block2_target_trial\n"
                                            "2,sky,10,20,30,block1_target_trial\n"
                                            "2,sky,10,20,30,block2_target_trial\n"
                                            "2,sea,10,20,30,block1_target_trial\n"
                                            "2,sea,10,20,30,block2_target_trial\n");
  CHECK(e.row() == 6);
  CHECK(e.column() == "word");
  CHECK(std::string(e.what()).find("'sea'") != std::string::npos);
}

TEST_CASE("bad input: a block that is neither 1 nor 2 in the plain format") {
  const auto e = error_for("pop.csv", "population,individual,word,block,colour\na,1,sky,3,#000000\n");
  CHECK(e.column() == "block");
  CHECK(e.row() == 2);
}

TEST_CASE("bad input: an unrecognisable file lists its columns") {
  const auto e = error_for("other.csv", "a,b,c\n1,2,3\n");
  CHECK(e.row() == 1);
  CHECK(std::string(e.what()).find("columns present: a, b, c") != std::string::npos);
}

TEST_CASE("partial problems are counted, not fatal: non-target rows and duplicates") {
  const std::string csv = std::string(kHumanHeader) +
                          "1,,,,,instructions\n"
                          "1,sky,10,20,30,block1_target_trial\n"
                          "1,sky,10,20,30,block2_target_trial\n"
                          "1,sky,99,20,30,block2_target_trial\n"
                          "2,sky,40,20,30,block1_target_trial\n"
                          "2,sky,10,50,30,block2_target_trial\n";
  const auto dataset = load_color_inputs({TextInput{"h.csv", csv}}, {ColorInputOptions{}});
  REQUIRE(dataset.issues.size() == 2);
  CHECK(dataset.issues[0].kind == "not_a_target_trial");
  CHECK(dataset.issues[0].first_row == 2);
  CHECK(dataset.issues[1].kind == "duplicate_answer");
  CHECK(dataset.issues[1].first_row == 5);
  const auto analysis = analyse_color(dataset, ColorOptions{});
  CHECK(analysis.populations[0].valid_responses == 4);
}

TEST_CASE("bad input: more colour files than a reply can name are refused before any is read") {
  std::vector<TextInput> inputs(kMaxColorInputs + 1, TextInput{"f.csv", "not,a colour file\n"});
  try {
    load_color_inputs(std::move(inputs), {ColorInputOptions{}});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("at most 65536 colour files") != std::string::npos);
  }
  // As many as it can name are read (here each refused for its columns).
  std::vector<TextInput> most(2, TextInput{"f.csv", "not,a colour file\n1,2\n"});
  CHECK_THROWS_WITH_AS(load_color_inputs(std::move(most), {ColorInputOptions{}}),
                       doctest::Contains("cannot tell which colour format"), InputError);
}
