#pragma once
// Two doubles at once, the one place that chooses vector instructions: SSE2
// on x86-64 (always present there), SIMD128 in WebAssembly (built with
// -msimd128), plain C++ elsewhere. Only the operations IEEE 754 rounds
// exactly (add, subtract, multiply, divide, square root) are offered, each
// lane computed as the scalar operation would be, so a loop written with
// F64x2 gives the same bits in every build: what fixes a sum's result is the
// order the code adds in, not the instruction set. (No fused multiply-add:
// neither SSE2 nor SIMD128 has one, and the fallback must not contract.)
// SHOAL_PLAIN_LANES defined forces the plain C++, to measure what the
// instructions gain.

#if defined(__SSE2__) && !defined(SHOAL_PLAIN_LANES)
#include <emmintrin.h>

#include <cstdint>
#elif defined(__wasm_simd128__) && !defined(SHOAL_PLAIN_LANES)
#include <wasm_simd128.h>

#include <cstdint>
#else
#include <cmath>
#include <cstdint>
#include <cstring>
#endif

#include <cstddef>

namespace shoal {

// exponent_bits_plus(a, add): each lane's bit pattern read as an integer,
// plus `add`, shifted left by 52 so that its low 12 bits become a double's
// sign and exponent: 2^(e − 1023) for a low part e in 1..2046. Integer
// arithmetic, so exact and the same in every build.
struct F64x2 {
  static constexpr std::size_t kLanes = 2;
#if defined(__SSE2__) && !defined(SHOAL_PLAIN_LANES)
  __m128d v;
  static F64x2 load(const double* p) { return {_mm_loadu_pd(p)}; }
  static F64x2 splat(double x) { return {_mm_set1_pd(x)}; }
  static F64x2 make(double first, double second) { return {_mm_set_pd(second, first)}; }
  void store(double* p) const { _mm_storeu_pd(p, v); }
  friend F64x2 operator+(F64x2 a, F64x2 b) { return {_mm_add_pd(a.v, b.v)}; }
  friend F64x2 operator-(F64x2 a, F64x2 b) { return {_mm_sub_pd(a.v, b.v)}; }
  friend F64x2 operator*(F64x2 a, F64x2 b) { return {_mm_mul_pd(a.v, b.v)}; }
  friend F64x2 operator/(F64x2 a, F64x2 b) { return {_mm_div_pd(a.v, b.v)}; }
  friend F64x2 sqrt(F64x2 a) { return {_mm_sqrt_pd(a.v)}; }
  static F64x2 exponent_bits_plus(F64x2 a, std::int64_t add) {
    const __m128i bits = _mm_add_epi64(_mm_castpd_si128(a.v), _mm_set1_epi64x(add));
    return {_mm_castsi128_pd(_mm_slli_epi64(bits, 52))};
  }
#elif defined(__wasm_simd128__) && !defined(SHOAL_PLAIN_LANES)
  v128_t v;
  static F64x2 load(const double* p) { return {wasm_v128_load(p)}; }
  static F64x2 splat(double x) { return {wasm_f64x2_splat(x)}; }
  static F64x2 make(double first, double second) { return {wasm_f64x2_make(first, second)}; }
  void store(double* p) const { wasm_v128_store(p, v); }
  friend F64x2 operator+(F64x2 a, F64x2 b) { return {wasm_f64x2_add(a.v, b.v)}; }
  friend F64x2 operator-(F64x2 a, F64x2 b) { return {wasm_f64x2_sub(a.v, b.v)}; }
  friend F64x2 operator*(F64x2 a, F64x2 b) { return {wasm_f64x2_mul(a.v, b.v)}; }
  friend F64x2 operator/(F64x2 a, F64x2 b) { return {wasm_f64x2_div(a.v, b.v)}; }
  friend F64x2 sqrt(F64x2 a) { return {wasm_f64x2_sqrt(a.v)}; }
  static F64x2 exponent_bits_plus(F64x2 a, std::int64_t add) {
    return {wasm_i64x2_shl(wasm_i64x2_add(a.v, wasm_i64x2_splat(add)), 52)};
  }
#else
  double lo, hi;
  static F64x2 load(const double* p) { return {p[0], p[1]}; }
  static F64x2 splat(double x) { return {x, x}; }
  static F64x2 make(double first, double second) { return {first, second}; }
  void store(double* p) const {
    p[0] = lo;
    p[1] = hi;
  }
  friend F64x2 operator+(F64x2 a, F64x2 b) { return {a.lo + b.lo, a.hi + b.hi}; }
  friend F64x2 operator-(F64x2 a, F64x2 b) { return {a.lo - b.lo, a.hi - b.hi}; }
  friend F64x2 operator*(F64x2 a, F64x2 b) { return {a.lo * b.lo, a.hi * b.hi}; }
  friend F64x2 operator/(F64x2 a, F64x2 b) { return {a.lo / b.lo, a.hi / b.hi}; }
  friend F64x2 sqrt(F64x2 a) { return {std::sqrt(a.lo), std::sqrt(a.hi)}; }
  static F64x2 exponent_bits_plus(F64x2 a, std::int64_t add) {
    std::uint64_t bits[2];
    std::memcpy(bits, &a, sizeof bits);
    for (auto& b : bits) b = (b + static_cast<std::uint64_t>(add)) << 52;
    F64x2 result;
    std::memcpy(&result, bits, sizeof bits);
    return result;
  }
#endif

  static F64x2 zero() { return splat(0.0); }
  // The first lane plus the second.
  double lane_sum() const {
    double lanes[2];
    store(lanes);
    return lanes[0] + lanes[1];
  }
};

}  // namespace shoal
