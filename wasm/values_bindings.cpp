// Numeric answers in the browser: the same report as `shoal values`, every
// outcome (error included) returned as a value.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "analysis/run_settings.hpp"
#include "compare/comparison.hpp"
#include "error_value.hpp"
#include "page_files.hpp"
#include "report/comparison_report.hpp"
#include "report/values_report.hpp"
#include "values/analysis.hpp"

using emscripten::val;

namespace {

struct ValuesRequest {
  std::string pairs = "all";
  std::string scale = "pooled-sd";
  std::string unit;
  double seed = 1;
  double bootstrap = 2000;
};

struct ValuesOutcome {
  bool ok = false;
  std::string report;   // JSON, exactly as the CLI writes it
  shoal::wasm::ErrorInfo error;
};

// The request's fields as the command line would give them, for the shared
// validator: same limits, same messages.
shoal::ValuesRunSettings values_settings(const ValuesRequest& request) {
  return shoal::values_run_settings({{"pairs", request.pairs},
                                     {"scale", request.scale},
                                     {"unit", request.unit},
                                     {"seed", shoal::number_text(request.seed)},
                                     {"bootstrap", shoal::number_text(request.bootstrap)}});
}

ValuesOutcome analyse_values(val files, ValuesRequest request) {
  ValuesOutcome outcome;
  try {
    const auto settings = values_settings(request);
    std::vector<shoal::TextInput> inputs;
    std::vector<shoal::ValuesInputOptions> input_options;
    shoal::wasm::read_files(files, inputs, input_options, shoal::values_input_options, "numeric answers",
                            shoal::values_roles());
    const auto dataset = shoal::load_values_inputs(inputs, input_options);
    const auto analysis = shoal::analyse_values(dataset, settings.options);
    const auto comparisons = shoal::compare_values(analysis, {settings.bootstrap, settings.options.seed});
    outcome.report =
        shoal::values_report(dataset, input_options, analysis, shoal::comparison_json(comparisons)).dump(1) + "\n";
    outcome.ok = true;
  } catch (const std::exception& e) {
    outcome.error = shoal::wasm::error_info(e);
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
  emscripten::value_object<ValuesOutcome>("ValuesOutcome")
      .field("ok", &ValuesOutcome::ok)
      .field("report", &ValuesOutcome::report)
      .field("error", &ValuesOutcome::error);
  emscripten::function("analyseValues", &analyse_values);
}
