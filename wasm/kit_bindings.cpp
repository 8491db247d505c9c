// The experiment kit in the browser: the paper's requests for any model, and
// the batch results read back into a file the analyses take. As with the
// analyses, settings are {name: text} by the names of `shoal prompts` and
// every outcome, error included, is a value.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "analysis/run_settings.hpp"
#include "kit/prompts.hpp"
#include "kit/replies.hpp"
#include "outcome.hpp"
#include "page_files.hpp"

using emscripten::val;
using shoal::wasm::Outcome;
using shoal::wasm::outcome_of;
using shoal::wasm::present;
using shoal::wasm::read_bytes;
using shoal::wasm::success;

namespace {

// settings: task, model, condition, persona-as, individuals, temperature,
// seed, and for the concept task wording and concepts, as the validator
// takes them. personaFile and wordsFile: {name, bytes} or null. report: the
// request file (JSON Lines); summary: its counts (JSON).
Outcome make_prompts(val settings, val persona_file, val words_file) {
  return outcome_of([&] {
    auto options = shoal::prompt_settings(shoal::wasm::setting_texts(settings));
    if (present(words_file) && options.task == shoal::kit::Task::Color) {
      options.words = shoal::kit::read_word_list(read_bytes(words_file));
    }
    if (present(persona_file) && options.condition != shoal::kit::Condition::None) {
      options.contexts = shoal::kit::read_persona_column(read_bytes(persona_file), options.condition);
    }
    auto batch = shoal::kit::batch_requests(options);
    return success(std::move(batch.jsonl), val::null(),
                   nlohmann::json{{"requests", batch.requests}, {"individuals", batch.individuals}}.dump());
  });
}

// The ranges and defaults of the request form's numeric fields (JSON).
Outcome prompt_limits() {
  return outcome_of([] { return success(shoal::prompt_option_limits().dump()); });
}

// report: the replies as a file to analyse (CSV); summary: counts and every
// problem (JSON).
Outcome import_replies(val requests_file, val results_file) {
  return outcome_of([&] {
    const auto import = shoal::kit::import_replies(read_bytes(requests_file), read_bytes(results_file));
    return success(import.csv, val::null(), shoal::kit::reply_summary(import).dump());
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(shoal_kit) {
  emscripten::function("makePrompts", &make_prompts);
  emscripten::function("importReplies", &import_replies);
  emscripten::function("promptLimits", &prompt_limits);
}
