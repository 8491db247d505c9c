#include "stats/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "stats/f64x2.hpp"
#include "stats/lane_kernels.hpp"
#include "stats/wide_lanes.hpp"

namespace shoal::portable {
namespace {

using lanes::kLn2Hi;
using lanes::kLn2Lo;
constexpr double kPi = 3.14159265358979323846;
constexpr double kHalfPi = 1.57079632679489661923;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// sin and cos on [-π/4, π/4] by their Taylor series (terms to x^17 / x^18).
double sin_kernel(double x) {
  const double z = x * x;
  double sum = 0.0;
  // 1 - z/3! + z²/5! - ... evaluated by Horner from the smallest term.
  const double c[] = {1.0,
                      -1.0 / 6.0,
                      1.0 / 120.0,
                      -1.0 / 5040.0,
                      1.0 / 362880.0,
                      -1.0 / 39916800.0,
                      1.0 / 6227020800.0,
                      -1.0 / 1307674368000.0,
                      1.0 / 355687428096000.0};
  for (int i = 8; i >= 0; --i) sum = sum * z + c[i];
  return x * sum;
}

double cos_kernel(double x) {
  const double z = x * x;
  const double c[] = {1.0,
                      -1.0 / 2.0,
                      1.0 / 24.0,
                      -1.0 / 720.0,
                      1.0 / 40320.0,
                      -1.0 / 3628800.0,
                      1.0 / 479001600.0,
                      -1.0 / 87178291200.0,
                      1.0 / 20922789888000.0,
                      -1.0 / 6402373705728000.0};
  double sum = 0.0;
  for (int i = 9; i >= 0; --i) sum = sum * z + c[i];
  return sum;
}

// Reduces x to r in [-π/4, π/4] and the quadrant k with x = k·π/2 + r. The
// reduction is accurate for the moderate angles the colour formulas use.
double reduce_quarter(double x, long& quadrant) {
  const double k = std::nearbyint(x / kHalfPi);
  quadrant = static_cast<long>(k);
  // π/2 in three parts so k·part stays exact for |k| < 2^20.
  constexpr double p1 = 1.57079632673412561417e+00;
  constexpr double p2 = 6.07710050650619224932e-11;
  constexpr double p3 = 2.02226624879595063154e-21;
  return ((x - k * p1) - k * p2) - k * p3;
}

// atan on [0, 1] through two argument halvings and a Taylor series.
double atan_unit(double x) {
  // atan(x) = 2·atan(x / (1 + sqrt(1 + x²))), applied twice: |t| <= tan(π/16).
  double t = x;
  for (int i = 0; i < 2; ++i) t = t / (1.0 + std::sqrt(1.0 + t * t));
  const double z = t * t;
  double sum = 0.0;
  for (int n = 24; n >= 0; --n) sum = sum * z + ((n % 2 == 0) ? 1.0 : -1.0) / (2.0 * n + 1.0);
  return 4.0 * t * sum;
}

}  // namespace

double log(double x) {
  if (std::isnan(x) || x < 0.0) return kNaN;
  if (x == 0.0) return -kInf;
  if (std::isinf(x)) return kInf;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m · 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    --e;
  }
  // log m = 2·atanh(s), s = (m - 1)/(m + 1), |s| <= 0.1716.
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  double sum = 0.0;
  for (int n = 12; n >= 1; --n) sum = sum * z + 1.0 / (2.0 * n + 1.0);
  const double log_m = 2.0 * s + 2.0 * s * z * sum;
  return e * kLn2Hi + (log_m + e * kLn2Lo);
}

using lanes::kInverseFactorial;

double exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893384) return kInf;
  if (x < -745.2) return 0.0;
  const double k = std::nearbyint(x / (kLn2Hi + kLn2Lo));
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| <= 0.35
  double sum = 0.0;
  for (int n = 14; n >= 0; --n) sum = sum * r + kInverseFactorial.value[n];
  // sum is in [0.7, 1.42]: scaling by a normal 2^k is exact and rounds as
  // ldexp does, without its call (a library call in wasm). Results that
  // would be subnormal or overflow go through ldexp.
  const int exponent = static_cast<int>(k);
  if (exponent < -1021 || exponent > 1022) return std::ldexp(sum, exponent);
  const std::uint64_t bits = static_cast<std::uint64_t>(exponent + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return sum * scale;
}

void exp_in_place(double* values, std::size_t count, double shift) {
  bool in_range = true;
  for (std::size_t i = 0; i < count; ++i) in_range = in_range && lanes::exp_lanes_apply(values[i] - shift);
  if (!in_range) {
    // A value out of the lanes' range goes to exp(); each other one to a
    // vector of its own.
    for (std::size_t i = 0; i < count; ++i) {
      const double x = values[i] - shift;
      if (!lanes::exp_lanes_apply(x)) {
        values[i] = exp(x);
        continue;
      }
      double alone[2] = {x, 0.0};
      lanes::exp_vectors<F64x2, 1>(alone);
      values[i] = alone[0];
    }
    return;
  }
  // In place, whole vectors at a time (copying a few values into a buffer
  // and back cost as much as the series: the vector loads of values just
  // stored one by one wait for the stores); the last odd value in a vector
  // of its own, beside a 0.
  std::size_t from = 0;
  if (wide_lanes::on()) {
    for (; count - from >= 8; from += 8) wide_lanes::exp(values + from, 2, shift);
    if (count - from >= 4) {
      wide_lanes::exp(values + from, 1, shift);
      from += 4;
    }
  }
  for (; count - from >= 8; from += 8) lanes::exp_vectors<F64x2, 4>(values + from, shift);
  switch ((count - from) / 2) {
    case 3: lanes::exp_vectors<F64x2, 3>(values + from, shift); break;
    case 2: lanes::exp_vectors<F64x2, 2>(values + from, shift); break;
    case 1: lanes::exp_vectors<F64x2, 1>(values + from, shift); break;
    default: break;
  }
  from += (count - from) / 2 * 2;
  if (from < count) {
    double last[2] = {values[from] - shift, 0.0};
    lanes::exp_vectors<F64x2, 1>(last);
    values[from] = last[0];
  }
}

double pow(double x, double y) {
  if (x == 0.0) return y > 0.0 ? 0.0 : kInf;
  if (x < 0.0) return kNaN;
  return exp(y * log(x));
}

double cbrt(double x) {
  if (x == 0.0 || std::isnan(x) || std::isinf(x)) return x;
  const double a = std::fabs(x);
  int e = 0;
  const double m = std::frexp(a, &e);  // a = m · 2^e
  // Start from 2^(e/3) scaled by a linear guess for m^(1/3), then Newton.
  const int q = e >= 0 ? e / 3 : -((-e + 2) / 3);
  const int r = e - 3 * q;                        // 0, 1 or 2
  double y = std::ldexp(0.6 + 0.4 * m, q) * (r == 0 ? 1.0 : r == 1 ? 1.2599210498948732 : 1.5874010519681994);
  for (int i = 0; i < 6; ++i) y = y - (y * y * y - a) / (3.0 * y * y);
  return x < 0.0 ? -y : y;
}

double lgamma(double x) {
  if (std::isnan(x) || x <= 0.0) return kNaN;
  if (std::isinf(x)) return kInf;
  // Shift up to x >= 12 by Γ(x) = Γ(x + n) / (x (x+1) ... (x+n-1)).
  double shift = 0.0;
  double product = 1.0;
  while (x < 12.0) {
    product *= x;
    x += 1.0;
    if (product > 1e280) {
      shift += log(product);
      product = 1.0;
    }
  }
  shift += log(product);
  // Stirling's series with Bernoulli-number coefficients.
  const double inv = 1.0 / x, inv2 = inv * inv;
  const double series =
      inv * (1.0 / 12.0 +
             inv2 * (-1.0 / 360.0 +
                     inv2 * (1.0 / 1260.0 +
                             inv2 * (-1.0 / 1680.0 +
                                     inv2 * (1.0 / 1188.0 + inv2 * (-691.0 / 360360.0 + inv2 * (1.0 / 156.0)))))));
  constexpr double kHalfLog2Pi = 0.91893853320467274178;
  return (x - 0.5) * log(x) - x + kHalfLog2Pi + series - shift;
}

double sin(double x) {
  if (std::isnan(x) || std::isinf(x)) return kNaN;
  long q = 0;
  const double r = reduce_quarter(x, q);
  switch (((q % 4) + 4) % 4) {
    case 0: return sin_kernel(r);
    case 1: return cos_kernel(r);
    case 2: return -sin_kernel(r);
    default: return -cos_kernel(r);
  }
}

double cos(double x) {
  if (std::isnan(x) || std::isinf(x)) return kNaN;
  long q = 0;
  const double r = reduce_quarter(x, q);
  switch (((q % 4) + 4) % 4) {
    case 0: return cos_kernel(r);
    case 1: return -sin_kernel(r);
    case 2: return -cos_kernel(r);
    default: return sin_kernel(r);
  }
}

double atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  if (x == 0.0 && y == 0.0) return 0.0;
  const double ax = std::fabs(x), ay = std::fabs(y);
  // Angle of (ax, ay) in [0, π/2].
  double angle = ay <= ax ? atan_unit(ay / ax) : kHalfPi - atan_unit(ax / ay);
  if (x < 0.0) angle = kPi - angle;
  return y < 0.0 ? -angle : angle;
}

}  // namespace shoal::portable
