#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "color/diversity.hpp"
#include "color/responses.hpp"
#include "compare/comparison.hpp"

namespace shoal {

// The word–colour report as documented in the README ("analysis": "color"),
// with the comparisons of populations (compare/comparison.hpp), whose
// bootstrap takes `bootstrap_draws` resamples (0: none) seeded by the
// analysis' seed.
nlohmann::json color_report(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                            const ColorAnalysis& analysis, std::size_t bootstrap_draws = kDefaultBootstrapDraws);
// The same with comparisons already computed from this analysis.
nlohmann::json color_report(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                            const ColorAnalysis& analysis, const ComparisonResult& comparisons);

// Flat tables for spreadsheets: one row per (population, word) and one row
// per population.
std::string color_words_csv(const ColorAnalysis& analysis);
std::string color_populations_csv(const ColorAnalysis& analysis);

}  // namespace shoal
