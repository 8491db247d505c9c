#include <cstdio>

#include "report/comparison_report.hpp"

namespace shoal {

std::string comparison_summary(const ComparisonResult& result) {
  std::string text;
  char line[512];
  for (const auto& m : result.models) {
    text += m.formula + ": ";
    if (!m.fitted) {
      text += "skipped (" + m.reason + ")\n";
      continue;
    }
    std::snprintf(line, sizeof line, "%zu populations, %zu groups, REML", m.populations, m.groups.size());
    text += line;
    for (const auto& e : m.reml.fixed) {
      if (e.term == "Intercept") continue;
      std::snprintf(line, sizeof line, "; %s %.4g (SE %.3g, p %.3g)", e.term.c_str(), e.estimate, e.se, e.p);
      text += line;
    }
    text += m.reml.converged ? "\n" : " [not converged]\n";
  }
  return text;
}

}  // namespace shoal
