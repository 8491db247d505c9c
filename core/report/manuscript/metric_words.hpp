#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace shoal::manuscript {

// How a comparison metric is named in a manuscript.
struct MetricWords {
  std::string measure;     // "P(multiple concepts)"
  std::string diverse;     // "conceptually diverse": the adjective of the sentences
  bool bounded = false;    // a probability: written without the leading zero
};

// The metric of a report's comparisons ("p_multiple_concepts",
// "dist_from_diagonal", ...) for the report's analysis and parameters (the
// unit of a values analysis).
MetricWords metric_words(const std::string& metric, const nlohmann::json& report);

// "concepts", "words", "items": what the comparisons' unit counts.
std::string unit_plural(const std::string& unit);

// What a reader sees of a population: its label, else its name.
std::string population_shown(const nlohmann::json& population);

// A number of the report, NaN when null.
double number_of(const nlohmann::json& value);

}  // namespace shoal::manuscript
