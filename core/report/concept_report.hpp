#pragma once
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "compare/comparison.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "report/json_writer.hpp"

namespace shoal {

// The conceptual-similarity report ("analysis": "concept"): parameters,
// inputs, per population and concept the reliability measures and, per
// subset size, the paper-compatible last iteration, posterior summaries,
// R-hat, effective sample sizes and convergence warnings, the MAP seating,
// and the recorded iterations when kept; and `comparisons` (compare_concepts
// of the same analysis) as its "comparisons".
// Written as it is made, concept by concept, never held whole as a tree;
// the text ends with a newline. `analysis_file` (analysis_file_json of the
// run) becomes the report's "analysis_file"; the command line and the page
// always give it.
void write_concept_report(std::ostream& out, const ConceptDataset& dataset,
                          const std::vector<ConceptInputOptions>& input_options, const ConceptAnalysis& analysis,
                          const ComparisonResult& comparisons, const nlohmann::json& analysis_file = nullptr);
std::string concept_report_text(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                                const ConceptAnalysis& analysis, const ComparisonResult& comparisons,
                                const nlohmann::json& analysis_file = nullptr);
// `rendered`, when given, holds concepts' entries written ahead
// (concept_entry_text), by their index in concept_tasks; an empty one is
// written here.
void write_concept_report(JsonWriter& out, const ConceptDataset& dataset,
                          const std::vector<ConceptInputOptions>& input_options, const ConceptAnalysis& analysis,
                          const ComparisonResult& comparisons, const nlohmann::json& analysis_file = nullptr,
                          const std::vector<std::string>* rendered = nullptr);
// A concept's entry in the report as text, as the report would write it at
// no indentation: a concept summarised early (summarise_concept, its
// below_min_people set as summarise_population sets it) can be written while
// other chains still run. `names` are its population's concept names, in
// order (what each concept's members answer is told with them).
std::string concept_entry_text(const ConceptResult& concept, const ConceptResponses* responses,
                               const std::vector<std::string>& names, bool traces);
// The same report as a tree, for callers that look fields up.
nlohmann::json concept_report(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                              const ConceptAnalysis& analysis, const ComparisonResult& comparisons);

// The report's "manuscript" (report/manuscript/manuscript.hpp) alone, for
// the command line's --tables files.
nlohmann::json concept_manuscript(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                                  const ConceptAnalysis& analysis, const ComparisonResult& comparisons);

// Flat tables: one row per (population, concept, subset), below_min_people
// marking every row of a concept left out of the comparisons; per (population,
// concept) reliability; the MAP seating of every clustered individual; and
// the recorded iterations (empty unless traces were kept).
std::string concept_subsets_csv(const ConceptAnalysis& analysis);
std::string concept_reliability_csv(const ConceptAnalysis& analysis);
std::string concept_map_seating_csv(const ConceptDataset& dataset, const ConceptAnalysis& analysis);
std::string concept_traces_csv(const ConceptAnalysis& analysis);
// Hill numbers and coverage per (population, concept, subset) and measure;
// the curves (posterior means) per (population, concept) and number of
// people; the point partition of each clustered individual.
std::string concept_diversity_csv(const ConceptAnalysis& analysis);
std::string concept_rarefaction_csv(const ConceptAnalysis& analysis);
std::string concept_partition_csv(const ConceptDataset& dataset, const ConceptAnalysis& analysis);
// Per pooled pair and concept: P(an individual of A and one of B share a
// table), posterior mean and 95% interval, and the posterior means of each
// one's own P(same table) in the same draws.
std::string concept_shared_csv(const ConceptAnalysis& analysis);

}  // namespace shoal
