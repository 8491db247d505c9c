#include "stats/diversity_profile.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include "stats/portable_math.hpp"

namespace shoal {
namespace {

// What every estimator needs of a seating, checked once.
struct Abundances {
  std::size_t people = 0;
  std::size_t singletons = 0;   // f₁
  std::size_t doubletons = 0;   // f₂
};

Abundances read_abundances(const std::vector<std::size_t>& table_sizes) {
  if (table_sizes.empty()) throw std::invalid_argument("a seating needs at least one table");
  Abundances a;
  for (std::size_t x : table_sizes) {
    if (x == 0) throw std::invalid_argument("a table must seat at least one person (got a table of size 0)");
    a.people += x;
    if (x == 1) ++a.singletons;
    if (x == 2) ++a.doubletons;
  }
  return a;
}

void require_at_most(std::size_t m, std::size_t limit, const char* what, std::size_t people) {
  if (m > limit) {
    throw std::invalid_argument(std::string(what) + " needs a sample size of at most " + std::to_string(limit) +
                                " for a seating of " + std::to_string(people) + " people (got " +
                                std::to_string(m) + ")");
  }
}

// C(n − x, m) / C(n, m): the chance that m people drawn without replacement
// from n all miss a table of x. Both binomials can overflow a double for n
// in the thousands, so the ratio is taken as a product of at most min(x, m)
// factors, each in [0, 1]:
//   x ≤ m:  Π_{j<x} (n − m − j) / (n − j);   m < x:  Π_{j<m} (n − x − j) / (n − j).
// (Both equal (n − x)!(n − m)! / (n!(n − x − m)!).) Basic arithmetic only,
// so native and wasm builds agree to the bit.
double miss_probability(std::size_t n, std::size_t x, std::size_t m) {
  if (x + m > n) return 0.0;
  const std::size_t factors = x < m ? x : m;
  const std::size_t shift = x < m ? m : x;
  double product = 1.0;
  for (std::size_t j = 0; j < factors; ++j) {
    product *= static_cast<double>(n - shift - j) / static_cast<double>(n - j);
  }
  return product;
}

// Σ x_i (x_i − 1) / (n (n − 1)): the chance two different people drawn from
// the sample share a table. Needs n ≥ 2.
double shared_table_chance(const std::vector<std::size_t>& table_sizes, std::size_t people) {
  double pairs = 0.0;
  for (std::size_t x : table_sizes) pairs += static_cast<double>(x) * static_cast<double>(x - 1);
  const double n = static_cast<double>(people);
  return pairs / (n * (n - 1.0));
}

// A of Chao & Jost (2012): the estimated chance that a further draw is a
// singleton's table again; f₁ > 0.
double coverage_deficit_ratio(const Abundances& a) {
  const double n1 = static_cast<double>(a.people) - 1.0;
  const double f1 = static_cast<double>(a.singletons);
  if (a.doubletons > 0) {
    const double f2 = static_cast<double>(a.doubletons);
    return n1 * f1 / (n1 * f1 + 2.0 * f2);
  }
  return n1 * (f1 - 1.0) / (n1 * (f1 - 1.0) + 2.0);
}

double unseen_tables(const Abundances& a) {
  const double n = static_cast<double>(a.people);
  const double f1 = static_cast<double>(a.singletons);
  const double scale = (n - 1.0) / n;
  if (a.doubletons > 0) return scale * f1 * f1 / (2.0 * static_cast<double>(a.doubletons));
  return scale * f1 * (f1 - 1.0) / 2.0;
}

}  // namespace

HillNumbers hill_numbers(const std::vector<std::size_t>& table_sizes) {
  const Abundances a = read_abundances(table_sizes);
  const double n = static_cast<double>(a.people);
  double entropy = 0.0, sum_squares = 0.0;
  for (std::size_t x : table_sizes) {
    const double p = static_cast<double>(x) / n;
    entropy -= p * portable::log(p);
    sum_squares += p * p;
  }
  HillNumbers h;
  h.q0 = static_cast<double>(table_sizes.size());
  h.q1 = portable::exp(entropy);
  h.q2 = 1.0 / sum_squares;
  return h;
}

double rarefied_tables(const std::vector<std::size_t>& table_sizes, std::size_t m) {
  const Abundances a = read_abundances(table_sizes);
  require_at_most(m, a.people, "rarefied tables", a.people);
  double expected = 0.0;
  for (std::size_t x : table_sizes) expected += 1.0 - miss_probability(a.people, x, m);
  return expected;
}

double extrapolated_tables(const std::vector<std::size_t>& table_sizes, std::size_t m) {
  const Abundances a = read_abundances(table_sizes);
  const double observed = static_cast<double>(table_sizes.size());
  const double f0 = unseen_tables(a);
  if (f0 == 0.0) return observed;
  const double f1 = static_cast<double>(a.singletons);
  const double n = static_cast<double>(a.people);
  // f̂₀ > 0 implies f₁ ≥ 1, so the base lies in (0, 1).
  const double base = 1.0 - f1 / (n * f0 + f1);
  return observed + f0 * (1.0 - portable::pow(base, static_cast<double>(m)));
}

double unseen_tables(const std::vector<std::size_t>& table_sizes) {
  return unseen_tables(read_abundances(table_sizes));
}

double expected_inverse_simpson(const std::vector<std::size_t>& table_sizes, std::size_t m) {
  const Abundances a = read_abundances(table_sizes);
  if (m == 0) throw std::invalid_argument("the expected inverse Simpson needs a sample size of at least 1");
  if (m == 1) return 1.0;
  if (a.people < 2) {
    throw std::invalid_argument("the expected inverse Simpson beyond one person needs a seating of at least 2 people");
  }
  const double size = static_cast<double>(m);
  return 1.0 / (1.0 / size + (size - 1.0) / size * shared_table_chance(table_sizes, a.people));
}

double asymptotic_inverse_simpson(const std::vector<std::size_t>& table_sizes) {
  const Abundances a = read_abundances(table_sizes);
  if (a.people < 2) {
    throw std::invalid_argument("the asymptotic inverse Simpson needs a seating of at least 2 people");
  }
  const double shared = shared_table_chance(table_sizes, a.people);
  return shared == 0.0 ? std::numeric_limits<double>::infinity() : 1.0 / shared;
}

double sample_coverage(const std::vector<std::size_t>& table_sizes) { return extrapolated_coverage(table_sizes, 0); }

double rarefied_coverage(const std::vector<std::size_t>& table_sizes, std::size_t m) {
  const Abundances a = read_abundances(table_sizes);
  // At m = n the formula's C(n − 1, n) is 0; the sample's own coverage is
  // sample_coverage.
  require_at_most(m, a.people - 1, "rarefied coverage", a.people);
  // C(n − x, m) / C(n − 1, m) = C(n − x, m) / C(n, m) · n / (n − m).
  const double remaining = static_cast<double>(a.people - m);
  double missed = 0.0;
  for (std::size_t x : table_sizes) missed += static_cast<double>(x) * miss_probability(a.people, x, m);
  return 1.0 - missed / remaining;
}

double extrapolated_coverage(const std::vector<std::size_t>& table_sizes, std::size_t m) {
  const Abundances a = read_abundances(table_sizes);
  if (a.singletons == 0) return 1.0;
  const double ratio = coverage_deficit_ratio(a);
  const double deficit = static_cast<double>(a.singletons) / static_cast<double>(a.people) *
                         (ratio == 0.0 ? 0.0 : portable::pow(ratio, static_cast<double>(m) + 1.0));
  return 1.0 - deficit;
}

}  // namespace shoal
