#include <cstdio>
#include <iostream>

#include "analysis/run_settings.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/input_arguments.hpp"
#include "cli/output.hpp"
#include "compare/comparison.hpp"
#include "report/comparison_report.hpp"
#include "report/values_report.hpp"
#include "values/analysis.hpp"
#include "values/responses.hpp"

namespace shoal::cli {
namespace {

const char* const kValuesHelp = R"(Usage: shoal values FILE... [options]

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

Options:
  --out FILE           write the JSON report here (default: standard output)
  --scale SCALE        pooled-sd (default): divide each item's component by
                       its SD over every answer of every population, so items
                       on different scales weigh alike; raw: the numbers as
                       given
  --unit TEXT          the unit of the raw numbers, for axis titles
  --column ROLE=NAME   use column NAME for ROLE (repeatable); roles:
                       population, individual, item, block, value, model,
                       prompt, temperature, family, aligned
  --population NAME    name every input's population NAME
  --pairs RULE         all (default) or paper (i < j in ascending id order)
  --seed N             seed of the bootstrap (default 1)
  --bootstrap N        resamples of the items of each population for the 95%
                       intervals of the comparisons (default 2000; 0: none)
  --quiet              no summary on standard error
  --help               this text

Exit status: 0 success, 1 bad input (the message names file, row and
column), 2 bad usage.
)";

void print_summary(const ValuesDataset& dataset, const ValuesAnalysis& analysis) {
  for (const auto& p : analysis.populations) {
    const auto& d = p.summary.dist_from_diagonal;
    std::fprintf(stderr, "%-40s %4zu individuals %4zu items  distance from diagonal %.4f [%.4f, %.4f]  valid %zu/%zu\n",
                 p.label.name.c_str(), p.individuals, p.summary.items_analysed, d.mean, d.low, d.high,
                 p.valid_responses, p.valid_responses + p.invalid_responses);
  }
  print_input_issues(dataset.issues);
}

}  // namespace

int run_values(const std::vector<std::string>& args) {
  const Arguments a(args, {"out", "scale", "unit", "column", "population", "pairs", "seed", "bootstrap", "format"},
                    {"quiet", "help"});
  if (a.flag("help")) {
    std::cout << kValuesHelp;
    return 0;
  }
  const auto input_options = input_options_from<ValuesInputOptions>(a, values_format_from_string, "auto or long", values_roles());
  const ValuesRunSettings settings = run_settings(a, {"pairs", "scale", "unit", "seed", "bootstrap"}, values_run_settings);
  const ValuesOptions& options = settings.options;
  const std::size_t bootstrap = settings.bootstrap;

  const auto inputs = read_inputs(a.positional());
  const ValuesDataset dataset = load_values_inputs(inputs, {input_options});
  const ValuesAnalysis analysis = analyse_values(dataset, options);
  const ComparisonResult comparisons = compare_values(analysis, {bootstrap, options.seed});
  write_report(a.value("out", "-"),
               values_report(dataset, {input_options}, analysis, comparison_json(comparisons)));
  if (!a.flag("quiet")) {
    print_summary(dataset, analysis);
    std::fputs(comparison_summary(comparisons).c_str(), stderr);
  }
  return 0;
}

}  // namespace shoal::cli
