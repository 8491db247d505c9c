#include <cstdio>
#include <iomanip>

#include "cli/analysis_command.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "compare/comparison.hpp"
#include "report/comparison_report.hpp"
#include "report/values_report.hpp"
#include "values/analysis.hpp"
#include "values/responses.hpp"

namespace shoal::cli {
namespace {

struct ValuesCommand {
  using InputOptions = ValuesInputOptions;

  static const AnalysisCommandText& text() {
    static const AnalysisCommandText text{Analysis::Values, R"(Usage: shoal values FILE... [options]

Numeric answers ("how many...", "how likely...", ratings, vectors): for every
population and item, internal distance (one individual's two answers) against
population distance (answers of two different individuals), the distance from
the line of unity, per-population means with 95% intervals and the
regression of internal on population distance; the colour task's method with
Euclidean distance. Populations are compared as in shoal color ("comparisons"
in the report), with the per-item distance in the mixed models.

Input (CSV; comma, semicolon or tab separated):
  population, individual, item, block (1|2), value
  or value_1 ... value_d for answers that are vectors; optional model,
  prompt, temperature, family and aligned columns label LLM populations.
  An empty or NA value is a missing answer (counted, not analysed).

)",
                                          "items", "auto or long", "", &values_roles()};
    return text;
  }
  static std::optional<InputOptions> input_options(const InputSettings& s) { return values_input_options(s); }
  static ValuesRunSettings check(const OptionValues& values) { return values_run_settings(values); }

  ValuesDataset dataset;
  ValuesAnalysis analysis;
  ComparisonResult comparisons;

  void analyse(std::vector<TextInput> inputs, const CompanionFiles&, const std::vector<InputOptions>& input_options,
               const ValuesRunSettings& settings, const TaskRunner& run_tasks) {
    dataset = load_values_inputs(inputs, input_options);
    analysis = analyse_values(dataset, settings.options, {}, run_tasks);
    comparisons = compare_values(analysis, {settings.bootstrap, settings.options.seed});
  }

  void write_report(std::ostream& out, const std::vector<InputOptions>& input_options,
                    const nlohmann::json& analysis_file) const {
    out << std::setw(1) << values_report(dataset, input_options, analysis, comparison_json(comparisons), analysis_file) << "\n";
  }

  nlohmann::json manuscript(const std::vector<InputOptions>& input_options) const {
    return values_report(dataset, input_options, analysis, comparison_json(comparisons))["manuscript"];
  }

  std::vector<std::pair<std::string, std::string>> tables() const { return {}; }

  void print_summary() const {
    for (const auto& p : analysis.populations) {
      const auto& d = p.summary.dist_from_diagonal;
      say(formatted("%-40s %4zu individuals %4zu items  distance from diagonal %.4f [%.4f, %.4f]  valid %zu/%zu\n",
                   p.label.name.c_str(), p.individuals, p.summary.items_analysed, d.mean, d.low, d.high,
                   p.valid_responses, p.valid_responses + p.invalid_responses));
    }
    print_input_issues(dataset.issues);
    say(comparison_summary(comparisons));
  }
};

}  // namespace

int run_values(const std::vector<std::string>& args) { return run_analysis_command<ValuesCommand>(args); }

int execute_values_run(PreparedRun run, const RunOutputs& outputs) {
  return execute_run<ValuesCommand>(std::move(run), outputs);
}

}  // namespace shoal::cli
