#pragma once
// Parallel tempering for the CRP mixture: a move that crosses between
// seatings the Gibbs and split–merge moves connect only through states of
// very low probability (metastable cells, whose effective sample size stops
// growing with more draws).
//
// Replicas of the chain sample P(seating) · P(answers | seating)^β for a
// ladder of powers 1 = β₀ > β₁ > … > β_{K−1} > 0; at small β the likelihood's
// valleys are shallow and a replica moves between modes easily. After every
// iteration, neighbouring rungs propose to exchange their seatings and accept
// with the Metropolis probability min(1, exp((β_r − β_{r+1})(L_{r+1} − L_r))),
// L the log likelihood of each seating. Each replica's moves leave its own
// tempered posterior invariant and the exchange leaves their product
// invariant, so the replica at β = 1 samples the model's posterior.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "concept/crp.hpp"
#include "stats/rng.hpp"

namespace shoal {

// Powers 1, λ, λ², …, `lowest` (λ = lowest^(1/(rungs − 1))): equal ratios
// between neighbours, which keep exchange rates about even along the ladder
// when the likelihood's spread grows as β falls.
std::vector<double> geometric_ladder(std::size_t rungs, double lowest);

// Measured on the hardest cell of the paper's data (openchat, prompt random,
// "a chicken", 50 people; tests/benchmarks/tempering_benchmark.cpp): four
// rungs down to 0.5 exchange in 43–55% of attempts and gave the most
// effective draws per second among ladders of 3–6 rungs down to 0.1–0.5;
// hotter ladders exchanged too rarely at the top to help the target.
constexpr std::size_t kDefaultTemperingRungs = 4;
constexpr double kDefaultLowestPower = 0.5;

// The exchange's log acceptance ratio from the two rungs' powers and their
// seatings' log likelihoods (a at the colder rung, b at the hotter).
using ExchangeLogRatio = double (*)(double power_a, double power_b, double log_likelihood_a,
                                    double log_likelihood_b);
double exchange_log_ratio(double power_a, double power_b, double log_likelihood_a, double log_likelihood_b);

struct TemperingOptions {
  std::vector<double> ladder = geometric_ladder(kDefaultTemperingRungs, kDefaultLowestPower);
  SamplerKernel kernel = SamplerKernel::SplitMerge;
  // Iterations of the hotter replicas alone before the first exchange, so
  // that they leave the shared starting seating before they trade with the
  // target. The target does not move meanwhile: its draws continue the
  // chain without a gap.
  std::size_t warm_up = 20;
  // Tests only: replaces exchange_log_ratio, to show that a wrong exchange
  // is caught by the tests against the exact posterior.
  ExchangeLogRatio exchange_rule_for_testing = nullptr;
};

// Exchanges proposed and accepted between rung r and r + 1 (index r).
struct ExchangeCounts {
  std::vector<std::size_t> proposed, accepted;
};

// A chain continued with parallel tempering. Only the replica at β = 1 is
// the chain's: its draws are the ones to record.
class TemperedChain {
 public:
  // Continues `chain` (its seating, its answers and model, its split–merge
  // rate); every hotter replica starts from the same seating. The random
  // stream is derived from `chain_seed`, the continued chain's own seed, and
  // nothing else, so a tempered continuation is reproducible from the seed
  // alone whoever runs it. Throws std::invalid_argument for a ladder that
  // does not start at 1 and decrease strictly to a power above 0.
  TemperedChain(const Restaurant& chain, std::uint64_t chain_seed, const TemperingOptions& options = {});
  // Resumes a tempered chain where save() left it in `saved` (the target's
  // restaurant state and saved.tempering), on `answers` under `model`, which
  // must outlive it: the same moves and exchanges as had it never stopped.
  // Throws std::invalid_argument when the saved state is not a tempered
  // chain's on this ladder, or does not fit the answers.
  TemperedChain(const AnswerMatrix& answers, const CrpModel& model, const ChainState& saved,
                const TemperingOptions& options = {});
  // Writes the replicas, the stream and the exchange counts into `state`
  // (its restaurant and tempering; the caller sets tempering.from).
  void save(ChainState& state) const;

  // One tempered iteration: every replica one iteration of the kernel at
  // its power, then an exchange between each of every other neighbouring
  // pair (pairs (0,1), (2,3), … and (1,2), (3,4), … in alternate iterations).
  void iterate();

  // The replica at β = 1, whose state is the continued chain's.
  const Restaurant& target() const { return replicas_[at_rung_[0]]; }
  const std::vector<double>& ladder() const { return ladder_; }
  const ExchangeCounts& exchanges() const { return exchanges_; }

 private:
  void exchange(std::size_t rung);

  std::vector<double> ladder_;
  SamplerKernel kernel_;
  ExchangeLogRatio rule_;
  Rng rng_;
  std::vector<Restaurant> replicas_;
  std::vector<std::size_t> at_rung_;   // rung -> replica
  ExchangeCounts exchanges_;
  std::size_t iterations_ = 0;
};

// Runs `iterations` tempered iterations and returns the target's records,
// numbered from `first_iteration` on, as run_chain records them.
std::vector<IterationRecord> run_tempered(TemperedChain& chain, std::size_t iterations, std::size_t first_iteration);

// Continues `result`, a chain of `answers` run under `options` (as run_chain
// and continue_chain run it) from the stream of `seed`, until it has done
// `iterations` in all, with parallel tempering on the product's ladder
// (TemperingOptions' defaults, the chain's kernel) from iteration `from` on:
// plainly up to `from` if it is not there yet, then tempered, recording the
// target's draws as run_chain records its own. Whether it runs at once or is
// stopped and continued any number of times, through the chain codec or not,
// the result is the same. `after_iteration` as for run_chain. Throws
// std::invalid_argument when `from` is within the burn-in (the split–merge
// rate is tuned there), when the chain has gone past `from` untempered or was
// tempered from another iteration, or when `iterations` is fewer than done.
void continue_tempered_chain(const AnswerMatrix& answers, const CrpModel& model, const ChainOptions& options,
                             std::uint64_t seed, std::size_t from, ChainResult& result, std::size_t iterations,
                             const std::function<bool(std::size_t)>& after_iteration = {});

// When a cell needs tempering, judged from its draws at two extents of the
// same chains (an earlier block end and the latest), for its worst quantity.
struct ConvergenceAtDraws {
  std::size_t draws_per_chain = 0;
  double r_hat = 0.0;
  double ess_bulk = 0.0;
};

enum class TemperingAdvice {
  NotNeeded,   // the cell passes (R-hat < 1.01, bulk-ESS ≥ 400) or its draws are constant
  Extend,      // it fails, but its ESS grows with the draws: more draws will do
  Temper,      // it fails and its ESS has stalled: more draws will not help
};

// ESS of a chain that mixes grows in proportion to its draws. A cell that
// fails is advised tempering when, from `earlier` to `later`, its bulk-ESS
// gained less than half of what that proportion would give (draws doubled,
// ESS grew by less than half), or when it has fewer than one
// effective draw per kStalledDrawsPerEffective recorded draws after at least
// kMinDrawsToJudge per chain (a chain stuck from the start shows no growth
// to measure). NaN diagnostics (constant draws) need nothing. `earlier`
// with no draws means there is no earlier extent (the first block).
constexpr double kStalledDrawsPerEffective = 100.0;
constexpr std::size_t kMinDrawsToJudge = 400;
TemperingAdvice advise_tempering(const ConvergenceAtDraws& earlier, const ConvergenceAtDraws& later,
                                 std::size_t chains);

}  // namespace shoal
