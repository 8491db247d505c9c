#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "color/diversity.hpp"
#include "color/responses.hpp"

namespace shoal {

// The word–colour report as documented in the README ("analysis": "color").
nlohmann::json color_report(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                            const ColorAnalysis& analysis);

// Flat tables for spreadsheets: one row per (population, word) and one row
// per population.
std::string color_words_csv(const ColorAnalysis& analysis);
std::string color_populations_csv(const ColorAnalysis& analysis);

}  // namespace shoal
