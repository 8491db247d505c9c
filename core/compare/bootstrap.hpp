#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace shoal {

// Percentile bootstrap of a mean: `draws` resamples of the values with
// replacement, each resample's mean, and the central 95% interval of those
// means (2.5% and 97.5% quantiles, linear interpolation). NaN bounds when
// draws is 0 or there are no values.
struct BootstrapInterval {
  std::size_t draws = 0;
  double low = 0.0;
  double high = 0.0;
};

BootstrapInterval bootstrap_mean(const std::vector<double>& values, std::size_t draws, std::uint64_t seed);

}  // namespace shoal
