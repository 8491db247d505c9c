#include "stats/normal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/portable_math.hpp"

namespace shoal {
namespace {

constexpr double kTwoOverSqrtPi = 1.1283791670955125739;
constexpr double kOneOverSqrtPi = 0.56418958354775628695;
// Below it erfc is large enough for 1 − erf to keep full relative precision;
// above it the continued fraction converges fast.
constexpr double kSeriesLimit = 1.5;

// erf(x) = 2/√π · e^{-x²} · Σ_n 2^n x^{2n+1} / (1·3·…·(2n+1)): every term is
// positive, so there is no cancellation; used for 0 <= x < kSeriesLimit.
double erf_series(double x) {
  const double x2 = x * x;
  double term = x;
  double sum = x;
  for (int n = 1; n < 200; ++n) {
    term *= 2.0 * x2 / (2.0 * n + 1.0);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return kTwoOverSqrtPi * portable::exp(-x2) * sum;
}

// erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))),
// evaluated from the tail; for x >= kSeriesLimit a hundred levels are far beyond
// convergence.
double erfc_continued_fraction(double x) {
  double tail = x;
  for (int k = 100; k >= 1; --k) tail = x + (0.5 * k) / tail;
  return kOneOverSqrtPi * portable::exp(-x * x) / tail;
}

}  // namespace

double portable_erfc(double x) {
  if (std::isnan(x)) return x;
  if (x < 0.0) return 2.0 - portable_erfc(-x);
  if (x > 27.3) return 0.0;   // below the smallest subnormal
  if (x < kSeriesLimit) return 1.0 - erf_series(x);
  return erfc_continued_fraction(x);
}

double normal_quantile(double p) {
  if (!(p >= 0.0 && p <= 1.0)) return std::numeric_limits<double>::quiet_NaN();
  // Solved for the lower tail only, where Φ(z) = erfc(−z/√2)/2 keeps full
  // relative precision; 1 − p is exact for p >= 1/2 (Sterbenz), so the upper
  // half loses nothing by symmetry.
  if (p > 0.5) return -normal_quantile(1.0 - p);
  if (p == 0.0) return -std::numeric_limits<double>::infinity();
  if (p == 0.5) return 0.0;
  constexpr double kInvSqrt2 = 0.70710678118654752440;
  constexpr double kInvSqrtTwoPi = 0.39894228040143267794;
  // Start: Abramowitz & Stegun 26.2.23 (error below 4.5e-4), from which
  // Halley's cubic convergence needs only a few steps.
  const double t = std::sqrt(-2.0 * portable::log(p));
  double z = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) /
                       (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (int step = 0; step < 50; ++step) {
    const double density = kInvSqrtTwoPi * portable::exp(-0.5 * z * z);
    if (!(density > 0.0)) break;   // below about 1e-300 the start is as good as it gets
    const double error = (0.5 * portable_erfc(-z * kInvSqrt2) - p) / density;
    const double change = error / (1.0 + 0.5 * z * error);
    z -= change;
    if (std::fabs(change) <= 1e-12 * std::max(1.0, std::fabs(z))) break;
  }
  return z;
}

double normal_two_sided_p(double z) {
  if (std::isnan(z)) return std::numeric_limits<double>::quiet_NaN();
  constexpr double kInvSqrt2 = 0.70710678118654752440;
  return portable_erfc(std::fabs(z) * kInvSqrt2);
}

}  // namespace shoal
