#pragma once
#include <cstddef>
#include <cstdint>

namespace shoal::wide_lanes {

// The lane kernels (stats/lane_kernels.hpp) four doubles at a time, with
// AVX2, where the processor has it: x86-64 builds pick them at run time, so
// the CLI still runs on any x86-64 processor. They give the two-lane
// kernels' bits (each lane computes as the scalar operations do), so a
// report is the same with them or without, and the same as the module's.
//
// on(): whether they are used; use(false) turns them off (tests and
// benchmarks compare the two), use(true) back on where the processor has
// them.
bool on();
void use(bool wanted);

// lanes::exp_vectors over `vectors` (1 or 2) vectors of four values.
void exp(double* values, std::size_t vectors, double shift);
// lanes::sum_columns over `vectors` (1 or 2) vectors of four columns.
void sum_columns(const double* columns, const std::uint32_t* offset, std::size_t questions, double* sums,
                 std::size_t vectors);

}  // namespace shoal::wide_lanes
