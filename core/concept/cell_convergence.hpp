#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "stats/convergence.hpp"

namespace shoal {

// How a (concept, subset) cell's chains are judged. The field's rule
// (stats/convergence_verdict.hpp) is applied to P(same table) and the number
// of tables, the quantities the report summarises; the log posterior is
// diagnosed and reported but not judged, as its scale grows with the data and
// its chains often agree on the bulk long before its tails settle.
enum class CellVerdict {
  Passed,        // both quantities meet the bar (undefined diagnostics do not count against them)
  Failed,        // at least one falls short: `failed` says which, and how
  Constant,      // neither quantity ever changed: nothing to judge
  SingleChain,   // one chain: diagnosed on its two halves, not judged (see judge_cell)
};

const char* to_string(CellVerdict verdict);

// Parallel tempering in a cell's continuation (concept/tempering.hpp): the
// iteration its chains were tempered from, the ladder of likelihood powers,
// and the share of proposed exchanges accepted between each pair of
// neighbouring rungs over all its chains. from_iteration 0: never tempered.
struct CellTempering {
  std::size_t from_iteration = 0;
  std::vector<double> ladder;
  std::vector<double> exchange_acceptance;
};

struct CellConvergence {
  CellVerdict verdict = CellVerdict::Passed;
  std::vector<std::string> failed;      // one line per shortfall, e.g. "P(same table): R-hat 1.0360 (needs < 1.01)"
  std::vector<std::string> undefined;   // diagnostics left undefined although their quantity varies
  std::size_t iterations = 0;           // per chain, burn-in included
  std::size_t burn_in = 0;              // iterations left out of the draws below
  ConvergenceDiagnostics p_same_table, tables, log_posterior;
  CellTempering tempering;
};

// The diagnostics and verdict of a cell from its chains' counted draws (each
// chain's records after the burn-in, chains of equal length).
//
// One chain: the split R-hat is defined (it compares the chain's halves) and
// is reported, but the cell is not judged. Two halves of one chain that has
// settled in one mode agree with each other, so a single chain "passes"
// exactly where the data show chains failing: stuck in one of several
// seatings. The field's rule asks for at least four chains for this reason.
//
// `with_log_posterior` false leaves the log posterior's diagnostics undefined
// (NaN): the verdict does not read them, and run until converged judges a
// cell after every block without reporting it.
CellConvergence judge_cell(const std::vector<const std::vector<IterationRecord>*>& chains, std::size_t iterations,
                           std::size_t burn_in, bool with_log_posterior = true);

}  // namespace shoal
