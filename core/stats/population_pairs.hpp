#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stats/descriptive.hpp"

namespace shoal {

// The population distance of an item (stats/variability.hpp): the mean
// distance between the block-1 answer of one individual and the block-2
// answer of another, over pairs of different individuals. Its work grows
// with the square of the individuals, so it is cut into units (blocks of
// rows, or of sampled pairs) that may run on any threads in any order; the
// result combines them in one fixed order and so does not depend on how
// they ran.

// How pairs of different individuals are formed for the population distance.
enum class PairRule {
  All,     // every ordered pair i ≠ j: does not depend on the order of ids
  Paper,   // i < j in ascending id order, as the paper's code did
};

const char* to_string(PairRule rule);
std::optional<PairRule> pair_rule_from_string(const std::string& text);

// When an item has too many individuals for every pair: beyond
// `most_exact` individuals, `samples` pairs drawn uniformly (with
// replacement) from the item's pairs, with the stream `seed`.
struct PairSampling {
  std::size_t most_exact = SIZE_MAX;
  std::size_t samples = 0;
  std::uint64_t seed = 0;
};

// The distances of an item's answers: first[i] against second[j].
class PairDistanceSource {
 public:
  virtual ~PairDistanceSource() = default;
  // out[k] = d(first[i], second[begin + k]) for k in [0, end - begin).
  virtual void row(std::size_t i, std::size_t begin, std::size_t end, double* out) const = 0;
  // out[k] = d(first[i[k]], second[j[k]]) for k in [0, count).
  virtual void pairs(const std::uint32_t* i, const std::uint32_t* j, std::size_t count, double* out) const = 0;
};

// For an item whose population distance was estimated from sampled pairs:
// how many, and the Monte Carlo standard errors of the estimates.
struct SampledPairs {
  std::size_t pairs = 0;
  double mean_mc_error = 0.0;   // sd / √pairs
  double sd_mc_error = 0.0;     // √(m4 − m2²) / (2·sd·√pairs), m2, m4 the central moments of the sample
};

struct PopulationDistance {
  // Over the item's pairs, n their number whether sampled or not: with
  // sampling, mean and sd are the sample's and the interval is theirs with
  // that n.
  MeanInterval distance;
  std::optional<SampledPairs> sampled;
};

// One item's population distance, as units of work.
class PopulationPairs {
 public:
  PopulationPairs(std::size_t individuals, PairRule rule, const PairSampling& sampling);
  bool sampled() const { return sampled_; }
  std::size_t units() const { return units_; }
  // The distances unit `unit` computes, for a progress meter.
  double unit_pairs(std::size_t unit) const;
  // Each unit once, on any thread, in any order; a unit writes only its own
  // slots.
  void run(std::size_t unit, const PairDistanceSource& distances);
  // Once every unit has run.
  PopulationDistance result() const;

 private:
  std::size_t n_;
  PairRule rule_;
  PairSampling sampling_;
  bool sampled_;
  std::size_t per_unit_;   // rows, or sampled pairs
  std::size_t units_;
  // Exact: the moments of each row's distances. Sampled: those of each
  // unit's draws, up to the fourth (count, mean, m2, m3, m4).
  std::vector<RunningMoments> rows_;
  std::vector<double> blocks_;
};

// Every unit in order on the calling thread.
PopulationDistance population_distance(std::size_t individuals, PairRule rule, const PairSampling& sampling,
                                       const PairDistanceSource& distances);

// The moments of x[0..count) summed in the lanes of F64x2, in an order that
// does not depend on the build: the same bits natively and in WebAssembly.
RunningMoments lane_moments(const double* x, std::size_t count);

}  // namespace shoal
