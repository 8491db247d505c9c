#include "concept/convergence_summary.hpp"

namespace shoal {

ConvergenceSummary summarise_convergence(const ConceptAnalysis& analysis) {
  ConvergenceSummary summary;
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& s : c.subsets) {
        ++summary.cells;
        const CellVerdict verdict = s.convergence.verdict;
        if (verdict == CellVerdict::Constant) continue;
        ++summary.varying;
        if (verdict == CellVerdict::Passed) ++summary.passed;
        if (verdict == CellVerdict::SingleChain) ++summary.single_chain;
        if (verdict == CellVerdict::Failed) {
          summary.failed.push_back({p.label.name, c.concept, s.people, s.convergence.iterations, s.convergence.failed});
        }
      }
    }
  }
  return summary;
}

std::string count_with_commas(std::size_t count) {
  std::string digits = std::to_string(count);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

std::string convergence_summary_line(const ConvergenceSummary& summary) {
  const std::size_t judged = summary.varying - summary.single_chain;
  std::string line;
  if (judged > 0) {
    line = count_with_commas(summary.passed) + " of " + count_with_commas(judged) + " cells passed";
    line += summary.failed.empty() ? "." : "; " + count_with_commas(summary.failed.size()) + " did not:";
  }
  if (summary.single_chain > 0) {
    if (!line.empty()) line += " ";
    line += count_with_commas(summary.single_chain) + (summary.single_chain == 1 ? " cell" : " cells") +
            " with one chain: diagnosed on its two halves, not judged (the rule needs several chains).";
  }
  return line;
}

}  // namespace shoal
