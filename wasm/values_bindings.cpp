// Numeric answers in the browser: the same report as `shoal values`, every
// outcome (error included) returned as a value.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "compare/comparison.hpp"
#include "io/input_error.hpp"
#include "values/analysis.hpp"
#include "values/values_report.hpp"

using emscripten::val;

namespace {

struct ValuesRequest {
  std::string pairs = "all";
  std::string scale = "pooled-sd";
  std::string unit;
  double seed = 1;
  double bootstrap = 2000;
};

struct ValuesError {
  std::string file;
  double row = 0;
  std::string column;
  std::string message;
};

struct ValuesOutcome {
  bool ok = false;
  std::string report;   // JSON, exactly as the CLI writes it
  ValuesError error;
};

bool present(const val& v) { return !v.isUndefined() && !v.isNull(); }

// {name, bytes, settings?: {labels?: {name}}}: the population name is the one
// setting a numeric file takes from the page.
shoal::TextInput read_input(const val& file, shoal::ValuesInputOptions& options) {
  shoal::TextInput input;
  input.name = file["name"].as<std::string>();
  const val bytes = file["bytes"];
  input.content.resize(bytes["length"].as<std::size_t>());
  val(emscripten::typed_memory_view(input.content.size(), reinterpret_cast<unsigned char*>(input.content.data())))
      .call<void>("set", bytes);
  const val settings = file["settings"];
  if (present(settings) && present(settings["labels"]) && settings["labels"]["name"].isString()) {
    options.labels.name = settings["labels"]["name"].as<std::string>();
  }
  return input;
}

std::uint64_t whole(double v, const char* name) {
  if (!(v >= 0.0) || v != static_cast<double>(static_cast<std::uint64_t>(v)) || v > 9007199254740991.0) {
    throw std::invalid_argument(std::string(name) + " must be a whole number");
  }
  return static_cast<std::uint64_t>(v);
}

ValuesOutcome analyse_values(val files, ValuesRequest request) {
  ValuesOutcome outcome;
  try {
    std::vector<shoal::TextInput> inputs;
    std::vector<shoal::ValuesInputOptions> input_options;
    for (unsigned i = 0; i < files["length"].as<unsigned>(); ++i) {
      input_options.emplace_back();
      inputs.push_back(read_input(files[i], input_options.back()));
    }
    shoal::ValuesOptions options;
    const auto rule = shoal::pair_rule_from_string(request.pairs);
    if (!rule) throw std::invalid_argument("unknown pair rule '" + request.pairs + "'");
    options.pairs = *rule;
    const auto scale = shoal::value_scale_from_string(request.scale);
    if (!scale) throw std::invalid_argument("unknown scale '" + request.scale + "'");
    options.scale = *scale;
    options.unit = request.unit;
    options.seed = whole(request.seed, "the seed");
    const auto dataset = shoal::load_values_inputs(inputs, input_options);
    const auto analysis = shoal::analyse_values(dataset, options);
    const auto comparisons = shoal::compare_values(analysis, {static_cast<std::size_t>(whole(request.bootstrap, "bootstrap draws")), options.seed});
    outcome.report =
        shoal::values_report(dataset, input_options, analysis, shoal::comparison_json(comparisons)).dump(1) + "\n";
    outcome.ok = true;
  } catch (const shoal::InputError& e) {
    outcome.error = {e.file(), static_cast<double>(e.row()), e.column(), e.what()};
  } catch (const std::exception& e) {
    outcome.error.message = e.what();
  }
  return outcome;
}

}  // namespace

EMSCRIPTEN_BINDINGS(shoal_values) {
  emscripten::value_object<ValuesRequest>("ValuesRequest")
      .field("pairs", &ValuesRequest::pairs)
      .field("scale", &ValuesRequest::scale)
      .field("unit", &ValuesRequest::unit)
      .field("seed", &ValuesRequest::seed)
      .field("bootstrap", &ValuesRequest::bootstrap);
  emscripten::value_object<ValuesError>("ValuesError")
      .field("file", &ValuesError::file)
      .field("row", &ValuesError::row)
      .field("column", &ValuesError::column)
      .field("message", &ValuesError::message);
  emscripten::value_object<ValuesOutcome>("ValuesOutcome")
      .field("ok", &ValuesOutcome::ok)
      .field("report", &ValuesOutcome::report)
      .field("error", &ValuesOutcome::error);
  emscripten::function("analyseValues", &analyse_values);
}
