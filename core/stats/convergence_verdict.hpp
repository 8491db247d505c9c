#pragma once
#include <string>
#include <vector>

#include "stats/convergence.hpp"

namespace shoal {

// The field's bar for trusting a posterior summary (Vehtari et al. 2021):
// R-hat below 1.01 and bulk- and tail-ESS of at least 400 (100 per chain
// with 4 chains).
constexpr double kRHatLimit = 1.01;
constexpr double kEssMinimum = 400.0;

struct NamedDiagnostics {
  std::string quantity;   // as a reader would name it, e.g. "P(same table)"
  ConvergenceDiagnostics diagnostics;
};

enum class ConvergenceStatus {
  Converged,      // every quantity that varies meets the bar
  NotConverged,   // at least one does not: run longer
  Constant,       // no quantity ever changed: nothing to diagnose, nothing to wait for
};

struct ConvergenceVerdict {
  ConvergenceStatus status = ConvergenceStatus::Converged;
  // What fell short, one line each, e.g. "P(same table): R-hat 1.0360 (needs
  // < 1.01)".
  std::vector<std::string> failures;
  // Diagnostics left undefined although the quantity varies (a tail that
  // never changes, a folded quantity that never changes): not failures.
  std::vector<std::string> undefined;
  bool passed() const { return status != ConvergenceStatus::NotConverged; }
};

// The verdict over several quantities of one run. A constant quantity is
// skipped (its diagnostics are undefined, not poor); an undefined R-hat or
// tail-ESS of a varying quantity is listed as undefined, not failed; an
// undefined bulk-ESS of a varying quantity fails, since it means too few
// draws per chain (or a non-finite draw) to judge at all. Throws
// std::invalid_argument for no quantities.
ConvergenceVerdict convergence_verdict(const std::vector<NamedDiagnostics>& quantities);

}  // namespace shoal
