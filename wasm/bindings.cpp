// The browser's door into the core: one entry point per analysis, options as
// plain value objects, inputs as (name, bytes) pairs, and every outcome —
// report or error — returned as a value the page can show. Nothing here
// computes; it only converts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

#include "color/color_report.hpp"
#include "color/diversity.hpp"
#include "color/responses.hpp"
#include "io/input_error.hpp"
#include "report/report_json.hpp"

using emscripten::val;

namespace {

struct ColorRequest {
  std::string format = "auto";
  std::string columns;       // "role=column" per line
  std::string population;
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
  std::string report;     // the JSON report, exactly as the CLI writes it
  ErrorInfo error;
};

// Files arrive as a JS array of {name: string, bytes: Uint8Array}; bytes are
// copied once into the heap so hashes cover exactly what the user dropped.
std::vector<shoal::TextInput> read_files(const val& files) {
  std::vector<shoal::TextInput> inputs;
  const auto length = files["length"].as<unsigned>();
  for (unsigned i = 0; i < length; ++i) {
    const val file = files[i];
    shoal::TextInput input;
    input.name = file["name"].as<std::string>();
    const val bytes = file["bytes"];
    input.content.resize(bytes["length"].as<std::size_t>());
    val view(emscripten::typed_memory_view(input.content.size(),
                                           reinterpret_cast<unsigned char*>(input.content.data())));
    view.call<void>("set", bytes);
    inputs.push_back(std::move(input));
  }
  return inputs;
}

std::map<std::string, std::string> parse_column_mappings(const std::string& text) {
  std::map<std::string, std::string> columns;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const auto eq = line.find('=');
    if (eq == std::string::npos || eq == 0) throw std::invalid_argument("column mapping must be role=column: " + line);
    columns[line.substr(0, eq)] = line.substr(eq + 1);
    start = end + 1;
  }
  return columns;
}

template <typename T>
T require_choice(std::optional<T> parsed, const std::string& option, const std::string& value) {
  if (!parsed) throw std::invalid_argument("unknown " + option + " '" + value + "'");
  return *parsed;
}

Outcome failure(std::string message) {
  Outcome outcome;
  outcome.error.message = std::move(message);
  return outcome;
}

Outcome analyse_color(val files, ColorRequest request) {
  try {
    shoal::ColorInputOptions input_options;
    input_options.format = require_choice(shoal::color_format_from_string(request.format), "format", request.format);
    input_options.columns = parse_column_mappings(request.columns);
    input_options.population = request.population;
    shoal::ColorOptions options;
    options.pairs = require_choice(shoal::pair_rule_from_string(request.pairs), "pair rule", request.pairs);
    options.formula = require_choice(shoal::delta_e_formula_from_string(request.deltaE), "ΔE formula", request.deltaE);
    options.reference = request.reference;
    options.seed = static_cast<std::uint64_t>(request.seed);
    options.jsd_samples = static_cast<std::size_t>(request.jsdSamples);

    const auto dataset = shoal::load_color_inputs(read_files(files), input_options);
    const auto analysis = shoal::analyse_color(dataset, options);
    Outcome outcome;
    outcome.ok = true;
    outcome.report = shoal::color_report(dataset, input_options, analysis).dump(1) + "\n";
    return outcome;
  } catch (const shoal::InputError& e) {
    Outcome outcome = failure(e.what());
    outcome.error.file = e.file();
    outcome.error.row = static_cast<double>(e.row());
    outcome.error.column = e.column();
    return outcome;
  } catch (const std::exception& e) {
    return failure(e.what());
  }
}

std::string version() { return shoal::tool_version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(shoal) {
  emscripten::value_object<ColorRequest>("ColorRequest")
      .field("format", &ColorRequest::format)
      .field("columns", &ColorRequest::columns)
      .field("population", &ColorRequest::population)
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
      .field("error", &Outcome::error);
  emscripten::function("analyseColor", &analyse_color);
  emscripten::function("version", &version);
}
