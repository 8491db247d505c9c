#include "stats/convergence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "stats/normal.hpp"

namespace shoal {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

std::vector<double> all_draws(const DrawsByChain& chains) {
  std::vector<double> all;
  for (const auto& chain : chains) all.insert(all.end(), chain.begin(), chain.end());
  return all;
}

// R's max and min: undefined when either is.
double max_defined(double a, double b) { return std::isnan(a) || std::isnan(b) ? kUndefined : std::max(a, b); }
double min_defined(double a, double b) { return std::isnan(a) || std::isnan(b) ? kUndefined : std::min(a, b); }

double sample_sd(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  double total = 0.0;
  for (double v : values) total += v;
  const double mean = total / n;
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / (n - 1.0));
}

// R's type 7 quantile of values already in increasing order.
double sorted_quantile_type7(const std::vector<double>& values, double p) {
  if (values.empty()) return kUndefined;
  // R: index = 1 + (S − 1)p, lo = floor, hi = ceiling, (1 − h)·x_lo + h·x_hi
  // unless the two order statistics are equal.
  const double index = 1.0 + static_cast<double>(values.size() - 1) * p;
  const double lo = std::floor(index);
  const double hi = std::ceil(index);
  const double below = values[static_cast<std::size_t>(lo) - 1];
  const double above = values[static_cast<std::size_t>(hi) - 1];
  if (!(index > lo) || above == below) return below;
  const double h = index - lo;
  return (1.0 - h) * below + h * above;
}

double sorted_median(const std::vector<double>& values) {
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

DrawsByChain folded_around(const DrawsByChain& chains, double centre) {
  DrawsByChain folded = chains;
  for (auto& chain : folded) {
    for (double& v : chain) v = std::fabs(v - centre);
  }
  return folded;
}

// ESS of the indicator "draw <= q", by split chains.
double indicator_ess(const DrawsByChain& chains, double q) {
  DrawsByChain below;
  for (const auto& chain : chains) {
    below.emplace_back();
    for (double v : chain) below.back().push_back(v <= q ? 1.0 : 0.0);
  }
  return effective_sample_size_of_chains(split_chains(below));
}

}  // namespace

DrawsByChain rank_normalise(const DrawsByChain& chains) {
  std::vector<std::pair<double, std::size_t>> order;   // (draw, chain·length + index)
  std::size_t length = 0;
  for (std::size_t c = 0; c < chains.size(); ++c) {
    length = chains[c].size();
    if (length != chains.front().size()) throw std::invalid_argument("rank normalisation needs chains of equal length");
    for (std::size_t i = 0; i < length; ++i) order.push_back({chains[c][i], c * length + i});
  }
  std::sort(order.begin(), order.end());
  const double count = static_cast<double>(order.size());
  DrawsByChain scores(chains.size(), std::vector<double>(length));
  for (std::size_t first = 0; first < order.size();) {
    std::size_t end = first;
    while (end < order.size() && order[end].first == order[first].first) ++end;
    // Ranks first + 1 … end share their average.
    const double rank = static_cast<double>(first + 1 + end) / 2.0;
    const double z = normal_quantile((rank - 0.375) / (count + 0.25));
    for (std::size_t k = first; k < end; ++k) scores[order[k].second / length][order[k].second % length] = z;
    first = end;
  }
  return scores;
}

DrawsByChain fold_around_median(const DrawsByChain& chains) {
  std::vector<double> all = all_draws(chains);
  std::sort(all.begin(), all.end());
  return folded_around(chains, sorted_median(all));
}

double quantile_type7(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return sorted_quantile_type7(values, p);
}

double potential_scale_reduction(const DrawsByChain& chains) {
  if (chains.size() < 2) return kUndefined;
  const std::size_t n = chains.front().size();
  for (const auto& chain : chains) {
    if (chain.size() != n) throw std::invalid_argument("R-hat needs chains of equal length");
  }
  if (n < 2) return kUndefined;
  bool varies = false;
  for (const auto& chain : chains) {
    for (double v : chain) {
      if (!std::isfinite(v)) return kUndefined;
      varies = varies || v != chains.front().front();
    }
  }
  if (!varies) return kUndefined;
  const double m = static_cast<double>(chains.size());
  const double len = static_cast<double>(n);
  std::vector<double> means;
  double within = 0.0;
  for (const auto& chain : chains) {
    double total = 0.0;
    for (double v : chain) total += v;
    // A constant chain's mean is its value: the rounding of total / len would
    // give chains stuck apart a spurious within-chain variance.
    const bool constant = std::all_of(chain.begin(), chain.end(), [&](double v) { return v == chain.front(); });
    const double mean = constant ? chain.front() : total / len;
    double squares = 0.0;
    for (double v : chain) squares += (v - mean) * (v - mean);
    within += squares / (len - 1.0);
    means.push_back(mean);
  }
  within /= m;
  double grand = 0.0;
  for (double mean : means) grand += mean;
  grand /= m;
  double between = 0.0;
  for (double mean : means) between += (mean - grand) * (mean - grand);
  between *= len / (m - 1.0);
  if (within == 0.0) return between > 0.0 ? std::numeric_limits<double>::infinity() : kUndefined;
  const double pooled = (len - 1.0) / len * within + between / len;
  return std::sqrt(pooled / within);
}

double classic_r_hat(const DrawsByChain& chains) {
  const double r = potential_scale_reduction(chains);
  if (std::isinf(r)) return kUndefined;   // constant chains that disagree
  if (std::isnan(r) && chains.size() >= 2 && chains.front().size() >= 2) {
    const double first = chains.front().front();
    const bool all_equal = std::all_of(chains.begin(), chains.end(), [&](const std::vector<double>& chain) {
      return std::all_of(chain.begin(), chain.end(), [&](double v) { return v == first; });
    });
    if (all_equal) return 1.0;
  }
  return r;
}

ConvergenceDiagnostics convergence_diagnostics(const DrawsByChain& chains) {
  ConvergenceDiagnostics d;
  d.r_hat = d.ess_bulk = d.ess_tail = d.mcse_mean = kUndefined;
  if (chains.empty()) return d;
  const DrawsByChain halves = split_chains(chains);   // checks the lengths
  const std::vector<double> all = all_draws(chains);
  if (all.empty()) return d;
  if (std::any_of(all.begin(), all.end(), [](double v) { return !std::isfinite(v); })) return d;
  d.constant = std::all_of(all.begin(), all.end(), [&](double v) { return v == all.front(); });
  if (d.constant) return d;

  // One sorted copy of the draws gives the median and both tail quantiles.
  std::vector<double> sorted = all;
  std::sort(sorted.begin(), sorted.end());
  const DrawsByChain ranked = rank_normalise(halves);
  d.r_hat = max_defined(potential_scale_reduction(ranked),
                        potential_scale_reduction(rank_normalise(split_chains(folded_around(chains, sorted_median(sorted))))));
  d.ess_bulk = effective_sample_size_of_chains(ranked);
  d.ess_tail = min_defined(indicator_ess(chains, sorted_quantile_type7(sorted, 0.05)),
                           indicator_ess(chains, sorted_quantile_type7(sorted, 0.95)));
  d.mcse_mean = sample_sd(all) / std::sqrt(effective_sample_size_of_chains(halves));
  return d;
}

}  // namespace shoal
