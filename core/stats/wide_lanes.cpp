#include "stats/wide_lanes.hpp"

#include <atomic>
#include <cstdlib>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(SHOAL_PLAIN_LANES)
#define SHOAL_WIDE_LANES 1
#include <immintrin.h>
#endif

#ifdef SHOAL_WIDE_LANES

// Only what follows is compiled for AVX2, and only the functions named in
// wide_lanes.hpp call into it, once on() has found the processor has it. The
// standard headers are read before, for the baseline processor: no inline
// function of theirs emitted here can carry AVX2 instructions into code the
// baseline processor runs.
#pragma GCC push_options
#pragma GCC target("avx2")
#include "stats/lane_kernels.hpp"

namespace shoal::wide_lanes {
namespace {

// The pragma above does not reach functions defined in a class body (GCC
// 12), so each says so itself.
#define SHOAL_AVX2 __attribute__((target("avx2")))
struct F64x4 {
  static constexpr std::size_t kLanes = 4;
  __m256d v;
  SHOAL_AVX2 static F64x4 load(const double* p) { return {_mm256_loadu_pd(p)}; }
  SHOAL_AVX2 static F64x4 splat(double x) { return {_mm256_set1_pd(x)}; }
  SHOAL_AVX2 static F64x4 zero() { return {_mm256_setzero_pd()}; }
  SHOAL_AVX2 void store(double* p) const { _mm256_storeu_pd(p, v); }
  SHOAL_AVX2 friend F64x4 operator+(F64x4 a, F64x4 b) { return {_mm256_add_pd(a.v, b.v)}; }
  SHOAL_AVX2 friend F64x4 operator-(F64x4 a, F64x4 b) { return {_mm256_sub_pd(a.v, b.v)}; }
  SHOAL_AVX2 friend F64x4 operator*(F64x4 a, F64x4 b) { return {_mm256_mul_pd(a.v, b.v)}; }
  // As F64x2::exponent_bits_plus.
  SHOAL_AVX2 static F64x4 exponent_bits_plus(F64x4 a, std::int64_t add) {
    const __m256i bits = _mm256_add_epi64(_mm256_castpd_si256(a.v), _mm256_set1_epi64x(add));
    return {_mm256_castsi256_pd(_mm256_slli_epi64(bits, 52))};
  }
};

void exp_avx2(double* values, std::size_t vectors, double shift) {
  if (vectors == 2) {
    lanes::exp_vectors<F64x4, 2>(values, shift);
  } else {
    lanes::exp_vectors<F64x4, 1>(values, shift);
  }
}

void sum_columns_avx2(const double* columns, const std::uint32_t* offset, std::size_t questions, double* sums,
                      std::size_t vectors) {
  if (vectors == 2) {
    lanes::sum_columns<F64x4, 2>(columns, offset, questions, sums);
  } else {
    lanes::sum_columns<F64x4, 1>(columns, offset, questions, sums);
  }
}

}  // namespace
}  // namespace shoal::wide_lanes

#undef SHOAL_AVX2
#pragma GCC pop_options

namespace shoal::wide_lanes {
namespace {

bool processor_has_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

const bool kProcessorHasAvx2 = processor_has_avx2();
std::atomic<bool> g_wanted{true};

}  // namespace

bool on() { return kProcessorHasAvx2 && g_wanted.load(std::memory_order_relaxed); }
void use(bool wanted) { g_wanted.store(wanted, std::memory_order_relaxed); }
void exp(double* values, std::size_t vectors, double shift) { exp_avx2(values, vectors, shift); }
void sum_columns(const double* columns, const std::uint32_t* offset, std::size_t questions, double* sums,
                 std::size_t vectors) {
  sum_columns_avx2(columns, offset, questions, sums, vectors);
}

}  // namespace shoal::wide_lanes

#else

namespace shoal::wide_lanes {

// No wide lanes in this build (WebAssembly's are two doubles wide): on() is
// false, and nothing calls the kernels.
bool on() { return false; }
void use(bool) {}
void exp(double*, std::size_t, double) { std::abort(); }
void sum_columns(const double*, const std::uint32_t*, std::size_t, double*, std::size_t) { std::abort(); }

}  // namespace shoal::wide_lanes

#endif
