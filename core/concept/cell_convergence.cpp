#include "concept/cell_convergence.hpp"

#include <cmath>
#include <limits>

#include "stats/convergence_verdict.hpp"

namespace shoal {
namespace {

// P(same table) is the sum of squared table shares, a ratio k / N². Summed in
// another order, the same seating's value can differ in its last bit
// (0.37599999999999995 against 0.376), and rank-normalised diagnostics would
// read that rounding as chains that disagree: a cell whose chains never
// change would fail with an infinite R-hat. The draws are therefore judged at
// twelve decimals, far finer than 1 / N² for any N the analyses allow.
double judged_share(double value) { return std::round(value * 1e12) / 1e12; }

}  // namespace

const char* to_string(CellVerdict verdict) {
  switch (verdict) {
    case CellVerdict::Passed: return "passed";
    case CellVerdict::Failed: return "failed";
    case CellVerdict::Constant: return "constant";
    case CellVerdict::SingleChain: return "single-chain";
  }
  return "";
}

CellConvergence judge_cell(const std::vector<const std::vector<IterationRecord>*>& chains, std::size_t iterations,
                           std::size_t burn_in, bool with_log_posterior) {
  CellConvergence cell;
  cell.iterations = iterations;
  cell.burn_in = burn_in;
  DrawsByChain same, tables, log_posterior;
  for (const auto* records : chains) {
    same.emplace_back();
    tables.emplace_back();
    log_posterior.emplace_back();
    for (const auto& r : *records) {
      same.back().push_back(judged_share(r.p_same_table));
      tables.back().push_back(static_cast<double>(r.tables));
      log_posterior.back().push_back(r.log_posterior);
    }
  }
  cell.p_same_table = convergence_diagnostics(same);
  cell.tables = convergence_diagnostics(tables);
  if (with_log_posterior) {
    cell.log_posterior = convergence_diagnostics(log_posterior);
  } else {
    const double undefined = std::numeric_limits<double>::quiet_NaN();
    cell.log_posterior.r_hat = cell.log_posterior.ess_bulk = cell.log_posterior.ess_tail = undefined;
    cell.log_posterior.mcse_mean = undefined;
  }
  const ConvergenceVerdict verdict =
      convergence_verdict({{"P(same table)", cell.p_same_table}, {"number of tables", cell.tables}});
  cell.failed = verdict.failures;
  cell.undefined = verdict.undefined;
  if (verdict.status == ConvergenceStatus::Constant) {
    cell.verdict = CellVerdict::Constant;
  } else if (chains.size() < 2) {
    cell.verdict = CellVerdict::SingleChain;
  } else {
    cell.verdict = verdict.passed() ? CellVerdict::Passed : CellVerdict::Failed;
  }
  return cell;
}

}  // namespace shoal
