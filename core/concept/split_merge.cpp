// Sequentially allocated split–merge moves for the Beta–Bernoulli CRP
// mixture (Dahl 2003; in the spirit of Jain & Neal 2004). They reuse the
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

double Restaurant::table_log_marginal(const std::uint32_t* ones, std::uint32_t size) const {
  double total = 0.0;
  for (std::size_t q = 0; q < questions_; ++q) {
    total += lgamma_count_alpha_[ones[q]] + lgamma_count_alpha_[size - ones[q]];
  }
  return total - static_cast<double>(questions_) * lgamma_count_two_alpha_[size];
}

double Restaurant::log_prior_ratio_of_split(std::uint32_t size_a, std::uint32_t size_b) const {
  // Simplicity (concentration 1): Γ(a)Γ(b)/Γ(a+b); uniform: every seating alike.
  if (model_.prior == PartitionPrior::Uniform) return 0.0;
  return lgamma_size_[size_a] + lgamma_size_[size_b] - lgamma_size_[size_a + size_b];
}

void Restaurant::side_log_weights(std::size_t person, const std::uint32_t* ones_a, std::uint32_t size_a,
                                  const std::uint32_t* ones_b, std::uint32_t size_b, double& log_a,
                                  double& log_b) const {
  const std::uint8_t* x = answers_.values.data() + person * questions_;
  const double* log_count = log_count_alpha_.data();
  double a = 0.0, b = 0.0;
  for (std::size_t q = 0; q < questions_; ++q) {
    a += log_count[x[q] ? ones_a[q] : size_a - ones_a[q]];
    b += log_count[x[q] ? ones_b[q] : size_b - ones_b[q]];
  }
  const double questions = static_cast<double>(questions_);
  a -= questions * log_count_two_alpha_[size_a];
  b -= questions * log_count_two_alpha_[size_b];
  if (model_.prior == PartitionPrior::Simplicity) {
    a += log_size_[size_a];
    b += log_size_[size_b];
  }
  log_a = a;
  log_b = b;
}

double Restaurant::allocate_split(std::size_t i, std::size_t j, Rng* draw) {
  const std::uint8_t* xi = answers_.values.data() + i * questions_;
  const std::uint8_t* xj = answers_.values.data() + j * questions_;
  for (std::size_t q = 0; q < questions_; ++q) {
    split_ones_a_[q] = xi[q];
    split_ones_b_[q] = xj[q];
  }
  split_size_a_ = split_size_b_ = 1;
  // The allocation's probability as mantissa · 2^exponent: a product of up
  // to N factors that may each be small, kept exactly scaled so it cannot
  // underflow, and one logarithm at the end instead of one per person.
  double mantissa = 1.0;
  long exponent = 0;
  for (std::size_t k = 0; k < split_members_.size(); ++k) {
    const std::size_t person = split_members_[k];
    double log_a = 0.0, log_b = 0.0;
    side_log_weights(person, split_ones_a_.data(), split_size_a_, split_ones_b_.data(), split_size_b_, log_a, log_b);
    const double p_a = side_a_probability(log_b - log_a);
    if (draw) split_side_[k] = draw->uniform() < p_a ? 0 : 1;
    const bool to_a = split_side_[k] == 0;
    mantissa *= to_a ? p_a : 1.0 - p_a;
    int scale = 0;
    mantissa = std::frexp(mantissa, &scale);
    exponent += scale;
    std::uint32_t* ones = to_a ? split_ones_a_.data() : split_ones_b_.data();
    const std::uint8_t* x = answers_.values.data() + person * questions_;
    for (std::size_t q = 0; q < questions_; ++q) ones[q] += x[q];
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
  const double questions = static_cast<double>(questions_);
  const double empty_table = 2.0 * lgamma_count_alpha_[0] - lgamma_count_two_alpha_[0];
  split_ones_a_.resize(questions_);
  split_ones_b_.resize(questions_);

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
  const std::uint32_t* ones_i = ones_.data() + static_cast<std::size_t>(slot_i) * questions_;
  if (slot_i == slot_j) {
    gather_and_shuffle();
    split_merge_work_ += 3.0 * static_cast<double>(split_members_.size());
    const double log_proposal = allocate_split(i, j, &rng);
    const double log_ratio = table_log_marginal(split_ones_a_.data(), split_size_a_) +
                             table_log_marginal(split_ones_b_.data(), split_size_b_) -
                             table_log_marginal(ones_i, size_[slot_i]) - questions * empty_table +
                             log_prior_ratio_of_split(split_size_a_, split_size_b_) - log_proposal;
    if (!(log_ratio >= 0.0 || rng.uniform() < portable::exp(log_ratio))) return false;
    // i's side keeps the table; j's side moves to a new one.
    const std::uint32_t slot_b = open_table();
    std::copy(split_ones_a_.begin(), split_ones_a_.end(), ones_.begin() + static_cast<std::ptrdiff_t>(slot_i * questions_));
    std::copy(split_ones_b_.begin(), split_ones_b_.end(), ones_.begin() + static_cast<std::ptrdiff_t>(slot_b * questions_));
    size_[slot_i] = split_size_a_;
    size_[slot_b] = split_size_b_;
    seat_[j] = slot_b;
    for (std::size_t k = 0; k < split_members_.size(); ++k) {
      if (split_side_[k] == 1) seat_[split_members_[k]] = slot_b;
    }
    return true;
  }

  const std::uint32_t* ones_j = ones_.data() + static_cast<std::size_t>(slot_j) * questions_;
  for (std::size_t q = 0; q < questions_; ++q) split_ones_a_[q] = ones_i[q] + ones_j[q];
  const std::uint32_t size_i = size_[slot_i], size_j = size_[slot_j];
  const double log_ratio = table_log_marginal(split_ones_a_.data(), size_i + size_j) + questions * empty_table -
                           table_log_marginal(ones_i, size_i) - table_log_marginal(ones_j, size_j) -
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
  std::uint32_t* ones_to = ones_.data() + static_cast<std::size_t>(to) * questions_;
  std::uint32_t* ones_from = ones_.data() + static_cast<std::size_t>(from) * questions_;
  for (std::size_t q = 0; q < questions_; ++q) {
    ones_to[q] += ones_from[q];
    ones_from[q] = 0;
  }
  for (std::size_t k = 0; k < people_; ++k) {
    if (seat_[k] == from) seat_[k] = to;
  }
  size_[to] += size_[from];
  size_[from] = 0;
  const std::uint32_t position = active_index_[from];
  active_[position] = active_.back();
  active_index_[active_[position]] = position;
  active_.pop_back();
  free_.push_back(from);
}

}  // namespace shoal
