// The sampler's speed on the paper's two-option data, written against the
// part of the sampler's interface that has not changed since it was first
// written (Restaurant, iterate, run_chain, the recorded quantities), so that
// the same source builds against an older version of the core and the two
// binaries can be timed in turn by tests/benchmarks/crp_speed_versus.sh.
//
// Every (file, concept, subset of 25/50/75/100) cell of the paper's LLM data
// runs one chain of ITERATIONS iterations (default 60) from seed 1 + cell
// index, twice per kernel:
// - the sampler alone (gibbs, split-merge): Restaurant::iterate and, after
//   each iteration, the tables, P(same table) and log posterior;
// - the chain as an analysis runs it (gibbs-chain, split-merge-chain):
//   run_chain, with whatever that version records of each draw, every
//   iteration recorded (no burn-in).
// Either way the split–merge rate is left at its initial value (not tuned),
// so that versions whose tuning differs still do the same work. Per line:
// seconds of processor time (this process's, not the wall clock's, so that
// other processes on a shared machine weigh less), and a checksum of every
// recorded number, which is equal between two versions exactly when their
// chains are equal bit for bit.
//
// Usage: crp_speed [SHARED_DIR [ITERATIONS]]

#include <algorithm>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "concept/responses.hpp"
#include "io/text_input.hpp"

using namespace shoal;

namespace {

double processor_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Order-dependent hash of the bits of each number.
void mix(std::uint64_t& hash, double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  hash = (hash ^ bits) * 0x100000001b3ull;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : SHOAL_SHARED_DIR;
  const std::size_t iterations = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 60;
  const auto folder = shared / "paper-data" / "concept-task" / "llm-responses";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<AnswerMatrix> cells;
  for (const auto& file : files) {
    const auto dataset = load_concept_inputs({read_text_input(file.string())}, {ConceptInputOptions{}});
    for (const auto& concept : dataset.populations[0].concepts) {
      for (const std::size_t people : {25, 50, 75, 100}) {
        if (concept.complete.size() >= people) cells.push_back(answer_matrix(concept, people));
      }
    }
  }
  for (const SamplerKernel kernel : {SamplerKernel::Gibbs, SamplerKernel::SplitMerge}) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    const double start = processor_seconds();
    for (std::size_t c = 0; c < cells.size(); ++c) {
      Rng rng(1 + c);
      Restaurant restaurant(cells[c], CrpModel{});
      for (std::size_t i = 0; i < iterations; ++i) {
        restaurant.iterate(rng, kernel);
        mix(hash, static_cast<double>(restaurant.tables()));
        mix(hash, restaurant.p_same_table());
        mix(hash, restaurant.log_posterior());
      }
    }
    const double seconds = processor_seconds() - start;
    std::printf("%s %.4f %016llx %zu\n", to_string(kernel), seconds, static_cast<unsigned long long>(hash),
                cells.size());
  }
  for (const SamplerKernel kernel : {SamplerKernel::Gibbs, SamplerKernel::SplitMerge}) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    ChainOptions options;
    options.iterations = iterations;
    options.burn_in = 0;   // every draw recorded, and the split–merge rate never tuned
    options.kernel = kernel;
    const double start = processor_seconds();
    for (std::size_t c = 0; c < cells.size(); ++c) {
      Rng rng(1 + c);
      const ChainResult result = run_chain(cells[c], CrpModel{}, options, rng);
      for (const IterationRecord& record : result.recorded) {
        mix(hash, static_cast<double>(record.tables));
        mix(hash, record.p_same_table);
        mix(hash, record.richness);
        mix(hash, record.log_posterior);
      }
    }
    const double seconds = processor_seconds() - start;
    std::printf("%s-chain %.4f %016llx %zu\n", to_string(kernel), seconds, static_cast<unsigned long long>(hash),
                cells.size());
  }
  return 0;
}
