// Where run until converged spends its budget, measured on plain chains: the
// paper's 48 LLM files, the defaults, 4 chains; every cell runs the planned
// 500 iterations, and each cell that fails there has its chains continued
// plainly (no tempering) to MAX iterations. A continued chain gives exactly
// the draws of one run that long, so each cell's diagnostics at any length L
// up to MAX are those a schedule stopping at L would judge: any block policy
// and burn-in rule can then be replayed from this one run.
//
// Writes tab-separated lines to standard output:
//   cell <id> <population> <concept> <people> <seconds per iteration of its chains, continued past FROM> <verdict at 500>
//   at <id> <L> <burn-in> <R-hat, bulk-ESS, tail-ESS of P(same table)> <of the number of tables> <verdict> <seconds to judge>
// for L = 500, 500 + STEP, … up to MAX, or until every rule has passed at
// two lengths in a row (a policy's replay may read the cell as passing
// beyond), and each burn-in rule: a fifth of L (the
// settings' share), the planned 100, and a tenth of L. With FROM, only the
// cells that still fail at FROM iterations (a fifth burned) are continued
// past it, and judged from FROM on.
// With FACTOR, the continued chains' split–merge rate is multiplied by it
// from FROM on (at most CAP proposals per sweep).
// Usage: convergence_oracle [MAX [STEP [SEED [FROM [FACTOR [CAP]]]]]] (defaults 8000, 250, 1, 500, 1, 10)
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "concept/cell_convergence.hpp"
#include "concept/diversity.hpp"
#include "io/text_input.hpp"
#include "benchmark_support.hpp"

using namespace shoal;
using benchmark::processor_seconds;
namespace fs = std::filesystem;

namespace {

// The cell's chains as they were at length `length`, counting draws from `burn_in`.
CellConvergence judge_at(const std::vector<const ChainResult*>& chains, std::size_t length, std::size_t burn_in) {
  std::vector<std::vector<IterationRecord>> counted(chains.size());
  for (std::size_t c = 0; c < chains.size(); ++c) {
    for (const auto& r : chains[c]->recorded) {
      if (r.iteration >= burn_in && r.iteration < length) counted[c].push_back(r);
    }
  }
  std::vector<const std::vector<IterationRecord>*> pointers;
  for (const auto& c : counted) pointers.push_back(&c);
  return judge_cell(pointers, length, burn_in);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t most = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 8000;
  const std::size_t step = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 250;
  const ConceptDataset dataset = benchmark::shared_llm_dataset();

  ConceptOptions options;
  options.chains = 4;
  options.max_iterations = most;
  if (argc > 3) options.seed = std::strtoull(argv[3], nullptr, 10);
  const std::size_t from = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : options.iterations;
  const double factor = argc > 5 ? std::strtod(argv[5], nullptr) : 1.0;
  const double cap = argc > 6 ? std::strtod(argv[6], nullptr) : 10.0;
  std::vector<ChainTask> tasks = plan_chain_tasks(dataset, options);
  std::vector<ChainResult> results(tasks.size());
  const double start = processor_seconds();
  for (std::size_t t = 0; t < tasks.size(); ++t) results[t] = run_chain_task(dataset, options, tasks[t]);
  std::fprintf(stderr, "planned chains: %.1f s\n", processor_seconds() - start);

  std::size_t id = 0;
  for (std::size_t first = 0; first < tasks.size(); ++id) {
    std::size_t end = first;
    std::vector<const ChainResult*> chains;
    for (; end < tasks.size() && same_cell(tasks[end], tasks[first]); ++end) chains.push_back(&results[end]);
    const CellConvergence planned = judge_at(chains, options.iterations, options.burn_in);
    const ChainTask& cell = tasks[first];
    const auto& population = dataset.populations[cell.population];
    double per_iteration = 0.0;
    bool continued = planned.verdict == CellVerdict::Failed;
    if (continued && from > options.iterations) {
      for (std::size_t t = first; t < end; ++t) {
        tasks[t].iterations = from;
        continue_chain_task(dataset, options, tasks[t], results[t]);
      }
      continued = judge_at(chains, from, counted_burn_in(options, from)).verdict == CellVerdict::Failed;
    }
    std::printf("cell\t%zu\t%s\t%s\t%zu\t", id,
                cell.partner == ChainTask::kNoPartner ? population.label.name.c_str() : "pooled",
                population.concepts[cell.concept].concept.c_str(), cell.people);
    std::string lines;
    if (continued) {
      double chain_seconds = 0.0;
      for (std::size_t t = first; t < end; ++t) {
        double& rate = results[t].state.restaurant.split_merge_rate;
        if (factor != 1.0) rate = std::min(std::max(rate, cap), rate * factor);
      }
      // Judged at every STEP until every rule has passed twice in a row.
      std::size_t passed_in_a_row = 0, length = from;
      for (; length <= most && passed_in_a_row < 2; length += step) {
        const double before = processor_seconds();
        for (std::size_t t = first; t < end; ++t) {
          tasks[t].iterations = length;
          continue_chain_task(dataset, options, tasks[t], results[t]);
        }
        chain_seconds += processor_seconds() - before;
        bool all = true;
        for (const int rule : {0, 1, 2}) {
          const std::size_t burn_in = rule == 0   ? counted_burn_in(options, length)
                                      : rule == 1 ? options.burn_in
                                                  : std::max(options.burn_in, length / 10);
          const double start_judging = processor_seconds();
          const CellConvergence c = judge_at(chains, length, burn_in);
          const double seconds = processor_seconds() - start_judging;
          all = all && c.verdict == CellVerdict::Passed;
          char line[512];
          std::snprintf(line, sizeof line, "at\t%zu\t%zu\t%zu\t%.5f\t%.1f\t%.1f\t%.5f\t%.1f\t%.1f\t%s\t%.6g\n", id,
                        length, burn_in, c.p_same_table.r_hat, c.p_same_table.ess_bulk, c.p_same_table.ess_tail,
                        c.tables.r_hat, c.tables.ess_bulk, c.tables.ess_tail, to_string(c.verdict), seconds);
          lines += line;
        }
        passed_in_a_row = all ? passed_in_a_row + 1 : 0;
      }
      per_iteration = chain_seconds / static_cast<double>(length - step - from);
    }
    std::printf("%.6g\t%s\n%s", per_iteration, to_string(planned.verdict), lines.c_str());
    // Let the cell's draws go: the run keeps only what it prints.
    if (planned.verdict == CellVerdict::Failed) {
      for (std::size_t t = first; t < end; ++t) results[t] = ChainResult();
    }
    std::fflush(stdout);
    first = end;
  }
  std::fprintf(stderr, "total: %.1f s\n", processor_seconds() - start);
  return 0;
}
