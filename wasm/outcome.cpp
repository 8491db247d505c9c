#include "outcome.hpp"

#include <emscripten/bind.h>

#include <new>

#include "io/input_error.hpp"

namespace shoal::wasm {

using emscripten::val;

ErrorInfo error_info(const std::exception& e) {
  ErrorInfo error;
  error.message = e.what();
  if (dynamic_cast<const std::bad_alloc*>(&e)) {
    error.message = "the input is too large for the memory this browser gives the page (" + std::string(e.what()) +
                    "); analyse it with the command-line tool instead";
  }
  if (const auto* input = dynamic_cast<const InputError*>(&e)) {
    error.file = input->file();
    error.row = static_cast<double>(input->row());
    error.column = input->column();
  }
  return error;
}

Outcome success(const std::string& report, val data, std::string summary) {
  Outcome outcome = success_text(val(report), std::move(data));
  outcome.summary = std::move(summary);
  return outcome;
}

Outcome success_text(val report, val data) {
  Outcome outcome;
  outcome.ok = true;
  if (report.isArray()) {
    outcome.report_parts = std::move(report);
  } else {
    outcome.report = std::move(report);
  }
  outcome.data = std::move(data);
  return outcome;
}

OptionValues setting_texts(const val& object) {
  OptionValues values;
  if (object.isUndefined() || object.isNull()) return values;
  const val names = val::global("Object").call<val>("keys", object);
  for (unsigned i = 0; i < names["length"].as<unsigned>(); ++i) {
    const std::string name = names[i].as<std::string>();
    const val v = object[name];
    // Text only, as typed: a number converted here could read back as
    // another number than the user wrote.
    if (!v.isString()) throw OptionError(name + " must be given as text");
    values[name] = v.as<std::string>();
  }
  return values;
}

}  // namespace shoal::wasm

EMSCRIPTEN_BINDINGS(shoal_outcome) {
  using shoal::wasm::ErrorInfo;
  using shoal::wasm::Outcome;
  emscripten::value_object<ErrorInfo>("ErrorInfo")
      .field("file", &ErrorInfo::file)
      .field("row", &ErrorInfo::row)
      .field("column", &ErrorInfo::column)
      .field("setting", &ErrorInfo::setting)
      .field("message", &ErrorInfo::message);
  emscripten::value_object<Outcome>("Outcome")
      .field("ok", &Outcome::ok)
      .field("report", &Outcome::report)
      .field("reportParts", &Outcome::report_parts)
      .field("summary", &Outcome::summary)
      .field("error", &Outcome::error)
      .field("data", &Outcome::data);
}
