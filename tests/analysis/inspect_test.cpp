#include <doctest/doctest.h>

#include "analysis/inspect.hpp"

using namespace shoal;

TEST_CASE("inspect: the task, format, roles and populations of a file") {
  const auto colour = inspect_input(
      TextInput{"gemma-instruct-prompt=none-temp=1.5.csv", "subject_num,word,hex1,hex2\n0,sky,#000000,#111111\n1,sky,#222222,#333333\n"},
      InputSettings{});
  CHECK(colour["task"] == "color");
  CHECK(colour["format"] == "llm-wide");
  CHECK(colour["roles"]["hex1"] == "hex1");
  CHECK(colour["rows"] == 2);
  REQUIRE(colour["populations"].size() == 1);
  CHECK(colour["populations"][0]["name"] == "gemma-instruct prompt=none temp=1.5");
  CHECK(colour["populations"][0]["family"] == "gemma");
  CHECK(colour["populations"][0]["aligned"] == false);
  CHECK(colour["error"].is_null());

  const auto concept = inspect_input(
      TextInput{"j.csv", "Concept,ID,Question,ChoiceNumber\na finch,0,a robin a seal,0\na finch,1,a robin a seal,1\n"},
      InputSettings{});
  CHECK(concept["task"] == "concept");
  CHECK(concept["format"] == "analysis");
  CHECK(concept["roles"]["choice"] == "ChoiceNumber");
}

TEST_CASE("inspect: settings override detection; problems become the error field") {
  InputSettings settings;
  settings.labels.name = "my population";
  settings.labels.human = true;
  const auto relabelled = inspect_input(TextInput{"x.csv", "subject_num,word,hex1,hex2\n0,sky,#000000,#111111\n"}, settings);
  CHECK(relabelled["populations"][0]["name"] == "my population");
  CHECK(relabelled["populations"][0]["human"] == true);

  const auto unknown = inspect_input(TextInput{"u.csv", "a,b\n1,2\n"}, InputSettings{});
  CHECK(unknown["task"].is_null());
  CHECK(unknown["header"].size() == 2);   // what could be read is still shown
  CHECK(unknown["error"]["row"] == 1);
  CHECK(unknown["error"]["message"].get<std::string>().find("not recognised") != std::string::npos);

  const auto bad = inspect_input(TextInput{"b.csv", "participantID,word,response_r,response_g,response_b,condition\n"
                                                    "1,sky,1,x,3,block1_target_trial\n"},
                                 InputSettings{});
  CHECK(bad["task"] == "color");
  CHECK(bad["error"]["column"] == "response_g");

  InputSettings wrong;
  wrong.format = "no-such-format";
  CHECK_THROWS_AS(inspect_input(TextInput{"x.csv", "a\n1\n"}, wrong), std::invalid_argument);
}

TEST_CASE("inspect: word norms come back parsed; the released human chains as a human population") {
  const auto norms = inspect_input(
      TextInput{"word-norms.csv", "word,variance,imageability\nchalk,505.5,6.46\nmirror,646.8,\nglass,N/A,5\n"}, InputSettings{});
  CHECK(norms["task"] == "word-norms");
  CHECK(norms["error"].is_null());
  CHECK(norms["word_norms"]["scales"] == nlohmann::json({"variance", "imageability"}));
  CHECK(norms["word_norms"]["words"] == nlohmann::json({"chalk", "mirror", "glass"}));
  CHECK(norms["word_norms"]["ratings"][2][0].is_null());
  CHECK(norms["word_norms"]["ratings"][0][1] == 6.46);
  CHECK(norms["word_norms"]["ratings"][1][1].is_null());

  const auto bad = inspect_input(TextInput{"word-norms.csv", "word,concreteness\nchalk,6.7\nmirror,high\n"}, InputSettings{});
  CHECK(bad["error"]["row"] == 3);
  CHECK(bad["error"]["column"] == "concreteness");

  const auto repeated = inspect_input(TextInput{"n.csv", "word,concreteness\nchalk,6.7\nchalk,6.1\n"}, InputSettings{});
  CHECK(repeated["error"]["row"] == 3);

  const auto chains = inspect_input(
      TextInput{"crp-chains.csv",
                "Concept,Iteration,NumberOfPeople,Tables,Chain,ProbabilityOfSameTable\nfinch,1,10,3,1,0.5\nfinch,2,10,2,1,0.6\n"},
      InputSettings{});
  CHECK(chains["task"] == "concept");
  CHECK(chains["format"] == "released-chains");
  REQUIRE(chains["populations"].size() == 1);
  CHECK(chains["populations"][0]["human"] == true);
}

TEST_CASE("inspect: a sample of a long input stands for it, unless the sample cannot be read") {
  std::string csv = "Concept,ID,Question,ChoiceNumber\n";
  for (int id = 0; id < 200; ++id) csv += "a finch," + std::to_string(id) + ",a robin a seal," + std::to_string(id % 2) + "\n";
  const TextInput input{"j.csv", csv};
  const auto whole = inspect_input(input, InputSettings{});
  const auto sampled = inspect_input(input, InputSettings{}, 200);
  CHECK_FALSE(whole.contains("sampled_bytes"));
  CHECK(whole["rows"] == 200);
  CHECK(sampled["task"] == whole["task"]);
  CHECK(sampled["format"] == whole["format"]);
  CHECK(sampled["roles"] == whole["roles"]);
  CHECK(sampled["populations"] == whole["populations"]);
  CHECK(sampled["bytes"] == csv.size());
  // The sample ends at the last line end within 200 bytes: the header (33
  // bytes) and six rows of 27 bytes.
  CHECK(sampled["sampled_bytes"] == 33 + 6 * 27);
  CHECK(sampled["rows"] == 6);
  CHECK(sampled["issues"].empty());

  // Small inputs are inspected whole.
  CHECK_FALSE(inspect_input(input, InputSettings{}, csv.size()).contains("sampled_bytes"));

  // A quoted field open across the cut makes the sample unreadable: the whole input is inspected.
  std::string quoted = "Concept,ID,Question,ChoiceNumber\n\"a finch\n";
  quoted += std::string(300, 'x') + "\",0,a robin a seal,0\n";
  const auto fallback = inspect_input(TextInput{"q.csv", quoted}, InputSettings{}, 50);
  CHECK_FALSE(fallback.contains("sampled_bytes"));
}

TEST_CASE("inspect: the first bytes of an input, read alone, are judged as its sample") {
  std::string csv = "Concept,ID,Question,ChoiceNumber\n";
  for (int id = 0; id < 200; ++id) csv += "a finch," + std::to_string(id) + ",a robin a seal," + std::to_string(id % 2) + "\n";
  const auto sampled = inspect_input(TextInput{"j.csv", csv}, InputSettings{}, 200);
  const auto head = inspect_head(TextInput{"j.csv", csv.substr(0, 200)}, csv.size(), InputSettings{});
  REQUIRE(head);
  CHECK(*head == sampled);
  CHECK((*head)["bytes"] == csv.size());
  CHECK((*head)["sampled_bytes"] == 33 + 6 * 27);

  // No line end in the head, or a quoted field open across its end: the whole input is needed.
  CHECK_FALSE(inspect_head(TextInput{"j.csv", csv.substr(0, 20)}, csv.size(), InputSettings{}));
  std::string quoted = "Concept,ID,Question,ChoiceNumber\n\"a finch\n";
  quoted += std::string(300, 'x') + "\",0,a robin a seal,0\n";
  CHECK_FALSE(inspect_head(TextInput{"q.csv", quoted.substr(0, 50)}, quoted.size(), InputSettings{}));
}
