// The experiment kit in the browser: the paper's requests for any model, and
// the batch results read back into a file the analyses take. As with the
// analyses, options are plain value objects and every outcome, error
// included, is a value.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "error_value.hpp"
#include "file_bytes.hpp"
#include "kit/prompts.hpp"
#include "kit/replies.hpp"

using emscripten::val;
using shoal::wasm::read_bytes;

namespace {

struct PromptSettings {
  std::string task = "color";
  std::string condition = "none";
  std::string model;
  double individuals = 0;        // 0: the persona file's rows, else the paper's number
  std::string temperature;       // empty: left to the model
  double seed = 42;
  std::string personaAs = "user";
  std::string wording = "paper";
  std::string concepts = "animals";
};

struct KitOutcome {
  bool ok = false;
  std::string text;      // the request file (JSON Lines) or the replies (CSV)
  std::string summary;   // JSON: counts, and for replies every problem
  shoal::wasm::ErrorInfo error;
};

bool present(const val& v) { return !v.isUndefined() && !v.isNull(); }

KitOutcome failure(const std::exception& e) {
  KitOutcome outcome;
  outcome.error = shoal::wasm::error_info(e);
  return outcome;
}

std::size_t whole_number(double v, const char* what) {
  if (!(v >= 0.0) || v != std::floor(v) || v > 4294967295.0) {
    throw std::invalid_argument(std::string(what) + " must be a whole number from 0 to 4294967295");
  }
  return static_cast<std::size_t>(v);
}

// personaFile and wordsFile: {name, bytes} or null.
KitOutcome make_prompts(PromptSettings settings, val persona_file, val words_file) {
  try {
    shoal::kit::PromptOptions options;
    if (settings.task != "color" && settings.task != "concept") throw std::invalid_argument("unknown task '" + settings.task + "'");
    options.task = settings.task == "color" ? shoal::kit::Task::Color : shoal::kit::Task::Concept;
    const auto condition = shoal::kit::condition_from_string(settings.condition);
    if (!condition) throw std::invalid_argument("unknown condition '" + settings.condition + "'");
    options.condition = *condition;
    options.model = settings.model;
    options.individuals = whole_number(settings.individuals, "the number of individuals");
    if (!settings.temperature.empty()) {
      char* end = nullptr;
      const double t = std::strtod(settings.temperature.c_str(), &end);
      if (end != settings.temperature.c_str() + settings.temperature.size()) {
        throw std::invalid_argument("the temperature must be a number, got '" + settings.temperature + "'");
      }
      options.temperature = t;
    }
    options.seed = whole_number(settings.seed, "the seed");
    const auto placement = shoal::kit::persona_placement_from_string(settings.personaAs);
    if (!placement) throw std::invalid_argument("the persona goes in a user or a system message");
    options.persona_as = *placement;
    if (settings.wording != "paper" && settings.wording != "corrected") throw std::invalid_argument("unknown wording");
    options.wording = settings.wording == "paper" ? shoal::kit::Wording::Paper : shoal::kit::Wording::Corrected;
    if (options.task == shoal::kit::Task::Concept) options.concepts = shoal::kit::concept_list(settings.concepts);
    if (present(words_file) && options.task == shoal::kit::Task::Color) {
      options.words = shoal::kit::read_word_list(read_bytes(words_file));
    }
    if (present(persona_file) && options.condition != shoal::kit::Condition::None) {
      options.contexts = shoal::kit::read_persona_column(read_bytes(persona_file), options.condition);
    }
    auto batch = shoal::kit::batch_requests(options);
    KitOutcome outcome;
    outcome.ok = true;
    outcome.text = std::move(batch.jsonl);
    outcome.summary = nlohmann::json{{"requests", batch.requests}, {"individuals", batch.individuals}}.dump();
    return outcome;
  } catch (const std::exception& e) {
    return failure(e);
  }
}

KitOutcome import_replies(val requests_file, val results_file) {
  try {
    const auto import = shoal::kit::import_replies(read_bytes(requests_file), read_bytes(results_file));
    KitOutcome outcome;
    outcome.ok = true;
    outcome.text = import.csv;
    outcome.summary = shoal::kit::reply_summary(import).dump();
    return outcome;
  } catch (const std::exception& e) {
    return failure(e);
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(shoal_kit) {
  emscripten::value_object<PromptSettings>("PromptSettings")
      .field("task", &PromptSettings::task)
      .field("condition", &PromptSettings::condition)
      .field("model", &PromptSettings::model)
      .field("individuals", &PromptSettings::individuals)
      .field("temperature", &PromptSettings::temperature)
      .field("seed", &PromptSettings::seed)
      .field("personaAs", &PromptSettings::personaAs)
      .field("wording", &PromptSettings::wording)
      .field("concepts", &PromptSettings::concepts);
  emscripten::value_object<KitOutcome>("KitOutcome")
      .field("ok", &KitOutcome::ok)
      .field("text", &KitOutcome::text)
      .field("summary", &KitOutcome::summary)
      .field("error", &KitOutcome::error);
  emscripten::function("makePrompts", &make_prompts);
  emscripten::function("importReplies", &import_replies);
}
