// Parallel tempering on one metastable cell, against plain chains, side by
// side in one run. The cell (default: openchat, prompt random, "a chicken",
// 50 people) runs the product's chains (seed SEED, CHAINS chains, each with
// its own stream as an analysis derives it) through the burn-in of 100
// iterations with the split–merge rate tuned, as run_chain does; from there
// each chain is continued for DRAWS recorded iterations twice: plainly (the
// same numbers as a run of 100 + DRAWS iterations) and with tempering over a
// geometric ladder of RUNGS powers down to LOWEST. For P(same table), the
// number of tables and the log posterior: R-hat, bulk- and tail-ESS
// (stats/convergence.hpp), and effective draws of P(same table) per second
// of the continuation (this process's processor time, not the wall clock's,
// so that other processes on a shared machine weigh less). Also the
// exchange rates between neighbouring rungs.
//
// Usage: tempering_benchmark [SHARED_DIR [FILE [CONCEPT [PEOPLE [CHAINS [SEED [DRAWS [RUNGS [LOWEST]]]]]]]]]

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "concept/tempering.hpp"
#include "io/text_input.hpp"
#include "stats/convergence.hpp"

using namespace shoal;

namespace {

struct Traces {
  DrawsByChain same, tables, log_posterior;
  double seconds = 0.0;
};

double processor_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

void record(Traces& traces, std::size_t chain, const Restaurant& r) {
  traces.same[chain].push_back(r.p_same_table());
  traces.tables[chain].push_back(static_cast<double>(r.tables()));
  traces.log_posterior[chain].push_back(r.log_posterior());
}

void report(const char* what, const Traces& t) {
  const auto same = convergence_diagnostics(t.same), tables = convergence_diagnostics(t.tables),
             log_posterior = convergence_diagnostics(t.log_posterior);
  std::printf("%-34s %8.2f s | P(same table): R-hat %.3f, bulk-ESS %7.1f, tail-ESS %7.1f, %6.2f ESS/s | tables: "
              "R-hat %.3f, bulk-ESS %7.1f | log posterior: R-hat %.3f, bulk-ESS %7.1f\n",
              what, t.seconds, same.r_hat, same.ess_bulk, same.ess_tail, same.ess_bulk / t.seconds, tables.r_hat,
              tables.ess_bulk, log_posterior.r_hat, log_posterior.ess_bulk);
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : SHOAL_SHARED_DIR;
  const std::string file = argc > 2 ? argv[2] : "openchat-prompt=random-temp=default.csv";
  const std::string concept_name = argc > 3 ? argv[3] : "a chicken";
  const std::size_t people = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 50;
  ConceptOptions options;
  options.chains = argc > 5 ? std::strtoul(argv[5], nullptr, 10) : 4;
  options.seed = argc > 6 ? std::strtoull(argv[6], nullptr, 10) : 9;
  const std::size_t draws = argc > 7 ? std::strtoul(argv[7], nullptr, 10) : 4000;
  TemperingOptions tempering;
  if (argc > 8) tempering.ladder = geometric_ladder(std::strtoul(argv[8], nullptr, 10), argc > 9 ? std::atof(argv[9]) : kDefaultLowestPower);

  const auto path = shared / "paper-data" / "concept-task" / "llm-responses" / file;
  const ConceptDataset dataset = load_concept_inputs({read_text_input(path.string())}, {ConceptInputOptions{}});
  std::vector<ChainTask> tasks;
  for (const auto& task : plan_chain_tasks(dataset, options)) {
    if (task.people == people && dataset.populations[task.population].concepts[task.concept].concept == concept_name) {
      tasks.push_back(task);
    }
  }
  if (tasks.empty()) {
    std::fprintf(stderr, "tempering_benchmark: no cell %s / %zu in %s\n", concept_name.c_str(), people, file.c_str());
    return 2;
  }
  const AnswerMatrix answers = answer_matrix(dataset.populations[tasks[0].population].concepts[tasks[0].concept], people);
  std::printf("%s | %s | %zu people, %zu chains, seed %llu: burn-in %zu, then %zu draws per chain; ladder",
              file.c_str(), concept_name.c_str(), people, tasks.size(), static_cast<unsigned long long>(options.seed),
              options.burn_in, draws);
  for (double beta : tempering.ladder) std::printf(" %.4g", beta);
  std::printf("\n");

  Traces plain{DrawsByChain(tasks.size()), DrawsByChain(tasks.size()), DrawsByChain(tasks.size())};
  Traces tempered = plain;
  std::vector<double> proposed(tempering.ladder.size() - 1, 0.0), accepted(proposed);
  for (std::size_t c = 0; c < tasks.size(); ++c) {
    // The burn-in exactly as run_chain runs it.
    Rng rng(tasks[c].seed);
    Restaurant burnt_in(answers, options.model);
    for (std::size_t iteration = 0; iteration < options.burn_in; ++iteration) {
      if (iteration == options.burn_in / 2) burnt_in.start_tuning_split_merge_rate();
      burnt_in.iterate(rng, options.kernel);
    }
    if (options.burn_in > 0) burnt_in.tune_split_merge_rate();
    {
      Restaurant restaurant = burnt_in;
      Rng stream = rng;
      const double start = processor_seconds();
      for (std::size_t i = 0; i < draws; ++i) {
        restaurant.iterate(stream, options.kernel);
        record(plain, c, restaurant);
      }
      plain.seconds += processor_seconds() - start;
    }
    {
      const double start = processor_seconds();
      tempering.kernel = options.kernel;
      TemperedChain chain(burnt_in, tasks[c].seed, tempering);
      for (std::size_t i = 0; i < draws; ++i) {
        chain.iterate();
        record(tempered, c, chain.target());
      }
      tempered.seconds += processor_seconds() - start;
      for (std::size_t r = 0; r + 1 < tempering.ladder.size(); ++r) {
        proposed[r] += static_cast<double>(chain.exchanges().proposed[r]);
        accepted[r] += static_cast<double>(chain.exchanges().accepted[r]);
      }
    }
  }
  report("plain split-merge", plain);
  report("with parallel tempering", tempered);
  std::printf("exchange acceptance by neighbouring pair:");
  for (std::size_t r = 0; r < proposed.size(); ++r) std::printf(" %.3f", accepted[r] / proposed[r]);
  std::printf("\n");
  return 0;
}
