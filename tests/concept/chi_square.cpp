#include "concept/chi_square.hpp"

#include <cmath>
#include <stdexcept>

namespace shoal::test {
namespace {

// Series for the lower regularised gamma P(a, x), good for x < a + 1.
double lower_series(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int n = 1; n < 10000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * 1e-15) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Continued fraction (modified Lentz) for the upper Q(a, x), x >= a + 1.
double upper_fraction(double a, double x) {
  const double tiny = 1e-300;
  double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 10000; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < 1e-15) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

}  // namespace

double chi_square_upper_tail(double statistic, double df) {
  if (statistic <= 0.0) return 1.0;
  const double a = df / 2.0, x = statistic / 2.0;
  return x < a + 1.0 ? 1.0 - lower_series(a, x) : upper_fraction(a, x);
}

double g_test_p_value(const std::vector<double>& observed, const std::vector<double>& probabilities,
                      std::size_t* df_out) {
  if (observed.size() != probabilities.size()) throw std::invalid_argument("categories differ");
  double total = 0.0;
  for (double o : observed) total += o;
  std::vector<double> obs, expected;
  double pending_obs = 0.0, pending_exp = 0.0;
  for (std::size_t k = 0; k < observed.size(); ++k) {
    pending_obs += observed[k];
    pending_exp += probabilities[k] * total;
    if (pending_exp >= 5.0) {
      obs.push_back(pending_obs);
      expected.push_back(pending_exp);
      pending_obs = pending_exp = 0.0;
    }
  }
  if (pending_exp > 0.0 || pending_obs > 0.0) {
    if (expected.empty()) {
      obs.push_back(pending_obs);
      expected.push_back(pending_exp);
    } else {
      obs.back() += pending_obs;
      expected.back() += pending_exp;
    }
  }
  double g = 0.0;
  for (std::size_t k = 0; k < obs.size(); ++k) {
    if (obs[k] > 0.0) g += 2.0 * obs[k] * std::log(obs[k] / expected[k]);
  }
  const std::size_t df = obs.size() - 1;
  if (df_out) *df_out = df;
  return df == 0 ? 1.0 : chi_square_upper_tail(g, static_cast<double>(df));
}

}  // namespace shoal::test
