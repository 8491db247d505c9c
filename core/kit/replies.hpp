#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/text_input.hpp"
#include "kit/task_text.hpp"

namespace shoal::kit {

// A request whose reply cannot be used as it is, or a result line that
// answers no request. Kinds:
//   failed      the service reports an error or a status other than 200
//   missing     no result line for the request
//   empty       the reply has no text
//   no_answer   the reply has text but no #rrggbb code (colour) or names
//               neither choice (concept); the analysis counts it invalid
//   duplicate   a second result line for the same request (the first usable
//               one is kept)
//   unknown_id  a result line whose custom_id is not in the request file
struct ReplyProblem {
  std::string kind;
  std::string custom_id;
  std::size_t line = 0;   // line of the results file; 0 for a missing reply
  std::string detail;
};

struct ReplyImport {
  Task task = Task::Color;
  // The raw format the loaders read: llm-wide for colour (one row per
  // individual and word, generation1/generation2 the two samples), raw-llm
  // for concept (one row per individual and pair, generation1 the reply to
  // "choice1 or choice2", generation2 to the swapped order), each with
  // model_name, prompt, temperature and subject_num. A failed or missing
  // reply is an empty cell, which the analysis counts as invalid.
  std::string csv;
  std::size_t requests = 0;
  std::size_t result_lines = 0;
  std::size_t rows = 0;
  std::size_t answered = 0;   // requests with a usable reply
  std::vector<ReplyProblem> problems;

  std::map<std::string, std::size_t> counts() const;
};

// Joins results to requests by custom_id. Results may be OpenAI batch output
// lines ({"custom_id", "response": {"status_code", "body": {"choices": ...}},
// "error"}), vLLM run-batch output (the same, or "response" holding the chat
// completion itself), Anthropic message batch results ({"custom_id",
// "result": {"type", "message"}}) or plain {"custom_id", "content"} lines.
// Either file may be gzip-compressed. Throws InputError naming the file and
// line for a line that is not JSON or a request file Shoal did not write.
ReplyImport import_replies(const TextInput& requests, const TextInput& results);

// Counts and every problem, as the CLI prints them and the page shows them.
nlohmann::json reply_summary(const ReplyImport& import);

}  // namespace shoal::kit
