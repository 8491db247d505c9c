#include "compare/bootstrap.hpp"

#include <limits>

#include "stats/posterior_summary.hpp"
#include "stats/rng.hpp"

namespace shoal {

BootstrapInterval bootstrap_mean(const std::vector<double>& values, std::size_t draws, std::uint64_t seed) {
  BootstrapInterval out;
  out.draws = draws;
  if (draws == 0 || values.empty()) {
    out.low = out.high = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  Rng rng(seed);
  const std::size_t n = values.size();
  std::vector<double> means(draws);
  for (auto& mean : means) {
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) total += values[rng.below(n)];
    mean = total / static_cast<double>(n);
  }
  // The same quantile rule as the posterior intervals.
  const PosteriorSummary summary = summarise_draws(std::move(means));
  out.low = summary.low;
  out.high = summary.high;
  return out;
}

}  // namespace shoal
