#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "concept/cell_convergence.hpp"
#include "concept/crp.hpp"
#include "concept/responses.hpp"
#include "stats/posterior_summary.hpp"

namespace shoal {

// Whether two populations hold the same concepts: their individuals pooled
// in one restaurant per concept, a table is a concept whoever sits at it, and
// P(an individual of A and one of B share a table) measures how much of their
// conceptual space they share, on the scale of each one's own P(same table)
// in the same draws. Populations with the same concepts in the same
// proportions give a cross value equal to their own; disjoint concepts give 0.

// The pair setting: entries separated by ';', each "families" (every
// family's non-aligned and aligned models at the same prompt and
// temperature, see resolve_population_pairs), "none", or "A,B", two
// population names (a human population also by "human" or "humans"). Empty:
// none.
struct PairRequest {
  bool families = false;
  std::vector<std::pair<std::string, std::string>> named;
};
// Throws std::invalid_argument naming the entry that is not one of those.
PairRequest parse_pair_setting(const std::string& text);

struct PopulationPair {
  std::size_t a = 0, b = 0;   // indices in the dataset's populations
};

// The pairs of the request, in its order, "families" where it stands, each
// pair once (B,A is A,B). Families: a non-aligned model with no prompt at
// its default temperature (prompt none or not given, temperature default or
// not given) is paired with the aligned ones of its family there; where a
// family has several aligned models there (the paper's llama: llama2-chat
// and tulu-dpo), with the one whose model name is its own and a suffix
// (llama2 → llama2-chat), or with all of them when none or several are.
// Throws std::invalid_argument for a name no population has (listing those
// there are) or a population paired with itself.
std::vector<PopulationPair> resolve_population_pairs(const std::vector<ConceptPopulation>& populations,
                                                     const PairRequest& request);

// The concept of `b` with the same name as `a`'s concept, or b.concepts.size().
std::size_t matching_concept(const ConceptPopulation& b, const std::string& concept);

// How many people of each population a pooled restaurant takes: the
// smallest subset size asked for, at most the complete individuals of either
// (see plan_chain_tasks); 0 when either has fewer than 2.
std::size_t pooled_people(const ConceptResponses& a, const ConceptResponses& b,
                          const std::vector<std::size_t>& subset_sizes);

// The first `people` complete individuals of `a`, then those of `b`, with
// `b`'s answers in `a`'s question order. Throws std::invalid_argument when the
// two do not ask the same questions with the same options (naming the first
// that differs): their answers could not be pooled.
AnswerMatrix pooled_answer_matrix(const ConceptResponses& a, const ConceptResponses& b, std::size_t people);

// One pair and concept of a pooled run, over the counted draws of all its
// chains: the cross value and each population's own P(same table) in the
// same draws, and the pooled chains' diagnostics and verdict.
struct SharedConcept {
  std::string population_a, population_b, concept;
  std::size_t people_a = 0, people_b = 0;
  PosteriorSummary p_cross_same, p_same_a, p_same_b;
  CellConvergence convergence;
};

}  // namespace shoal
