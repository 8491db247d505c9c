// The browser's door into the core: one entry point per analysis, options as
// plain value objects, inputs as (name, bytes, settings) records, and every
// outcome — report or error — returned as a value the page can show.
// Nothing here computes; it only converts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/inspect.hpp"
#include "color/answers.hpp"
#include "color/color_report.hpp"
#include "color/diversity.hpp"
#include "color/responses.hpp"
#include "io/input_error.hpp"
#include "report/report_json.hpp"

using emscripten::val;

namespace {

struct ColorRequest {
  std::string pairs = "all";
  std::string deltaE = "cie76";
  std::string reference;
  double seed = 1;
  double jsdSamples = 20000;
};

struct ErrorInfo {
  std::string file;
  double row = 0;
  std::string column;
  std::string message;
};

struct Outcome {
  bool ok = false;
  std::string report;   // JSON: the report exactly as the CLI writes it, or an inspection
  ErrorInfo error;
  // Figure data that is not in the report, as a typed view into the module's
  // memory: valid until the next call, so callers copy it at once.
  val data = val::null();
};

// Buffers behind the typed views handed out; kept until the next call.
std::vector<std::uint8_t> g_view_buffer;

std::string string_field(const val& object, const char* name) {
  const val v = object[name];
  return v.isString() ? v.as<std::string>() : std::string();
}

shoal::TextInput read_bytes(const val& file) {
  shoal::TextInput input;
  input.name = file["name"].as<std::string>();
  const val bytes = file["bytes"];
  input.content.resize(bytes["length"].as<std::size_t>());
  val view(emscripten::typed_memory_view(input.content.size(),
                                         reinterpret_cast<unsigned char*>(input.content.data())));
  view.call<void>("set", bytes);
  return input;
}

// A file's settings: {format, columns: {role: column}, labels: {name, model,
// prompt, temperature, human}}, every field optional.
shoal::ColorInputOptions read_color_settings(const val& file) {
  shoal::ColorInputOptions options;
  const val settings = file["settings"];
  if (settings.isUndefined() || settings.isNull()) return options;
  const std::string format = string_field(settings, "format");
  if (!format.empty()) {
    const auto parsed = shoal::color_format_from_string(format);
    if (!parsed) throw std::invalid_argument("unknown colour format '" + format + "'");
    options.format = *parsed;
  }
  const val columns = settings["columns"];
  if (!columns.isUndefined() && !columns.isNull()) {
    const val roles = val::global("Object").call<val>("keys", columns);
    for (unsigned i = 0; i < roles["length"].as<unsigned>(); ++i) {
      const std::string role = roles[i].as<std::string>();
      const std::string column = string_field(columns, role.c_str());
      if (!column.empty()) options.columns[role] = column;
    }
  }
  const val labels = settings["labels"];
  if (!labels.isUndefined() && !labels.isNull()) {
    options.labels.name = string_field(labels, "name");
    options.labels.model = string_field(labels, "model");
    options.labels.prompt = string_field(labels, "prompt");
    options.labels.temperature = string_field(labels, "temperature");
    const val human = labels["human"];
    if (human.isTrue() || human.isFalse()) options.labels.human = human.isTrue();
  }
  return options;
}

template <typename T>
T require_choice(std::optional<T> parsed, const std::string& option, const std::string& value) {
  if (!parsed) throw std::invalid_argument("unknown " + option + " '" + value + "'");
  return *parsed;
}

Outcome failure(const std::exception& e) {
  Outcome outcome;
  outcome.error.message = e.what();
  if (const auto* input = dynamic_cast<const shoal::InputError*>(&e)) {
    outcome.error.file = input->file();
    outcome.error.row = static_cast<double>(input->row());
    outcome.error.column = input->column();
  }
  return outcome;
}

Outcome inspect_file(val file) {
  try {
    Outcome outcome;
    outcome.ok = true;
    outcome.report = shoal::inspect_input(read_bytes(file), read_color_settings(file)).dump();
    return outcome;
  } catch (const std::exception& e) {
    return failure(e);
  }
}

// files: [{name, bytes: Uint8Array, settings}]. On success `data` is a
// Uint8Array of every valid answer (see color_answer_records).
Outcome analyse_color(val files, ColorRequest request) {
  try {
    std::vector<shoal::TextInput> inputs;
    std::vector<shoal::ColorInputOptions> input_options;
    for (unsigned i = 0; i < files["length"].as<unsigned>(); ++i) {
      inputs.push_back(read_bytes(files[i]));
      input_options.push_back(read_color_settings(files[i]));
    }
    shoal::ColorOptions options;
    options.pairs = require_choice(shoal::pair_rule_from_string(request.pairs), "pair rule", request.pairs);
    options.formula = require_choice(shoal::delta_e_formula_from_string(request.deltaE), "ΔE formula", request.deltaE);
    options.reference = request.reference;
    options.seed = static_cast<std::uint64_t>(request.seed);
    options.jsd_samples = static_cast<std::size_t>(request.jsdSamples);

    const auto dataset = shoal::load_color_inputs(inputs, input_options);
    const auto analysis = shoal::analyse_color(dataset, options);
    Outcome outcome;
    outcome.ok = true;
    outcome.report = shoal::color_report(dataset, input_options, analysis).dump(1) + "\n";
    g_view_buffer = shoal::color_answer_records(dataset, analysis);
    outcome.data = val(emscripten::typed_memory_view(g_view_buffer.size(), g_view_buffer.data()));
    return outcome;
  } catch (const std::exception& e) {
    return failure(e);
  }
}

std::string version() { return shoal::tool_version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(shoal) {
  emscripten::value_object<ColorRequest>("ColorRequest")
      .field("pairs", &ColorRequest::pairs)
      .field("deltaE", &ColorRequest::deltaE)
      .field("reference", &ColorRequest::reference)
      .field("seed", &ColorRequest::seed)
      .field("jsdSamples", &ColorRequest::jsdSamples);
  emscripten::value_object<ErrorInfo>("ErrorInfo")
      .field("file", &ErrorInfo::file)
      .field("row", &ErrorInfo::row)
      .field("column", &ErrorInfo::column)
      .field("message", &ErrorInfo::message);
  emscripten::value_object<Outcome>("Outcome")
      .field("ok", &Outcome::ok)
      .field("report", &Outcome::report)
      .field("error", &Outcome::error)
      .field("data", &Outcome::data);
  emscripten::function("inspectFile", &inspect_file);
  emscripten::function("analyseColor", &analyse_color);
  emscripten::function("version", &version);
}
