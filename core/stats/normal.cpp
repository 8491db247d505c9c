#include "stats/normal.hpp"

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

double normal_two_sided_p(double z) {
  if (std::isnan(z)) return std::numeric_limits<double>::quiet_NaN();
  constexpr double kInvSqrt2 = 0.70710678118654752440;
  return portable_erfc(std::fabs(z) * kInvSqrt2);
}

}  // namespace shoal
