#pragma once
// The loops that run in vector lanes, written once over a vector type V of
// V::kLanes doubles (F64x2 of stats/f64x2.hpp; F64x4 in
// stats/wide_lanes.cpp) with V's operations only. Every lane goes through
// the same operations in the same order whatever V is, and each operation
// rounds lane by lane as the scalar one does, so a result does not depend
// on the width it was computed at: four lanes give two lanes' bits.
//
// This header is also read inside a region compiled for AVX2
// (wide_lanes.cpp): it defines templates and constants of internal linkage
// only, so nothing compiled there can stand in for code compiled for the
// baseline processor.
#include <cstddef>
#include <cstdint>

namespace shoal::lanes {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2 split so k·kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;

// 1/n! for n = 0..14, each the previous one divided by n, as the series was
// first written: a table computed at compile time.
struct InverseFactorials {
  double value[15];
};
static constexpr InverseFactorials inverse_factorials() {
  InverseFactorials f{};
  f.value[0] = 1.0;
  for (int n = 1; n < 15; ++n) f.value[n] = f.value[n - 1] / n;
  return f;
}
static constexpr InverseFactorials kInverseFactorial = inverse_factorials();

// Where exp_vectors agrees with exp(): k = nearbyint(x / ln 2) lies in
// [-1020, 1021], so 2^k is a normal number and no lane needs ldexp.
static constexpr bool exp_lanes_apply(double x) { return x >= -707.0 && x <= 708.0; }

// exp(x − shift) in place for Vectors · V::kLanes values x, each x − shift
// where exp_lanes_apply holds: exp()'s reduction and series, the series evaluated
// by Estrin's scheme. nearbyint(q) is t − 1.5·2^52 with t = q + 1.5·2^52,
// which rounds to the nearest integer, ties to even, as nearbyint does in the
// default rounding mode for |q| < 2^51 (it may give +0 where nearbyint gives
// −0, which changes no later bit). t's low bits then hold k itself, from
// which 2^k is built with integer arithmetic.
template <class V, std::size_t Vectors>
void exp_vectors(double* values, double shift = 0.0) {
  constexpr double kRound = 6755399441055744.0;
  constexpr std::int64_t kRoundBits = 0x4338000000000000;  // kRound's bit pattern
  const V round = V::splat(kRound), inverse_ln2 = V::splat(1.0 / (kLn2Hi + kLn2Lo));
  const V ln2_hi = V::splat(kLn2Hi), ln2_lo = V::splat(kLn2Lo), shifted_by = V::splat(shift);
  V t[Vectors], r[Vectors], sum[Vectors];
  for (std::size_t v = 0; v < Vectors; ++v) {
    const V x = V::load(values + V::kLanes * v) - shifted_by;
    t[v] = x * inverse_ln2 + round;
    const V k = t[v] - round;
    r[v] = (x - k * ln2_hi) - k * ln2_lo;
  }
  // The series to r^13 (|r| <= 0.35 after the reduction, so the next term is
  // below 5e-18, a fiftieth of the last place), by Estrin's scheme: terms
  // paired, the pairs paired, and so on, with r², r⁴ and r⁸; four dependent
  // steps instead of fourteen.
  const auto c = [](int n) { return V::splat(kInverseFactorial.value[n]); };
  for (std::size_t v = 0; v < Vectors; ++v) {
    const V x = r[v], x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
    const V a0 = c(0) + c(1) * x, a1 = c(2) + c(3) * x, a2 = c(4) + c(5) * x, a3 = c(6) + c(7) * x;
    const V a4 = c(8) + c(9) * x, a5 = c(10) + c(11) * x, a6 = c(12) + c(13) * x;
    const V b0 = a0 + a1 * x2, b1 = a2 + a3 * x2, b2 = a4 + a5 * x2;
    sum[v] = (b0 + b1 * x4) + (b2 + a6 * x4) * x8;
  }
  for (std::size_t v = 0; v < Vectors; ++v) {
    (sum[v] * V::exponent_bits_plus(t[v], 1023 - kRoundBits)).store(values + V::kLanes * v);
  }
}

// The sums of Vectors · V::kLanes adjacent columns at once: sums[p] =
// Σ_q columns[offset[q] + p], the even questions' terms and the odd ones'
// summed apart, each in question order, then added (two dependency chains
// of half the length). A column is summed in this order however many lanes
// share the work.
template <class V, std::size_t Vectors>
void sum_columns(const double* columns, const std::uint32_t* offset, std::size_t questions, double* sums) {
  V even[Vectors], odd[Vectors];
  for (std::size_t v = 0; v < Vectors; ++v) even[v] = odd[v] = V::zero();
  std::size_t q = 0;
  for (; q + 1 < questions; q += 2) {
    const double* a = columns + offset[q];
    const double* b = columns + offset[q + 1];
    for (std::size_t v = 0; v < Vectors; ++v) {
      even[v] = even[v] + V::load(a + V::kLanes * v);
      odd[v] = odd[v] + V::load(b + V::kLanes * v);
    }
  }
  if (q < questions) {
    const double* a = columns + offset[q];
    for (std::size_t v = 0; v < Vectors; ++v) even[v] = even[v] + V::load(a + V::kLanes * v);
  }
  for (std::size_t v = 0; v < Vectors; ++v) (even[v] + odd[v]).store(sums + V::kLanes * v);
}

}  // namespace shoal::lanes
