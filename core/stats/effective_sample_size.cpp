#include "stats/effective_sample_size.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "stats/portable_math.hpp"

namespace shoal {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

void require_equal_lengths(const DrawsByChain& chains, const char* what) {
  for (const auto& chain : chains) {
    if (chain.size() != chains.front().size()) {
      throw std::invalid_argument(std::string(what) + " needs chains of equal length; got chains of " +
                                  std::to_string(chains.front().size()) + " and " + std::to_string(chain.size()) +
                                  " draws");
    }
  }
}

// One chain's mean and, on demand, its autocovariance at a lag.
struct ChainMoments {
  const std::vector<double>* draws = nullptr;
  double mean = 0.0;
  bool constant = false;

  // Σ (x_i − mean)(x_{i+lag} − mean) / n; zero for a constant chain, whose
  // rounded mean could otherwise leave a spurious variance.
  double autocovariance(std::size_t lag) const {
    if (constant) return 0.0;
    const auto& x = *draws;
    double sum = 0.0;
    for (std::size_t i = 0; i + lag < x.size(); ++i) sum += (x[i] - mean) * (x[i + lag] - mean);
    return sum / static_cast<double>(x.size());
  }
};

}  // namespace

DrawsByChain split_chains(const DrawsByChain& chains) {
  if (chains.empty()) return {};
  require_equal_lengths(chains, "splitting chains");
  const std::size_t half = chains.front().size() / 2;
  const auto cut = static_cast<std::ptrdiff_t>(half);
  DrawsByChain halves;
  halves.reserve(2 * chains.size());
  for (const auto& chain : chains) {
    halves.emplace_back(chain.begin(), chain.begin() + cut);
    halves.emplace_back(chain.end() - cut, chain.end());
  }
  return halves;
}

double effective_sample_size_of_chains(const DrawsByChain& chains) {
  if (chains.empty()) return kUndefined;
  require_equal_lengths(chains, "the effective sample size");
  const std::size_t n = chains.front().size();
  if (n < 3) return kUndefined;
  const double first = chains.front().front();
  bool varies = false;
  for (const auto& chain : chains) {
    for (double v : chain) {
      if (!std::isfinite(v)) return kUndefined;
      varies = varies || v != first;
    }
  }
  if (!varies) return kUndefined;

  const double count = static_cast<double>(n);
  const double m = static_cast<double>(chains.size());
  std::vector<ChainMoments> moments;
  for (const auto& chain : chains) {
    ChainMoments c;
    c.draws = &chain;
    c.constant = std::all_of(chain.begin(), chain.end(), [&](double v) { return v == chain.front(); });
    double total = 0.0;
    for (double v : chain) total += v;
    c.mean = c.constant ? chain.front() : total / count;
    moments.push_back(c);
  }
  const auto mean_autocovariance = [&](std::size_t lag) {
    double total = 0.0;
    for (const auto& c : moments) total += c.autocovariance(lag);
    return total / m;
  };
  const double within = mean_autocovariance(0) * count / (count - 1.0);
  double var_plus = within * (count - 1.0) / count;
  if (moments.size() > 1) {
    double grand = 0.0;
    for (const auto& c : moments) grand += c.mean;
    grand /= m;
    double spread = 0.0;
    for (const auto& c : moments) spread += (c.mean - grand) * (c.mean - grand);
    var_plus += spread / (m - 1.0);
  }
  const auto rho_at = [&](std::size_t lag) { return 1.0 - (within - mean_autocovariance(lag)) / var_plus; };

  // Geyer's initial positive sequence: autocorrelations by pairs, kept while
  // a pair's sum is positive and the lags stay 5 short of the chain length.
  std::vector<double> rho(n, 0.0);
  rho[0] = 1.0;
  rho[1] = rho_at(1);
  double even = 1.0, odd = rho[1];
  std::size_t t = 0;
  while (t + 5 < n && !std::isnan(even + odd) && even + odd > 0.0) {
    t += 2;
    even = rho_at(t);
    odd = rho_at(t + 1);
    if (even + odd >= 0.0) {
      rho[t] = even;
      rho[t + 1] = odd;
    }
  }
  const std::size_t last = t;
  if (even > 0.0) rho[last] = even;   // the improved estimate's extra term

  // Geyer's initial monotone sequence: no pair may exceed the pair before.
  for (std::size_t k = 2; k + 2 <= last; k += 2) {
    const double before = rho[k - 2] + rho[k - 1];
    if (rho[k] + rho[k + 1] > before) rho[k] = rho[k + 1] = before / 2.0;
  }
  // Σ ρ_t for t < last. posterior sums R's rho[1:last], which for last = 0
  // is rho[1:0], the first element alone; kept so the results agree.
  double sum = 0.0;
  for (std::size_t k = 0; k < std::max<std::size_t>(last, 1); ++k) sum += rho[k];
  const double draws = m * count;
  const double tau = std::max(-1.0 + 2.0 * sum + rho[last], 1.0 / (portable::log(draws) / portable::log(10.0)));
  return draws / tau;
}

double effective_sample_size(const DrawsByChain& chains) {
  return effective_sample_size_of_chains(split_chains(chains));
}

}  // namespace shoal
