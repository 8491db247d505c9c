#include "kit/replies.hpp"

#include <array>
#include <functional>
#include <optional>
#include <unordered_map>

#include "color/lab.hpp"
#include "concept/responses.hpp"
#include "io/csv.hpp"
#include "io/csv_writer.hpp"
#include "io/gzip.hpp"
#include "io/input_error.hpp"
#include "kit/custom_id.hpp"

namespace shoal::kit {
namespace {

using nlohmann::json;

// Calls `visit(line number, object)` for every non-blank line.
void for_each_json_line(const TextInput& file, const std::function<void(std::size_t, const json&)>& visit) {
  const std::string text = is_gzip(file.content) ? gunzip(file.content, file.name, gzip_budget(file.content.size())) : file.content;
  std::size_t line = 0, start = 0;
  while (start < text.size()) {
    ++line;
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view content = trim(std::string_view(text).substr(start, end - start));
    start = end + 1;
    if (content.empty()) continue;
    json object;
    try {
      object = json::parse(content);
    } catch (const json::exception& e) {
      // Also a number beyond a double's range (1e999999999), which the
      // parser refuses as out of range rather than as a syntax error.
      throw InputError(file.name, line, "", std::string("expected one JSON object per line: ") + e.what());
    }
    if (!object.is_object()) throw InputError(file.name, line, "", "expected one JSON object per line");
    visit(line, object);
  }
}

std::string text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {   // content given as parts: [{"type": "text", "text": ...}]
    std::string joined;
    for (const auto& part : value) {
      if (part.is_object() && part.contains("text") && part["text"].is_string()) joined += part["text"].get<std::string>();
      if (part.is_string()) joined += part.get<std::string>();
    }
    return joined;
  }
  return "";
}

std::string error_text(const json& error) {
  if (error.is_string()) return error.get<std::string>();
  if (error.is_object()) {
    if (error.contains("message") && error["message"].is_string()) return error["message"].get<std::string>();
    if (error.contains("error")) return error_text(error["error"]);
    if (error.contains("type") && error["type"].is_string()) return error["type"].get<std::string>();
  }
  return error.dump();
}

std::string first_choice_content(const json& completion) {
  if (!completion.is_object() || !completion.contains("choices") || !completion["choices"].is_array() ||
      completion["choices"].empty()) {
    return "";
  }
  const json& choice = completion["choices"][0];
  if (choice.contains("message") && choice["message"].is_object() && choice["message"].contains("content")) {
    return text_of(choice["message"]["content"]);
  }
  if (choice.contains("text")) return text_of(choice["text"]);
  return "";
}

struct Reply {
  std::size_t line = 0;
  bool failed = false;
  std::string content;   // the reply, or what went wrong when failed
};

Reply read_reply(std::size_t line, const json& object) {
  Reply reply;
  reply.line = line;
  auto fail = [&](std::string why) {
    reply.failed = true;
    reply.content = std::move(why);
    return reply;
  };
  if (object.contains("error") && !object["error"].is_null()) return fail(error_text(object["error"]));
  if (object.contains("response") && object["response"].is_object()) {
    const json& response = object["response"];
    const json& body = response.contains("body") ? response["body"] : response;
    if (response.contains("status_code")) {
      const json& status = response["status_code"];
      if (!status.is_number_integer() || status.get<long long>() != 200) {
        std::string why = "status " + (status.is_number() ? std::to_string(status.get<long long>()) : status.dump());
        if (body.is_object() && body.contains("error")) why += ": " + error_text(body["error"]);
        return fail(why);
      }
    }
    if (body.is_object() && body.contains("error") && !body["error"].is_null()) return fail(error_text(body["error"]));
    reply.content = first_choice_content(body);
    return reply;
  }
  if (object.contains("result") && object["result"].is_object()) {
    const json& result = object["result"];
    const std::string type = result.contains("type") && result["type"].is_string() ? result["type"].get<std::string>() : "";
    if (type != "succeeded") {
      return fail(result.contains("error") ? error_text(result["error"]) : "result " + (type.empty() ? "without a type" : type));
    }
    if (result.contains("message") && result["message"].is_object() && result["message"].contains("content")) {
      reply.content = text_of(result["message"]["content"]);
    }
    return reply;
  }
  if (object.contains("content")) {
    reply.content = text_of(object["content"]);
    return reply;
  }
  return fail("no reply in the line (expected \"response\", \"result\" or \"content\")");
}

struct Request {
  RequestKey key;
  std::string model;
  std::size_t row = 0;
};

// The row a request's reply goes into: everything but the presentation.
std::string row_key(const RequestKey& key) {
  RequestKey row = key;
  row.presentation = 1;
  return encode_custom_id(row);
}

}  // namespace

std::map<std::string, std::size_t> ReplyImport::counts() const {
  std::map<std::string, std::size_t> out;
  for (const char* kind : {"failed", "missing", "empty", "no_answer", "duplicate", "unknown_id"}) out[kind] = 0;
  for (const auto& p : problems) ++out[p.kind];
  return out;
}

ReplyImport import_replies(const TextInput& requests_file, const TextInput& results_file) {
  ReplyImport out;
  std::vector<Request> requests;
  std::unordered_map<std::string, std::size_t> request_index;
  std::unordered_map<std::string, std::size_t> row_index;
  std::vector<const Request*> row_first;
  for_each_json_line(requests_file, [&](std::size_t line, const json& object) {
    const json* id = object.contains("custom_id") ? &object["custom_id"] : nullptr;
    const auto key = id && id->is_string() ? decode_custom_id(id->get<std::string>()) : std::nullopt;
    if (!key) {
      throw InputError(requests_file.name, line, "custom_id",
                       "expected a request written by shoal prompts (its custom_id names the task, condition, "
                       "temperature, individual and question)");
    }
    if (requests.empty()) {
      out.task = key->task;
    } else if (key->task != out.task) {
      throw InputError(requests_file.name, line, "custom_id",
                       "a request of the other task: one request file holds one task");
    }
    const json& body = object.contains("body") ? object["body"] : json();
    if (!body.is_object() || !body.contains("model") || !body["model"].is_string()) {
      throw InputError(requests_file.name, line, "body", "expected a request body naming its model");
    }
    if (!request_index.emplace(id->get<std::string>(), requests.size()).second) {
      throw InputError(requests_file.name, line, "custom_id", "the custom_id " + id->get<std::string>() +
                                                                  " appears twice in the requests");
    }
    Request request{*key, body["model"].get<std::string>(), 0};
    const auto row = row_index.emplace(row_key(*key), row_index.size());
    request.row = row.first->second;
    requests.push_back(std::move(request));
    if (row.second) row_first.push_back(nullptr);
  });
  if (requests.empty()) throw InputError(requests_file.name, 0, "", "the request file holds no requests");
  for (const auto& r : requests) {
    if (!row_first[r.row]) row_first[r.row] = &r;
  }
  out.requests = requests.size();

  std::vector<std::vector<Reply>> replies(requests.size());
  for_each_json_line(results_file, [&](std::size_t line, const json& object) {
    ++out.result_lines;
    const json* id = object.contains("custom_id") ? &object["custom_id"] : nullptr;
    const std::string text = id && id->is_string() ? id->get<std::string>() : "";
    const auto found = request_index.find(text);
    if (found == request_index.end()) {
      out.problems.push_back({"unknown_id", text, line,
                              text.empty() ? "a result line without a custom_id" : "no request has this custom_id"});
      return;
    }
    replies[found->second].push_back(read_reply(line, object));
  });

  std::vector<std::array<std::string, 2>> cells(row_first.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const Request& request = requests[i];
    const std::string id = encode_custom_id(request.key);
    const auto& candidates = replies[i];
    if (candidates.empty()) {
      out.problems.push_back({"missing", id, 0, "no result line for this request"});
      continue;
    }
    const Reply* chosen = &candidates[0];
    for (const auto& reply : candidates) {
      if (!reply.failed && !trim(reply.content).empty()) {
        chosen = &reply;
        break;
      }
    }
    for (const auto& reply : candidates) {
      if (&reply != chosen) out.problems.push_back({"duplicate", id, reply.line, "a further result for this request"});
    }
    if (chosen->failed) {
      out.problems.push_back({"failed", id, chosen->line, chosen->content});
      continue;
    }
    if (trim(chosen->content).empty()) {
      out.problems.push_back({"empty", id, chosen->line, "the reply has no text"});
      continue;
    }
    ++out.answered;
    const RequestKey& key = request.key;
    const bool answers = key.task == Task::Color ? find_hex_colour(chosen->content).has_value()
                                                 : match_reply(chosen->content, key.choice1, key.choice2).has_value();
    if (!answers) {
      out.problems.push_back({"no_answer", id, chosen->line,
                              key.task == Task::Color ? "no #rrggbb code in the reply" : "the reply names neither choice"});
    }
    cells[request.row][static_cast<std::size_t>(key.presentation - 1)] = chosen->content;
  }

  CsvWriter csv;
  if (out.task == Task::Color) {
    csv.row({"model_name", "prompt", "temperature", "subject_num", "word", "generation1", "generation2"});
  } else {
    csv.row({"model_name", "prompt", "temperature", "subject_num", "target", "choice1", "choice2", "generation1",
             "generation2"});
  }
  for (std::size_t row = 0; row < row_first.size(); ++row) {
    const Request& r = *row_first[row];
    std::vector<std::string> fields = {r.model, to_string(r.key.condition), r.key.temperature,
                                       std::to_string(r.key.individual)};
    if (out.task == Task::Color) {
      fields.push_back(r.key.word);
    } else {
      fields.insert(fields.end(), {r.key.target, r.key.choice1, r.key.choice2});
    }
    fields.insert(fields.end(), {cells[row][0], cells[row][1]});
    csv.row(fields);
  }
  out.rows = row_first.size();
  out.csv = csv.text();
  return out;
}

nlohmann::json reply_summary(const ReplyImport& import) {
  json problems = json::array();
  for (const auto& p : import.problems) {
    problems.push_back({{"kind", p.kind}, {"custom_id", p.custom_id}, {"line", p.line}, {"detail", p.detail}});
  }
  return {{"task", to_string(import.task)},
          {"requests", import.requests},
          {"result_lines", import.result_lines},
          {"answered", import.answered},
          {"rows", import.rows},
          {"counts", import.counts()},
          {"problems", std::move(problems)}};
}

}  // namespace shoal::kit
