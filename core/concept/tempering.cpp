#include "concept/tempering.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <stdexcept>

#include "concept/chao.hpp"
#include "stats/portable_math.hpp"

namespace shoal {

std::vector<double> geometric_ladder(std::size_t rungs, double lowest) {
  if (rungs == 0) throw std::invalid_argument("a tempering ladder needs at least one rung");
  if (!(lowest > 0.0 && lowest <= 1.0)) throw std::invalid_argument("the lowest power must be in (0, 1]");
  std::vector<double> ladder{1.0};
  // Powers from the portable logarithm and exponential, so that native and
  // wasm runs use the same ladder bit for bit.
  const double step = rungs > 1 ? portable::log(lowest) / static_cast<double>(rungs - 1) : 0.0;
  for (std::size_t r = 1; r < rungs; ++r) ladder.push_back(portable::exp(step * static_cast<double>(r)));
  if (rungs > 1) ladder.back() = lowest;
  return ladder;
}

double exchange_log_ratio(double power_a, double power_b, double log_likelihood_a, double log_likelihood_b) {
  // π_a(y)π_b(x) / (π_a(x)π_b(y)) for x at a and y at b: the priors cancel,
  // the likelihoods leave (β_a − β_b)(L_y − L_x).
  return (power_a - power_b) * (log_likelihood_b - log_likelihood_a);
}

namespace {

void check_ladder(const std::vector<double>& ladder) {
  if (ladder.empty() || ladder[0] != 1.0) throw std::invalid_argument("a tempering ladder starts at power 1");
  for (std::size_t r = 1; r < ladder.size(); ++r) {
    if (!(ladder[r] > 0.0 && ladder[r] < ladder[r - 1])) {
      throw std::invalid_argument("a tempering ladder's powers must decrease strictly and stay above 0");
    }
  }
}

}  // namespace

TemperedChain::TemperedChain(const Restaurant& chain, std::uint64_t chain_seed, const TemperingOptions& options)
    : ladder_(options.ladder),
      kernel_(options.kernel),
      rule_(options.exchange_rule_for_testing ? options.exchange_rule_for_testing : exchange_log_ratio),
      rng_(derive_seed(chain_seed, "parallel tempering")) {
  check_ladder(ladder_);
  if (chain.likelihood_power() != 1.0) throw std::invalid_argument("tempering continues a chain at power 1");
  replicas_.reserve(ladder_.size());
  for (std::size_t r = 0; r < ladder_.size(); ++r) {
    replicas_.push_back(chain);
    replicas_.back().set_likelihood_power(ladder_[r]);
    at_rung_.push_back(r);
  }
  exchanges_.proposed.assign(ladder_.size() - 1, 0);
  exchanges_.accepted.assign(ladder_.size() - 1, 0);
  for (std::size_t i = 0; i < options.warm_up; ++i) {
    for (std::size_t r = 1; r < replicas_.size(); ++r) replicas_[r].iterate(rng_, kernel_);
  }
}

TemperedChain::TemperedChain(const AnswerMatrix& answers, const CrpModel& model, const ChainState& saved,
                             const TemperingOptions& options)
    : ladder_(options.ladder),
      kernel_(options.kernel),
      rule_(options.exchange_rule_for_testing ? options.exchange_rule_for_testing : exchange_log_ratio),
      rng_(saved.tempering.rng),
      iterations_(saved.tempering.iterations) {
  check_ladder(ladder_);
  const TemperingState& tempering = saved.tempering;
  const std::size_t pairs = ladder_.size() - 1;
  if (tempering.from == 0 || tempering.hotter.size() != pairs || tempering.proposed.size() != pairs ||
      tempering.accepted.size() != pairs) {
    throw std::invalid_argument("the saved state is not a tempered chain's on this ladder");
  }
  replicas_.reserve(ladder_.size());
  for (std::size_t r = 0; r < ladder_.size(); ++r) {
    replicas_.emplace_back(answers, model);
    replicas_.back().restore(r == 0 ? saved.restaurant : tempering.hotter[r - 1]);
    replicas_.back().set_likelihood_power(ladder_[r]);
    at_rung_.push_back(r);
  }
  exchanges_.proposed = tempering.proposed;
  exchanges_.accepted = tempering.accepted;
}

void TemperedChain::save(ChainState& state) const {
  // By rung: which replica object holds a rung's seating does not matter to
  // the moves to come, which visit the rungs in order.
  state.restaurant = target().state();
  state.tempering.hotter.clear();
  for (std::size_t r = 1; r < ladder_.size(); ++r) state.tempering.hotter.push_back(replicas_[at_rung_[r]].state());
  state.tempering.rng = rng_.state();
  state.tempering.iterations = iterations_;
  state.tempering.proposed = exchanges_.proposed;
  state.tempering.accepted = exchanges_.accepted;
}

void TemperedChain::exchange(std::size_t rung) {
  Restaurant& a = replicas_[at_rung_[rung]];
  Restaurant& b = replicas_[at_rung_[rung + 1]];
  const double log_ratio = rule_(ladder_[rung], ladder_[rung + 1], a.log_likelihood(), b.log_likelihood());
  ++exchanges_.proposed[rung];
  if (!(log_ratio >= 0.0 || rng_.uniform() < portable::exp(log_ratio))) return;
  ++exchanges_.accepted[rung];
  // The seatings trade rungs: each replica takes the other's power.
  std::swap(at_rung_[rung], at_rung_[rung + 1]);
  replicas_[at_rung_[rung]].set_likelihood_power(ladder_[rung]);
  replicas_[at_rung_[rung + 1]].set_likelihood_power(ladder_[rung + 1]);
}

void TemperedChain::iterate() {
  for (std::size_t r = 0; r < ladder_.size(); ++r) replicas_[at_rung_[r]].iterate(rng_, kernel_);
  // Even and odd pairs in turn: a seating can travel the whole ladder in as
  // many iterations as there are rungs, where random pairs would diffuse.
  for (std::size_t rung = iterations_ % 2; rung + 1 < ladder_.size(); rung += 2) exchange(rung);
  ++iterations_;
}

std::vector<IterationRecord> run_tempered(TemperedChain& chain, std::size_t iterations, std::size_t first_iteration) {
  std::vector<IterationRecord> records;
  records.reserve(iterations);
  for (std::size_t i = 0; i < iterations; ++i) {
    chain.iterate();
    const Restaurant& target = chain.target();
    IterationRecord record;
    record.iteration = first_iteration + i;
    record.tables = target.tables();
    record.p_same_table = target.p_same_table();
    record.richness = chao1_richness(target.table_sizes(), target.people());
    record.log_posterior = target.log_posterior();
    records.push_back(record);
  }
  return records;
}

void continue_tempered_chain(const AnswerMatrix& answers, const CrpModel& model, const ChainOptions& options,
                             std::uint64_t seed, std::size_t from, ChainResult& result, std::size_t iterations,
                             const std::function<bool(std::size_t)>& after_iteration) {
  if (from <= options.burn_in) {
    throw std::invalid_argument("tempering starts after the burn-in, once the split-merge rate is tuned");
  }
  TemperingState& saved = result.state.tempering;
  if (saved.from != 0 && saved.from != from) {
    throw std::invalid_argument("the chain was tempered from iteration " + std::to_string(saved.from) + ", not " +
                                std::to_string(from));
  }
  if (iterations < result.state.iterations) {
    throw std::invalid_argument("a chain cannot be continued to fewer iterations than it has done");
  }
  if (saved.from == 0) {
    if (result.state.iterations > from) {
      throw std::invalid_argument("the chain went past iteration " + std::to_string(from) + " without tempering");
    }
    continue_chain(answers, model, options, result, std::min(from, iterations), after_iteration);
  }
  if (iterations <= result.state.iterations) return;
  TemperingOptions tempering;
  tempering.kernel = options.kernel;
  std::optional<TemperedChain> chain;
  if (saved.from == 0) {
    Restaurant start(answers, model);
    start.restore(result.state.restaurant);
    chain.emplace(start, seed, tempering);
  } else {
    chain.emplace(answers, model, result.state, tempering);
  }
  for (std::size_t iteration = result.state.iterations; iteration < iterations; ++iteration) {
    chain->iterate();
    record_iteration(result, chain->target(), iteration, options);
    if (after_iteration && !after_iteration(iteration + 1)) throw AnalysisCancelled();
  }
  result.state.iterations = iterations;
  saved.from = from;
  chain->save(result.state);
}

TemperingAdvice advise_tempering(const ConvergenceAtDraws& earlier, const ConvergenceAtDraws& later,
                                 std::size_t chains) {
  if (std::isnan(later.r_hat) && std::isnan(later.ess_bulk)) return TemperingAdvice::NotNeeded;
  const bool fails = !(later.r_hat < 1.01) || !(later.ess_bulk >= 400.0);
  if (!fails) return TemperingAdvice::NotNeeded;
  if (later.draws_per_chain >= kMinDrawsToJudge && chains > 0) {
    const double draws = static_cast<double>(chains) * static_cast<double>(later.draws_per_chain);
    if (!(later.ess_bulk * kStalledDrawsPerEffective >= draws)) return TemperingAdvice::Temper;
  }
  if (earlier.draws_per_chain > 0 && later.draws_per_chain > earlier.draws_per_chain &&
      earlier.ess_bulk > 0.0) {
    const double expected_growth =
        static_cast<double>(later.draws_per_chain) / static_cast<double>(earlier.draws_per_chain);
    const double growth = later.ess_bulk / earlier.ess_bulk;
    if (!(growth - 1.0 >= 0.5 * (expected_growth - 1.0))) return TemperingAdvice::Temper;
  }
  return TemperingAdvice::Extend;
}

}  // namespace shoal
