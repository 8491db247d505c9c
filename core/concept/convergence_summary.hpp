#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "concept/diversity.hpp"

namespace shoal {

// One cell that did not pass, for the summary line and the report.
struct UnconvergedCell {
  std::string population;   // the population's name (the report's join key)
  std::string concept;
  std::size_t people = 0;
  std::size_t iterations = 0;
  std::vector<std::string> failed;
};

// Over every (population, concept, subset) cell of an analysis.
struct ConvergenceSummary {
  std::size_t cells = 0;
  std::size_t varying = 0;        // cells that are not constant
  std::size_t passed = 0;
  std::size_t single_chain = 0;   // varying cells with one chain: diagnosed, not judged
  std::vector<UnconvergedCell> failed;
};

ConvergenceSummary summarise_convergence(const ConceptAnalysis& analysis);

// "1,712 of 1,715 cells passed; 3 did not:" (the cells judged: the varying
// ones with several chains), or, with one chain, how many were diagnosed
// but not judged. No line when nothing varies.
std::string convergence_summary_line(const ConvergenceSummary& summary);

// A count with thousands separated by commas, as the summary line writes it.
std::string count_with_commas(std::size_t count);

}  // namespace shoal
