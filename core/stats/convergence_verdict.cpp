#include "stats/convergence_verdict.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace shoal {
namespace {

std::string formatted(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

}  // namespace

ConvergenceVerdict convergence_verdict(const std::vector<NamedDiagnostics>& quantities) {
  if (quantities.empty()) throw std::invalid_argument("a convergence verdict needs at least one quantity");
  ConvergenceVerdict verdict;
  bool any_varies = false;
  for (const auto& [quantity, d] : quantities) {
    if (d.constant) continue;
    any_varies = true;
    if (std::isnan(d.ess_bulk)) {
      verdict.failures.push_back(quantity + ": too few draws per chain, or a non-finite draw, to diagnose");
      continue;
    }
    if (std::isnan(d.r_hat)) {
      verdict.undefined.push_back(quantity + ": R-hat undefined (its distance from the median never changes)");
    } else if (!(d.r_hat < kRHatLimit)) {
      verdict.failures.push_back(quantity + ": R-hat " + formatted("%.4f", d.r_hat) + " (needs < 1.01)");
    }
    if (d.ess_bulk < kEssMinimum) {
      verdict.failures.push_back(quantity + ": bulk-ESS " + formatted("%.0f", d.ess_bulk) + " (needs >= 400)");
    }
    if (std::isnan(d.ess_tail)) {
      verdict.undefined.push_back(quantity + ": tail-ESS undefined (a 5% or 95% tail that never changes)");
    } else if (d.ess_tail < kEssMinimum) {
      verdict.failures.push_back(quantity + ": tail-ESS " + formatted("%.0f", d.ess_tail) + " (needs >= 400)");
    }
  }
  if (!any_varies) {
    verdict.status = ConvergenceStatus::Constant;
  } else if (!verdict.failures.empty()) {
    verdict.status = ConvergenceStatus::NotConverged;
  }
  return verdict;
}

}  // namespace shoal
