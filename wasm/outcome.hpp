#pragma once
#include <emscripten/val.h>

#include <exception>
#include <string>
#include <utility>

#include "analysis/run_settings.hpp"

namespace shoal::wasm {

// What went wrong, as every entry point of the module hands it to the page:
// the place in the input (empty file and row 0 when the problem is not in
// one), the setting it is about (by its command-line name, when one alone
// is at fault) and the message. Registered once with Embind as "ErrorInfo".
struct ErrorInfo {
  std::string file;
  double row = 0;   // a JavaScript number
  std::string column;
  std::string setting;
  std::string message;
};

// What every entry point returns, error included. Registered once as
// "Outcome".
struct Outcome {
  bool ok = false;
  // The result as text: a report exactly as the CLI writes it, an
  // inspection, a plan, the kit's requests (JSON Lines) or replies (CSV).
  // A JavaScript string: a report is handed over as it is written (see
  // js_text.hpp), never held whole in the module.
  emscripten::val report = emscripten::val(std::string());
  // A report longer than a string may be: its parts in order (report is
  // then empty); else null.
  emscripten::val report_parts = emscripten::val::null();
  std::string summary;   // JSON beside the text: the kit's counts and problems
  ErrorInfo error;
  // Numbers that are not in the report, as a typed view into the module's
  // memory: valid until the next call, so callers copy it at once.
  emscripten::val data = emscripten::val::null();
};

// The error value of a caught exception: an InputError's place, and for an
// allocation failure the advice the browser's memory limit calls for.
ErrorInfo error_info(const std::exception& e);

Outcome success(const std::string& report, emscripten::val data = emscripten::val::null(), std::string summary = {});
// The same with the text already a JavaScript string.
Outcome success_text(emscripten::val report, emscripten::val data = emscripten::val::null());

// The outcome of `work`, or of the exception it threw: the one place an
// exception becomes a value the page can show.
template <typename Work>
Outcome outcome_of(Work&& work) {
  try {
    return std::forward<Work>(work)();
  } catch (const std::exception& e) {
    Outcome outcome;
    outcome.error = error_info(e);
    return outcome;
  }
}

// Settings as the page gives them, {name: text} by command-line name: the
// map the validators take. A value that is not text is refused by name.
OptionValues setting_texts(const emscripten::val& object);

}  // namespace shoal::wasm
