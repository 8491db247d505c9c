#include "concept/crp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "concept/chao.hpp"
#include "stats/f64x2.hpp"
#include "stats/lane_kernels.hpp"
#include "stats/portable_math.hpp"
#include "stats/wide_lanes.hpp"

namespace shoal {
namespace {

// Σ_q term(q) over `questions` as two sums, the even questions' and the odd
// ones', each in question order, then added: two chains of half the length.
// A person's terms at a table are summed in this order however they are
// read (lanes::sum_columns adds its lanes the same way), so a table's weight has
// the same bits whichever way it was scored.
template <class Term>
double sum_in_two_chains(std::size_t questions, Term term) {
  double even = 0.0, odd = 0.0;
  std::size_t q = 0;
  for (; q + 1 < questions; q += 2) {
    even += term(q);
    odd += term(q + 1);
  }
  if (q < questions) even += term(q);
  return even + odd;
}

// log of the Dirichlet–multinomial marginal of one table given its members,
// summed over questions: per question
//   Σ_j lgamma(c_j + α) − lgamma(n + kα) − (k·lgamma(α) − lgamma(kα)).
// Options are summed from the last to the first, so that with two options the
// terms are added exactly as the Beta–Bernoulli form (ones, then zeros).
double table_log_likelihood(const AnswerMatrix& answers, const std::vector<std::size_t>& members, double alpha) {
  const double n = static_cast<double>(members.size());
  double total = 0.0;
  std::vector<double> counts;
  for (std::size_t q = 0; q < answers.questions; ++q) {
    const std::uint32_t k = answers.options_of(q);
    const double options = static_cast<double>(k);
    const double empty_table = options * portable::lgamma(alpha) - portable::lgamma(options * alpha);
    counts.assign(k, 0.0);
    for (std::size_t person : members) counts[answers.at(person, q)] += 1.0;
    double terms = portable::lgamma(counts[k - 1] + alpha);
    for (std::uint32_t j = k - 1; j-- > 0;) terms += portable::lgamma(counts[j] + alpha);
    total += terms - portable::lgamma(n + options * alpha) - empty_table;
  }
  return total;
}

double log_prior(const Partition& seating, std::size_t people, PartitionPrior prior) {
  if (prior == PartitionPrior::Uniform) return 0.0;
  double total = -portable::lgamma(static_cast<double>(people) + 1.0);
  for (const auto& table : seating) total += portable::lgamma(static_cast<double>(table.size()));
  return total;
}

// Normalises log weights in place into probabilities.
void normalise(std::vector<double>& log_weights) {
  const double top = *std::max_element(log_weights.begin(), log_weights.end());
  double total = 0.0;
  for (double& w : log_weights) {
    w = portable::exp(w - top);
    total += w;
  }
  for (double& w : log_weights) w /= total;
}

}  // namespace

const char* to_string(PartitionPrior prior) {
  return prior == PartitionPrior::Simplicity ? "simplicity" : "uniform";
}

std::optional<PartitionPrior> partition_prior_from_string(const std::string& text) {
  if (text == "simplicity") return PartitionPrior::Simplicity;
  if (text == "uniform") return PartitionPrior::Uniform;
  return std::nullopt;
}

const char* to_string(SamplerKernel kernel) { return kernel == SamplerKernel::Gibbs ? "gibbs" : "split-merge"; }

std::optional<SamplerKernel> sampler_kernel_from_string(const std::string& text) {
  if (text == "gibbs") return SamplerKernel::Gibbs;
  if (text == "split-merge") return SamplerKernel::SplitMerge;
  return std::nullopt;
}

double log_joint(const AnswerMatrix& answers, const Partition& seating, const CrpModel& model) {
  std::size_t people = 0;
  double total = 0.0;
  for (const auto& table : seating) {
    people += table.size();
    total += table_log_likelihood(answers, table, model.alpha);
  }
  return total + log_prior(seating, people, model.prior);
}

std::vector<double> exact_seating_probabilities(const AnswerMatrix& answers, std::size_t person,
                                                const Partition& others, const CrpModel& model) {
  std::vector<double> log_weights;
  for (std::size_t choice = 0; choice <= others.size(); ++choice) {
    Partition seating = others;
    if (choice == others.size()) {
      seating.push_back({person});
    } else {
      seating[choice].push_back(person);
    }
    log_weights.push_back(log_joint(answers, seating, model));
  }
  normalise(log_weights);
  return log_weights;
}

Restaurant::Restaurant(const AnswerMatrix& answers, const CrpModel& model)
    : answers_(answers), model_(model), people_(answers.people), questions_(answers.questions) {
  const double a = model.alpha;
  for (std::size_t q = 0; q < questions_; ++q) {
    const std::uint32_t k = answers.options_of(q);
    if (k == 0) throw std::invalid_argument("a question needs at least one option");
    auto group = std::find_if(groups_.begin(), groups_.end(), [&](const OptionGroup& g) { return g.options == k; });
    if (group == groups_.end()) {
      groups_.push_back(OptionGroup{k, 0.0, {}, {}, 0.0});
      group = groups_.end() - 1;
    }
    group->questions += 1.0;
  }
  std::sort(groups_.begin(), groups_.end(), [](const OptionGroup& x, const OptionGroup& y) { return x.options < y.options; });
  for (std::size_t k = 0; k <= people_; ++k) {
    const double count = static_cast<double>(k);
    log_count_alpha_.push_back(portable::log(count + a));
    log_size_.push_back(k == 0 ? 0.0 : portable::log(count));
    lgamma_count_alpha_.push_back(portable::lgamma(count + a));
    lgamma_size_.push_back(k == 0 ? 0.0 : portable::lgamma(count));
    for (auto& g : groups_) {
      const double options = static_cast<double>(g.options);
      g.log_count_k_alpha.push_back(portable::log(count + options * a));
      g.lgamma_count_k_alpha.push_back(portable::lgamma(count + options * a));
    }
  }
  // A new table: every answer is the first of its kind, with prior weight
  // α / (Kα).
  for (auto& g : groups_) {
    g.empty_table = static_cast<double>(g.options) * lgamma_count_alpha_[0] - g.lgamma_count_k_alpha[0];
    log_new_table_ += g.questions * (log_count_alpha_[0] - g.log_count_k_alpha[0]);
    empty_tables_ += g.questions * g.empty_table;
  }
  powered_log_new_table_ = log_new_table_;
  // With one option count the normaliser is one product per size, the same
  // number a scoring would compute, so it is taken once here.
  if (groups_.size() == 1) {
    for (std::size_t k = 0; k <= people_; ++k) {
      size_normaliser_.push_back(groups_[0].questions * groups_[0].log_count_k_alpha[k]);
    }
  }
  // The rows' layout (see first_option_implied_).
  first_option_implied_ = groups_.size() == 1 && groups_[0].options == 2;
  for (std::size_t q = 0; q < questions_; ++q) {
    offset_.push_back(static_cast<std::uint32_t>(row_));
    row_ += first_option_implied_ ? 1 : answers.options_of(q);
  }
  term_row_ = first_option_implied_ ? 2 * questions_ : row_;
  cells_.resize(people_ * questions_);
  term_offset_.resize(people_ * questions_);
  stride_ = (people_ + 2) / 2 * 2;
  implied_mask_.assign(people_ * questions_, 0);
  increments_.assign(people_ * row_, 0);
  for (std::size_t person = 0; person < people_; ++person) {
    for (std::size_t q = 0; q < questions_; ++q) {
      const std::size_t i = person * questions_ + q;
      const std::uint32_t answer = answers.values[i];
      const bool implied = first_option_implied_ && answer == 0;
      cells_[i] = offset_[q] + (first_option_implied_ ? 0 : answer);
      const std::size_t term = first_option_implied_ ? 2 * q + answer : cells_[i];
      term_offset_[i] = static_cast<std::uint32_t>(term * stride_);
      implied_mask_[i] = implied ? ~0u : 0u;
      if (!implied) increments_[person * row_ + cells_[i]] = 1;
    }
  }
  terms_.assign(term_row_ * stride_, 0.0);
  leaving_terms_.assign(term_row_ * stride_, 0.0);
  column_slot_.assign(stride_, kNoSlot);
  slot_column_.assign(people_, kNoSlot);
  score_sums_.assign(stride_, 0.0);
  const bool simplicity = model.prior == PartitionPrior::Simplicity;
  for (std::size_t k = 0; k <= people_; ++k) log_size_prior_.push_back(simplicity ? log_size_[k] : 0.0);
  seat_.assign(people_, 0);
  size_.assign(people_, 0);
  counts_.assign(people_ * row_, 0);
  active_index_.assign(people_, 0);
  for (std::size_t s = people_; s-- > 0;) free_.push_back(static_cast<std::uint32_t>(s));
  for (std::size_t i = 0; i < people_; ++i) insert(i, open_table());
  log_weights_.reserve(people_ + 1);
}

std::uint32_t Restaurant::open_table() {
  const std::uint32_t slot = free_.back();
  free_.pop_back();
  active_index_[slot] = static_cast<std::uint32_t>(active_.size());
  active_.push_back(slot);
  return slot;
}

void Restaurant::count_in(std::uint32_t* counts, std::size_t person) const {
  // A pass over consecutive memory the compiler can vectorise.
  const std::uint8_t* increment = increments_.data() + person * row_;
  for (std::size_t c = 0; c < row_; ++c) counts[c] += increment[c];
}

void Restaurant::count_out(std::uint32_t* counts, std::size_t person) const {
  const std::uint8_t* increment = increments_.data() + person * row_;
  for (std::size_t c = 0; c < row_; ++c) counts[c] -= increment[c];
}

void Restaurant::insert(std::size_t person, std::uint32_t slot) {
  seat_[person] = slot;
  ++size_[slot];
  forget_column(slot);
  // Pointers, not &v[i]: with no questions the rows are empty and indexing
  // them would be out of range.
  count_in(counts_.data() + static_cast<std::size_t>(slot) * row_, person);
}

void Restaurant::remove(std::size_t person) {
  const std::uint32_t slot = seat_[person];
  --size_[slot];
  forget_column(slot);
  count_out(counts_.data() + static_cast<std::size_t>(slot) * row_, person);
  if (size_[slot] == 0) {
    const std::uint32_t position = active_index_[slot];
    active_[position] = active_.back();
    active_index_[active_[position]] = position;
    active_.pop_back();
    free_.push_back(slot);
  }
}

void Restaurant::refresh_column(std::size_t position, std::uint32_t slot) {
  const double* log_count = log_count_alpha_.data();
  const std::uint32_t* counts = counts_.data() + static_cast<std::size_t>(slot) * row_;
  double* column = terms_.data() + position;
  double* leaving = leaving_terms_.data() + position;
  const std::size_t stride = stride_;
  const auto set = [&](std::size_t term, std::uint32_t count) {
    column[term * stride] = log_count[count];
    leaving[term * stride] = log_count[count - (count > 0)];
  };
  if (first_option_implied_) {
    const std::uint32_t n = size_[slot];
    for (std::size_t q = 0; q < questions_; ++q) {
      set(2 * q, n - counts[q]);
      set(2 * q + 1, counts[q]);
    }
  } else {
    for (std::size_t c = 0; c < row_; ++c) set(c, counts[c]);
  }
  // The table whose terms the column held no longer has a current one.
  const std::uint32_t previous = column_slot_[position];
  if (previous != kNoSlot && slot_column_[previous] == position) slot_column_[previous] = kNoSlot;
  column_slot_[position] = slot;
  slot_column_[slot] = static_cast<std::uint32_t>(position);
}

double Restaurant::sum_from_counts(std::size_t person, std::uint32_t slot) const {
  const std::uint32_t* cell = cells_.data() + person * questions_;
  const std::uint32_t* implied = implied_mask_.data() + person * questions_;
  const std::uint32_t* counts = counts_.data() + static_cast<std::size_t>(slot) * row_;
  const std::uint32_t size_plus_one = size_[slot] + 1;
  return sum_in_two_chains(questions_, [&](std::size_t q) {
    return log_count_alpha_[same_answers(counts, size_plus_one, cell[q], implied[q])];
  });
}

double Restaurant::sum_leaving(const std::uint32_t* offset, std::size_t position) const {
  const double* column = leaving_terms_.data() + position;
  return sum_in_two_chains(questions_, [&](std::size_t q) { return column[offset[q]]; });
}

void Restaurant::set_weight(std::size_t position, double log_likelihood) {
  const std::uint32_t n = size_[active_[position]];
  double l = log_likelihood;
  if (!size_normaliser_.empty()) {
    l -= size_normaliser_[n];
  } else {
    for (const auto& g : groups_) l -= g.questions * g.log_count_k_alpha[n];
  }
  // At power 1 the product is the likelihood itself, bit for bit.
  log_weights_[position] = likelihood_power_ * l + log_size_prior_[n];
}

double Restaurant::score(std::size_t person, std::uint32_t own, bool own_was_current) {
  const std::size_t tables = active_.size();
  log_weights_.resize(tables + 1);
  std::size_t own_position = tables;
  for (std::size_t position = 0; position < tables; ++position) {
    const std::uint32_t slot = active_[position];
    if (slot == own) {
      own_position = position;
    } else if (slot_column_[slot] != position) {
      refresh_column(position, slot);
    }
  }
  // The table the person left is summed from its column's leaving terms
  // (or, when that column is not current, from its counts), a chain of its
  // own beside the others'. Its lane in the columns' sums, and the lane past
  // the last table that pads the last vector, are not used.
  const std::uint32_t* offset = term_offset_.data() + person * questions_;
  if (own_position < tables) {
    set_weight(own_position, own_was_current ? sum_leaving(offset, own_position) : sum_from_counts(person, own));
  }
  double* sums = score_sums_.data();
  const double* terms = terms_.data();
  const std::size_t columns = tables + tables % 2;
  std::size_t first = 0;
  if (wide_lanes::on()) {
    while (columns - first >= 4) {
      const std::size_t vectors = std::min<std::size_t>(2, (columns - first) / 4);
      wide_lanes::sum_columns(terms + first, offset, questions_, sums + first, vectors);
      first += 4 * vectors;
    }
  }
  while (first < columns) {
    const std::size_t vectors = std::min<std::size_t>(4, (columns - first) / 2);
    switch (vectors) {
      case 4: lanes::sum_columns<F64x2, 4>(terms + first, offset, questions_, sums + first); break;
      case 3: lanes::sum_columns<F64x2, 3>(terms + first, offset, questions_, sums + first); break;
      case 2: lanes::sum_columns<F64x2, 2>(terms + first, offset, questions_, sums + first); break;
      default: lanes::sum_columns<F64x2, 1>(terms + first, offset, questions_, sums + first); break;
    }
    first += 2 * vectors;
  }
  double top = own_position < tables ? log_weights_[own_position] : -std::numeric_limits<double>::infinity();
  if (size_normaliser_.empty()) {
    for (std::size_t position = 0; position < tables; ++position) {
      if (position == own_position) continue;
      set_weight(position, sums[position]);
      top = std::max(top, log_weights_[position]);
    }
  } else {
    // set_weight's arithmetic, in its order, with the size's terms read once
    // per table rather than through a call per table.
    const double power = likelihood_power_;
    const double* normaliser = size_normaliser_.data();
    const double* prior = log_size_prior_.data();
    double* weights = log_weights_.data();
    for (std::size_t position = 0; position < tables; ++position) {
      if (position == own_position) continue;
      const std::uint32_t n = size_[active_[position]];
      weights[position] = power * (sums[position] - normaliser[n]) + prior[n];
      top = std::max(top, weights[position]);
    }
  }
  log_weights_[tables] = powered_log_new_table_;
  return std::max(top, powered_log_new_table_);
}

void Restaurant::sweep(Rng& rng) {
  for (std::size_t person = 0; person < people_; ++person) {
    const std::uint32_t own = seat_[person];
    const std::uint32_t own_position = active_index_[own];
    const bool own_current = slot_column_[own] == own_position;
    remove(person);
    const double top = score(person, own, own_current);
    portable::exp_in_place(log_weights_.data(), log_weights_.size(), top);
    double total = 0.0;
    for (double& w : log_weights_) {
      total += w;
      w = total;  // cumulative
    }
    const double u = rng.uniform() * total;
    std::size_t choice = 0;
    while (choice + 1 < log_weights_.size() && log_weights_[choice] <= u) ++choice;
    const std::uint32_t slot = choice < active_.size() ? active_[choice] : open_table();
    insert(person, slot);
    // Back at the table they left, in the same position: its counts are what
    // they were, and so is its column.
    if (own_current && slot == own && active_index_[own] == own_position) slot_column_[own] = own_position;
  }
}

void Restaurant::iterate(Rng& rng, SamplerKernel kernel) {
  sweep(rng);
  if (kernel == SamplerKernel::Gibbs) return;
  sweep_work_ += static_cast<double>(people_) * static_cast<double>(active_.size() + 3);
  ++tuning_sweeps_;
  split_merge_credit_ += split_merge_rate_;
  while (split_merge_credit_ >= 1.0) {
    split_merge_credit_ -= 1.0;
    split_merge(rng);
  }
}

void Restaurant::start_tuning_split_merge_rate() {
  sweep_work_ = split_merge_work_ = 0.0;
  split_merge_proposals_ = tuning_sweeps_ = 0;
}

void Restaurant::tune_split_merge_rate() {
  if (split_merge_proposals_ == 0 || split_merge_work_ <= 0.0) return;
  const double per_proposal = split_merge_work_ / static_cast<double>(split_merge_proposals_);
  const double per_sweep = sweep_work_ / static_cast<double>(tuning_sweeps_);
  split_merge_rate_ = std::min(kMaxSplitMergeRate, kSplitMergeWorkShare * per_sweep / per_proposal);
}

void Restaurant::raise_split_merge_rate_for_continuation() {
  split_merge_rate_ = std::max(split_merge_rate_, std::min(kMaxSplitMergeRate, kContinuedSplitMergeFactor * split_merge_rate_));
}

std::vector<double> Restaurant::seating_probabilities(std::size_t person) {
  const std::uint32_t home = seat_[person];
  const bool home_was_current = slot_column_[home] == active_index_[home];
  remove(person);
  score(person, home, home_was_current);
  normalise(log_weights_);
  // Report tables numbered by their first person, as seating() does.
  std::vector<std::size_t> label(people_, people_);
  std::size_t next = 0;
  for (std::size_t i = 0; i < people_; ++i) {
    if (i == person) continue;
    if (label[seat_[i]] == people_) label[seat_[i]] = next++;
  }
  std::vector<double> probabilities(active_.size() + 1, 0.0);
  for (std::size_t k = 0; k < active_.size(); ++k) probabilities[label[active_[k]]] = log_weights_[k];
  probabilities.back() = log_weights_.back();
  const bool home_still_open = size_[home] > 0;
  insert(person, home_still_open ? home : open_table());
  return probabilities;
}

void Restaurant::set_seating(const Partition& seating) {
  std::vector<bool> seen(people_, false);
  std::size_t count = 0;
  for (const auto& table : seating) {
    for (std::size_t person : table) {
      if (person >= people_ || seen[person]) throw std::invalid_argument("a seating must place every person once");
      seen[person] = true;
      ++count;
    }
  }
  if (count != people_) throw std::invalid_argument("a seating must place every person once");
  for (std::size_t i = 0; i < people_; ++i) remove(i);
  for (const auto& table : seating) {
    if (table.empty()) continue;
    const std::uint32_t slot = open_table();
    for (std::size_t person : table) insert(person, slot);
  }
}

std::vector<std::size_t> Restaurant::table_sizes() const {
  std::vector<std::size_t> sizes;
  for (const std::uint32_t slot : active_) sizes.push_back(size_[slot]);
  return sizes;
}

double Restaurant::p_same_table() const {
  const double n = static_cast<double>(people_);
  double total = 0.0;
  for (const std::uint32_t slot : active_) {
    const double share = static_cast<double>(size_[slot]) / n;
    total += share * share;
  }
  return total;
}

void Restaurant::set_likelihood_power(double power) {
  if (!(power > 0.0 && power <= 1.0)) throw std::invalid_argument("a likelihood power must be in (0, 1]");
  likelihood_power_ = power;
  powered_log_new_table_ = power * log_new_table_;
}

double Restaurant::log_likelihood() const {
  double total = 0.0;
  for (const std::uint32_t slot : active_) {
    const std::uint32_t n = size_[slot];
    total = add_option_terms(total, counts_.data() + static_cast<std::size_t>(slot) * row_, n);
    for (const auto& g : groups_) total -= g.questions * (g.lgamma_count_k_alpha[n] + g.empty_table);
  }
  return total;
}

double Restaurant::add_option_terms(double total, const std::uint32_t* counts, std::uint32_t size) const {
  const double* lgamma_count = lgamma_count_alpha_.data();
  if (first_option_implied_) {
    // Each question's second option, then its first, as the loop below
    // would add a row with both counts.
    for (std::size_t q = 0; q < questions_; ++q) total += lgamma_count[counts[q]] + lgamma_count[size - counts[q]];
    return total;
  }
  for (std::size_t q = 0; q < questions_; ++q) {
    // Last option first, as table_log_likelihood sums them.
    const std::uint32_t* c = counts + offset_[q];
    std::uint32_t j = answers_.options_of(q) - 1;
    double terms = lgamma_count[c[j]];
    while (j-- > 0) terms += lgamma_count[c[j]];
    total += terms;
  }
  return total;
}

double Restaurant::log_posterior() const {
  double total = 0.0;
  for (const std::uint32_t slot : active_) {
    const std::uint32_t n = size_[slot];
    total = add_option_terms(total, counts_.data() + static_cast<std::size_t>(slot) * row_, n);
    for (const auto& g : groups_) total -= g.questions * (g.lgamma_count_k_alpha[n] + g.empty_table);
    if (model_.prior == PartitionPrior::Simplicity) total += lgamma_size_[n];
  }
  if (model_.prior == PartitionPrior::Simplicity) total -= portable::lgamma(static_cast<double>(people_) + 1.0);
  return total;
}

std::vector<std::size_t> Restaurant::seating() const {
  std::vector<std::size_t> label(people_, people_), result(people_);
  std::size_t next = 0;
  for (std::size_t i = 0; i < people_; ++i) {
    if (label[seat_[i]] == people_) label[seat_[i]] = next++;
    result[i] = label[seat_[i]];
  }
  return result;
}

RestaurantState Restaurant::state() const {
  return {seat_, active_, free_, split_merge_rate_, split_merge_credit_, sweep_work_, split_merge_work_,
          split_merge_proposals_, tuning_sweeps_};
}

void Restaurant::restore(const RestaurantState& state) {
  const auto bad = [] { throw std::invalid_argument("a chain's saved state does not fit its answers"); };
  if (state.seat.size() != people_ || state.active.size() + state.free.size() != people_) bad();
  std::vector<std::uint8_t> used(people_, 0);   // 1: active, 2: free
  for (std::uint32_t slot : state.active) {
    if (slot >= people_ || used[slot]) bad();
    used[slot] = 1;
  }
  for (std::uint32_t slot : state.free) {
    if (slot >= people_ || used[slot]) bad();
    used[slot] = 2;
  }
  std::vector<std::uint32_t> sizes(people_, 0);
  for (std::uint32_t slot : state.seat) {
    if (slot >= people_ || used[slot] != 1) bad();
    ++sizes[slot];
  }
  for (std::uint32_t slot : state.active) {
    if (sizes[slot] == 0) bad();
  }
  seat_ = state.seat;
  active_ = state.active;
  free_ = state.free;
  size_.assign(people_, 0);
  counts_.assign(people_ * row_, 0);
  column_slot_.assign(stride_, kNoSlot);
  slot_column_.assign(people_, kNoSlot);
  for (std::size_t person = 0; person < people_; ++person) {
    const std::uint32_t slot = seat_[person];
    ++size_[slot];
    count_in(counts_.data() + static_cast<std::size_t>(slot) * row_, person);
  }
  for (std::size_t k = 0; k < active_.size(); ++k) active_index_[active_[k]] = static_cast<std::uint32_t>(k);
  split_merge_rate_ = state.split_merge_rate;
  split_merge_credit_ = state.split_merge_credit;
  sweep_work_ = state.sweep_work;
  split_merge_work_ = state.split_merge_work;
  split_merge_proposals_ = state.split_merge_proposals;
  tuning_sweeps_ = state.tuning_sweeps;
}

SharedDraw shared_draw(const std::vector<std::size_t>& seating, std::size_t first_population_people) {
  const std::size_t n_a = first_population_people, n_b = seating.size() - first_population_people;
  if (n_a == 0 || n_b == 0 || first_population_people > seating.size()) {
    throw std::invalid_argument("a pooled restaurant needs people of both populations");
  }
  // Tables are numbered by their first person, so every number is below the people.
  std::vector<std::uint32_t> a(seating.size(), 0), b(seating.size(), 0);
  for (std::size_t i = 0; i < seating.size(); ++i) ++(i < n_a ? a : b)[seating[i]];
  double cross = 0.0, same_a = 0.0, same_b = 0.0;
  for (std::size_t t = 0; t < seating.size(); ++t) {
    const double x = a[t], y = b[t];
    cross += x * y;
    same_a += x * x;
    same_b += y * y;
  }
  const double na = static_cast<double>(n_a), nb = static_cast<double>(n_b);
  return {cross / (na * nb), same_a / (na * na), same_b / (nb * nb)};
}

void record_iteration(ChainResult& result, const Restaurant& restaurant, std::size_t iteration,
                      const ChainOptions& options) {
  IterationRecord record;
  record.iteration = iteration;
  record.tables = restaurant.tables();
  record.p_same_table = restaurant.p_same_table();
  const std::vector<std::size_t> table_sizes = restaurant.table_sizes();
  record.richness = chao1_richness(table_sizes, restaurant.people());
  record.log_posterior = restaurant.log_posterior();
  if (record.log_posterior > result.map.log_posterior) {
    result.map = record;
    result.map_seating = restaurant.seating();
  }
  if (iteration >= options.burn_in) {
    result.recorded.push_back(record);
    if (options.first_population_people > 0) {
      result.recorded_shared.push_back(shared_draw(restaurant.seating(), options.first_population_people));
    } else {
      result.recorded_table_sizes.push_back(table_sizes);
    }
    if (options.record_seatings) {
      for (std::size_t table : restaurant.seating()) result.recorded_seatings.push_back(static_cast<std::uint32_t>(table));
    }
  }
  result.last = record;
}

namespace {

// Iterations `from` .. `to` - 1 of a chain whose restaurant and stream are
// as they were after `from` iterations.
void advance_chain(Restaurant& restaurant, Rng& rng, const ChainOptions& options, ChainResult& result,
                   std::size_t from, std::size_t to, const std::function<bool(std::size_t)>& after_iteration) {
  for (std::size_t iteration = from; iteration < to; ++iteration) {
    // The split–merge rate is tuned on the second half of the burn-in.
    if (iteration == options.burn_in / 2) restaurant.start_tuning_split_merge_rate();
    if (iteration == options.burn_in && options.burn_in > 0) restaurant.tune_split_merge_rate();
    restaurant.iterate(rng, options.kernel);
    record_iteration(result, restaurant, iteration, options);
    // Raised at the end of the planned run, so that the saved state carries
    // it into any continuation, plain or tempered.
    if (iteration + 1 == options.planned_iterations && options.planned_iterations > options.burn_in) {
      restaurant.raise_split_merge_rate_for_continuation();
    }
    if (after_iteration && !after_iteration(iteration + 1)) throw AnalysisCancelled();
  }
  result.state.iterations = to;
  result.state.restaurant = restaurant.state();
  result.state.rng = rng.state();
}

}  // namespace

ChainResult run_chain(const AnswerMatrix& answers, const CrpModel& model, const ChainOptions& options, Rng& rng,
                      const std::function<bool(std::size_t)>& after_iteration) {
  ChainResult result;
  Restaurant restaurant(answers, model);
  result.map.log_posterior = -std::numeric_limits<double>::infinity();
  if (options.iterations > options.burn_in) result.recorded.reserve(options.iterations - options.burn_in);
  advance_chain(restaurant, rng, options, result, 0, options.iterations, after_iteration);
  return result;
}

void continue_chain(const AnswerMatrix& answers, const CrpModel& model, const ChainOptions& options,
                    ChainResult& result, std::size_t iterations,
                    const std::function<bool(std::size_t)>& after_iteration) {
  const std::size_t done = result.state.iterations;
  if (iterations < done) throw std::invalid_argument("a chain cannot be continued to fewer iterations than it has done");
  if (result.state.tempering.from > 0) {
    throw std::invalid_argument("a tempered chain continues with tempering (see concept/tempering.hpp)");
  }
  if (iterations == done) return;
  Restaurant restaurant(answers, model);
  restaurant.restore(result.state.restaurant);
  Rng rng(result.state.rng);
  advance_chain(restaurant, rng, options, result, done, iterations, after_iteration);
}

}  // namespace shoal
