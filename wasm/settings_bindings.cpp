// The analysis form's settings in the browser: the registry of every
// setting (name, kind, default, limits, help), and the check the command
// line makes of them, run on the text the user typed before any analysis
// starts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <functional>
#include <string>

#include "analysis/analysis_file.hpp"
#include "analysis/run_settings.hpp"
#include "analysis/settings.hpp"
#include "outcome.hpp"
#include "page_files.hpp"

using emscripten::val;
using shoal::wasm::Outcome;

namespace {

using Validator = std::function<void(const shoal::OptionValues&)>;

std::string refusal(const Validator& validate, const shoal::OptionValues& values) {
  try {
    validate(values);
    return {};
  } catch (const shoal::OptionError& e) {
    return e.what();
  }
}

// The refusal, if any; the setting at fault is the one that, given alone
// (the others at their defaults), is refused with the same words.
Outcome check(const Validator& validate, const shoal::OptionValues& values) {
  Outcome outcome;
  outcome.error.message = refusal(validate, values);
  outcome.ok = outcome.error.message.empty();
  if (outcome.ok) return outcome;
  for (const auto& entry : values) {
    if (refusal(validate, {entry}) == outcome.error.message) {
      outcome.error.setting = entry.first;
      break;
    }
  }
  return outcome;
}

// settings: {color: {name: text}, concept: {name: text}}, names as on the
// command line without the dashes; the colour settings are checked first.
Outcome check_settings(val settings) {
  return shoal::wasm::outcome_of([&] {
    const auto color = check([](const shoal::OptionValues& v) { shoal::color_run_settings(v); },
                             shoal::wasm::setting_texts(settings["color"]));
    if (!color.ok) return color;
    return check([](const shoal::OptionValues& v) { shoal::concept_run_settings(v); },
                 shoal::wasm::setting_texts(settings["concept"]));
  });
}

// Every setting of every analysis, as the command line's --help states it
// (JSON; see settings_json).
std::string settings_registry() { return shoal::settings_json().dump(); }

// The numeric settings' ranges and defaults of the page's form (JSON).
std::string option_limits() { return shoal::option_limits().dump(); }

// The analysis file (analysis/analysis_file.hpp) of running `analysis`
// ("color", "concept", "values") on `files` with `settings`, as the report
// of that run will hold it: JSON text.
Outcome analysis_file(std::string analysis, val files, val settings) {
  return shoal::wasm::outcome_of([&] {
    const auto file = shoal::define_analysis(shoal::analysis_from_name(analysis), shoal::wasm::setting_texts(settings),
                                             shoal::wasm::analysis_inputs(files));
    return shoal::wasm::success(shoal::analysis_file_json(file).dump(1) + "\n");
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(shoal_settings) {
  emscripten::function("analysisFile", &analysis_file);
  emscripten::function("checkSettings", &check_settings);
  emscripten::function("settingsRegistry", &settings_registry);
  emscripten::function("optionLimits", &option_limits);
}
