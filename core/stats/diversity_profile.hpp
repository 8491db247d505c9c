#pragma once
#include <cstddef>
#include <vector>

namespace shoal {

// Diversity of one sample of categories given as its abundances: a seating
// of n individuals at tables of sizes x_1 … x_S (n = Σ x_i), each table a
// concept. These are ecology's estimators with tables as species; they are
// applied to each recorded seating and summarised over the draws.
//
// Every function throws std::invalid_argument, naming the problem, for an
// empty seating, a table of size 0 or a sample size outside the range its
// formula covers. Notation: p_i = x_i / n, f_k = number of tables of size k.

// Hill numbers (Hill 1973; Jost 2006), the effective number of equally
// common tables: ⁰D = S, ¹D = exp(−Σ p_i ln p_i), ²D = 1 / Σ p_i².
// ²D is 1 / P(same table) with replacement.
struct HillNumbers {
  double q0 = 0.0;
  double q1 = 0.0;
  double q2 = 0.0;
};
HillNumbers hill_numbers(const std::vector<std::size_t>& table_sizes);

// Expected number of tables among m individuals drawn without replacement,
// 1 ≤ m ≤ n (Hurlbert 1971; R's vegan::rarefy):
//   Σ_i [1 − C(n − x_i, m) / C(n, m)].
double rarefied_tables(const std::vector<std::size_t>& table_sizes, std::size_t m);

// Expected tables at n + m individuals, m ≥ 0 (Chao et al. 2014, Ecological
// Monographs 84:45–67, eq. 9):  S + f̂₀ [1 − (1 − f₁ / (n f̂₀ + f₁))^m].
double extrapolated_tables(const std::vector<std::size_t>& table_sizes, std::size_t m);

// Estimated number of tables nobody in the sample sat at (Chao1's f̂₀ with
// the (n − 1)/n factor, Chao et al. 2014):
//   (n − 1)/n · f₁² / (2 f₂), or (n − 1)/n · f₁ (f₁ − 1) / 2 when f₂ = 0.
double unseen_tables(const std::vector<std::size_t>& table_sizes);

// Expected ²D of a sample of m ≥ 1 individuals, below or above n (Chao et
// al. 2014, the q = 2 rarefaction/extrapolation formula):
//   1 / (1/m + (m − 1)/m · Σ x_i (x_i − 1) / (n (n − 1))).
// At m = n it is ²D; m = 1 gives 1. Needs n ≥ 2 for m ≥ 2.
double expected_inverse_simpson(const std::vector<std::size_t>& table_sizes, std::size_t m);

// The m → ∞ limit of expected_inverse_simpson, the unbiased estimate of the
// population's ²D: n (n − 1) / Σ x_i (x_i − 1). +infinity when no table
// holds two people (the sample holds no evidence of a shared concept);
// needs n ≥ 2.
double asymptotic_inverse_simpson(const std::vector<std::size_t>& table_sizes);

// Sample coverage, the estimated share of the population sitting at a table
// present in the sample (Chao & Jost 2012, Ecology 93:2533–2547):
//   Ĉ = 1 − f₁/n · A,  A = (n − 1) f₁ / ((n − 1) f₁ + 2 f₂),
//   or A = (n − 1)(f₁ − 1) / ((n − 1)(f₁ − 1) + 2) when f₂ = 0.
double sample_coverage(const std::vector<std::size_t>& table_sizes);

// Expected coverage of a subsample of 1 ≤ m < n individuals (Chao & Jost
// 2012, eq. 4):  1 − Σ_i x_i/n · C(n − x_i, m) / C(n − 1, m).
double rarefied_coverage(const std::vector<std::size_t>& table_sizes, std::size_t m);

// Expected coverage at n + m individuals, m ≥ 0 (Chao & Jost 2012, eq. 5):
//   1 − f₁/n · A^(m+1), A as in sample_coverage; m = 0 gives Ĉ.
double extrapolated_coverage(const std::vector<std::size_t>& table_sizes, std::size_t m);

}  // namespace shoal
