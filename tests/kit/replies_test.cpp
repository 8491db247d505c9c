#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "io/input_error.hpp"
#include "kit/prompts.hpp"
#include "kit/replies.hpp"

using namespace shoal;
using namespace shoal::kit;
using nlohmann::json;

namespace {

TextInput color_requests() {
  PromptOptions o;
  o.model = "m1";
  o.words = {"apple", "sky"};
  o.individuals = 2;
  o.temperature = 1.5;
  return {"requests.jsonl", batch_requests(o).jsonl};
}

std::string openai(const std::string& id, const std::string& content) {
  return json{{"id", "batch_req_1"},
              {"custom_id", id},
              {"response", {{"status_code", 200}, {"request_id", "r"},
                            {"body", {{"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", content}}}}}}}}}},
              {"error", nullptr}}
             .dump() + "\n";
}

std::string vllm(const std::string& id, const std::string& content) {
  return json{{"id", "vllm-1"},
              {"custom_id", id},
              {"response", {{"object", "chat.completion"},
                            {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", content}}}}}}}},
              {"error", nullptr}}
             .dump() + "\n";
}

std::string anthropic(const std::string& id, const std::string& content) {
  return json{{"custom_id", id},
              {"result", {{"type", "succeeded"}, {"message", {{"content", {{{"type", "text"}, {"text", content}}}}}}}}}
             .dump() + "\n";
}

std::string plain(const std::string& id, const std::string& content) {
  return json{{"custom_id", id}, {"content", content}}.dump() + "\n";
}

}  // namespace

TEST_CASE("replies in every result shape join their requests into the llm-wide colour format") {
  const std::string results = openai("color/none/1.5/0/1/apple", "Red: #FF0000.") +
                              vllm("color/none/1.5/0/2/apple", "I'd say #ee1111, like a ripe apple") +
                              anthropic("color/none/1.5/1/1/sky", "#87CEEB") + "\n" +
                              plain("color/none/1.5/1/2/sky", "Sky blue, \"#87cefa\"\nfor sure") +
                              plain("color/none/1.5/0/1/sky", "#0000ff") + plain("color/none/1.5/0/2/sky", "#0000fe") +
                              plain("color/none/1.5/1/1/apple", "#00ff00") + plain("color/none/1.5/1/2/apple", "#00fe00");
  const auto import = import_replies(color_requests(), {"results.jsonl", results});
  CHECK(import.task == Task::Color);
  CHECK(import.requests == 8);
  CHECK(import.result_lines == 8);
  CHECK(import.answered == 8);
  CHECK(import.rows == 4);
  CHECK(import.problems.empty());
  CHECK(import.csv ==
        "model_name,prompt,temperature,subject_num,word,generation1,generation2\n"
        "m1,none,1.5,0,apple,Red: #FF0000.,\"I'd say #ee1111, like a ripe apple\"\n"
        "m1,none,1.5,0,sky,#0000ff,#0000fe\n"
        "m1,none,1.5,1,apple,#00ff00,#00fe00\n"
        "m1,none,1.5,1,sky,#87CEEB,\"Sky blue, \"\"#87cefa\"\"\nfor sure\"\n");
}

TEST_CASE("failed, missing, empty, unanswered, duplicate and unknown replies are each counted and listed") {
  const std::string results =
      json{{"custom_id", "color/none/1.5/0/1/apple"},
           {"response", {{"status_code", 429}, {"body", {{"error", {{"message", "rate limited"}}}}}}},
           {"error", nullptr}}
          .dump() + "\n" +
      json{{"custom_id", "color/none/1.5/0/2/apple"}, {"response", nullptr},
           {"error", {{"code", "x"}, {"message", "model crashed"}}}}
          .dump() + "\n" +
      plain("color/none/1.5/1/1/sky", "  ") +                       // empty
      plain("color/none/1.5/1/2/sky", "a pale blue, no code") +     // no answer
      plain("color/none/1.5/0/1/sky", "#0000ff") + plain("color/none/1.5/0/1/sky", "#111111") +   // duplicate
      plain("color/none/1.5/0/2/sky", "#0000fe") + plain("color/none/9.9/0/2/sky", "#0000fe") +   // unknown
      plain("color/none/1.5/1/1/apple", "#00ff00");                 // 1/2/apple missing
  const auto import = import_replies(color_requests(), {"results.jsonl", results});
  const auto counts = import.counts();
  CHECK(counts.at("failed") == 2);
  CHECK(counts.at("missing") == 1);
  CHECK(counts.at("empty") == 1);
  CHECK(counts.at("no_answer") == 1);
  CHECK(counts.at("duplicate") == 1);
  CHECK(counts.at("unknown_id") == 1);
  CHECK(import.answered == 4);
  CHECK(import.rows == 4);   // every request keeps its row
  CHECK(import.csv ==
        "model_name,prompt,temperature,subject_num,word,generation1,generation2\n"
        "m1,none,1.5,0,apple,,\n"
        "m1,none,1.5,0,sky,#0000ff,#0000fe\n"
        "m1,none,1.5,1,apple,#00ff00,\n"
        "m1,none,1.5,1,sky,,\"a pale blue, no code\"\n");
  bool rate_limited = false, crashed = false;
  for (const auto& p : import.problems) {
    if (p.kind == "failed" && p.line == 1) rate_limited = p.detail == "status 429: rate limited";
    if (p.kind == "failed" && p.line == 2) crashed = p.detail == "model crashed";
    if (p.kind == "missing") CHECK(p.custom_id == "color/none/1.5/1/2/apple");
    if (p.kind == "duplicate") CHECK(p.line == 6);
    if (p.kind == "unknown_id") CHECK(p.line == 8);
  }
  CHECK(rate_limited);
  CHECK(crashed);
  const json summary = reply_summary(import);
  CHECK(summary["counts"]["failed"] == 2);
  CHECK(summary["problems"].size() == 7);
}

TEST_CASE("a usable reply wins over an earlier failed one for the same request") {
  const std::string results = json{{"custom_id", "color/none/1.5/0/1/apple"}, {"response", {{"status_code", 500}}}}.dump() +
                              "\n" + plain("color/none/1.5/0/1/apple", "#123456");
  const auto import = import_replies(color_requests(), {"results.jsonl", results});
  CHECK(import.counts().at("failed") == 0);
  CHECK(import.counts().at("duplicate") == 1);
  CHECK(import.counts().at("missing") == 7);
  CHECK(import.csv.find("m1,none,1.5,0,apple,#123456,\n") != std::string::npos);
}

TEST_CASE("concept replies: raw-llm rows, the first reply for the listed order, the second for the swapped one") {
  PromptOptions o;
  o.task = Task::Concept;
  o.model = "m2";
  o.condition = Condition::Identity;
  o.individuals = 1;
  const TextInput requests{"requests.jsonl", batch_requests(o).jsonl};
  // Individual 0's target with seed 42 is a salmon; its first pair is finch-robin.
  const std::string results = plain("concept/identity/default/0/2/animals/6/0/1", "a robin") +
                              plain("concept/identity/default/0/1/animals/6/0/1", "A finch.") +
                              plain("concept/identity/default/0/1/animals/6/0/2", "Neither.");
  const auto import = import_replies(requests, {"results.jsonl", results});
  CHECK(import.task == Task::Concept);
  CHECK(import.requests == 72);
  CHECK(import.rows == 36);
  CHECK(import.counts().at("missing") == 69);
  CHECK(import.counts().at("no_answer") == 1);
  CHECK(import.csv.rfind("model_name,prompt,temperature,subject_num,target,choice1,choice2,generation1,generation2\n"
                         "m2,identity,default,0,a salmon,a finch,a robin,A finch.,a robin\n"
                         "m2,identity,default,0,a salmon,a finch,a chicken,Neither.,\n",
                         0) == 0);
}

TEST_CASE("malformed files are input errors naming the file and line") {
  auto error_of = [](const TextInput& requests, const TextInput& results) {
    try {
      import_replies(requests, results);
    } catch (const InputError& e) {
      return e;
    }
    FAIL("expected an InputError");
    return InputError("", 0, "", "");
  };
  const auto bad_json = error_of(color_requests(), {"results.jsonl", plain("x", "y") + "{\"custom_id\": \n"});
  CHECK(bad_json.file() == "results.jsonl");
  CHECK(bad_json.row() == 2);
  const auto foreign = error_of({"requests.jsonl", "{\"custom_id\": \"request-1\", \"body\": {\"model\": \"m\"}}\n"},
                                {"results.jsonl", ""});
  CHECK(foreign.row() == 1);
  CHECK(foreign.column() == "custom_id");
  const std::string one = color_requests().content.substr(0, color_requests().content.find('\n') + 1);
  const auto twice = error_of({"requests.jsonl", one + one}, {"results.jsonl", ""});
  CHECK(twice.row() == 2);
  // A number beyond a double's range is refused with its file and line, not
  // as a bare parser exception.
  const auto overflow = error_of(color_requests(), {"results.jsonl", plain("x", "y") + "{\"custom_id\": 1e999999999}\n"});
  CHECK(overflow.file() == "results.jsonl");
  CHECK(overflow.row() == 2);
  const auto empty = error_of({"requests.jsonl", "\n"}, {"results.jsonl", ""});
  CHECK(empty.row() == 0);
}
