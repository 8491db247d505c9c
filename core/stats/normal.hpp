#pragma once

namespace shoal {

// Complementary error function, built from portable::exp and basic
// arithmetic so that p values are the same bits natively and in wasm.
// Relative error below 1e-13 over the whole line.
double portable_erfc(double x);

// Two-sided p value of a standard normal statistic: P(|Z| >= |z|).
double normal_two_sided_p(double z);

}  // namespace shoal
