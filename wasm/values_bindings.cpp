// Numeric answers in the browser: the same report as `shoal values`, every
// outcome (error included) returned as a value.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "analysis/run_settings.hpp"
#include "compare/comparison.hpp"
#include "outcome.hpp"
#include "page_files.hpp"
#include "report/comparison_report.hpp"
#include "report/values_report.hpp"
#include "values/analysis.hpp"

using emscripten::val;

namespace {

// settings: {name: text} by the names of `shoal values`.
shoal::wasm::Outcome analyse_values(val files, val settings_text) {
  return shoal::wasm::outcome_of([&] {
    const auto settings = shoal::values_run_settings(shoal::wasm::setting_texts(settings_text));
    std::vector<shoal::TextInput> inputs;
    std::vector<shoal::ValuesInputOptions> input_options;
    shoal::wasm::read_files(files, inputs, input_options, shoal::values_input_options, "numeric answers",
                            shoal::values_roles());
    const auto dataset = shoal::load_values_inputs(inputs, input_options);
    const auto analysis = shoal::analyse_values(dataset, settings.options);
    const auto comparisons = shoal::compare_values(analysis, {settings.bootstrap, settings.options.seed});
    const auto file = shoal::analysis_file_json(shoal::define_analysis(
        shoal::Analysis::Values, shoal::wasm::setting_texts(settings_text), shoal::wasm::analysis_inputs(files)));
    return shoal::wasm::success(
        shoal::values_report(dataset, input_options, analysis, shoal::comparison_json(comparisons), file).dump(1) +
        "\n");
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(shoal_values) {
  emscripten::function("analyseValues", &analyse_values);
}
