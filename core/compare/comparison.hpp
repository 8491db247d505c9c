#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "color/diversity.hpp"
#include "compare/metric_rows.hpp"
#include "compare/reliability_medians.hpp"
#include "compare/subset_means.hpp"
#include "concept/diversity.hpp"
#include "stats/descriptive.hpp"
#include "stats/mixed_model.hpp"

namespace shoal {

constexpr std::size_t kDefaultBootstrapDraws = 2000;

struct ComparisonOptions {
  std::size_t bootstrap_draws = kDefaultBootstrapDraws;   // 0: no bootstrap
  std::uint64_t seed = 1;
};

// A population-level number: the mean of a metric over the population's
// units (all of them, or those of one category), with the paper's normal
// interval (mean ± 1.96·sd/√n) and a percentile bootstrap interval that
// resamples the units within the population. The bootstrap stream is
// derived from the seed and the population, metric and category names, so
// it does not depend on which other populations are analysed.
struct MetricSummary {
  MeanInterval interval;
  double bootstrap_low = 0.0;    // NaN without a bootstrap
  double bootstrap_high = 0.0;
};

struct PopulationComparison {
  PopulationLabel label;
  // metric → category ("all", then each category present) → summary.
  std::map<std::string, std::map<std::string, MetricSummary>> summaries;
  // Concepts only: P(multiple concepts) per category and subset size, and
  // per category over its concept × subset cells (compare/subset_means.hpp).
  std::vector<SubsetMean> subset_means;
  std::vector<CategoryCellMeans> category_cells;
};

// One mixed-model comparison of populations: fitted by REML and ML, or
// skipped with the reason.
struct ModelComparison {
  std::string name;          // "alignment" or "manipulation"
  std::string metric;
  std::string formula;       // as fitted (terms that do not vary are left out)
  bool fitted = false;
  std::string reason;        // why it was skipped
  std::size_t populations = 0;
  std::vector<std::string> groups;
  std::map<std::string, std::string> reference_levels;   // categorical predictor → reference level
  MixedModelFit reml;
  MixedModelFit ml;
};

struct ComparisonResult {
  std::string unit;
  std::vector<std::string> metrics;
  ComparisonOptions options;
  std::vector<PopulationComparison> populations;   // in the analysis' order, humans included
  // Indices of the LLM populations with a model, ordered for a side-by-side
  // view: by family, prompt, temperature, then non-aligned before aligned
  // and by model.
  std::vector<std::size_t> conditions;
  std::vector<ModelComparison> models;
  // Concepts only: units left out of everything above for holding fewer
  // than min_people people.
  std::optional<std::size_t> min_people;
  std::vector<LeftOutUnit> left_out;
  // Concepts only: medians of the reliability measures over concepts.
  std::optional<ReliabilityMedians> reliability_medians;
};

// Humans are summarised (as the baseline) but never enter a model. The
// models, per metric:
//   alignment:    metric ~ aligned + (1 | family), over the LLM populations
//                 with a known family and alignment, every condition;
//   manipulation: metric ~ temperature + prompt + (1 | model), over the LLM
//                 populations with a model, temperature and prompt, both
//                 categorical with reference levels "default" and "none"
//                 when present (else the first in sorted order); a
//                 predictor that does not vary within any model is left
//                 out (it could not be told apart from the model).
// Each is skipped, with the reason, when the data cannot support it (fewer
// than two families or models, one alignment level, a singular design...).
ComparisonResult compare_populations(const ComparisonInput& input, const ComparisonOptions& options);
ComparisonResult compare_color(const ColorAnalysis& analysis, const ComparisonOptions& options);
ComparisonResult compare_concepts(const ConceptAnalysis& analysis, const ComparisonOptions& options);
ComparisonResult compare_values(const ValuesAnalysis& analysis, const ComparisonOptions& options);

}  // namespace shoal
