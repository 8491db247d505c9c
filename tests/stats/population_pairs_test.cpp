#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "stats/population_pairs.hpp"
#include "stats/rng.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

// d(i, j) = |x[i] - y[j]|, and every pair asked for recorded.
class LineDistances : public PairDistanceSource {
 public:
  LineDistances(std::vector<double> x, std::vector<double> y) : x_(std::move(x)), y_(std::move(y)) {}
  void row(std::size_t i, std::size_t begin, std::size_t end, double* out) const override {
    for (std::size_t j = begin; j < end; ++j) *out++ = std::fabs(x_[i] - y_[j]);
  }
  void pairs(const std::uint32_t* i, const std::uint32_t* j, std::size_t count, double* out) const override {
    for (std::size_t k = 0; k < count; ++k) {
      if (paper_only && i[k] >= j[k]) ++out_of_order;
      if (i[k] == j[k]) ++same;
      out[k] = std::fabs(x_[i[k]] - y_[j[k]]);
    }
  }
  bool paper_only = false;
  mutable std::size_t out_of_order = 0, same = 0;

 private:
  std::vector<double> x_, y_;
};

LineDistances random_line(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<double> x(n), y(n);
  for (auto& v : x) v = 100.0 * rng.uniform();
  for (auto& v : y) v = 100.0 * rng.uniform();
  return LineDistances(x, y);
}

// Every pair, one at a time, in the plainest way.
RunningMoments brute_force(const LineDistances& d, std::size_t n, PairRule rule) {
  RunningMoments m;
  double out = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = rule == PairRule::Paper ? i + 1 : 0; j < n; ++j) {
      if (j == i) continue;
      d.row(i, j, j + 1, &out);
      m.add(out);
    }
  }
  return m;
}

PopulationDistance run_backwards(std::size_t n, PairRule rule, const PairSampling& sampling,
                                 const PairDistanceSource& d) {
  PopulationPairs pairs(n, rule, sampling);
  for (std::size_t u = pairs.units(); u-- > 0;) pairs.run(u, d);
  return pairs.result();
}

}  // namespace

TEST_CASE("population pairs: lane moments agree with one value at a time, for every remainder") {
  for (std::size_t count = 0; count <= 19; ++count) {
    Rng rng(count + 1);
    std::vector<double> x(count);
    RunningMoments plain;
    for (auto& v : x) {
      v = 50.0 + 20.0 * rng.normal();
      plain.add(v);
    }
    const RunningMoments lanes = lane_moments(x.data(), count);
    CHECK(lanes.count() == count);
    if (count == 0) continue;
    CHECK(test::close_relative(lanes.mean(), plain.mean(), 1e-13));
    CHECK(test::close_relative(lanes.m2(), plain.m2(), 1e-12));
  }
}

TEST_CASE("population pairs: merged moments are the moments of the values together") {
  Rng rng(3);
  RunningMoments all, first, second;
  for (int k = 0; k < 300; ++k) {
    const double v = rng.uniform() * 10.0;
    all.add(v);
    (k < 120 ? first : second).add(v);
  }
  RunningMoments merged;
  merged.merge(first);
  merged.merge(second);
  merged.merge(RunningMoments{});
  CHECK(merged.count() == 300);
  CHECK(test::close_relative(merged.mean(), all.mean(), 1e-14));
  CHECK(test::close_relative(merged.m2(), all.m2(), 1e-12));
}

TEST_CASE("population pairs: every pair, in blocks run in any order, is the mean over all pairs") {
  // 1500 individuals: two blocks of rows, so the combination across blocks is exercised.
  const std::size_t n = 1500;
  const LineDistances d = random_line(n, 11);
  for (const PairRule rule : {PairRule::All, PairRule::Paper}) {
    PopulationPairs pairs(n, rule, PairSampling{});
    REQUIRE(pairs.units() >= 2);
    CHECK_FALSE(pairs.sampled());
    const PopulationDistance forwards = population_distance(n, rule, PairSampling{}, d);
    const PopulationDistance backwards = run_backwards(n, rule, PairSampling{}, d);
    const RunningMoments brute = brute_force(d, n, rule);
    CHECK(forwards.distance.n == brute.count());
    CHECK(forwards.distance.n == (rule == PairRule::All ? n * (n - 1) : n * (n - 1) / 2));
    CHECK(test::close_relative(forwards.distance.mean, brute.mean(), 1e-12));
    CHECK(test::close_relative(forwards.distance.sd, brute.interval().sd, 1e-12));
    CHECK_FALSE(forwards.sampled);
    // The order the blocks ran in leaves no trace in the bits.
    CHECK(test::exact(backwards.distance.mean) == test::exact(forwards.distance.mean));
    CHECK(test::exact(backwards.distance.sd) == test::exact(forwards.distance.sd));
  }
}

TEST_CASE("population pairs: beyond the threshold, sampled pairs and their Monte Carlo error") {
  // Two individuals, so the only pairs are (0, 1) at |1 - 10| = 9 and
  // (1, 0) at |4 - 0| = 4: the sample is k nines and K - k fours, and
  // everything reported follows from k by hand.
  const LineDistances d({1.0, 4.0}, {0.0, 10.0});
  const std::size_t draws = 200000;
  const PairSampling sampling{1, draws, 99};
  const PopulationDistance r = population_distance(2, PairRule::All, sampling, d);
  REQUIRE(r.sampled);
  CHECK(r.sampled->pairs == draws);
  CHECK(r.distance.n == 2);   // the word's pairs, not the draws
  const double K = static_cast<double>(draws);
  const double k = std::round((r.distance.mean - 4.0) / 5.0 * K);
  CHECK(k > 0.45 * K);
  CHECK(k < 0.55 * K);   // fair draws of two pairs
  const double p = k / K, q = 1.0 - p;
  CHECK(r.distance.mean == doctest::Approx(4.0 + 5.0 * p).epsilon(1e-12));
  const double sd = std::sqrt(k * (K - k) * 25.0 / (K * (K - 1.0)));
  CHECK(r.distance.sd == doctest::Approx(sd).epsilon(1e-9));
  CHECK(r.sampled->mean_mc_error == doctest::Approx(sd / std::sqrt(K)).epsilon(1e-9));
  // Central moments of the sample: m2 = pq·5², m4 = pq(p³ + q³)·5⁴.
  const double m2 = p * q * 25.0, m4 = p * q * (p * p * p + q * q * q) * 625.0;
  CHECK(r.sampled->sd_mc_error == doctest::Approx(std::sqrt((m4 - m2 * m2) / K) / (2.0 * sd)).epsilon(1e-9));
  // Blocks of draws combine in a fixed order, whatever order they ran in.
  const PopulationDistance backwards = run_backwards(2, PairRule::All, sampling, d);
  CHECK(test::exact(backwards.distance.mean) == test::exact(r.distance.mean));
  CHECK(test::exact(backwards.sampled->sd_mc_error) == test::exact(r.sampled->sd_mc_error));
}

TEST_CASE("population pairs: the sampled estimate lies within a few Monte Carlo errors of every pair's") {
  const std::size_t n = 800;
  LineDistances d = random_line(n, 5);
  for (const PairRule rule : {PairRule::All, PairRule::Paper}) {
    d.paper_only = rule == PairRule::Paper;
    const PopulationDistance exact = population_distance(n, rule, PairSampling{}, d);
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      const PopulationDistance sampled = population_distance(n, rule, PairSampling{n - 1, 100000, seed}, d);
      REQUIRE(sampled.sampled);
      CHECK(sampled.distance.n == exact.distance.n);
      CHECK(std::fabs(sampled.distance.mean - exact.distance.mean) < 4.0 * sampled.sampled->mean_mc_error);
      CHECK(std::fabs(sampled.distance.sd - exact.distance.sd) < 4.0 * sampled.sampled->sd_mc_error);
      CHECK(sampled.sampled->mean_mc_error < 0.01 * exact.distance.sd);
    }
    // No individual paired with itself; paper pairs only ever i < j.
    CHECK(d.same == 0);
    CHECK(d.out_of_order == 0);
  }
  // At the threshold itself, every pair.
  CHECK_FALSE(population_distance(n, PairRule::All, PairSampling{n, 1000, 1}, d).sampled);
}
