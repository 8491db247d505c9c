// Does a higher split–merge rate mix the slow cells faster per processor
// second? The hardest cells of the paper's 48 LLM files (4 chains, seed 1,
// the defaults) run their planned 500 iterations; each is then continued to
// LENGTH iterations with its tuned split–merge rate multiplied by each
// FACTOR (0: Gibbs sweeps alone), and judged on the last four fifths.
// Usage: split_merge_rate_benchmark [LENGTH [FACTOR...]] (defaults 8000; 0 1 3 10)
#include <algorithm>
#include <cmath>
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

struct Hard {
  const char* model;
  const char* prompt;
  const char* concept;
  std::size_t people;
};

const Hard kHard[] = {
    {"llama2-chat", "prompt=nonsense", "Elizabeth Warren", 85}, {"llama2-chat", "prompt=nonsense", "a salmon", 82},
    {"llama2-chat", "prompt=random", "an ostrich", 94},         {"openchat", "prompt=random", "a chicken", 50},
    {"openchat", "prompt=random", "a finch", 50},               {"tulu-dpo", "prompt=random", "Elizabeth Warren", 91},
    {"tulu-dpo", "prompt=nonsense", "a finch", 46},             {"gemma-instruct", "prompt=nonsense", "a finch", 67},
    {"tulu-dpo", "prompt=identity", "Richard Nixon", 50},       {"tulu", "prompt=none", "an ostrich", 17},
};

}  // namespace

int main(int argc, char** argv) {
  const std::size_t length = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 8000;
  std::vector<double> factors;
  for (int a = 2; a < argc; ++a) factors.push_back(std::strtod(argv[a], nullptr));
  if (factors.empty()) factors = {0.0, 1.0, 3.0, 10.0};
  const ConceptDataset dataset = benchmark::shared_llm_dataset();
  ConceptOptions options;
  options.chains = 4;
  options.max_iterations = length;
  const std::vector<ChainTask> planned = plan_chain_tasks(dataset, options);
  for (const Hard& hard : kHard) {
    std::vector<ChainTask> tasks;
    for (const auto& t : planned) {
      const auto& p = dataset.populations[t.population];
      if (t.partner != ChainTask::kNoPartner || t.people != hard.people) continue;
      if (p.label.name.rfind(std::string(hard.model) + " ", 0) != 0) continue;
      if (p.label.name.find(hard.prompt) == std::string::npos || p.label.name.find("temp=default") == std::string::npos) continue;
      if (p.concepts[t.concept].concept != hard.concept) continue;
      tasks.push_back(t);
    }
    if (tasks.size() != 4) {
      std::printf("%s %s %s %zu: %zu chains found\n", hard.model, hard.prompt, hard.concept, hard.people, tasks.size());
      continue;
    }
    std::vector<ChainResult> start;
    for (const auto& t : tasks) start.push_back(run_chain_task(dataset, options, t));
    std::printf("%s %s / %s / %zu (tuned rates", hard.model, hard.prompt, hard.concept, hard.people);
    for (const auto& r : start) std::printf(" %.3f", r.state.restaurant.split_merge_rate);
    std::printf("):\n");
    for (double factor : factors) {
      std::vector<ChainResult> results = start;
      const double before = processor_seconds();
      for (std::size_t c = 0; c < tasks.size(); ++c) {
        results[c].state.restaurant.split_merge_rate *= factor;
        ChainTask task = tasks[c];
        task.iterations = length;
        continue_chain_task(dataset, options, task, results[c]);
      }
      const double seconds = processor_seconds() - before;
      const std::size_t burn_in = counted_burn_in(options, length);
      std::vector<std::vector<IterationRecord>> counted(results.size());
      std::vector<const std::vector<IterationRecord>*> pointers;
      for (std::size_t c = 0; c < results.size(); ++c) {
        for (const auto& r : results[c].recorded) {
          if (r.iteration >= burn_in) counted[c].push_back(r);
        }
        pointers.push_back(&counted[c]);
      }
      const CellConvergence cv = judge_cell(pointers, length, burn_in);
      std::printf("  rate x%-4g %6.2f s  P(same table) R-hat %.4f bulk %6.1f tail %6.1f | tables R-hat %.4f bulk %6.1f "
                  "tail %6.1f | min bulk-ESS per s %7.1f  %s\n",
                  factor, seconds, cv.p_same_table.r_hat, cv.p_same_table.ess_bulk, cv.p_same_table.ess_tail,
                  cv.tables.r_hat, cv.tables.ess_bulk, cv.tables.ess_tail,
                  std::min(cv.p_same_table.ess_bulk, std::isnan(cv.tables.ess_bulk) ? 1e300 : cv.tables.ess_bulk) / seconds,
                  to_string(cv.verdict));
      std::fflush(stdout);
    }
  }
  return 0;
}
