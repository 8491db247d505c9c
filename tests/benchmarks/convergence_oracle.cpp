// Where run until converged spends its budget, measured on plain chains: the
// paper's 48 LLM files, the defaults, 4 chains; every cell runs the planned
// 500 iterations, and each cell that fails there has its chains continued
// plainly (no tempering) to MAX iterations. A continued chain gives exactly
// the draws of one run that long, so each cell's diagnostics at any length L
// up to MAX are those a schedule stopping at L would judge: any block policy
// and burn-in rule can then be replayed from this one run.
//
// Writes tab-separated lines to standard output:
//   cell <id> <population> <concept> <people> <seconds per iteration of its chains, continued> <verdict at 500>
//   at <id> <L> <burn-in> <R-hat, bulk-ESS, tail-ESS of P(same table)> <of the number of tables> <verdict> <seconds to judge>
// for L = 500, 500 + STEP, …, MAX and each burn-in rule: a fifth of L (the
// settings' share) and the planned 100.
// Usage: convergence_oracle [MAX [STEP [SEED]]] (defaults 8000, 250, 1)
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "concept/cell_convergence.hpp"
#include "concept/diversity.hpp"
#include "io/text_input.hpp"

using namespace shoal;
namespace fs = std::filesystem;

namespace {

double processor_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

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
  const fs::path dir = fs::path(SHOAL_SHARED_DIR) / "paper-data/concept-task/llm-responses";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<TextInput> inputs;
  for (const auto& f : files) inputs.push_back(read_text_input(f.string()));
  const ConceptDataset dataset = load_concept_inputs(std::move(inputs), {ConceptInputOptions{}});

  ConceptOptions options;
  options.chains = 4;
  options.max_iterations = most;
  if (argc > 3) options.seed = std::strtoull(argv[3], nullptr, 10);
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
    if (planned.verdict == CellVerdict::Failed) {
      const double before = processor_seconds();
      for (std::size_t t = first; t < end; ++t) {
        tasks[t].iterations = most;
        continue_chain_task(dataset, options, tasks[t], results[t]);
      }
      per_iteration = (processor_seconds() - before) / static_cast<double>(most - options.iterations);
    }
    std::printf("cell\t%zu\t%s\t%s\t%zu\t%.6g\t%s\n", id,
                cell.partner == ChainTask::kNoPartner ? population.label.name.c_str() : "pooled",
                population.concepts[cell.concept].concept.c_str(), cell.people, per_iteration,
                to_string(planned.verdict));
    if (planned.verdict == CellVerdict::Failed) {
      for (std::size_t length = options.iterations; length <= most; length += step) {
        for (const bool share : {true, false}) {
          const std::size_t burn_in = share ? counted_burn_in(options, length) : options.burn_in;
          const double before = processor_seconds();
          const CellConvergence c = judge_at(chains, length, burn_in);
          const double seconds = processor_seconds() - before;
          std::printf("at\t%zu\t%zu\t%zu\t%.5f\t%.1f\t%.1f\t%.5f\t%.1f\t%.1f\t%s\t%.6g\n", id, length, burn_in,
                      c.p_same_table.r_hat, c.p_same_table.ess_bulk, c.p_same_table.ess_tail, c.tables.r_hat,
                      c.tables.ess_bulk, c.tables.ess_tail, to_string(c.verdict), seconds);
        }
      }
      // Let the cell's draws go: the run keeps only what it prints.
      for (std::size_t t = first; t < end; ++t) results[t] = ChainResult();
    }
    std::fflush(stdout);
    first = end;
  }
  std::fprintf(stderr, "total: %.1f s\n", processor_seconds() - start);
  return 0;
}
