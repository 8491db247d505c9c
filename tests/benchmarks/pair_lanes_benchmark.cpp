// Processor time per pair of the colour task's population ΔE (CIE76, every
// pair of N random colours), three ways: the blocks of rows in F64x2 lanes as
// the analyses run them; the same code with the lanes in plain C++ (the
// build `pair_lanes_benchmark_plain`, SHOAL_PLAIN_LANES: what the compiler
// makes of it alone); and one pair at a time into Welford's running moments,
// the loop the analyses used before the blocks. Not a test: run by hand,
// best of ROUNDS.
//   build/native/tests/pair_lanes_benchmark [N [ROUNDS]]
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <vector>

#include "color/lab_pairs.hpp"
#include "stats/descriptive.hpp"
#include "stats/rng.hpp"
#include "../color/random_colours.hpp"

using namespace shoal;
using test::random_colours;

namespace {

template <typename Run>
double best_seconds(int rounds, Run run) {
  double best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    const std::clock_t start = std::clock();
    run();
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 12000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  Rng rng(3);
  const std::vector<Lab> first = random_colours(n, rng), second = random_colours(n, rng);
  const double pairs = static_cast<double>(n) * static_cast<double>(n - 1);

  const LabPairDistances lanes(first, second, DeltaEFormula::Cie76);
  PopulationDistance blocks;
  const double block_seconds =
      best_seconds(rounds, [&] { blocks = population_distance(n, PairRule::All, PairSampling{}, lanes); });
  MeanInterval welford;
  const double welford_seconds = best_seconds(rounds, [&] {
    RunningMoments m;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if (j != i) m.add(delta_e76(first[i], second[j]));
      }
    }
    welford = m.interval();
  });
#if defined(SHOAL_PLAIN_LANES)
  const char* build = "plain C++ lanes";
#else
  const char* build = "vector lanes";
#endif
  std::printf("%zu individuals, best of %d: blocks (%s) %.2f ns a pair, one at a time (Welford) %.2f ns a pair; "
              "mean ΔE %.17g against %.17g\n",
              n, rounds, build, block_seconds / pairs * 1e9, welford_seconds / pairs * 1e9, blocks.distance.mean,
              welford.mean);
  return std::abs(blocks.distance.mean - welford.mean) <= 1e-9 * welford.mean ? 0 : 1;
}
