#include "kit/prompts.hpp"

#include <random>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/csv.hpp"
#include "io/gzip.hpp"
#include "io/input_error.hpp"
#include "io/utf8.hpp"
#include "kit/color_words.hpp"
#include "kit/custom_id.hpp"

namespace shoal::kit {
namespace {

using ordered_json = nlohmann::ordered_json;

class RequestWriter {
 public:
  explicit RequestWriter(const PromptOptions& options) : options_(options) {}

  void add(const RequestKey& key, const std::string& question, const std::string* context) {
    ordered_json messages = ordered_json::array();
    if (context && options_.persona_as == PersonaPlacement::System) {
      messages.push_back({{"role", "system"}, {"content", *context}});
      messages.push_back({{"role", "user"}, {"content", question}});
    } else {
      messages.push_back({{"role", "user"}, {"content", context ? *context + " " + question : question}});
    }
    ordered_json body = {{"model", options_.model}, {"messages", std::move(messages)}};
    if (options_.temperature) body["temperature"] = *options_.temperature;
    body["max_tokens"] = kMaxTokens;
    const ordered_json line = {{"custom_id", encode_custom_id(key)},
                               {"method", "POST"},
                               {"url", "/v1/chat/completions"},
                               {"body", std::move(body)}};
    batch_.jsonl += line.dump();
    batch_.jsonl += '\n';
    ++batch_.requests;
  }

  RequestBatch take() { return std::move(batch_); }

 private:
  const PromptOptions& options_;
  RequestBatch batch_;
};

void require_distinct(const std::vector<std::string>& names, const char* what) {
  std::set<std::string> seen;
  for (const auto& name : names) {
    if (trim(name).empty()) throw std::invalid_argument(std::string("an empty name among the ") + what);
    if (invalid_utf8_at(name) != std::string_view::npos) {
      throw std::invalid_argument(std::string("the ") + what + " must be UTF-8 text");
    }
    if (!seen.insert(name).second) throw std::invalid_argument(std::string("'") + name + "' is listed twice among the " + what);
  }
}

}  // namespace

std::optional<PersonaPlacement> persona_placement_from_string(const std::string& text) {
  if (text == "user") return PersonaPlacement::User;
  if (text == "system") return PersonaPlacement::System;
  return std::nullopt;
}

std::vector<std::size_t> assign_targets(std::uint32_t seed, std::size_t individuals, std::size_t concepts) {
  if (concepts == 0) throw std::invalid_argument("no concepts to draw targets from");
  // numpy's legacy bounded draw: mask the 32-bit output to the smallest
  // power of two above the largest index and reject values beyond it.
  const std::uint32_t largest = static_cast<std::uint32_t>(concepts - 1);
  std::uint32_t mask = largest;
  for (int shift = 1; shift < 32; shift <<= 1) mask |= mask >> shift;
  std::mt19937 twister(seed);
  std::vector<std::size_t> targets(individuals);
  for (auto& target : targets) {
    std::uint32_t value = 0;
    do {
      value = static_cast<std::uint32_t>(twister()) & mask;
    } while (value > largest);
    target = value;
  }
  return targets;
}

std::vector<std::string> concept_list(const std::string& text) {
  if (text == "animals") return animal_concepts();
  if (text == "politicians") return politician_concepts();
  std::vector<std::string> names;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    names.emplace_back(trim(std::string_view(text).substr(start, comma == std::string::npos ? std::string::npos
                                                                                             : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return names;
}

std::vector<std::string> read_word_list(const TextInput& file) {
  const std::string text = is_gzip(file.content) ? gunzip(file.content, file.name, gzip_budget(file.content.size())) : file.content;
  const auto bad = invalid_utf8_at(text);
  if (bad != std::string_view::npos) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    throw InputError(file.name, line, "", "the word list is not UTF-8 text");
  }
  std::vector<std::string> words;
  std::set<std::string> seen;
  std::size_t line = 0, start = 0;
  while (start < text.size()) {
    ++line;
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string word(trim(std::string_view(text).substr(start, end - start)));
    if (line == 1 && word.rfind("\xEF\xBB\xBF", 0) == 0) word = std::string(trim(word.substr(3)));
    start = end + 1;
    if (word.empty()) continue;
    if (!seen.insert(word).second) throw InputError(file.name, line, "", "the word '" + word + "' is listed twice");
    words.push_back(std::move(word));
  }
  if (words.empty()) throw InputError(file.name, 0, "", "the word list is empty (expected one word per line)");
  return words;
}

RequestBatch batch_requests(const PromptOptions& options) {
  const bool needs_context = options.condition != Condition::None;
  if (needs_context && options.contexts.empty() && options.condition != Condition::Identity) {
    throw std::invalid_argument(std::string("the ") + to_string(options.condition) +
                                " condition needs a persona file with a '" + to_string(options.condition) +
                                "' column (only identity personas can be generated)");
  }
  const bool from_file = needs_context && !options.contexts.empty();
  std::size_t individuals = options.individuals;
  if (individuals == 0) {
    individuals = from_file ? options.contexts.size()
                            : options.task == Task::Color ? kPaperColorIndividuals : kPaperConceptIndividuals;
  }
  if (from_file && individuals > options.contexts.size()) {
    throw std::invalid_argument(std::to_string(individuals) + " individuals asked for, but the persona file has " +
                                std::to_string(options.contexts.size()) + " rows (one per individual)");
  }
  std::vector<std::string> generated;
  auto context_of = [&](std::size_t i) -> const std::string* {
    if (!needs_context) return nullptr;
    if (from_file) return &options.contexts[i];
    generated.assign(1, generated_identity(options.seed, i));
    return &generated[0];
  };

  RequestKey key;
  key.task = options.task;
  key.condition = options.condition;
  key.temperature = options.temperature ? temperature_label(*options.temperature) : "default";
  RequestWriter writer(options);
  if (options.task == Task::Color) {
    const auto& words = options.words.empty() ? paper_color_words() : options.words;
    require_distinct(words, "words");
    for (std::size_t i = 0; i < individuals; ++i) {
      const std::string* context = context_of(i);
      key.individual = i;
      for (int block = 1; block <= 2; ++block) {
        key.presentation = block;
        for (const auto& word : words) {
          key.word = word;
          writer.add(key, color_question(word), context);
        }
      }
    }
  } else {
    const auto& concepts = options.concepts.empty() ? animal_concepts() : options.concepts;
    require_distinct(concepts, "concepts");
    if (concepts.size() < 3) throw std::invalid_argument("at least 3 concepts are needed (a target and a pair)");
    const auto targets = assign_targets(options.seed, individuals, concepts.size());
    for (std::size_t i = 0; i < individuals; ++i) {
      const std::string* context = context_of(i);
      key.individual = i;
      key.target = concepts[targets[i]];
      std::vector<const std::string*> others;
      for (const auto& c : concepts) {
        if (&c != &concepts[targets[i]]) others.push_back(&c);
      }
      for (std::size_t a = 0; a < others.size(); ++a) {
        for (std::size_t b = a + 1; b < others.size(); ++b) {
          key.choice1 = *others[a];
          key.choice2 = *others[b];
          key.presentation = 1;
          writer.add(key, concept_question(key.target, key.choice1, key.choice2, options.wording), context);
          key.presentation = 2;
          writer.add(key, concept_question(key.target, key.choice2, key.choice1, options.wording), context);
        }
      }
    }
  }
  RequestBatch batch = writer.take();
  batch.individuals = individuals;
  return batch;
}

}  // namespace shoal::kit
