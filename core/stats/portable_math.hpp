#pragma once
#include <cstddef>

namespace shoal::portable {

// Elementary functions built from IEEE-754 basic operations only (+, -, *,
// /, sqrt and exact scaling), so they return the same bits on every
// platform. The C library's versions differ in the last place between
// glibc (native) and musl (wasm), which would make a report computed in the
// browser differ from the CLI's. Accuracy is within a few units in the last
// place (pow: up to about 16, as exp(y·log x) magnifies log's rounding),
// far below anything the analyses report.
double log(double x);
double exp(double x);
// values[i] = exp(values[i] - shift) for i < count, in place, in vector
// lanes (stats/lane_kernels.hpp: two doubles at a time, four natively where
// the processor has AVX2) where the result is a normal number; a sampler's
// weights are where the time goes. The lanes evaluate exp()'s series in
// fewer dependent steps (Estrin's scheme), so a result may differ from
// exp()'s in the last place; it does not depend on the other values or the
// count, and is the same in every build.
void exp_in_place(double* values, std::size_t count, double shift = 0.0);
double pow(double x, double y);     // x > 0, or x == 0 with y > 0
double cbrt(double x);
double lgamma(double x);            // x > 0
double sin(double x);
double cos(double x);
double atan2(double y, double x);

}  // namespace shoal::portable
