// Sequentially allocated split–merge moves for the Dirichlet–multinomial
// CRP mixture (Dahl 2003; in the spirit of Jain & Neal 2004). They reuse the
// Gibbs sampler's per-table counts and cached logarithms, so a proposal
// costs one pass over the people of the tables involved.

#include <algorithm>
#include <cmath>
#include <limits>

#include "concept/crp.hpp"
#include "stats/portable_math.hpp"

namespace shoal {
namespace {

// The chance 1 / (1 + e^d) of joining side A when B's log weight exceeds
// A's by d. e^−|d| from IEEE basic operations only (so native and wasm
// agree), with fixed Taylor coefficients after reducing the argument to
// |r| ≤ ln 2 / 2: cheaper than portable::exp, and a relative error below
// 1e-12 is far more than the proposal needs (it is used the same way in
// both directions of a move, so the chain stays exact whatever it is).
double side_a_probability(double d) {
  const double y = -std::fabs(d);
  double small = 0.0;   // e^y
  if (y > -745.0) {
    constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;
    const double k = std::floor(y * 1.44269504088896338700 + 0.5);
    const double r = (y - k * kLn2Hi) - k * kLn2Lo;
    double sum = 1.0 / 3628800.0;
    constexpr double kInverseFactorial[] = {1.0 / 362880.0, 1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0,
                                            1.0 / 24.0,     1.0 / 6.0,     0.5,          1.0,          1.0};
    for (const double c : kInverseFactorial) sum = sum * r + c;
    small = std::ldexp(sum, static_cast<int>(k));
  }
  return d > 0.0 ? small / (1.0 + small) : 1.0 / (1.0 + small);
}

}  // namespace

double Restaurant::table_log_marginal(const std::uint32_t* counts, std::uint32_t size) const {
  // Options summed as log_posterior and log_joint sum them: with two
  // options, ones then zeros.
  double total = add_option_terms(0.0, counts, size);
  for (const auto& g : groups_) total -= g.questions * g.lgamma_count_k_alpha[size];
  return total;
}

double Restaurant::log_prior_ratio_of_split(std::uint32_t size_a, std::uint32_t size_b) const {
  // Simplicity (concentration 1): Γ(a)Γ(b)/Γ(a+b); uniform: every seating alike.
  if (model_.prior == PartitionPrior::Uniform) return 0.0;
  return lgamma_size_[size_a] + lgamma_size_[size_b] - lgamma_size_[size_a + size_b];
}

void Restaurant::side_log_weights(std::size_t person, const std::uint32_t* counts_a, std::uint32_t size_a,
                                  const std::uint32_t* counts_b, std::uint32_t size_b, double& log_a,
                                  double& log_b) const {
  // The Gibbs step's Dirichlet–multinomial predictive for each side: the
  // count of the person's own answer, over the size's normaliser per group.
  const std::uint32_t* cell = cells_.data() + person * questions_;
  const std::uint32_t* implied = implied_mask_.data() + person * questions_;
  const double* log_count = log_count_alpha_.data();
  const std::uint32_t a_plus_one = size_a + 1, b_plus_one = size_b + 1;
  double a = 0.0, b = 0.0;
  for (std::size_t q = 0; q < questions_; ++q) {
    a += log_count[same_answers(counts_a, a_plus_one, cell[q], implied[q])];
    b += log_count[same_answers(counts_b, b_plus_one, cell[q], implied[q])];
  }
  if (size_normaliser_.empty()) {
    for (const auto& g : groups_) {
      a -= g.questions * g.log_count_k_alpha[size_a];
      b -= g.questions * g.log_count_k_alpha[size_b];
    }
  } else {
    a -= size_normaliser_[size_a];
    b -= size_normaliser_[size_b];
  }
  log_a = a + log_size_prior_[size_a];
  log_b = b + log_size_prior_[size_b];
}

double Restaurant::allocate_split(std::size_t i, std::size_t j, Rng* draw) {
  std::fill(split_counts_a_.begin(), split_counts_a_.end(), 0u);
  std::fill(split_counts_b_.begin(), split_counts_b_.end(), 0u);
  count_in(split_counts_a_.data(), i);
  count_in(split_counts_b_.data(), j);
  split_size_a_ = split_size_b_ = 1;
  // The allocation's probability as mantissa · 2^exponent: a product of up
  // to N factors that may each be small, kept exactly scaled so it cannot
  // underflow, and one logarithm at the end instead of one per person.
  double mantissa = 1.0;
  long exponent = 0;
  for (std::size_t k = 0; k < split_members_.size(); ++k) {
    const std::size_t person = split_members_[k];
    double log_a = 0.0, log_b = 0.0;
    side_log_weights(person, split_counts_a_.data(), split_size_a_, split_counts_b_.data(), split_size_b_, log_a,
                     log_b);
    const double p_a = side_a_probability(log_b - log_a);
    if (draw) split_side_[k] = draw->uniform() < p_a ? 0 : 1;
    const bool to_a = split_side_[k] == 0;
    mantissa *= to_a ? p_a : 1.0 - p_a;
    int scale = 0;
    mantissa = std::frexp(mantissa, &scale);
    exponent += scale;
    count_in(to_a ? split_counts_a_.data() : split_counts_b_.data(), person);
    ++(to_a ? split_size_a_ : split_size_b_);
  }
  if (mantissa == 0.0) return -std::numeric_limits<double>::infinity();
  return portable::log(mantissa) + static_cast<double>(exponent) * 0.69314718055994530942;
}

bool Restaurant::split_merge(Rng& rng) {
  if (people_ < 2) return false;
  const std::size_t i = rng.below(people_);
  std::size_t j = rng.below(people_ - 1);
  if (j >= i) ++j;
  const std::uint32_t slot_i = seat_[i], slot_j = seat_[j];
  split_counts_a_.resize(row_);
  split_counts_b_.resize(row_);

  // The people other than i and j at the tables involved, and their sides:
  // 0 with i, 1 with j (all 0 for a table about to be split).
  const auto gather_and_shuffle = [&] {
    split_members_.clear();
    split_side_.clear();
    for (std::size_t k = 0; k < people_; ++k) {
      if (k == i || k == j || (seat_[k] != slot_i && seat_[k] != slot_j)) continue;
      split_members_.push_back(static_cast<std::uint32_t>(k));
      split_side_.push_back(seat_[k] == slot_i ? 0 : 1);
    }
    for (std::size_t k = split_members_.size(); k > 1; --k) {
      const std::size_t r = rng.below(k);
      std::swap(split_members_[k - 1], split_members_[r]);
      std::swap(split_side_[k - 1], split_side_[r]);
    }
  };

  // Work counted for the rate's tuning (see Restaurant::iterate): three
  // table scorings for the acceptance ratio, three per person allocated.
  ++split_merge_proposals_;
  split_merge_work_ += 3.0;
  const std::uint32_t* counts_i = counts_.data() + static_cast<std::size_t>(slot_i) * row_;
  if (slot_i == slot_j) {
    gather_and_shuffle();
    split_merge_work_ += 3.0 * static_cast<double>(split_members_.size());
    const double log_proposal = allocate_split(i, j, &rng);
    // The likelihood's ratio at the chain's power (at power 1 the same bits).
    const double log_ratio = likelihood_power_ * (table_log_marginal(split_counts_a_.data(), split_size_a_) +
                                                  table_log_marginal(split_counts_b_.data(), split_size_b_) -
                                                  table_log_marginal(counts_i, size_[slot_i]) - empty_tables_) +
                             log_prior_ratio_of_split(split_size_a_, split_size_b_) - log_proposal;
    if (!(log_ratio >= 0.0 || rng.uniform() < portable::exp(log_ratio))) return false;
    // i's side keeps the table; j's side moves to a new one.
    const std::uint32_t slot_b = open_table();
    std::copy(split_counts_a_.begin(), split_counts_a_.end(), counts_.begin() + static_cast<std::ptrdiff_t>(slot_i * row_));
    std::copy(split_counts_b_.begin(), split_counts_b_.end(), counts_.begin() + static_cast<std::ptrdiff_t>(slot_b * row_));
    size_[slot_i] = split_size_a_;
    size_[slot_b] = split_size_b_;
    forget_column(slot_i);
    forget_column(slot_b);
    seat_[j] = slot_b;
    for (std::size_t k = 0; k < split_members_.size(); ++k) {
      if (split_side_[k] == 1) seat_[split_members_[k]] = slot_b;
    }
    return true;
  }

  const std::uint32_t* counts_j = counts_.data() + static_cast<std::size_t>(slot_j) * row_;
  for (std::size_t c = 0; c < row_; ++c) split_counts_a_[c] = counts_i[c] + counts_j[c];
  const std::uint32_t size_i = size_[slot_i], size_j = size_[slot_j];
  const double log_ratio = likelihood_power_ * (table_log_marginal(split_counts_a_.data(), size_i + size_j) +
                                                empty_tables_ - table_log_marginal(counts_i, size_i) -
                                                table_log_marginal(counts_j, size_j)) -
                           log_prior_ratio_of_split(size_i, size_j);
  // The reverse split's probability is at most 1, so a draw the ratio alone
  // rejects needs no allocation.
  const double u = rng.uniform();
  if (log_ratio < 0.0 && u >= portable::exp(log_ratio)) return false;
  gather_and_shuffle();
  split_merge_work_ += 3.0 * static_cast<double>(split_members_.size());
  const double log_reverse = allocate_split(i, j, nullptr);
  if (!(log_ratio + log_reverse >= 0.0 || u < portable::exp(log_ratio + log_reverse))) return false;
  move_table(slot_j, slot_i);
  return true;
}

void Restaurant::move_table(std::uint32_t from, std::uint32_t to) {
  std::uint32_t* counts_to = counts_.data() + static_cast<std::size_t>(to) * row_;
  std::uint32_t* counts_from = counts_.data() + static_cast<std::size_t>(from) * row_;
  for (std::size_t c = 0; c < row_; ++c) {
    counts_to[c] += counts_from[c];
    counts_from[c] = 0;
  }
  for (std::size_t k = 0; k < people_; ++k) {
    if (seat_[k] == from) seat_[k] = to;
  }
  size_[to] += size_[from];
  size_[from] = 0;
  forget_column(to);
  forget_column(from);
  const std::uint32_t position = active_index_[from];
  active_[position] = active_.back();
  active_index_[active_[position]] = position;
  active_.pop_back();
  free_.push_back(from);
}

}  // namespace shoal
