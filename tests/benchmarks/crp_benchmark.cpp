// Timing and mixing of the two sampler kernels, side by side in one run:
// one iteration on 87 individuals × 36 questions, and the paper's whole
// clustering (every file × concept × subset size) with CHAINS chains
// (default 4) of ITERATIONS iterations (default 500, the paper's) after
// BURN_IN (default 100) not recorded, seed SEED (default 5), one core. Per kernel:
// time, how many (concept, subset) cells have R-hat of P(same table) at most
// 1.01 and 1.05, the worst cells, and effective draws of P(same table) per
// second. The kernels run file by file in turn, so that load from other
// processes falls on both alike.
//
// R-hat is the product's (Gelman–Rubin over whole chains, as reported);
// beside it, for the same draws, the split R-hat of Gelman et al., Bayesian
// Data Analysis (3rd ed., §11.4) and the rank-normalised split R-hat of
// Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021, the larger of bulk and
// folded), which are stricter.
//
// Usage: crp_benchmark [SHARED_DIR [CHAINS [SEED [ITERATIONS [BURN_IN]]]]]
// (CHAINS 0: the per-iteration times only)

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/text_input.hpp"
#include "stats/convergence.hpp"
#include "stats/wide_lanes.hpp"

#include "benchmark_support.hpp"

using namespace shoal;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Seconds of processor time per iteration of one chain after a short
// warm-up, and the mean number of tables it had: with two lanes and, where
// the processor has them, four (stats/wide_lanes.hpp), in turn, three
// rounds of each, the best round of each printed.
void time_iterations(const std::string& what, const AnswerMatrix& answers, std::size_t iterations) {
  const bool wide = wide_lanes::on();
  for (const SamplerKernel kernel : {SamplerKernel::Gibbs, SamplerKernel::SplitMerge}) {
    double best[2] = {INFINITY, INFINITY}, tables[2] = {0.0, 0.0};
    for (int round = 0; round < 3; ++round) {
      for (int lanes = 0; lanes < (wide ? 2 : 1); ++lanes) {
        wide_lanes::use(lanes == 1);
        const CrpModel model;
        Rng rng(1);
        Restaurant restaurant(answers, model);
        for (int i = 0; i < 20; ++i) restaurant.iterate(rng, kernel);
        double seated = 0.0;
        const double start = benchmark::processor_seconds();
        for (std::size_t i = 0; i < iterations; ++i) {
          restaurant.iterate(rng, kernel);
          seated += static_cast<double>(restaurant.tables());
        }
        const double per_iteration = (benchmark::processor_seconds() - start) / static_cast<double>(iterations);
        best[lanes] = std::min(best[lanes], per_iteration);
        tables[lanes] = seated / static_cast<double>(iterations);
      }
    }
    wide_lanes::use(true);
    for (int lanes = 0; lanes < (wide ? 2 : 1); ++lanes) {
      std::printf("%-11s %-58s %8.2f µs per iteration, %s lanes (%zu × %zu, %.1f tables on average)\n",
                  to_string(kernel), what.c_str(), best[lanes] * 1e6, lanes == 1 ? "four" : "two", answers.people,
                  answers.questions, tables[lanes]);
    }
  }
}

double nan_as_stuck(double r) { return std::isnan(r) ? INFINITY : r; }

struct Cell {
  std::string where;
  double r_hat = 0.0;   // +inf when the chains sit still at different values
  double ess = 0.0;
  double split_r_hat = 0.0, rank_r_hat = 0.0;
};

struct KernelRun {
  SamplerKernel kernel;
  double seconds = 0.0;
  std::vector<Cell> cells;
};

// The classic whole-chain Gelman–Rubin R-hat of P(same table), which this
// benchmark compares with the split and rank-normalised ones.
double r_hat_or_stuck(const SubsetResult& s) {
  DrawsByChain same;
  for (const auto& chain : s.chains) {
    same.emplace_back();
    for (const auto& record : chain.trace) same.back().push_back(record.p_same_table);
  }
  const double r = potential_scale_reduction(same);
  if (std::isfinite(r)) return r;
  if (s.convergence.verdict == CellVerdict::Constant) return 1.0;
  // Every chain constant, but not at one value.
  return s.chains.size() > 1 ? INFINITY : NAN;
}

void report(const KernelRun& run) {
  std::size_t with_r_hat = 0, within_101 = 0, within_105 = 0, split_101 = 0, rank_101 = 0, split_105 = 0, rank_105 = 0;
  double ess = 0.0;
  std::size_t with_ess = 0;
  for (const auto& cell : run.cells) {
    if (!std::isnan(cell.r_hat)) {
      ++with_r_hat;
      within_101 += cell.r_hat <= 1.01;
      within_105 += cell.r_hat <= 1.05;
      split_101 += cell.split_r_hat <= 1.01;
      split_105 += cell.split_r_hat <= 1.05;
      rank_101 += cell.rank_r_hat <= 1.01;
      rank_105 += cell.rank_r_hat <= 1.05;
    }
    if (std::isfinite(cell.ess)) {
      ess += cell.ess;
      ++with_ess;
    }
  }
  std::printf("%-11s %.2f s; R-hat of P(same table) ≤ 1.01 in %zu of %zu cells (%.2f%%), ≤ 1.05 in %.2f%%; "
              "effective draws of P(same table): %.0f over %zu cells, %.0f per second\n",
              to_string(run.kernel), run.seconds, within_101, with_r_hat, 100.0 * within_101 / with_r_hat,
              100.0 * within_105 / with_r_hat, ess, with_ess, ess / run.seconds);
  std::printf("            split R-hat ≤ 1.01 in %.2f%%, ≤ 1.05 in %.2f%%; rank-normalised split R-hat ≤ 1.01 in %.2f%%, "
              "≤ 1.05 in %.2f%%\n",
              100.0 * split_101 / with_r_hat, 100.0 * split_105 / with_r_hat, 100.0 * rank_101 / with_r_hat,
              100.0 * rank_105 / with_r_hat);
  std::vector<Cell> worst = run.cells;
  std::sort(worst.begin(), worst.end(), [](const Cell& a, const Cell& b) {
    return (std::isnan(a.r_hat) ? 0.0 : a.r_hat) > (std::isnan(b.r_hat) ? 0.0 : b.r_hat);
  });
  for (std::size_t k = 0; k < 5 && k < worst.size(); ++k) {
    std::printf("    R-hat %7.3f  ESS %7.1f  %s\n", worst[k].r_hat, worst[k].ess, worst[k].where.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : SHOAL_SHARED_DIR;
  // The options every run shares, checked as an analysis checks them.
  ConceptOptions base;
  base.chains = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 4;
  base.seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 5;
  if (argc > 4) base.iterations = std::strtoul(argv[4], nullptr, 10);
  if (argc > 5) base.burn_in = std::strtoul(argv[5], nullptr, 10);
  base.keep_traces = true;
  const bool timings_only = base.chains == 0;
  if (timings_only) base.chains = 1;
  try {
    validate(base);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "crp_benchmark: %s\n", e.what());
    return 2;
  }
  const auto folder = shared / "paper-data" / "concept-task" / "llm-responses";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<ConceptDataset> datasets;
  for (const auto& file : files) {
    datasets.push_back(load_concept_inputs({read_text_input(file.string())}, {ConceptInputOptions{}}));
  }

  // 87 × 36 from real data: the concept with at least 87 complete
  // individuals whose clustering has the most tables (the slowest kind).
  {
    AnswerMatrix busiest;
    std::string label;
    double most_tables = -1.0;
    for (std::size_t f = 0; f < files.size(); ++f) {
      for (const auto& concept : datasets[f].populations[0].concepts) {
        if (concept.complete.size() < 87) continue;
        const AnswerMatrix answers = answer_matrix(concept, 87);
        Rng rng(1);
        Restaurant restaurant(answers, CrpModel{});
        for (int i = 0; i < 30; ++i) restaurant.sweep(rng);
        if (static_cast<double>(restaurant.tables()) > most_tables) {
          most_tables = static_cast<double>(restaurant.tables());
          busiest = answers;
          label = files[f].filename().string() + " / " + concept.concept;
        }
      }
    }
    if (most_tables >= 0) time_iterations("real: " + label, busiest, 20000);
    // Worst case: 87 people answering at random, so they hardly share tables.
    AnswerMatrix random{87, 36, {}};
    Rng rng(42);
    for (std::size_t k = 0; k < 87 * 36; ++k) random.values.push_back(static_cast<std::uint8_t>(rng.below(2)));
    time_iterations("synthetic: 87 individuals answering at random", random, 20000);
  }
  if (timings_only) return 0;

  std::vector<KernelRun> runs = {{SamplerKernel::Gibbs}, {SamplerKernel::SplitMerge}};
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (auto& run : runs) {
      ConceptOptions options = base;
      options.kernel = run.kernel;
      const auto start = std::chrono::steady_clock::now();
      const auto analysis = analyse_concepts(datasets[f], options);
      run.seconds += seconds_since(start);
      for (const auto& concept : analysis.populations[0].concepts) {
        for (const auto& subset : concept.subsets) {
          Cell cell{files[f].stem().string() + " | " + concept.concept + " | " + std::to_string(subset.people),
                    r_hat_or_stuck(subset), subset.convergence.p_same_table.ess_bulk};
          if (!std::isnan(cell.r_hat)) {
            DrawsByChain same;
            for (const auto& chain : subset.chains) {
              same.emplace_back();
              for (const auto& record : chain.trace) same.back().push_back(record.p_same_table);
            }
            cell.split_r_hat = nan_as_stuck(potential_scale_reduction(split_chains(same)));
            const ConvergenceDiagnostics rank = convergence_diagnostics(same);
            cell.rank_r_hat = rank.constant ? 1.0 : rank.r_hat;
          }
          run.cells.push_back(cell);
        }
      }
    }
  }
  std::printf("the paper's clustering: %zu files, %zu (concept, subset) cells × %zu chains × %zu iterations (burn-in %zu), "
              "seed %llu, one core, kernels in turn file by file\n",
              files.size(), runs[0].cells.size(), base.chains, base.iterations, base.burn_in,
              static_cast<unsigned long long>(base.seed));
  for (const auto& run : runs) report(run);
  // Effective draws per second over the cells where both kernels have an
  // ESS (a quantity that never moves has none).
  double ess[2] = {0.0, 0.0};
  std::size_t common = 0;
  for (std::size_t c = 0; c < runs[0].cells.size(); ++c) {
    if (!std::isfinite(runs[0].cells[c].ess) || !std::isfinite(runs[1].cells[c].ess)) continue;
    ++common;
    for (int k = 0; k < 2; ++k) ess[k] += runs[k].cells[c].ess;
  }
  std::printf("time split-merge / gibbs: %.3f; over the %zu cells where both have an ESS, effective draws of "
              "P(same table) per second: gibbs %.0f, split-merge %.0f (ratio %.2f)\n",
              runs[1].seconds / runs[0].seconds, common, ess[0] / runs[0].seconds, ess[1] / runs[1].seconds,
              (ess[1] / runs[1].seconds) / (ess[0] / runs[0].seconds));
  const char* named[] = {"llama2-chat-prompt=nonsense-temp=default | a penguin | 50",
                         "gemma-instruct-prompt=nonsense-temp=default | an eagle | 50",
                         "openchat-prompt=nonsense-temp=default | a chicken | 50"};
  for (const char* where : named) {
    for (const auto& run : runs) {
      for (const auto& cell : run.cells) {
        if (cell.where == where) {
          std::printf("%-11s %s: R-hat %.3f, ESS %.1f\n", to_string(run.kernel), where, cell.r_hat, cell.ess);
        }
      }
    }
  }
  return 0;
}
