#include "compare/comparison.hpp"

#include <algorithm>
#include <tuple>

#include "compare/bootstrap.hpp"
#include "compare/population_fits.hpp"
#include "stats/rng.hpp"

namespace shoal {
namespace {

MetricSummary summarise(const std::vector<double>& values, const ComparisonOptions& options, const std::string& stream) {
  MetricSummary s;
  s.interval = mean_interval(values);
  const BootstrapInterval b = bootstrap_mean(values, options.bootstrap_draws, derive_seed(options.seed, stream));
  s.bootstrap_low = b.low;
  s.bootstrap_high = b.high;
  return s;
}

PopulationComparison summarise_population(const PopulationMetrics& p, const std::vector<std::string>& metrics,
                                          const ComparisonOptions& options) {
  PopulationComparison out;
  out.label = p.label;
  std::vector<std::string> categories = p.categories;
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    const std::string stream = "bootstrap\x1f" + p.label.name + '\x1f' + metrics[m] + '\x1f';
    auto& by_category = out.summaries[metrics[m]];
    by_category["all"] = summarise(p.values[m], options, stream + "all");
    for (const auto& category : categories) {
      std::vector<double> values;
      for (std::size_t u = 0; u < p.units.size(); ++u) {
        if (p.categories[u] == category) values.push_back(p.values[m][u]);
      }
      by_category[category] = summarise(values, options, stream + category);
    }
  }
  return out;
}

std::vector<std::size_t> condition_order(const std::vector<PopulationComparison>& populations) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < populations.size(); ++i) {
    if (!populations[i].label.human && !populations[i].label.model.empty()) order.push_back(i);
  }
  const auto key = [&](std::size_t i) {
    const auto& l = populations[i].label;
    return std::make_tuple(l.family.empty() ? l.model : l.family, l.prompt, l.temperature, l.aligned.value_or(false),
                           l.model, l.name);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  return order;
}

}  // namespace

ComparisonResult compare_populations(const ComparisonInput& input, const ComparisonOptions& options) {
  ComparisonResult result;
  result.unit = input.unit;
  result.metrics = input.metrics;
  result.options = options;
  result.min_people = input.min_people;
  result.left_out = input.left_out;
  for (const auto& p : input.populations) result.populations.push_back(summarise_population(p, input.metrics, options));
  result.conditions = condition_order(result.populations);
  for (std::size_t m = 0; m < input.metrics.size(); ++m) {
    result.models.push_back(fit_alignment(input, m));
    result.models.push_back(fit_manipulation(input, m));
  }
  return result;
}

ComparisonResult compare_color(const ColorAnalysis& analysis, const ComparisonOptions& options) {
  return compare_populations(color_comparison_input(analysis), options);
}

ComparisonResult compare_values(const ValuesAnalysis& analysis, const ComparisonOptions& options) {
  return compare_populations(values_comparison_input(analysis), options);
}

ComparisonResult compare_concepts(const ConceptAnalysis& analysis, const ComparisonOptions& options) {
  ComparisonResult result = compare_populations(concept_comparison_input(analysis), options);
  // Both lists hold the populations in the analysis' order.
  for (std::size_t i = 0; i < analysis.populations.size(); ++i) {
    result.populations[i].subset_means = subset_means(analysis.populations[i]);
    result.populations[i].category_cells = category_cell_means(analysis.populations[i]);
  }
  result.reliability_medians = reliability_medians(analysis);
  return result;
}

}  // namespace shoal
