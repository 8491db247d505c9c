#include "stats/effective_sample_size.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "stats/portable_math.hpp"

namespace shoal {
namespace {

struct SplitChain {
  const double* draws = nullptr;
  double mean = 0.0;
};

}  // namespace

double effective_sample_size(const std::vector<std::vector<double>>& chains) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (chains.empty()) return kNaN;
  const std::size_t length = chains.front().size();
  for (const auto& chain : chains) {
    if (chain.size() != length) throw std::invalid_argument("the effective sample size needs chains of equal length");
  }
  if (length < 4) return kNaN;
  // Checked exactly: the rounding of a mean of equal values could leave a
  // spurious variance.
  const double first = chains.front().front();
  const bool varies = std::any_of(chains.begin(), chains.end(), [&](const std::vector<double>& chain) {
    return std::any_of(chain.begin(), chain.end(), [&](double v) { return v != first; });
  });
  if (!varies) return kNaN;
  // Halves of n draws; with an odd length the middle draw is left out.
  const std::size_t n = length / 2;
  std::vector<SplitChain> halves;
  for (const auto& chain : chains) {
    halves.push_back({chain.data(), 0.0});
    halves.push_back({chain.data() + (length - n), 0.0});
  }
  const double count = static_cast<double>(n);
  const double m = static_cast<double>(halves.size());
  double within = 0.0, grand = 0.0;
  for (auto& h : halves) {
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) total += h.draws[i];
    h.mean = total / count;
    grand += h.mean;
  }
  grand /= m;
  double between = 0.0;   // B/n: the variance of the half-chain means
  for (const auto& h : halves) between += (h.mean - grand) * (h.mean - grand);
  between /= m - 1.0;

  // Mean over half chains of the autocovariance at lag t (divisor n).
  const auto mean_autocovariance = [&](std::size_t t) {
    double total = 0.0;
    for (const auto& h : halves) {
      double sum = 0.0;
      for (std::size_t i = 0; i + t < n; ++i) sum += (h.draws[i] - h.mean) * (h.draws[i + t] - h.mean);
      total += sum / count;
    }
    return total / m;
  };
  within = mean_autocovariance(0) * count / (count - 1.0);
  const double var_plus = within * (count - 1.0) / count + between;
  if (!(var_plus > 0.0)) return kNaN;
  const auto rho = [&](std::size_t t) { return t == 0 ? 1.0 : 1.0 - (within - mean_autocovariance(t)) / var_plus; };

  double pairs_sum = 0.0;
  double previous = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; 2 * k + 1 < n; ++k) {
    double pair = rho(2 * k) + rho(2 * k + 1);
    if (!(pair > 0.0)) break;
    pair = std::min(pair, previous);
    pairs_sum += pair;
    previous = pair;
  }
  const double draws = m * count;
  const double tau = std::max(-1.0 + 2.0 * pairs_sum, 1.0 / (portable::log(draws) / portable::log(10.0)));
  return draws / tau;
}

}  // namespace shoal
