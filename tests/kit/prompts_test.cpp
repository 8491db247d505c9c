#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "kit/color_words.hpp"
#include "kit/custom_id.hpp"
#include "kit/personas.hpp"
#include "kit/prompts.hpp"
#include "support.hpp"

using namespace shoal;
using namespace shoal::kit;
using nlohmann::json;

namespace {

std::vector<json> lines_of(const RequestBatch& batch) {
  std::vector<json> lines;
  std::istringstream in(batch.jsonl);
  std::string line;
  while (std::getline(in, line)) lines.push_back(json::parse(line));
  return lines;
}

std::string user_text(const json& request) { return request["body"]["messages"].back()["content"].get<std::string>(); }

// The text between the backticks that open with `start` in METHOD.md.
std::string method_sentence(const std::string& start) {
  std::ifstream in(test::shared_path("docs/METHOD.md"));
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  const auto begin = all.find("`" + start);
  REQUIRE(begin != std::string::npos);
  const auto end = all.find('`', begin + 1);
  return all.substr(begin + 1, end - begin - 1);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

PromptOptions options_for(Task task) {
  PromptOptions o;
  o.task = task;
  o.model = "test-model";
  return o;
}

}  // namespace

TEST_CASE("concept: individuals × 36 pairs × 2 orders, each pair of the other nine concepts in both orders") {
  for (const char* category : {"animals", "politicians"}) {
    auto o = options_for(Task::Concept);
    o.concepts = concept_list(category);
    const auto batch = batch_requests(o);
    CHECK(batch.individuals == 900);
    CHECK(batch.requests == 900 * 36 * 2);
    const auto lines = lines_of(batch);
    REQUIRE(lines.size() == batch.requests);
    std::map<std::size_t, std::set<std::string>> asked;   // individual -> "order|choice1|choice2"
    std::map<std::size_t, std::string> target;
    std::set<std::string> ids;
    for (const auto& line : lines) {
      const auto key = decode_custom_id(line["custom_id"].get<std::string>());
      REQUIRE(key);
      ids.insert(line["custom_id"].get<std::string>());
      CHECK(key->target != key->choice1);
      CHECK(key->target != key->choice2);
      if (target.count(key->individual)) CHECK(target[key->individual] == key->target);
      target[key->individual] = key->target;
      asked[key->individual].insert(std::to_string(key->presentation) + "|" + key->choice1 + "|" + key->choice2);
    }
    CHECK(ids.size() == lines.size());
    std::size_t longest = 0;
    for (const auto& id : ids) longest = std::max(longest, id.size());
    CHECK(longest <= 64);   // the limit of some batch services
    CHECK(asked.size() == 900);
    for (const auto& [individual, questions] : asked) CHECK(questions.size() == 72);
  }
  auto o = options_for(Task::Concept);
  o.concepts = concept_list("dog, cat, wolf, horse, cow");
  o.individuals = 4;
  CHECK(batch_requests(o).requests == 4 * 6 * 2);   // 6 pairs of the other four
}

TEST_CASE("colour: individuals × words × 2 blocks") {
  const auto batch = batch_requests(options_for(Task::Color));
  CHECK(paper_color_words().size() == 199);
  CHECK(batch.individuals == 150);
  CHECK(batch.requests == 150 * 199 * 2);
  std::map<std::string, int> per_word_block;
  for (const auto& line : lines_of(batch)) {
    CHECK(line["custom_id"].get<std::string>().size() <= 64);
    const auto key = decode_custom_id(line["custom_id"].get<std::string>());
    REQUIRE(key);
    ++per_word_block[key->word + "|" + std::to_string(key->presentation)];
  }
  CHECK(per_word_block.size() == 199 * 2);
  for (const auto& [word, count] : per_word_block) CHECK(count == 150);

  auto o = options_for(Task::Color);
  o.words = {"apple", "sky", "grief"};
  o.individuals = 7;
  CHECK(batch_requests(o).requests == 7 * 3 * 2);
}

TEST_CASE("the built-in words are those of the human data, in alphabetical order") {
  const CsvTable table = parse_csv(test::shared_input("paper-data/color-task/colorref.csv").content, "colorref.csv");
  const auto column = table.require_column("word");
  std::set<std::string> human;
  for (std::size_t r = 0; r < table.row_count(); ++r) human.insert(std::string(table.cell(r, column)));
  const auto& words = paper_color_words();
  CHECK(std::vector<std::string>(human.begin(), human.end()) == words);
}

TEST_CASE("task sentences equal the paper's, byte for byte") {
  const std::string color_template = method_sentence("Question: What is the HEX code");
  const std::string concept_template = method_sentence("Question: Which is more similar");

  auto o = options_for(Task::Color);
  o.words = {"apple", "ice cream"};
  o.individuals = 1;
  for (const auto& line : lines_of(batch_requests(o))) {
    const auto key = decode_custom_id(line["custom_id"].get<std::string>());
    CHECK(line["body"]["messages"].size() == 1);
    CHECK(user_text(line) == replace_all(color_template, "{word}", key->word));
  }

  auto c = options_for(Task::Concept);
  c.individuals = 3;
  for (const auto& category : {"animals", "politicians"}) {
    c.concepts = concept_list(category);
    for (const auto& line : lines_of(batch_requests(c))) {
      const auto key = decode_custom_id(line["custom_id"].get<std::string>());
      const bool swapped = key->presentation == 2;
      std::string expected = replace_all(concept_template, "{target}", key->target);
      expected = replace_all(expected, "{choice1}", swapped ? key->choice2 : key->choice1);
      expected = replace_all(expected, "{choice2}", swapped ? "\x01" : key->choice2);
      expected = replace_all(expected, "\x01", key->choice1);
      CHECK(user_text(line) == expected);
    }
  }
  // The quirk, spelled out, and the corrected wording.
  CHECK(concept_question("a finch", "a robin", "an eagle", Wording::Paper) ==
        "Question: Which is more similar to a a finch, a robin or an eagle? Respond only with \"a robin\" or "
        "\"an eagle\".");
  CHECK(concept_question("Barack Obama", "Joe Biden", "Richard Nixon", Wording::Corrected) ==
        "Question: Which is more similar to Barack Obama, Joe Biden or Richard Nixon? Respond only with \"Joe "
        "Biden\" or \"Richard Nixon\".");
}

TEST_CASE("the persona of individual i is row i of the persona file, before the question or as a system message") {
  for (const char* file : {"paper-data/color-task/persona-prompts.csv", "paper-data/concept-task/persona-prompts.csv"}) {
    const TextInput input = test::shared_input(file);
    const CsvTable table = parse_csv(input.content, file);
    const auto identity = table.require_column("identity");
    auto o = options_for(Task::Color);
    o.condition = Condition::Identity;
    o.words = {"apple"};
    o.contexts = read_persona_column(input, Condition::Identity);
    const auto lines = lines_of(batch_requests(o));
    REQUIRE(lines.size() == table.row_count() * 2);
    for (const auto& line : lines) {
      const auto key = decode_custom_id(line["custom_id"].get<std::string>());
      CHECK(key->condition == Condition::Identity);
      CHECK(user_text(line) == std::string(table.cell(key->individual, identity)) + " " + color_question("apple"));
    }
    o.persona_as = PersonaPlacement::System;
    o.individuals = 5;
    for (const auto& line : lines_of(batch_requests(o))) {
      const auto key = decode_custom_id(line["custom_id"].get<std::string>());
      const auto& messages = line["body"]["messages"];
      REQUIRE(messages.size() == 2);
      CHECK(messages[0]["role"] == "system");
      CHECK(messages[0]["content"] == table.cell(key->individual, identity));
      CHECK(messages[1]["role"] == "user");
      CHECK(messages[1]["content"] == color_question("apple"));
    }
  }
  // Paragraphs: newlines become spaces, as in the paper.
  const TextInput input = test::shared_input("paper-data/color-task/persona-prompts.csv");
  const CsvTable table = parse_csv(input.content, "persona-prompts.csv");
  const auto random = read_persona_column(input, Condition::Random);
  std::size_t with_newlines = 0;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::string cell(table.cell(r, table.require_column("random")));
    with_newlines += cell.find('\n') != std::string::npos;
    std::string expected = cell;
    for (auto& ch : expected) ch = ch == '\n' ? ' ' : ch;
    CHECK(random[r] == expected);
  }
  CHECK(with_newlines > 0);
}

TEST_CASE("seed 42 gives the paper's targets") {
  // The first concept each individual judged in one of the paper's files,
  // per category (individuals are numbered from 0 in each).
  const CsvTable table = parse_csv(
      test::shared_input("paper-data/concept-task/llm-responses/openchat-prompt=none-temp=default.csv").content, "x");
  std::map<std::size_t, std::string> animal, politician;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::string concept(table.cell(r, 0));
    const std::size_t id = std::stoul(std::string(table.cell(r, 1)));
    auto& seen = concept.rfind("a ", 0) == 0 || concept.rfind("an ", 0) == 0 ? animal : politician;
    seen.emplace(id, concept);
  }
  CHECK(animal.size() > 850);
  CHECK(politician.size() > 850);
  const auto targets = assign_targets(42, 900, 10);
  for (const auto& [id, concept] : animal) CHECK(animal_concepts()[targets[id]] == concept);
  for (const auto& [id, concept] : politician) CHECK(politician_concepts()[targets[id]] == concept);
  CHECK(assign_targets(7, 900, 10) != targets);
}

TEST_CASE("generated identity personas are fixed by the seed and read as the paper's do") {
  auto o = options_for(Task::Color);
  o.condition = Condition::Identity;
  o.words = {"apple"};
  o.individuals = 40;
  const auto first = batch_requests(o).jsonl;
  CHECK(batch_requests(o).jsonl == first);
  std::set<std::string> personas;
  for (std::size_t i = 0; i < 40; ++i) {
    const std::string p = generated_identity(42, i);
    CHECK(p.rfind("You are a", 0) == 0);
    CHECK(p.find(" from a") != std::string::npos);
    CHECK(p.find(" who is a") != std::string::npos);
    CHECK(p.find(" and works as a") != std::string::npos);
    CHECK(p.back() == '.');
    CHECK(first.find(p + " " + color_question("apple")) != std::string::npos);
    personas.insert(p);
  }
  CHECK(personas.size() >= 39);
  CHECK(generated_identity(43, 0) != generated_identity(42, 0));
  o.individuals = 3;   // an individual's persona does not depend on how many there are
  CHECK(first.rfind(batch_requests(o).jsonl, 0) == 0);
  CHECK(first.find(generated_identity(42, 2)) != std::string::npos);
}

TEST_CASE("request bodies: model, temperature only when given, at most 200 tokens") {
  auto o = options_for(Task::Color);
  o.words = {"apple"};
  o.individuals = 1;
  auto line = lines_of(batch_requests(o))[0];
  CHECK(batch_requests(o).jsonl.rfind("{\"custom_id\":\"color/none/default/0/1/apple\",\"method\":\"POST\",\"url\":"
                                      "\"/v1/chat/completions\",\"body\":{\"model\":\"test-model\",\"messages\":",
                                      0) == 0);
  CHECK(line["method"] == "POST");
  CHECK(line["url"] == "/v1/chat/completions");
  CHECK(line["body"]["model"] == "test-model");
  CHECK(line["body"]["max_tokens"] == 200);
  CHECK_FALSE(line["body"].contains("temperature"));
  CHECK(line["custom_id"] == "color/none/default/0/1/apple");
  o.temperature = 2.0;
  line = lines_of(batch_requests(o))[0];
  CHECK(line["body"]["temperature"] == 2.0);
  CHECK(batch_requests(o).jsonl.find("\"temperature\":2.0") != std::string::npos);
  CHECK(line["custom_id"] == "color/none/2.0/0/1/apple");
  CHECK(temperature_label(1.5) == "1.5");
  CHECK(temperature_label(0.7) == "0.7");
}

TEST_CASE("custom_id round trip, whatever the names") {
  RequestKey key;
  key.task = Task::Concept;
  key.condition = Condition::Nonsense;
  key.temperature = "1.5";
  key.individual = 812;
  key.presentation = 2;
  key.target = "a/b 100% ü";
  key.choice1 = "George W. Bush";
  key.choice2 = "x,y\"z";
  const std::string id = encode_custom_id(key);
  CHECK(id == "concept/nonsense/1.5/812/2/list/a%2Fb%20100%25%20%C3%BC/George%20W.%20Bush/x%2Cy%22z");
  const auto back = decode_custom_id(id);
  REQUIRE(back);
  CHECK(back->target == key.target);
  CHECK(back->choice1 == key.choice1);
  CHECK(back->choice2 == key.choice2);
  CHECK(back->individual == 812);
  CHECK(back->presentation == 2);
  CHECK(back->condition == Condition::Nonsense);
  key.target = "Hillary Clinton";
  key.choice1 = "Elizabeth Warren";
  key.choice2 = "George W. Bush";
  CHECK(encode_custom_id(key) == "concept/nonsense/1.5/812/2/politicians/6/4/5");
  const auto paper = decode_custom_id("concept/nonsense/1.5/812/2/politicians/6/4/5");
  REQUIRE(paper);
  CHECK(paper->target == "Hillary Clinton");
  CHECK(paper->choice2 == "George W. Bush");
  for (const char* bad : {"", "color", "concept/none/default/0/1/animals/10/0/1", "concept/none/default/0/1/birds/0/1/2",
                          "concept/none/default/0/1/a%20finch/a%20robin/a%20seal", "color/none/default/0/3/apple", "color/odd/default/0/1/apple",
                          "color/none/default/x/1/apple", "color/none/default/0/1/a%2", "concept/none/default/0/1/a/b",
                          "color/none/default/0/1/"}) {
    CHECK_FALSE(decode_custom_id(bad));
  }
}

TEST_CASE("options and files that cannot make a batch are refused with the reason") {
  auto o = options_for(Task::Color);
  o.condition = Condition::Random;
  CHECK_THROWS_WITH_AS(batch_requests(o), doctest::Contains("persona file"), std::invalid_argument);
  o.condition = Condition::Identity;
  o.contexts = {"You are a.", "You are b."};
  o.individuals = 3;
  CHECK_THROWS_WITH_AS(batch_requests(o), doctest::Contains("has 2 rows"), std::invalid_argument);
  o.individuals = 0;
  CHECK(batch_requests(o).individuals == 2);
  auto c = options_for(Task::Concept);
  c.concepts = {"a", "b"};
  CHECK_THROWS_WITH_AS(batch_requests(c), doctest::Contains("at least 3"), std::invalid_argument);
  c.concepts = {"a", "b", "a"};
  CHECK_THROWS_WITH_AS(batch_requests(c), doctest::Contains("twice"), std::invalid_argument);

  try {
    read_word_list({"words.txt", "apple\n\nsky\napple\n"});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == "words.txt");
    CHECK(e.row() == 4);
  }
  CHECK(read_word_list({"words.txt", "\xEF\xBB\xBF" "apple\r\n sky \n"}) == std::vector<std::string>{"apple", "sky"});
  CHECK_THROWS_AS(read_word_list({"words.txt", "\n \n"}), InputError);
  try {
    read_persona_column({"personas.csv", "random,identity\nsome text,You are a.\nmore text,\n"}, Condition::Identity);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.row() == 3);
    CHECK(e.column() == "identity");
  }
  CHECK_THROWS_WITH_AS(read_persona_column({"personas.csv", "random,identity\na,b\n"}, Condition::Nonsense),
                       doctest::Contains("'nonsense'"), InputError);
}
