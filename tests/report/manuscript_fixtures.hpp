#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "color/responses.hpp"

namespace shoal::testing {

// A concept report's head as the core writes it, by hand: two fitted models
// (alignment; temperature and prompt with a p below .001, one near 1 and an
// estimate that rounds to zero), a human baseline, and population labels
// full of LaTeX and Markdown specials. `chains` above 1 runs the chains
// until converged up to 4000 iterations.
nlohmann::json hostile_concept_report(int chains = 4);

// A colour report's head with CIEDE2000, the paper's pairs, a skipped
// manipulation model and no bootstrap.
nlohmann::json hostile_color_report();

// Humans and four LLM populations of two families, 6 individuals answering 8
// words twice with random colours drawn from `seed`: enough for the alignment
// model (the manipulation model has nothing to compare).
ColorDataset two_family_colours(unsigned long long seed);

// The manuscript's numbers read back: every number of a text (table cells or
// sentences) in order, as printed, after undoing the format's markup
// ($-$ and U+2212 become '-', $<$ '<', *b* and \textit{b} plain b).
std::string plain_markup(const std::string& text);

}  // namespace shoal::testing
