#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "stats/rng.hpp"

namespace shoal {

// Prior over seatings. Simplicity: a Chinese restaurant process with
// concentration 1, log P = Σ_t log Γ(n_t) − log Γ(N + 1), which favours few
// large tables. Uniform: every seating equally likely.
enum class PartitionPrior { Simplicity, Uniform };

const char* to_string(PartitionPrior prior);
std::optional<PartitionPrior> partition_prior_from_string(const std::string& text);

// How a chain moves. Gibbs: the paper's sampler, one person reseated at a
// time; it cannot merge two large tables or split one in any useful number
// of sweeps. SplitMerge: each Gibbs sweep followed by split–merge proposals
// that move whole tables at once (see Restaurant::split_merge).
enum class SamplerKernel { Gibbs, SplitMerge };

const char* to_string(SamplerKernel kernel);
std::optional<SamplerKernel> sampler_kernel_from_string(const std::string& text);

// Split–merge proposals per Gibbs sweep until the rate is tuned. A proposal
// that splits a table allocates each of its people once, about the cost of
// a sweep when everyone sits at one table.
constexpr double kInitialSplitMergeRate = 0.25;
// The tuned rate spends this share of a sweep's work on proposals (work
// counted in table scorings; see tune_split_merge_rate), which keeps the
// kernel within a quarter of the Gibbs kernel's time on the paper's data
// (tests/benchmarks/crp_benchmark.cpp measures both).
constexpr double kSplitMergeWorkShare = 0.22;
constexpr double kMaxSplitMergeRate = 10.0;
// A chain continued past its planned iterations is one whose cell failed the
// convergence rule there (run until converged). Measured on the paper's
// slowest cells (tests/benchmarks/split_merge_rate_benchmark.cpp), such a
// cell mixes through its split–merge moves: ten times the tuned rate gave
// 2–10 times the effective draws per second of the tuned rate, where
// parallel tempering gave at most about the same. From then on its chains
// therefore propose this many times as many (at most kMaxSplitMergeRate).
constexpr double kContinuedSplitMergeFactor = 10.0;

// The mixture: everyone at a table shares, per question q with k_q options,
// a probability vector θ over the options, θ ~ Dirichlet(alpha, ..., alpha),
// integrated out (Dirichlet–multinomial). With two options this is the
// paper's Beta–Bernoulli model.
struct CrpModel {
  double alpha = 0.16;
  PartitionPrior prior = PartitionPrior::Simplicity;
};

// People × questions, row-major; each answer is the index of the option
// chosen, 0 .. k_q - 1.
struct AnswerMatrix {
  std::size_t people = 0;
  std::size_t questions = 0;
  std::vector<std::uint8_t> values;
  // k_q per question; empty means two options for every question.
  std::vector<std::uint32_t> options;

  std::uint8_t at(std::size_t person, std::size_t question) const { return values[person * questions + question]; }
  std::uint32_t options_of(std::size_t question) const { return options.empty() ? 2 : options[question]; }
};

// A seating as lists of people (each list one table).
using Partition = std::vector<std::vector<std::size_t>>;

// log P(seating) + log P(answers | seating), computed from scratch: the
// reference the sampler's incremental bookkeeping is checked against.
double log_joint(const AnswerMatrix& answers, const Partition& seating, const CrpModel& model);

// Probability of each place `person` may take given everyone else seated as
// `others` (which must not contain `person`): joining others[0], others[1],
// ..., then a new table last. Computed from log_joint of each full seating.
std::vector<double> exact_seating_probabilities(const AnswerMatrix& answers, std::size_t person,
                                                const Partition& others, const CrpModel& model);

// Thrown out of a running analysis when its progress callback asks to stop.
class AnalysisCancelled : public std::runtime_error {
 public:
  AnalysisCancelled() : std::runtime_error("analysis cancelled") {}
};

// A restaurant's state beyond its answers and model: who sits in which slot,
// the order of the slots in use and of the free ones (a draw picks a table by
// its position, so the order is part of the chain's future), and the
// split–merge rate, its credit and its tuning counts.
struct RestaurantState {
  std::vector<std::uint32_t> seat, active, free;
  double split_merge_rate = kInitialSplitMergeRate;
  double split_merge_credit = 0.0;
  double sweep_work = 0.0, split_merge_work = 0.0;
  std::size_t split_merge_proposals = 0, tuning_sweeps = 0;
};

// The Gibbs sampler's state. Each table keeps its size and, per question,
// how many of its people chose each option, updated as people leave and sit
// down, so scoring a candidate table costs one table lookup per question
// instead of a recomputation of the restaurant.
class Restaurant {
 public:
  // Starts with everyone at a table of their own, as the paper did. The
  // answer matrix must outlive the restaurant.
  Restaurant(const AnswerMatrix& answers, const CrpModel& model);

  // Seats people as given (every person exactly once).
  void set_seating(const Partition& seating);

  // The state, and its restoration: a restaurant restored from another's
  // state makes the same moves with the same random stream. restore throws
  // std::invalid_argument for a state that is not one of this restaurant's
  // (wrong sizes, a slot used twice, a person at a free or empty slot).
  RestaurantState state() const;
  void restore(const RestaurantState& state);

  // One Gibbs iteration: every person in order is removed and reseated with
  // probability proportional to the joint posterior of the resulting seating.
  void sweep(Rng& rng);

  // One sequentially allocated split–merge proposal (Dahl 2003), accepted or
  // rejected by Metropolis–Hastings so that the posterior stays invariant.
  // Two distinct people i, j are drawn. If they share a table, it is split:
  // i and j each start a side and the table's other people, in random
  // order, join a side with the probability the restricted Gibbs step would
  // give; if they sit apart, their two tables are merged, the reverse
  // split's probability computed the same way. Returns whether it moved.
  bool split_merge(Rng& rng);

  // One iteration of the given kernel: a sweep and, with SplitMerge, as
  // many split–merge proposals as the rate has accrued (the rate's credit
  // carries over, so 0.25 means one proposal every fourth sweep).
  void iterate(Rng& rng, SamplerKernel kernel);

  // Tuning of the split–merge rate during burn-in: start counting work,
  // then set the rate so that proposals cost kSplitMergeWorkShare of the
  // sweeps' work as counted since the start. Where proposals are cheap
  // (merges rejected before any allocation, splits of small tables) many
  // are made; where each one splits the only table, few. The rate is fixed
  // before the recorded iterations, so the chain they come from is a
  // fixed kernel that leaves the posterior invariant.
  void start_tuning_split_merge_rate();
  void tune_split_merge_rate();
  // The rate of a continued chain: kContinuedSplitMergeFactor times the
  // tuned rate, at most kMaxSplitMergeRate (a rate already above stays).
  void raise_split_merge_rate_for_continuation();
  double split_merge_rate() const { return split_merge_rate_; }

  // Probabilities the sampler would use to reseat `person` (see
  // exact_seating_probabilities for the order); the state is unchanged.
  std::vector<double> seating_probabilities(std::size_t person);

  // Samples the posterior with the likelihood raised to `power` (0 < power
  // ≤ 1): P(seating) · P(answers | seating)^power, as parallel tempering's
  // hotter replicas do (see concept/tempering.hpp). 1, the target, unless set.
  void set_likelihood_power(double power);
  double likelihood_power() const { return likelihood_power_; }
  // log P(answers | seating): log_posterior without the prior's terms.
  double log_likelihood() const;

  std::size_t people() const { return people_; }
  std::size_t tables() const { return active_.size(); }
  std::vector<std::size_t> table_sizes() const;
  // Σ_t (n_t / N)²: the chance two people drawn with replacement share a table.
  double p_same_table() const;
  double log_posterior() const;
  // Table of each person, tables numbered by their first person.
  std::vector<std::size_t> seating() const;

 private:
  void remove(std::size_t person);
  void insert(std::size_t person, std::uint32_t slot);
  std::uint32_t open_table();
  // Fills log_weights_ with the log posterior, up to a constant, of seating
  // `person` (already removed, from slot `own`) at each active table and then
  // a new one, and returns the largest. `own_was_current`: own's column was
  // current before the person left it, so that its leaving terms give their
  // score without reading its counts.
  double score(std::size_t person, std::uint32_t own, bool own_was_current);
  // The log weight at the active table at `position` from its sum of terms.
  void set_weight(std::size_t position, double log_likelihood);
  // The sum of `person`'s terms at the table in `slot`, read from its counts
  // (the table `person` has just left, when its column was not current).
  double sum_from_counts(std::size_t person, std::uint32_t slot) const;
  // The same sum, in the same order, from the leaving terms of the column at
  // `position`, which holds that table's terms as they were before `person`
  // left it.
  double sum_leaving(const std::uint32_t* offset, std::size_t position) const;
  // Recomputes the column at `position` from the counts of the table in `slot`.
  void refresh_column(std::size_t position, std::uint32_t slot);
  // The table in `slot` (active) no longer has a current column.
  void forget_column(std::uint32_t slot) { slot_column_[slot] = kNoSlot; }
  // log P(answers of the people at a table) from its row of counts, without
  // the per-table constants (empty_tables_).
  double table_log_marginal(const std::uint32_t* counts, std::uint32_t size) const;
  // `total` plus Σ_q Σ_j lgamma(c_qj + α) over a table's option counts (an
  // implied one from its size), each question's options last to first and
  // added to `total` in turn.
  double add_option_terms(double total, const std::uint32_t* counts, std::uint32_t size) const;
  // Adds a person's answers to a table's row of counts (count_in) or takes
  // them away (count_out).
  void count_in(std::uint32_t* counts, std::size_t person) const;
  void count_out(std::uint32_t* counts, std::size_t person) const;
  // Log probability that `person` joins side A rather than B (and of B
  // rather than A) in the split allocation, given each side's counts.
  void side_log_weights(std::size_t person, const std::uint32_t* counts_a, std::uint32_t size_a,
                        const std::uint32_t* counts_b, std::uint32_t size_b, double& log_a, double& log_b) const;
  // Log probability of the sequential allocation of split_members_ (side
  // given by split_side_) starting from i alone on side A and j on side B;
  // when `draw` is set the sides are drawn instead of read. Leaves the
  // sides' counts in split_counts_a_ and split_counts_b_.
  double allocate_split(std::size_t i, std::size_t j, Rng* draw);
  double log_prior_ratio_of_split(std::uint32_t size_a, std::uint32_t size_b) const;
  void move_table(std::uint32_t from, std::uint32_t to);

  // Questions with the same number of options K share the normaliser of
  // their predictive, log(n + Kα), so it is taken once per group.
  struct OptionGroup {
    std::uint32_t options = 2;
    double questions = 0.0;                    // how many questions have this K
    std::vector<double> log_count_k_alpha;     // log(n + Kα), n = 0..N
    std::vector<double> lgamma_count_k_alpha;  // lgamma(n + Kα)
    double empty_table = 0.0;                  // K·lgamma(α) − lgamma(Kα)
  };

  const AnswerMatrix& answers_;
  CrpModel model_;
  std::size_t people_, questions_;
  // How a table's row counts its people's answers, chosen once in the
  // constructor. In general a row holds, per question, one count per option.
  // When every question has two options (every paper file) it holds one per
  // question, of the second option: the first's is the table's size minus it,
  // and the row is half as long to update and to read.
  bool first_option_implied_ = false;
  std::vector<std::uint32_t> offset_;       // question -> its first count in a row
  std::size_t row_ = 0;                     // counts per table
  // What a person adds to a row when seated (person * row_ + c -> 0 or 1):
  // a one for each answer's count, none for an implied one.
  std::vector<std::uint8_t> increments_;
  // person * questions_ + q -> where a row counts this person's answer to q,
  // and whether that count is implied (all ones) or stored (0); see same_answers.
  std::vector<std::uint32_t> cells_, implied_mask_;
  // How many people at a table (its row and size + 1) gave the answer whose
  // cell and mask these are: the stored count as it is (mask 0), or the
  // implied one, size − stored, as (−stored − 1) + (size + 1) in unsigned
  // arithmetic (mask all ones); no branch, whichever the layout.
  static std::uint32_t same_answers(const std::uint32_t* counts, std::uint32_t size_plus_one, std::uint32_t cell,
                                    std::uint32_t implied_mask) {
    return (counts[cell] ^ implied_mask) + (size_plus_one & implied_mask);
  }
  // Terms by active position: column p holds log(c + α) for every count c
  // of the row of the table column_slot_[p] (the implied ones included: in
  // the implied layout, per question, the first option's then the second's),
  // term t of column p at terms_[t * stride_ + p]. Scoring a person is one
  // read per question of a run of adjacent columns, at the person's
  // term_offset_, two tables to a vector. A table's column is current when
  // slot_column_ names the position it is at: a change to the table's counts
  // forgets it (forget_column), and a table moved to another position is
  // not current there. Scoring recomputes the columns that are not, which
  // after the first sweeps is a small share of the reseatings.
  std::size_t term_row_ = 0;
  std::size_t stride_ = 0;                   // columns: people + 1 rounded up to even
  std::vector<double> terms_;
  // The same layout, each term log(c − 1 + α): the term of one of the c
  // people once they have left (log α for c = 0, which no one reads).
  std::vector<double> leaving_terms_;
  std::vector<std::uint32_t> term_offset_;   // person * questions_ + q -> term * stride_
  static constexpr std::uint32_t kNoSlot = ~0u;
  std::vector<std::uint32_t> column_slot_;   // position -> slot whose terms the column holds (or kNoSlot)
  std::vector<std::uint32_t> slot_column_;   // slot -> position of its current column (or kNoSlot)
  std::vector<double> score_sums_;           // position -> its column's sum
  std::vector<OptionGroup> groups_;
  std::vector<std::uint32_t> seat_;         // person -> slot
  std::vector<std::uint32_t> size_;         // slot -> people seated
  std::vector<std::uint32_t> counts_;       // slot * row_ + c -> count c of the table at slot
  std::vector<std::uint32_t> active_;       // slots in use
  std::vector<std::uint32_t> active_index_; // slot -> position in active_
  std::vector<std::uint32_t> free_;         // slots not in use
  // log(k + α) and (simplicity prior) log k, for k = 0..N.
  std::vector<double> log_count_alpha_, log_size_;
  // By table size n: the predictive's normaliser Σ_q log(n + k_q α) when
  // every question has the same number of options k (every paper file: two;
  // empty otherwise), and the prior's log n (simplicity) or 0 (uniform).
  std::vector<double> size_normaliser_, log_size_prior_;
  // lgamma(k + α), lgamma(k) for the full log posterior.
  std::vector<double> lgamma_count_alpha_, lgamma_size_;
  double log_new_table_ = 0.0;
  // The power the likelihood is raised to, and the new table's weight at it.
  double likelihood_power_ = 1.0, powered_log_new_table_ = 0.0;
  // Σ over questions of the empty table's constant, K·lgamma(α) − lgamma(Kα).
  double empty_tables_ = 0.0;
  std::vector<double> log_weights_;
  // Split–merge scratch: the people being allocated, their sides (0: i's,
  // 1: j's) and the sides' running counts.
  std::vector<std::uint32_t> split_members_;
  std::vector<std::uint8_t> split_side_;
  std::vector<std::uint32_t> split_counts_a_, split_counts_b_;
  std::uint32_t split_size_a_ = 0, split_size_b_ = 0;
  double split_merge_rate_ = kInitialSplitMergeRate;
  double split_merge_credit_ = 0.0;
  // Work since tuning started, in table scorings: a sweep scores every
  // person against each table and a new one, a proposal each person it
  // allocates against two sides.
  double sweep_work_ = 0.0, split_merge_work_ = 0.0;
  std::size_t split_merge_proposals_ = 0, tuning_sweeps_ = 0;
};

// What is recorded after every iteration.
struct IterationRecord {
  std::size_t iteration = 0;
  std::size_t tables = 0;
  double p_same_table = 0.0;
  double richness = 0.0;      // Chao1-corrected estimate of the number of concepts
  double log_posterior = 0.0;
};

struct ChainOptions {
  std::size_t iterations = 500;
  std::size_t burn_in = 100;   // iterations 0 .. burn_in-1 are not recorded
  SamplerKernel kernel = SamplerKernel::SplitMerge;
  // Keep each recorded iteration's seating too (ChainResult::recorded_seatings):
  // which concepts a population holds needs them, and only at a concept's
  // largest subset, so the other chains do not pay for them.
  bool record_seatings = false;
  // Two populations pooled in one restaurant (concept/shared_concepts.hpp):
  // the first this many people are the first population's, the rest the
  // second's, and each recorded draw keeps the three shares of SharedDraw
  // instead of its table sizes. 0: one population.
  std::size_t first_population_people = 0;
  // The planned length of a chain that run until converged may continue
  // (see kContinuedSplitMergeFactor): after this many iterations the
  // split–merge rate is raised for whatever follows, so a chain continued in
  // rounds and one run at once make the same moves. 0 (or not past the
  // burn-in): never raised.
  std::size_t planned_iterations = 0;
};

// Of one draw of a pooled restaurant (A's people first, then B's): the chance
// that an individual of A and one of B, each drawn at random, share a table,
// Σ_t a_t b_t / (n_A n_B), and each population's own P(same table) in it,
// Σ_t a_t² / n_A² and Σ_t b_t² / n_B².
struct SharedDraw {
  double cross = 0.0, same_a = 0.0, same_b = 0.0;
};
SharedDraw shared_draw(const std::vector<std::size_t>& seating, std::size_t first_population_people);

// A chain continued with parallel tempering (concept/tempering.hpp) from
// iteration `from` on: the replicas at the hotter rungs, in rung order (the
// target's is the chain's own restaurant state), the stream the tempered
// iterations draw from, how many tempered iterations were made (their parity
// says which neighbouring pairs exchange next) and the exchanges proposed
// and accepted between each pair of neighbours. `from` 0: never tempered.
struct TemperingState {
  std::size_t from = 0;
  std::vector<RestaurantState> hotter;
  RngState rng;
  std::size_t iterations = 0;
  std::vector<std::size_t> proposed, accepted;
};

// Where a chain stopped: enough to continue it with the very draws it would
// have made had it not stopped.
struct ChainState {
  std::size_t iterations = 0;   // iterations done
  RestaurantState restaurant;
  RngState rng;                 // the chain's own stream (not drawn from while tempered)
  TemperingState tempering;
};

// Lists of small counts held one after another in one vector, so that a
// chain's hundreds of draws cost two growing vectors rather than an
// allocation each: the table sizes of each recorded draw.
class CountLists {
 public:
  // One list, read in place.
  struct List {
    const std::uint32_t* first = nullptr;
    const std::uint32_t* last = nullptr;
    const std::uint32_t* begin() const { return first; }
    const std::uint32_t* end() const { return last; }
    std::size_t size() const { return static_cast<std::size_t>(last - first); }
  };
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  List operator[](std::size_t list) const {
    const std::uint32_t* data = counts_.data();
    return {data + (list == 0 ? 0 : ends_[list - 1]), data + ends_[list]};
  }
  template <typename Range>
  void push_back(const Range& counts) {
    for (const auto c : counts) counts_.push_back(static_cast<std::uint32_t>(c));
    ends_.push_back(counts_.size());
  }
  void clear() {
    counts_.clear();
    ends_.clear();
  }
  bool operator==(const CountLists& other) const { return counts_ == other.counts_ && ends_ == other.ends_; }

 private:
  std::vector<std::uint32_t> counts_;
  std::vector<std::size_t> ends_;   // one past each list's last count
};

// Table numbers, one per person of each recorded draw, in one byte each
// while they are below 256, two below 65,536, else four: a chain's seatings
// are most of what it records, and tables are numbered by their first
// person, so a chain of up to 256 people never needs more than a byte.
class TableNumbers {
 public:
  std::size_t size() const { return data_.size() / width_; }
  bool empty() const { return data_.empty(); }
  void reserve(std::size_t count) { data_.reserve(count * width_); }
  std::uint32_t operator[](std::size_t i) const {
    const std::uint8_t* at = data_.data() + i * width_;
    std::uint32_t value = 0;
    for (unsigned b = 0; b < width_; ++b) value |= static_cast<std::uint32_t>(at[b]) << (8 * b);
    return value;
  }
  void push_back(std::uint32_t value) {
    while (width_ < 4 && value >> (8 * width_) != 0) widen();
    for (unsigned b = 0; b < width_; ++b) data_.push_back(static_cast<std::uint8_t>(value >> (8 * b)));
  }
  // Numbers first .. first + count - 1, into `out`.
  template <typename Out>
  void copy(std::size_t first, std::size_t count, Out out) const {
    for (std::size_t i = first; i < first + count; ++i, ++out) *out = (*this)[i];
  }
  bool operator==(const TableNumbers& other) const {
    if (size() != other.size()) return false;
    for (std::size_t i = 0; i < size(); ++i) {
      if ((*this)[i] != other[i]) return false;
    }
    return true;
  }

 private:
  void widen() {
    const unsigned wider = width_ == 1 ? 2 : 4;
    std::vector<std::uint8_t> data(size() * wider);
    for (std::size_t i = 0; i < size(); ++i) {
      const std::uint32_t value = (*this)[i];
      for (unsigned b = 0; b < wider; ++b) data[i * wider + b] = static_cast<std::uint8_t>(value >> (8 * b));
    }
    data_ = std::move(data);
    width_ = wider;
  }
  unsigned width_ = 1;
  std::vector<std::uint8_t> data_;
};

struct ChainResult {
  std::vector<IterationRecord> recorded;   // iterations burn_in .. iterations-1
  // Per recorded iteration, in step with `recorded`: the table sizes (the
  // diversity profiles need no more), and with ChainOptions::record_seatings
  // the table of each person (numbered by first person), all seatings one
  // after another, people() numbers each.
  CountLists recorded_table_sizes;
  TableNumbers recorded_seatings;
  // With ChainOptions::first_population_people, per recorded iteration.
  std::vector<SharedDraw> recorded_shared;
  IterationRecord last;                     // the final iteration (the paper's output)
  std::vector<std::size_t> map_seating;     // highest log posterior visited at any iteration's end
  IterationRecord map;
  ChainState state;
};

// Records the state `restaurant` is in after iteration `iteration` (0-based)
// in `result`: its final record, its best seating so far, and its recorded
// draws from `burn_in` on.
void record_iteration(ChainResult& result, const Restaurant& restaurant, std::size_t iteration,
                      const ChainOptions& options);

// Runs one chain. `after_iteration`, when set, is called after each
// iteration with the number of iterations done; if it returns false the run
// stops by throwing AnalysisCancelled.
ChainResult run_chain(const AnswerMatrix& answers, const CrpModel& model, const ChainOptions& options, Rng& rng,
                      const std::function<bool(std::size_t)>& after_iteration = {});

// Continues a chain run_chain (or this) left in `result` until it has done
// `iterations` in all, with the same options (the burn-in says which
// iterations are recorded and when the split–merge rate was tuned): the
// result is the one run_chain would have given for that many iterations.
// Throws std::invalid_argument when `iterations` is fewer than already done
// or the state does not fit the answers.
void continue_chain(const AnswerMatrix& answers, const CrpModel& model, const ChainOptions& options,
                    ChainResult& result, std::size_t iterations,
                    const std::function<bool(std::size_t)>& after_iteration = {});

}  // namespace shoal
