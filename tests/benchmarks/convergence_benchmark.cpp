// Run until converged, measured on the paper's 48 LLM files with the
// defaults and 4 chains: the share of varying cells that pass, the cells
// that do not, and the processor time against the same run at a fixed 500
// iterations (--max-iterations 500), both timed here, one after the other,
// on one core. The time is split by phase (the planned chains, the continued
// ones, the judging between rounds, the summaries), the work of the
// continued chains into plain and tempered, and every continued cell is
// listed with its length, tempering, diagnostics and work. Then one hard
// cell alone, openchat/random "a chicken" at 50 people, before and after:
// R-hat, bulk-ESS and bulk-ESS per second.
// Usage: convergence_benchmark [MAX_ITERATIONS] (default: the settings').
//
// Measured (seed 1, one process per configuration, both run at the same
// time on a shared 2-core machine; processor time):
//   before (doubling blocks, tempering from the first stall, the tuned
//   split–merge rate throughout; --max-iterations 4000): fixed 500 19.8 s,
//   run until converged 44.0 s (2.22x), 806 of 831 varying cells pass
//   (97.0%); of the 24.2 s added, continued chains 16.8 s (30.6 million
//   person-reseatings plainly, 92.6 million tempered over all rungs, 39
//   cells tempered, 20 of those pass), judging between rounds 3.6 s,
//   summaries of the longer chains 2.5 s; the chicken cell: R-hat 1.0189,
//   bulk-ESS 185, tail-ESS 38 at 4,000 (tempered from 500), 226 bulk-ESS
//   per second (R-hat 1.7295 and bulk-ESS 6.5 at 500).
//   after (continued chains at ten times the split–merge rate, blocks as
//   long as the ESS predicts, no tempering before the first continued
//   block, only continued cells judged; --max-iterations 12000): fixed 500
//   19.8 s, run until converged 51.3 s (2.59x), 831 of 831 pass (100%); of
//   the 31.5 s added, continued chains 27.6 s (23.6 million plainly, 36.6
//   million tempered, 11 cells tempered, all pass), judging 0.9 s,
//   summaries 1.8 s; no cell needed more than 8,000 iterations; the chicken
//   cell: R-hat 1.0009, bulk-ESS 1,587, tail-ESS 429 at 6,500 (tempered
//   from 1,000), 484 bulk-ESS per second.
//   Bulk-ESS of P(same table) per second over all varying cells: 50,943
//   fixed, 21,272 run until converged (before: 24,722).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "concept/convergence_summary.hpp"
#include "concept/diversity.hpp"
#include "concept/tempering.hpp"
#include "io/text_input.hpp"
#include "benchmark_support.hpp"

using namespace shoal;
using benchmark::processor_seconds;
namespace fs = std::filesystem;

namespace {

struct Timed {
  ConceptAnalysis analysis;
  double seconds = 0.0;
  // Processor time in the analysis' batches, by what they run ("chains",
  // "chains continued", "concepts summarised"); the rest of `seconds` is
  // spent between batches, judging the cells after each round.
  std::map<std::string, double> batches;
};

Timed timed_run(const ConceptDataset& dataset, const ConceptOptions& options) {
  Timed t;
  const TaskRunner runner = [&](const char* what, std::size_t count, const IndexedTask& task) {
    const double start = processor_seconds();
    run_in_order(what, count, task);
    std::string name = what;
    name = name.substr(0, name.find(" (round"));
    t.batches[name] += processor_seconds() - start;
  };
  const double start = processor_seconds();
  t.analysis = analyse_concepts(dataset, options, {}, runner);
  t.seconds = processor_seconds() - start;
  return t;
}

// Sum of the bulk-ESS of P(same table) over the varying cells.
double total_bulk_ess(const ConceptAnalysis& analysis) {
  double total = 0.0;
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& s : c.subsets) {
        if (std::isfinite(s.convergence.p_same_table.ess_bulk)) total += s.convergence.p_same_table.ess_bulk;
      }
    }
  }
  return total;
}

// A cell's person-reseatings past the planned iterations, plain and tempered
// (every rung of a tempered iteration counted), over its chains.
struct ContinuedWork {
  double plain = 0.0, tempered = 0.0;
};

ContinuedWork continued_work(const SubsetResult& s, std::size_t planned) {
  const auto& cv = s.convergence;
  ContinuedWork w;
  if (cv.iterations <= planned) return w;
  const double people = static_cast<double>(s.people), chains = static_cast<double>(s.chains.size());
  const std::size_t from = cv.tempering.from_iteration > 0 ? cv.tempering.from_iteration : cv.iterations;
  const double rungs = static_cast<double>(TemperingOptions{}.ladder.size());
  w.plain = chains * people * static_cast<double>(from - planned);
  w.tempered = chains * people * rungs * static_cast<double>(cv.iterations - from);
  return w;
}

void describe(const char* name, const Timed& run) {
  const ConvergenceSummary s = summarise_convergence(run.analysis);
  const std::size_t planned = run.analysis.options.iterations;
  std::size_t extended = 0, tempered = 0, tempered_passed = 0;
  double planned_work = 0.0;
  ContinuedWork work;
  for (const auto& p : run.analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& sub : c.subsets) {
        planned_work += static_cast<double>(sub.chains.size() * sub.people * planned);
        const ContinuedWork w = continued_work(sub, planned);
        work.plain += w.plain;
        work.tempered += w.tempered;
        extended += sub.convergence.iterations > planned;
        if (sub.convergence.tempering.from_iteration == 0) continue;
        ++tempered;
        tempered_passed += sub.convergence.verdict == CellVerdict::Passed;
      }
    }
  }
  std::printf("%-24s %8.1f s  %zu cells, %zu vary, %zu pass (%.2f%%), %zu continued past %zu, %zu of them "
              "tempered (%zu of those pass); bulk-ESS of P(same table) per second %.1f\n",
              name, run.seconds, s.cells, s.varying, s.passed, 100.0 * s.passed / s.varying, extended, planned,
              tempered, tempered_passed, total_bulk_ess(run.analysis) / run.seconds);
  double in_batches = 0.0;
  std::printf("    processor time:");
  for (const auto& [what, seconds] : run.batches) {
    std::printf(" %s %.1f s;", what.c_str(), seconds);
    in_batches += seconds;
  }
  std::printf(" judging and bookkeeping between rounds %.1f s\n", run.seconds - in_batches);
  std::printf("    person-reseatings (millions): planned %.1f, continued plainly %.1f, tempered (all rungs) %.1f\n",
              planned_work / 1e6, work.plain / 1e6, work.tempered / 1e6);
  for (const auto& cell : s.failed) {
    std::string failed;
    for (const auto& f : cell.failed) failed += (failed.empty() ? "" : "; ") + f;
    std::printf("    %s / %s / %zu, %zu iterations: %s\n", cell.population.c_str(), cell.concept.c_str(), cell.people,
                cell.iterations, failed.c_str());
  }
  // Every continued cell: its length, tempering, work and diagnostics.
  std::printf("    continued cells: population / concept / people: iterations, tempered from, verdict; P(same table) "
              "R-hat, bulk-ESS, tail-ESS; tables R-hat, bulk-ESS, tail-ESS; continued reseatings (millions); "
              "exchange acceptance\n");
  for (const auto& p : run.analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& sub : c.subsets) {
        const auto& cv = sub.convergence;
        if (cv.iterations <= planned) continue;
        const ContinuedWork w = continued_work(sub, planned);
        std::printf("      %s / %s / %zu: %zu, %zu, %s; %.4f %.1f %.1f; %.4f %.1f %.1f; %.2f;", p.label.name.c_str(),
                    c.concept.c_str(), sub.people, cv.iterations, cv.tempering.from_iteration, to_string(cv.verdict),
                    cv.p_same_table.r_hat, cv.p_same_table.ess_bulk, cv.p_same_table.ess_tail, cv.tables.r_hat,
                    cv.tables.ess_bulk, cv.tables.ess_tail, (w.plain + w.tempered) / 1e6);
        for (double a : cv.tempering.exchange_acceptance) std::printf(" %.2f", a);
        std::printf("\n");
      }
    }
  }
  std::fflush(stdout);
}

void describe_cell(const char* name, const Timed& run) {
  const auto& cv = run.analysis.populations.at(0).concepts.at(0).subsets.at(0).convergence;
  std::printf("%-10s %zu iterations, %.2f s: R-hat %.4f, bulk-ESS %.1f, tail-ESS %.1f, bulk-ESS per second %.1f; %s; "
              "tempered from %zu\n",
              name, cv.iterations, run.seconds, cv.p_same_table.r_hat, cv.p_same_table.ess_bulk,
              cv.p_same_table.ess_tail, cv.p_same_table.ess_bulk / run.seconds, to_string(cv.verdict),
              cv.tempering.from_iteration);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const ConceptDataset dataset = benchmark::shared_llm_dataset();

  ConceptOptions adaptive;   // the defaults, with 4 chains
  adaptive.chains = 4;
  adaptive.max_iterations = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : kDefaultMaxIterations;
  ConceptOptions fixed = adaptive;
  fixed.max_iterations = fixed.iterations;

  // The hard cell alone.
  ConceptDataset chicken;
  for (const auto& p : dataset.populations) {
    if (p.label.name.find("openchat") == std::string::npos || p.label.name.find("random") == std::string::npos) continue;
    for (const auto& c : p.concepts) {
      if (c.concept != "a chicken") continue;
      ConceptPopulation only = p;
      only.concepts = {c};
      chicken.populations.push_back(only);
    }
  }
  if (chicken.populations.size() == 1) {
    ConceptOptions a = adaptive, f = fixed;
    a.subset_sizes = f.subset_sizes = {50};
    std::printf("openchat/random \"a chicken\", 50 people, 4 chains, seed %llu:\n",
                static_cast<unsigned long long>(a.seed));
    describe_cell("before", timed_run(chicken, f));
    describe_cell("after", timed_run(chicken, a));
  }

  std::printf("%zu populations, 4 chains, defaults, --max-iterations %zu against 500, one core, processor time:\n",
              dataset.populations.size(),
              adaptive.max_iterations);
  const Timed before = timed_run(dataset, fixed);
  describe("fixed 500", before);
  const Timed after = timed_run(dataset, adaptive);
  describe("run until converged", after);
  std::printf("time ratio %.2f\n", after.seconds / before.seconds);
  return 0;
}
