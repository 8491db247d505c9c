#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "concept/diversity.hpp"
#include "concept/responses.hpp"

namespace shoal {

// The conceptual-similarity report ("analysis": "concept"): parameters,
// inputs, per population and concept the reliability measures and, per
// subset size, the paper-compatible last iteration, posterior summaries,
// R-hat, the MAP seating, and the recorded iterations when kept.
nlohmann::json concept_report(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                              const ConceptAnalysis& analysis);

// Flat tables: one row per (population, concept, subset); per (population,
// concept) reliability; the MAP seating of every clustered individual; and
// the recorded iterations (empty unless traces were kept).
std::string concept_subsets_csv(const ConceptAnalysis& analysis);
std::string concept_reliability_csv(const ConceptAnalysis& analysis);
std::string concept_map_seating_csv(const ConceptDataset& dataset, const ConceptAnalysis& analysis);
std::string concept_traces_csv(const ConceptAnalysis& analysis);

}  // namespace shoal
