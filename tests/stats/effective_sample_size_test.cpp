#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "stats/effective_sample_size.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

// Stationary AR(1) draws with unit variance: x_t = ρ x_{t−1} + √(1−ρ²) ε_t.
// Their ESS is n(1 − ρ)/(1 + ρ).
std::vector<double> ar1(std::size_t n, double rho, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<double> x(n);
  double state = rng.normal();
  for (auto& v : x) {
    state = rho * state + std::sqrt(1.0 - rho * rho) * rng.normal();
    v = state;
  }
  return x;
}

}  // namespace

TEST_CASE("effective sample size of independent draws is about their number") {
  for (std::uint64_t seed : {1, 2, 3}) {
    const double ess = effective_sample_size({ar1(5000, 0.0, seed), ar1(5000, 0.0, seed + 100)});
    CHECK(std::fabs(ess / 10000.0 - 1.0) < 0.1);
  }
}

TEST_CASE("effective sample size of AR(1) draws is n(1-rho)/(1+rho) within 15%") {
  for (double rho : {0.5, 0.9, -0.3}) {
    CAPTURE(rho);
    std::vector<std::vector<double>> chains;
    for (std::uint64_t c = 0; c < 4; ++c) chains.push_back(ar1(25000, rho, 17 + c));
    const double expected = 100000.0 * (1.0 - rho) / (1.0 + rho);
    const double ess = effective_sample_size(chains);
    CAPTURE(ess);
    // Antithetic chains (ρ < 0) are capped by τ ≥ 1/log10(draws).
    CHECK(std::fabs(ess / std::min(expected, 100000.0 * std::log10(100000.0)) - 1.0) < 0.15);
  }
  const double single = effective_sample_size({ar1(100000, 0.5, 5)});
  CHECK(std::fabs(single / (100000.0 / 3.0) - 1.0) < 0.1);
}

TEST_CASE("effective sample size: chains stuck at different values have almost none") {
  std::vector<double> a(200, 1.0), b(200, 2.0);
  a[7] = 1.5;
  b[9] = 2.5;
  CHECK(effective_sample_size({a, b}) < 10.0);
}

TEST_CASE("effective sample size is undefined without variation or draws") {
  CHECK(std::isnan(effective_sample_size({std::vector<double>(100, 0.3)})));
  CHECK(std::isnan(effective_sample_size({{1.0, 2.0, 3.0}})));
  CHECK(std::isnan(effective_sample_size({})));
  CHECK_THROWS_AS(effective_sample_size({{1.0, 2.0, 3.0, 4.0}, {1.0, 2.0}}), std::invalid_argument);
}
