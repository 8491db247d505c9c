#pragma once
#include <cstddef>
#include <vector>

namespace shoal {

// Mean and central 95% interval (2.5% and 97.5% quantiles, linear
// interpolation between order statistics: R's type 7) of recorded draws of
// one quantity. NaN fields when there are no draws.
struct PosteriorSummary {
  std::size_t draws = 0;
  double mean = 0.0;
  double low = 0.0;
  double high = 0.0;
};

PosteriorSummary summarise_draws(std::vector<double> draws);

// The summary of the draws values[0] repeated counts[0] times, then values[1]
// counts[1] times, and so on, to the same bits as summarise_draws of that
// list, without writing the list out or sorting it.
PosteriorSummary summarise_repeated_draws(const std::vector<double>& values, const std::vector<std::size_t>& counts);

}  // namespace shoal
