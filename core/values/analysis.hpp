#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "stats/descriptive.hpp"
#include "stats/task_runner.hpp"
#include "stats/variability.hpp"
#include "values/responses.hpp"

namespace shoal {

// How answers are put on a common scale before distances are taken.
enum class ValueScale {
  PooledSd,   // each item's component divided by its SD pooled over every population and both blocks
  Raw,        // the numbers as given
};

const char* to_string(ValueScale scale);
std::optional<ValueScale> value_scale_from_string(const std::string& text);

struct ValuesOptions {
  PairRule pairs = PairRule::All;
  ValueScale scale = ValueScale::PooledSd;
  // The unit of the raw numbers, for axis titles ("people", "%", ...).
  std::string unit;
  std::uint64_t seed = 1;   // of the comparisons' bootstrap
};

struct ItemValues {
  std::string item;
  std::size_t individuals = 0;     // answering in both blocks
  std::size_t incomplete = 0;      // answering once, or with a missing value
  MeanInterval internal_distance;
  MeanInterval population_distance;
  double dist_from_diagonal = 0.0;
  std::vector<double> scale;       // per component: the divisor applied (1 for raw)
};

struct ValuesPopulationResult {
  PopulationLabel label;
  std::size_t individuals = 0;
  std::size_t valid_responses = 0;
  std::size_t invalid_responses = 0;
  std::vector<ItemValues> items;   // in item order
  VariabilitySummary summary;
};

struct ValuesAnalysis {
  ValuesOptions options;
  std::size_t dimensions = 0;
  std::vector<ValuesPopulationResult> populations;
};

// The unit of the distances, for axis titles: "pooled SD" when scaled, else
// the unit given, else "value".
std::string distance_unit(const ValuesOptions& options);

// Internal vs population variability (stats/variability.hpp) of numeric
// answers with Euclidean distance. Throws InputError for an item answered by
// a single individual of a population. A population's items are a batch of
// `run_tasks`; `progress` is told of the work done one call at a time.
ValuesAnalysis analyse_values(const ValuesDataset& dataset, const ValuesOptions& options,
                              const std::function<void(double)>& progress = {},
                              const TaskRunner& run_tasks = run_in_order);

}  // namespace shoal
