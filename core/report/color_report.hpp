#pragma once
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "color/diversity.hpp"
#include "color/responses.hpp"
#include "color/word_rating_fit.hpp"
#include "compare/comparison.hpp"
#include "report/json_writer.hpp"

namespace shoal {

// The word–colour report as documented in docs/report.md ("analysis": "color"),
// with `comparisons` (compare_color of the same analysis) as its
// "comparisons". Written as it is made, word by word, never held whole as a
// tree; the text ends with a newline. With word ratings (per population, in
// the analysis' order: see word_rating_fits) each population carries
// "word_rating_fits"; without, the field is left out. `analysis_file`
// (analysis_file_json of the run) becomes the report's "analysis_file"; the
// command line and the page always give it.
using WordRatingFits = std::vector<std::vector<WordRatingFit>>;
void write_color_report(std::ostream& out, const ColorDataset& dataset,
                        const std::vector<ColorInputOptions>& input_options, const ColorAnalysis& analysis,
                        const ComparisonResult& comparisons,
                        const WordRatingFits& word_ratings = {}, const nlohmann::json& analysis_file = nullptr);
std::string color_report_text(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                              const ColorAnalysis& analysis, const ComparisonResult& comparisons,
                              const WordRatingFits& word_ratings = {}, const nlohmann::json& analysis_file = nullptr);
void write_color_report(JsonWriter& out, const ColorDataset& dataset,
                        const std::vector<ColorInputOptions>& input_options, const ColorAnalysis& analysis,
                        const ComparisonResult& comparisons,
                        const WordRatingFits& word_ratings = {}, const nlohmann::json& analysis_file = nullptr);
// The same report as a tree, for callers that look fields up.
nlohmann::json color_report(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                            const ColorAnalysis& analysis, const ComparisonResult& comparisons);

// The report's "manuscript" (report/manuscript/manuscript.hpp) alone, for
// the command line's --tables files.
nlohmann::json color_manuscript(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                                const ColorAnalysis& analysis, const ComparisonResult& comparisons);

// Flat tables for spreadsheets: one row per (population, word) and one row
// per population.
std::string color_words_csv(const ColorAnalysis& analysis);
std::string color_populations_csv(const ColorAnalysis& analysis);

}  // namespace shoal
