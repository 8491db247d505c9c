#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>

#include "stats/portable_math.hpp"
#include "stats/rng.hpp"
#include "stats/wide_lanes.hpp"

namespace p = shoal::portable;

namespace {

// Distance in units in the last place between two finite doubles.
double ulps(double a, double b) {
  if (a == b) return 0.0;
  const double spacing = std::nextafter(std::fabs(b), std::numeric_limits<double>::infinity()) - std::fabs(b);
  return std::fabs(a - b) / spacing;
}

template <typename Reference, typename Ours>
double worst_ulps(Reference reference, Ours ours, double low, double high, bool logarithmic) {
  shoal::Rng rng(99);
  double worst = 0.0;
  for (int i = 0; i < 200000; ++i) {
    const double u = rng.uniform();
    const double x = logarithmic ? std::exp(std::log(low) + u * (std::log(high) - std::log(low))) : low + u * (high - low);
    worst = std::max(worst, ulps(ours(x), reference(x)));
  }
  return worst;
}

}  // namespace

TEST_CASE("portable math: log, exp, cbrt and pow agree with the C library to a few ulps") {
  CHECK(worst_ulps([](double x) { return std::log(x); }, p::log, 1e-300, 1e300, true) <= 2.0);
  CHECK(worst_ulps([](double x) { return std::log(x); }, p::log, 0.5, 2.0, false) <= 2.0);
  CHECK(worst_ulps([](double x) { return std::exp(x); }, p::exp, -700.0, 700.0, false) <= 2.0);
  CHECK(worst_ulps([](double x) { return std::exp(x); }, p::exp, -1.0, 1.0, false) <= 2.0);
  CHECK(worst_ulps([](double x) { return std::cbrt(x); }, p::cbrt, 1e-300, 1e300, true) <= 4.0);
  CHECK(worst_ulps([](double x) { return std::pow(x, 2.4); }, [](double x) { return p::pow(x, 2.4); }, 0.04, 1.0,
                   false) <= 16.0);  // exp(y·log x) magnifies log's rounding by |y·log x|
  CHECK(p::log(1.0) == 0.0);
  // Around the ends of the normal range, where the scaling changes hands.
  CHECK(worst_ulps([](double x) { return std::exp(x); }, p::exp, -709.0, -705.0, false) <= 2.0);
  CHECK(worst_ulps([](double x) { return std::exp(x); }, p::exp, 705.0, 709.7, false) <= 2.0);
  CHECK(p::exp(-740.0) > 0.0);
  CHECK(p::exp(-740.0) < std::numeric_limits<double>::min());
  CHECK(p::exp(0.0) == 1.0);
  CHECK(p::cbrt(-27.0) == -3.0);
  CHECK(std::isnan(p::log(-1.0)));
  CHECK(p::exp(1000.0) == std::numeric_limits<double>::infinity());
  CHECK(p::exp(-1000.0) == 0.0);
}

TEST_CASE("portable math: lgamma agrees with the C library") {
  shoal::Rng rng(5);
  for (int i = 0; i < 100000; ++i) {
    const double x = std::exp(-6.0 + 14.0 * rng.uniform());
    const double expected = std::lgamma(x);
    CHECK_MESSAGE(std::fabs(p::lgamma(x) - expected) <= 1e-13 * std::max(1.0, std::fabs(expected)), x);
  }
  CHECK(std::fabs(p::lgamma(1.0)) < 1e-14);
  CHECK(std::fabs(p::lgamma(2.0)) < 1e-14);
  CHECK(p::lgamma(0.16) == doctest::Approx(std::lgamma(0.16)).epsilon(1e-15));
  CHECK(p::lgamma(171.0) == doctest::Approx(std::lgamma(171.0)).epsilon(1e-15));
}

TEST_CASE("portable math: sin, cos and atan2 agree with the C library") {
  shoal::Rng rng(8);
  for (int i = 0; i < 100000; ++i) {
    const double x = -20.0 + 40.0 * rng.uniform();
    CHECK(std::fabs(p::sin(x) - std::sin(x)) <= 4e-16);
    CHECK(std::fabs(p::cos(x) - std::cos(x)) <= 4e-16);
    const double y = -100.0 + 200.0 * rng.uniform(), z = -100.0 + 200.0 * rng.uniform();
    CHECK(std::fabs(p::atan2(y, z) - std::atan2(y, z)) <= 8e-16);
  }
  CHECK(p::atan2(0.0, 0.0) == 0.0);
  CHECK(p::atan2(1.0, 0.0) == doctest::Approx(M_PI / 2));
  CHECK(p::atan2(0.0, -1.0) == doctest::Approx(M_PI));
}

TEST_CASE("portable math: exp_in_place is within 2 units in the last place, whatever else it is given") {
  // Random values over the whole range and the lanes' edges, in arrays of
  // every length up to 17, so that every grouping of vectors, a second group
  // of eight and an odd value's padded lane are used; values outside the
  // lanes' range sit among others. Each result must be the one its value
  // gets alone (so the sampler's weight at a table does not depend on the
  // other tables), within 2 units in the last place of the C library's exp
  // where the lanes apply, and exp()'s own bits where they do not.
  shoal::Rng rng(7);
  const double special[] = {0.0, -0.0, -707.0, 708.0, -706.99999999999, 708.0000001, -707.0000001, -745.3, 709.9,
                            -0.5 * 0.6931471805599453, 0.5 * 0.6931471805599453, -1e-300, 1e-300,
                            std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN()};
  std::size_t compared = 0, in_lanes = 0;
  double worst = 0.0;
  for (int trial = 0; trial < 20000; ++trial) {
    const std::size_t length = static_cast<std::size_t>(trial % 18);
    double values[18], alone[18];
    for (std::size_t i = 0; i < length; ++i) {
      const double u = rng.uniform();
      if (trial % 5 == 0 && i == length / 2) {
        values[i] = special[rng.below(std::size(special))];
      } else if (trial % 3 == 0) {
        values[i] = -60.0 * u;   // a sampler's weights after taking the largest
      } else {
        values[i] = -760.0 + 1480.0 * u;
      }
      alone[i] = values[i];
      p::exp_in_place(&alone[i], 1);
    }
    double given[18];
    std::copy(values, values + length, given);
    p::exp_in_place(values, length);
    for (std::size_t i = 0; i < length; ++i) {
      const double x = given[i];
      if (std::isnan(x)) {
        CHECK(std::isnan(values[i]));
        CHECK(std::isnan(alone[i]));
        continue;
      }
      CHECK(std::memcmp(&values[i], &alone[i], sizeof(double)) == 0);
      if (x >= -707.0 && x <= 708.0) {
        const double distance = ulps(values[i], std::exp(x));
        worst = std::max(worst, distance);
        CHECK(distance <= 2.0);
        ++in_lanes;
      } else {
        const double expected = p::exp(x);
        CHECK(std::memcmp(&values[i], &expected, sizeof(double)) == 0);
      }
      ++compared;
    }
  }
  MESSAGE("exp_in_place: worst distance from the C library's exp ", worst, " units in the last place");
  CHECK(compared > 150000);
  CHECK(in_lanes > 100000);
}

TEST_CASE("portable math: exp_in_place gives the same bits with four lanes as with two") {
  // Natively on a processor with AVX2 the values go four at a time; the
  // module has two lanes. Arrays of every length up to 17 (one or two
  // vectors of four, padded), over the lanes' range, a sampler's weights,
  // and values outside the range among the others.
  shoal::Rng rng(11);
  std::size_t compared = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const std::size_t length = static_cast<std::size_t>(trial % 18);
    double wide[18], narrow[18];
    for (std::size_t i = 0; i < length; ++i) {
      const double u = rng.uniform();
      wide[i] = trial % 7 == 0 && i == 0 ? -800.0 * u : trial % 3 == 0 ? -60.0 * u : -707.0 + 1415.0 * u;
      narrow[i] = wide[i];
    }
    shoal::wide_lanes::use(true);
    p::exp_in_place(wide, length);
    shoal::wide_lanes::use(false);
    p::exp_in_place(narrow, length);
    shoal::wide_lanes::use(true);
    CHECK(std::memcmp(wide, narrow, length * sizeof(double)) == 0);
    compared += length;
  }
  CHECK(compared > 150000);
}

TEST_CASE("portable math: exp_in_place with a shift gives the bits of exp_in_place of the shifted values") {
  // The sampler takes the largest weight away in the lanes; the result must
  // be what taking it away first gave, including where a shifted value
  // falls outside the lanes' range.
  shoal::Rng rng(13);
  std::size_t compared = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const std::size_t length = static_cast<std::size_t>(trial % 18);
    const double shift = trial % 4 == 0 ? 0.0 : -500.0 + 1000.0 * rng.uniform();
    double values[18], shifted[18];
    for (std::size_t i = 0; i < length; ++i) {
      values[i] = shift + (trial % 9 == 0 && i == 0 ? -800.0 * rng.uniform() : -60.0 * rng.uniform());
      shifted[i] = values[i] - shift;
    }
    p::exp_in_place(values, length, shift);
    p::exp_in_place(shifted, length);
    CHECK(std::memcmp(values, shifted, length * sizeof(double)) == 0);
    compared += length;
  }
  CHECK(compared > 150000);
}
