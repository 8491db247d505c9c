// The experiment kit in the browser: the paper's requests for any model, and
// the batch results read back into a file the analyses take. As with the
// analyses, options are plain value objects and every outcome, error
// included, is a value.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "analysis/run_settings.hpp"
#include "error_value.hpp"
#include "page_files.hpp"
#include "kit/prompts.hpp"
#include "kit/replies.hpp"

using emscripten::val;
using shoal::wasm::present;
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
  std::string text;      // the request file (JSON Lines), the replies (CSV) or the form's limits (JSON)
  std::string summary;   // JSON: counts, and for replies every problem
  shoal::wasm::ErrorInfo error;
};

KitOutcome failure(const std::exception& e) {
  KitOutcome outcome;
  outcome.error = shoal::wasm::error_info(e);
  return outcome;
}

// The form's fields as the command line would give them, for the shared
// validator: same limits, same messages. Wording and concepts belong to the
// concept task alone.
shoal::kit::PromptOptions prompt_options(const PromptSettings& s) {
  shoal::OptionValues values{{"task", s.task},
                             {"model", s.model},
                             {"condition", s.condition},
                             {"persona-as", s.personaAs},
                             {"individuals", shoal::number_text(s.individuals)},
                             {"temperature", s.temperature},
                             {"seed", shoal::number_text(s.seed)}};
  if (s.task == "concept") {
    values["wording"] = s.wording;
    values["concepts"] = s.concepts;
  }
  return shoal::prompt_settings(values);
}

// personaFile and wordsFile: {name, bytes} or null.
KitOutcome make_prompts(PromptSettings settings, val persona_file, val words_file) {
  try {
    auto options = prompt_options(settings);
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

// The ranges and defaults of the request form's numeric fields (JSON).
KitOutcome prompt_limits() {
  KitOutcome outcome;
  outcome.ok = true;
  outcome.text = shoal::prompt_option_limits().dump();
  return outcome;
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
  emscripten::function("promptLimits", &prompt_limits);
}
