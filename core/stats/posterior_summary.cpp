#include "stats/posterior_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shoal {
namespace {

double quantile_of_sorted(const std::vector<double>& sorted, double p) {
  const double position = p * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace

PosteriorSummary summarise_draws(std::vector<double> draws) {
  PosteriorSummary s;
  s.draws = draws.size();
  if (draws.empty()) {
    s.mean = s.low = s.high = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  double total = 0.0;
  for (double d : draws) total += d;
  s.mean = total / static_cast<double>(draws.size());
  std::sort(draws.begin(), draws.end());
  s.low = quantile_of_sorted(draws, 0.025);
  s.high = quantile_of_sorted(draws, 0.975);
  return s;
}

}  // namespace shoal
