#pragma once

namespace shoal {

// Complementary error function, built from portable::exp and basic
// arithmetic so that p values are the same bits natively and in wasm.
// Relative error below 1e-13 over the whole line.
double portable_erfc(double x);

// Two-sided p value of a standard normal statistic: P(|Z| >= |z|).
double normal_two_sided_p(double z);

// Standard normal quantile Φ⁻¹(p): −inf at 0, +inf at 1, NaN outside [0, 1].
// Solved by Halley's method on portable_erfc, so it is the same bits natively
// and in wasm; absolute error about 1e-13, relative error in the far tails
// about the same.
double normal_quantile(double p);

}  // namespace shoal
