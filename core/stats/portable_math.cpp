#include "stats/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "stats/f64x2.hpp"

namespace shoal::portable {
namespace {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2 split so k·kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;
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

// 1/n! for n = 0..14, each the previous one divided by n, as the series was
// first written: computed once at compile time instead of on every call.
struct InverseFactorials {
  double value[15];
  constexpr InverseFactorials() : value{} {
    value[0] = 1.0;
    for (int n = 1; n < 15; ++n) value[n] = value[n - 1] / n;
  }
};
constexpr InverseFactorials kInverseFactorial{};

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

namespace {

// Where exp's lanes below agree with exp(): k = nearbyint(x / ln 2) lies in
// [-1020, 1021], so 2^k is a normal number and no lane needs ldexp.
bool lanes_apply(double x) { return x >= -707.0 && x <= 708.0; }

// exp(x) of each lane of `Vectors` vectors, each as exp() computes it: the
// same operations in the same order. nearbyint(q) is t − 1.5·2^52 with
// t = q + 1.5·2^52, which rounds to the nearest integer, ties to even, as
// nearbyint does in the default rounding mode for |q| < 2^51 (it may give +0
// where nearbyint gives −0, which changes no later bit). t's low bits then
// hold k itself, from which 2^k is built with integer arithmetic. The series
// is a chain of 15 dependent multiply–adds, so several vectors go through it
// side by side.
template <std::size_t Vectors>
void exp_lanes(double* values) {
  constexpr double kRound = 6755399441055744.0;
  constexpr std::int64_t kRoundBits = 0x4338000000000000;  // kRound's bit pattern
  const F64x2 round = F64x2::splat(kRound), ln2 = F64x2::splat(kLn2Hi + kLn2Lo);
  const F64x2 ln2_hi = F64x2::splat(kLn2Hi), ln2_lo = F64x2::splat(kLn2Lo);
  F64x2 t[Vectors], r[Vectors], sum[Vectors];
  for (std::size_t v = 0; v < Vectors; ++v) {
    const F64x2 x = F64x2::load(values + 2 * v);
    t[v] = x / ln2 + round;
    const F64x2 k = t[v] - round;
    r[v] = (x - k * ln2_hi) - k * ln2_lo;
    sum[v] = F64x2::zero();
  }
  for (int n = 14; n >= 0; --n) {
    const F64x2 c = F64x2::splat(kInverseFactorial.value[n]);
    for (std::size_t v = 0; v < Vectors; ++v) sum[v] = sum[v] * r[v] + c;
  }
  for (std::size_t v = 0; v < Vectors; ++v) {
    (sum[v] * F64x2::exponent_bits_plus(t[v], 1023 - kRoundBits)).store(values + 2 * v);
  }
}

}  // namespace

void exp_in_place(double* values, std::size_t count) {
  const auto in_range = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
      if (!lanes_apply(values[i])) return false;
    }
    return true;
  };
  std::size_t i = 0;
  while (count - i >= 2) {
    // Up to four vectors at once; a pair out of the lanes' range goes alone.
    const std::size_t vectors = std::min<std::size_t>(4, (count - i) / 2);
    if (vectors > 1 && in_range(i, 2 * vectors)) {
      switch (vectors) {
        case 4: exp_lanes<4>(values + i); break;
        case 3: exp_lanes<3>(values + i); break;
        default: exp_lanes<2>(values + i); break;
      }
      i += 2 * vectors;
    } else if (in_range(i, 2)) {
      exp_lanes<1>(values + i);
      i += 2;
    } else {
      values[i] = exp(values[i]);
      values[i + 1] = exp(values[i + 1]);
      i += 2;
    }
  }
  if (i < count) values[i] = exp(values[i]);
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
