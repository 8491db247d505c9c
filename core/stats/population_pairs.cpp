#include "stats/population_pairs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "stats/f64x2.hpp"
#include "stats/rng.hpp"

namespace shoal {
namespace {

// About a million distances a unit, a millisecond or two of work: enough
// units to keep every core busy on one large item, few enough that handing
// them out costs nothing.
constexpr std::size_t kPairsPerUnit = std::size_t{1} << 20;
constexpr std::size_t kSamplesPerUnit = std::size_t{1} << 16;

// Sum of x[0..count): four accumulators of two lanes (k mod 8 decides which
// lane of which), so that additions do not wait on one another, then
// ((a0 + a1) + (a2 + a3)) across, its two lanes, and the remainder in order.
double lane_sum(const double* x, std::size_t count) {
  F64x2 a0 = F64x2::zero(), a1 = a0, a2 = a0, a3 = a0;
  std::size_t k = 0;
  for (; k + 8 <= count; k += 8) {
    a0 = a0 + F64x2::load(x + k);
    a1 = a1 + F64x2::load(x + k + 2);
    a2 = a2 + F64x2::load(x + k + 4);
    a3 = a3 + F64x2::load(x + k + 6);
  }
  double sum = ((a0 + a1) + (a2 + a3)).lane_sum();
  for (; k < count; ++k) sum += x[k];
  return sum;
}

// Σ (x - mean)², in the same order as lane_sum.
double lane_squared_deviations(const double* x, std::size_t count, double mean) {
  const F64x2 m = F64x2::splat(mean);
  F64x2 a0 = F64x2::zero(), a1 = a0, a2 = a0, a3 = a0;
  std::size_t k = 0;
  for (; k + 8 <= count; k += 8) {
    const F64x2 d0 = F64x2::load(x + k) - m, d1 = F64x2::load(x + k + 2) - m;
    const F64x2 d2 = F64x2::load(x + k + 4) - m, d3 = F64x2::load(x + k + 6) - m;
    a0 = a0 + d0 * d0;
    a1 = a1 + d1 * d1;
    a2 = a2 + d2 * d2;
    a3 = a3 + d3 * d3;
  }
  double sum = ((a0 + a1) + (a2 + a3)).lane_sum();
  for (; k < count; ++k) sum += (x[k] - mean) * (x[k] - mean);
  return sum;
}

// The moments of a sample up to the fourth: count, mean and the sums of
// the second, third and fourth powers of the deviations from the mean.
struct FourMoments {
  double n = 0.0, mean = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0;
};

FourMoments four_moments(const double* x, std::size_t count) {
  FourMoments out;
  if (count == 0) return out;
  out.n = static_cast<double>(count);
  out.mean = lane_sum(x, count) / out.n;
  const F64x2 m = F64x2::splat(out.mean);
  F64x2 s2 = F64x2::zero(), s3 = s2, s4 = s2;
  std::size_t k = 0;
  for (; k + 2 <= count; k += 2) {
    const F64x2 d = F64x2::load(x + k) - m;
    const F64x2 d2 = d * d;
    s2 = s2 + d2;
    s3 = s3 + d2 * d;
    s4 = s4 + d2 * d2;
  }
  out.m2 = s2.lane_sum();
  out.m3 = s3.lane_sum();
  out.m4 = s4.lane_sum();
  for (; k < count; ++k) {
    const double d = x[k] - out.mean, d2 = d * d;
    out.m2 += d2;
    out.m3 += d2 * d;
    out.m4 += d2 * d2;
  }
  return out;
}

// The moments of a's values and b's together (Pébay 2008, eqs. 3.1–3.4).
FourMoments combined(const FourMoments& a, const FourMoments& b) {
  if (b.n == 0.0) return a;
  if (a.n == 0.0) return b;
  FourMoments out;
  out.n = a.n + b.n;
  const double delta = b.mean - a.mean, d_n = delta / out.n, d_n2 = d_n * d_n;
  const double term = delta * d_n * a.n * b.n;
  out.mean = a.mean + d_n * b.n;
  out.m2 = a.m2 + b.m2 + term;
  out.m3 = a.m3 + b.m3 + term * d_n * (a.n - b.n) + 3.0 * d_n * (a.n * b.m2 - b.n * a.m2);
  out.m4 = a.m4 + b.m4 + term * d_n2 * (a.n * a.n - a.n * b.n + b.n * b.n) +
           6.0 * d_n2 * (a.n * a.n * b.m2 + b.n * b.n * a.m2) + 4.0 * d_n * (a.n * b.m3 - b.n * a.m3);
  return out;
}

constexpr std::size_t kBlockFields = 5;

double pairs_of(std::size_t n, PairRule rule) {
  const double all = static_cast<double>(n) * static_cast<double>(n > 0 ? n - 1 : 0);
  return rule == PairRule::All ? all : all / 2.0;
}

}  // namespace

const char* to_string(PairRule rule) { return rule == PairRule::All ? "all" : "paper"; }

std::optional<PairRule> pair_rule_from_string(const std::string& text) {
  if (text == "all") return PairRule::All;
  if (text == "paper") return PairRule::Paper;
  return std::nullopt;
}

RunningMoments lane_moments(const double* x, std::size_t count) {
  if (count == 0) return {};
  const double mean = lane_sum(x, count) / static_cast<double>(count);
  return RunningMoments(count, mean, lane_squared_deviations(x, count, mean));
}

PopulationPairs::PopulationPairs(std::size_t individuals, PairRule rule, const PairSampling& sampling)
    : n_(individuals), rule_(rule), sampling_(sampling), sampled_(individuals > sampling.most_exact && individuals >= 2) {
  if (sampled_) {
    per_unit_ = kSamplesPerUnit;
    units_ = (sampling_.samples + per_unit_ - 1) / per_unit_;
    blocks_.assign(units_ * kBlockFields, 0.0);
  } else {
    per_unit_ = std::max<std::size_t>(1, kPairsPerUnit / std::max<std::size_t>(1, n_));
    units_ = (n_ + per_unit_ - 1) / per_unit_;
    rows_.resize(n_);
  }
}

double PopulationPairs::unit_pairs(std::size_t unit) const {
  const std::size_t begin = unit * per_unit_;
  if (sampled_) return static_cast<double>(std::min(per_unit_, sampling_.samples - begin));
  const std::size_t end = std::min(n_, begin + per_unit_);
  double pairs = 0.0;
  for (std::size_t i = begin; i < end; ++i) pairs += static_cast<double>(rule_ == PairRule::All ? n_ - 1 : n_ - 1 - i);
  return pairs;
}

void PopulationPairs::run(std::size_t unit, const PairDistanceSource& distances) {
  const std::size_t begin = unit * per_unit_;
  if (sampled_) {
    const std::size_t count = std::min(per_unit_, sampling_.samples - begin);
    // Each unit's own stream: the draws do not depend on which thread ran
    // which unit, or when.
    Rng rng(derive_seed(sampling_.seed, static_cast<std::uint64_t>(unit)));
    std::vector<std::uint32_t> first(count), second(count);
    for (std::size_t k = 0; k < count; ++k) {
      // Uniform over ordered pairs i ≠ j; for paper pairs the pair put in
      // id order, uniform over i < j.
      auto i = static_cast<std::uint32_t>(rng.below(n_));
      auto j = static_cast<std::uint32_t>(rng.below(n_ - 1));
      if (j >= i) ++j;
      if (rule_ == PairRule::Paper && i > j) std::swap(i, j);
      first[k] = i;
      second[k] = j;
    }
    std::vector<double> d(count);
    distances.pairs(first.data(), second.data(), count, d.data());
    const FourMoments m = four_moments(d.data(), count);
    double* slot = &blocks_[unit * kBlockFields];
    slot[0] = m.n;
    slot[1] = m.mean;
    slot[2] = m.m2;
    slot[3] = m.m3;
    slot[4] = m.m4;
    return;
  }
  const std::size_t end = std::min(n_, begin + per_unit_);
  std::vector<double> d(n_);
  for (std::size_t i = begin; i < end; ++i) {
    std::size_t count = 0;
    if (rule_ == PairRule::All) {
      distances.row(i, 0, i, d.data());
      distances.row(i, i + 1, n_, d.data() + i);
      count = n_ - 1;
    } else {
      distances.row(i, i + 1, n_, d.data());
      count = n_ - 1 - i;
    }
    rows_[i] = lane_moments(d.data(), count);
  }
}

PopulationDistance PopulationPairs::result() const {
  PopulationDistance out;
  if (!sampled_) {
    RunningMoments all;
    for (const auto& row : rows_) all.merge(row);
    out.distance = all.interval();
    return out;
  }
  FourMoments all;
  for (std::size_t u = 0; u < units_; ++u) {
    const double* slot = &blocks_[u * kBlockFields];
    all = combined(all, FourMoments{slot[0], slot[1], slot[2], slot[3], slot[4]});
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double sd = all.n >= 2.0 ? std::sqrt(all.m2 / (all.n - 1.0)) : nan;
  const double total = pairs_of(n_, rule_);
  out.distance = normal_interval(static_cast<std::size_t>(total), all.n > 0.0 ? all.mean : nan, sd);
  SampledPairs s;
  s.pairs = static_cast<std::size_t>(all.n);
  s.mean_mc_error = sd / std::sqrt(all.n);
  // Delta method: var(s²) ≈ (m4 − m2²)/K with the sample's central moments
  // m2 = Σd²/K and m4 = Σd⁴/K, and s.e.(s) = s.e.(s²) / (2s).
  const double m2 = all.m2 / all.n, m4 = all.m4 / all.n;
  s.sd_mc_error = sd > 0.0 ? std::sqrt(std::max(0.0, m4 - m2 * m2) / all.n) / (2.0 * sd) : 0.0;
  out.sampled = s;
  return out;
}

PopulationDistance population_distance(std::size_t individuals, PairRule rule, const PairSampling& sampling,
                                       const PairDistanceSource& distances) {
  PopulationPairs pairs(individuals, rule, sampling);
  for (std::size_t u = 0; u < pairs.units(); ++u) pairs.run(u, distances);
  return pairs.result();
}

}  // namespace shoal
