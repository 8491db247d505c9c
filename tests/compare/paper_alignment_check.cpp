// The paper's qualitative result on its own data: aligned models are less
// conceptually diverse. Clusters all 48 LLM concept-task files as Shoal does
// and fits p_multiple ~ aligned + (1 | family); exits 1 unless the aligned
// coefficient is negative for both metrics (posterior mean and last
// iteration), by REML and by ML.

#include <cstdio>

#include "compare/comparison.hpp"
#include "paper_concepts.hpp"
#include "report/comparison_report.hpp"

using namespace shoal;

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : SHOAL_SHARED_DIR;
  const ConceptAnalysis analysis = paper::analyse_paper_concepts(shared);
  const ComparisonResult comparison = compare_concepts(analysis, {0, 1});
  std::fputs(comparison_summary(comparison).c_str(), stdout);
  int alignment_fits = 0, failures = 0;
  for (const auto& m : comparison.models) {
    if (m.name != "alignment") continue;
    ++alignment_fits;
    if (!m.fitted) {
      std::printf("FAIL: %s was skipped: %s\n", m.formula.c_str(), m.reason.c_str());
      ++failures;
      continue;
    }
    for (const MixedModelFit* fit : {&m.reml, &m.ml}) {
      const FixedEffect& aligned = fit->fixed.at(1);
      const bool ok = aligned.term == "aligned" && aligned.estimate < 0.0 && fit->converged;
      std::printf("%s %s: aligned %.4f (SE %.4f, p %.3g) %s\n", m.metric.c_str(), to_string(fit->method),
                  aligned.estimate, aligned.se, aligned.p, ok ? "negative, as in the paper" : "FAIL");
      failures += !ok;
    }
  }
  return alignment_fits == 2 && failures == 0 ? 0 : 1;
}
