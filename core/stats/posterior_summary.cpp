#include "stats/posterior_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

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

PosteriorSummary summarise_repeated_draws(const std::vector<double>& values, const std::vector<std::size_t>& counts) {
  if (values.size() != counts.size()) throw std::invalid_argument("one count is needed per repeated draw");
  std::size_t draws = 0;
  bool ordered = true;   // no NaN, whose place in a sort is not defined
  for (std::size_t k = 0; k < values.size(); ++k) {
    draws += counts[k];
    ordered = ordered && !std::isnan(values[k]);
  }
  if (draws == 0 || !ordered) {
    std::vector<double> all;
    for (std::size_t k = 0; k < values.size(); ++k) all.insert(all.end(), counts[k], values[k]);
    return summarise_draws(std::move(all));
  }
  PosteriorSummary s;
  s.draws = draws;
  double total = 0.0;
  for (std::size_t k = 0; k < values.size(); ++k) {
    for (std::size_t c = 0; c < counts[k]; ++c) total += values[k];
  }
  s.mean = total / static_cast<double>(draws);
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  // The value at a rank of the sorted list: equal values sort together.
  const auto at_rank = [&](std::size_t rank) {
    for (std::size_t k : order) {
      if (rank < counts[k]) return values[k];
      rank -= counts[k];
    }
    return values[order.back()];
  };
  const auto quantile = [&](double p) {
    const double position = p * static_cast<double>(draws - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, draws - 1);
    const double fraction = position - static_cast<double>(below);
    const double low = at_rank(below), high = at_rank(above);
    return low + fraction * (high - low);
  };
  s.low = quantile(0.025);
  s.high = quantile(0.975);
  return s;
}

}  // namespace shoal
