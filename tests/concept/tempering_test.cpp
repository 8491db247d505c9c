#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "concept/chi_square.hpp"
#include "concept/chain_codec.hpp"
#include "concept/crp.hpp"
#include "concept/tempering.hpp"
#include "concept/crp_cases.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

// Every seating of people 0 .. n − 1: person k joins each table of a
// seating of the first k people, or opens one.
void each_seating(std::size_t n, Partition& seating, std::size_t next, std::vector<Partition>& out) {
  if (next == n) {
    out.push_back(seating);
    return;
  }
  for (std::size_t t = 0; t <= seating.size(); ++t) {
    if (t == seating.size()) seating.push_back({});
    seating[t].push_back(next);
    each_seating(n, seating, next + 1, out);
    seating[t].pop_back();
    if (seating[t].empty()) seating.pop_back();
  }
}

double log_prior_of(const Partition& seating, std::size_t people, PartitionPrior prior) {
  if (prior == PartitionPrior::Uniform) return 0.0;
  double total = -std::lgamma(static_cast<double>(people) + 1.0);
  for (const auto& table : seating) total += std::lgamma(static_cast<double>(table.size()));
  return total;
}

// P(k tables), index k − 1, and E P(same table) under the prior times the
// likelihood to `power`, by enumeration from log_joint.
struct Exact {
  std::vector<double> tables;
  double p_same_table = 0.0;
};

Exact enumerate(const AnswerMatrix& answers, const CrpModel& model, double power) {
  std::vector<Partition> seatings;
  Partition scratch;
  each_seating(answers.people, scratch, 0, seatings);
  std::vector<double> log_weights;
  for (const auto& s : seatings) {
    const double prior = log_prior_of(s, answers.people, model.prior);
    log_weights.push_back(prior + power * (log_joint(answers, s, model) - prior));
  }
  const double top = *std::max_element(log_weights.begin(), log_weights.end());
  double total = 0.0;
  for (double& w : log_weights) total += (w = std::exp(w - top));
  Exact exact;
  exact.tables.assign(answers.people, 0.0);
  const double n = static_cast<double>(answers.people);
  for (std::size_t i = 0; i < seatings.size(); ++i) {
    const double p = log_weights[i] / total;
    exact.tables[seatings[i].size() - 1] += p;
    for (const auto& table : seatings[i]) exact.p_same_table += p * std::pow(table.size() / n, 2.0);
  }
  return exact;
}

// The enumerated posterior crp.json gives for a case.
Exact reference_posterior(const nlohmann::json& c, std::size_t people) {
  Exact exact;
  exact.tables.assign(people, 0.0);
  const auto& p = c["exact_posterior"]["p_number_of_tables"];
  for (auto it = p.begin(); it != p.end(); ++it) exact.tables[std::stoul(it.key()) - 1] = it.value().get<double>();
  exact.p_same_table = c["exact_posterior"]["expected_p_same_table"].get<double>();
  return exact;
}

struct Fit {
  double p_value = 0.0;
  double z = 0.0;
};

// Independent chains' final states against the exact distribution: the
// G-test of their numbers of tables and the z of their mean P(same table),
// as the other kernels are tested (crp_reference_test.cpp).
template <typename Draw>
Fit fit(const Exact& exact, std::size_t people, std::size_t chains, Draw draw) {
  std::vector<double> observed(people, 0.0);
  double sum = 0.0, sum_squares = 0.0;
  for (std::size_t chain = 0; chain < chains; ++chain) {
    const auto [tables, same] = draw(chain);
    observed[tables - 1] += 1.0;
    sum += same;
    sum_squares += same * same;
  }
  const double n = static_cast<double>(chains);
  const double mean = sum / n;
  const double standard_error = std::sqrt((sum_squares - n * mean * mean) / (n - 1.0) / n);
  return {test::g_test_p_value(observed, exact.tables), (mean - exact.p_same_table) / standard_error};
}

// A fit at the 0.001 level: the G-test's p and the mean's z (|z| < 3.29).
void check_fit(const Fit& result, const std::string& label) {
  INFO(label << ": G-test p = " << result.p_value << ", z = " << result.z);
  if (test::verbose()) MESSAGE(label << ": G-test p = " << result.p_value << ", z = " << result.z);
  CHECK(result.p_value > 0.001);
  CHECK(std::fabs(result.z) < 3.29);
}

// A tempered chain from everyone alone, `iterations` tempered iterations;
// returns the target's number of tables and P(same table).
std::pair<std::size_t, double> tempered_draw(const AnswerMatrix& answers, const CrpModel& model,
                                             const TemperingOptions& options, std::uint64_t seed,
                                             std::size_t iterations) {
  Restaurant start(answers, model);
  TemperedChain chain(start, seed, options);
  for (std::size_t i = 0; i < iterations; ++i) chain.iterate();
  return {chain.target().tables(), chain.target().p_same_table()};
}

// The exchange with the hotter power's term on the colder seating left out:
// (β_a − β_b)(L_b − L_a) without its + β_b·L_a.
double exchange_without_a_term(double power_a, double power_b, double log_likelihood_a, double log_likelihood_b) {
  return power_a * log_likelihood_b - power_a * log_likelihood_a - power_b * log_likelihood_b;
}

}  // namespace

TEST_CASE("tempering: a geometric ladder runs from 1 down to the lowest power in equal ratios") {
  CHECK(geometric_ladder(1, 0.5) == std::vector<double>{1.0});
  const auto ladder = geometric_ladder(4, 0.125);
  REQUIRE(ladder.size() == 4);
  CHECK(ladder[0] == 1.0);
  CHECK(ladder[1] == doctest::Approx(0.5).epsilon(1e-14));
  CHECK(ladder[2] == doctest::Approx(0.25).epsilon(1e-14));
  CHECK(ladder[3] == 0.125);
  CHECK_THROWS_AS(geometric_ladder(0, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(geometric_ladder(3, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(geometric_ladder(3, 1.5), std::invalid_argument);
}

TEST_CASE("tempering: the exchange ratio is the powers' difference times the likelihoods' difference") {
  // x at power 1 with L = −10, y at power 0.5 with L = −4: after the
  // exchange y is at 1 and x at 0.5: (−4 − 5) − (−10 − 2) = 3.
  CHECK(exchange_log_ratio(1.0, 0.5, -10.0, -4.0) == doctest::Approx(3.0));
  CHECK(exchange_log_ratio(1.0, 0.5, -4.0, -10.0) == doctest::Approx(-3.0));
  CHECK(exchange_log_ratio(0.5, 0.5, -4.0, -10.0) == 0.0);
}

TEST_CASE("tempering: bad ladders and a tempered start are refused with a message") {
  const auto& c = test::crp_reference()[0];
  const AnswerMatrix answers = test::crp_answers(c);
  Restaurant chain(answers, test::crp_model(c));
  for (const std::vector<double>& ladder : std::vector<std::vector<double>>{{}, {0.5, 0.25}, {1.0, 1.0}, {1.0, 0.5, 0.7}, {1.0, 0.0}}) {
    TemperingOptions options;
    options.ladder = ladder;
    CHECK_THROWS_AS(TemperedChain(chain, 1, options), std::invalid_argument);
  }
  CHECK_THROWS_AS(chain.set_likelihood_power(0.0), std::invalid_argument);
  CHECK_THROWS_AS(chain.set_likelihood_power(1.5), std::invalid_argument);
  chain.set_likelihood_power(0.5);
  CHECK_THROWS_AS(TemperedChain(chain, 1), std::invalid_argument);
}

TEST_CASE("tempering: the log likelihood is the log posterior without the prior") {
  for (const auto& c : test::crp_reference()) {
    const AnswerMatrix answers = test::crp_answers(c);
    const CrpModel model = test::crp_model(c);
    for (const auto& entry : c["log_joint"]) {
      const auto seating = entry["partition"].get<Partition>();
      Restaurant restaurant(answers, model);
      restaurant.set_seating(seating);
      const double expected = log_joint(answers, seating, model) - log_prior_of(seating, answers.people, model.prior);
      CHECK(restaurant.log_likelihood() == doctest::Approx(expected).epsilon(1e-12));
    }
  }
}

TEST_CASE("tempering: a continuation starts where the chain is and depends on the seed alone") {
  // Case 3 (seven people, uniform prior): a posterior spread over many
  // seatings, so that two seeds' chains part.
  const auto& c = test::crp_reference()[13];
  const AnswerMatrix answers = test::crp_answers(c);
  const CrpModel model = test::crp_model(c);
  Restaurant chain(answers, model);
  Rng rng(3);
  for (int i = 0; i < 5; ++i) chain.iterate(rng, SamplerKernel::SplitMerge);
  // The hotter replicas' warm-up does not move the target.
  const TemperedChain fresh(chain, 77);
  CHECK(fresh.target().seating() == chain.seating());
  CHECK(fresh.target().likelihood_power() == 1.0);
  const auto run = [&](std::uint64_t seed) {
    TemperedChain tempered(chain, seed);
    return run_tempered(tempered, 30, 500);
  };
  const auto first = run(77), again = run(77), other = run(78);
  REQUIRE(first.size() == 30);
  CHECK(first.front().iteration == 500);
  CHECK(first.back().iteration == 529);
  bool same = true, differs = false;
  for (std::size_t i = 0; i < first.size(); ++i) {
    same = same && first[i].log_posterior == again[i].log_posterior && first[i].tables == again[i].tables;
    differs = differs || first[i].log_posterior != other[i].log_posterior;
  }
  CHECK(same);
  CHECK(differs);
}

TEST_CASE("tempering: a replica at a power below 1 draws from the enumerated tempered posterior") {
  // The hotter replicas' moves must leave their own tempered posterior
  // invariant, or the exchanges would pass a wrong distribution down to the
  // target. Every reference case with at most 7 people, at power 0.3.
  constexpr double kPower = 0.3;
  for (const SamplerKernel kernel : {SamplerKernel::Gibbs, SamplerKernel::SplitMerge}) {
    for (const auto& c : test::crp_reference()) {
      const AnswerMatrix answers = test::crp_answers(c);
      const CrpModel model = test::crp_model(c);
      const Exact exact = enumerate(answers, model, kPower);
      const Fit result = fit(exact, answers.people, 3000, [&](std::size_t chain) {
        Rng rng(derive_seed(derive_seed(5150, test::crp_case_name(c)), chain));
        Restaurant restaurant(answers, model);
        restaurant.set_likelihood_power(kPower);
        for (int s = 0; s < 30; ++s) restaurant.iterate(rng, kernel);
        return std::make_pair(restaurant.tables(), restaurant.p_same_table());
      });
      check_fit(result, std::string(to_string(kernel)) + " at power " + std::to_string(kPower) + ", " + test::crp_case_name(c));
    }
  }
}

TEST_CASE("tempering: split-merge moves alone at a power below 1 draw from the enumerated tempered posterior") {
  constexpr double kPower = 0.3;
  for (const auto& c : test::crp_reference()) {
    const AnswerMatrix answers = test::crp_answers(c);
    const CrpModel model = test::crp_model(c);
    const Exact exact = enumerate(answers, model, kPower);
    const Fit result = fit(exact, answers.people, 3000, [&](std::size_t chain) {
      Rng rng(derive_seed(derive_seed(6160, test::crp_case_name(c)), chain));
      Restaurant restaurant(answers, model);
      restaurant.set_likelihood_power(kPower);
      for (int s = 0; s < 150; ++s) restaurant.split_merge(rng);
      return std::make_pair(restaurant.tables(), restaurant.p_same_table());
    });
    check_fit(result, test::crp_case_name(c));
  }
}

TEST_CASE("tempering: the target replica draws from the exact posterior of crp.json") {
  // As the other kernels: 4000 independent tempered chains per case, their
  // targets' final states against the enumerated posterior (G-test of the
  // number of tables, mean P(same table)), each case at the 0.001 level.
  for (const SamplerKernel kernel : {SamplerKernel::Gibbs, SamplerKernel::SplitMerge}) {
    TemperingOptions options;
    options.kernel = kernel;
    options.ladder = geometric_ladder(3, 0.2);
    options.warm_up = 5;
    for (const auto& c : test::crp_reference()) {
      const AnswerMatrix answers = test::crp_answers(c);
      const CrpModel model = test::crp_model(c);
      const Exact exact = reference_posterior(c, answers.people);
      const Fit result = fit(exact, answers.people, 4000, [&](std::size_t chain) {
        return tempered_draw(answers, model, options, derive_seed(derive_seed(2718, test::crp_case_name(c)), chain), 30);
      });
      check_fit(result, std::string("tempered ") + to_string(kernel) + ", " + test::crp_case_name(c));
    }
  }
}

TEST_CASE("tempering: chains extended plainly and then tempered, through the codec, draw from crp.json's posterior") {
  // As run until converged runs a stalled cell: the planned run (10
  // iterations, burn-in 4, the split–merge rate tuned, then raised for the
  // continuation), continued plainly to 20 on another worker, then tempered
  // from 20 to 40 in two rounds, the state crossing the codec between every
  // round. 4000 such chains per case, their final states against the exact
  // posterior.
  for (const SamplerKernel kernel : {SamplerKernel::Gibbs, SamplerKernel::SplitMerge}) {
    ChainOptions options{40, 4, kernel};
    options.planned_iterations = 10;
    ChainOptions planned = options;
    planned.iterations = 10;
    for (const auto& c : test::crp_reference()) {
      const AnswerMatrix answers = test::crp_answers(c);
      const CrpModel model = test::crp_model(c);
      const Exact exact = reference_posterior(c, answers.people);
      const Fit result = fit(exact, answers.people, 4000, [&](std::size_t chain) {
        const std::uint64_t seed = derive_seed(derive_seed(3141, test::crp_case_name(c)), chain);
        Rng rng(seed);
        ChainResult run = run_chain(answers, model, planned, rng);
        for (std::size_t to : {20, 30, 40}) {
          std::vector<double> encoded;
          append_chain_result(encoded, chain, run);
          run = std::move(read_chain_results(encoded.data(), encoded.size()).at(0).second);
          if (to == 20) {
            continue_chain(answers, model, options, run, to);
          } else {
            continue_tempered_chain(answers, model, options, seed, 20, run, to);
          }
        }
        return std::make_pair(run.last.tables, run.last.p_same_table);
      });
      check_fit(result, std::string("extended and tempered ") + to_string(kernel) + ", " + test::crp_case_name(c));
    }
  }
}

TEST_CASE("tempering: an exchange without one of its ratio's terms fails the same test") {
  // The same check as above on case 0 (five people, six questions), for the
  // right exchange and for one whose ratio leaves out + β_b·L_a: the wrong
  // one must be rejected, so the test has the power to see a wrong exchange.
  const auto& c = test::crp_reference()[0];
  const AnswerMatrix answers = test::crp_answers(c);
  const CrpModel model = test::crp_model(c);
  const Exact exact = reference_posterior(c, answers.people);
  const auto check = [&](ExchangeLogRatio rule) {
    TemperingOptions options;
    options.kernel = SamplerKernel::Gibbs;
    options.ladder = geometric_ladder(3, 0.2);
    options.warm_up = 5;
    options.exchange_rule_for_testing = rule;
    return fit(exact, answers.people, 4000, [&](std::size_t chain) {
      return tempered_draw(answers, model, options, derive_seed(1618, chain), 30);
    });
  };
  const Fit right = check(exchange_log_ratio), wrong = check(exchange_without_a_term);
  if (test::verbose()) MESSAGE("exchange: right G-test p = " << right.p_value << " (z " << right.z << "), wrong p = " << wrong.p_value << " (z " << wrong.z << ")");
  CHECK(right.p_value > 0.001);
  CHECK(std::fabs(right.z) < 3.29);
  CHECK(wrong.p_value < 1e-6);
}

TEST_CASE("tempering advice: a passing or constant cell needs nothing") {
  CHECK(advise_tempering({}, {400, 1.005, 900.0}, 4) == TemperingAdvice::NotNeeded);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(advise_tempering({}, {400, nan, nan}, 4) == TemperingAdvice::NotNeeded);
}

TEST_CASE("tempering advice: a failing cell whose ESS grows with its draws is extended") {
  // Draws doubled, ESS nearly doubled.
  CHECK(advise_tempering({400, 1.03, 150.0}, {800, 1.015, 290.0}, 4) == TemperingAdvice::Extend);
  // The first block: nothing to compare with, and enough effective draws.
  CHECK(advise_tempering({}, {400, 1.02, 200.0}, 4) == TemperingAdvice::Extend);
  // Too few draws to call it stuck.
  CHECK(advise_tempering({}, {100, 1.3, 3.0}, 4) == TemperingAdvice::Extend);
}

TEST_CASE("tempering advice: a failing cell whose ESS has stalled is tempered") {
  // The hardest paper cell: ESS 9 at 400 draws per chain, 14 at 4,000.
  CHECK(advise_tempering({400, 1.4, 9.0}, {4000, 1.2, 14.0}, 4) == TemperingAdvice::Temper);
  // Draws doubled, ESS grew by a fifth: stalled, though ESS per draw is fine.
  CHECK(advise_tempering({500, 1.02, 300.0}, {1000, 1.02, 360.0}, 4) == TemperingAdvice::Temper);
  // Under one effective draw per hundred, with no earlier block.
  CHECK(advise_tempering({}, {400, 1.2, 15.0}, 4) == TemperingAdvice::Temper);
  // R-hat alone fails while ESS is ample: still judged by ESS growth.
  CHECK(advise_tempering({400, 1.02, 600.0}, {800, 1.011, 1250.0}, 4) == TemperingAdvice::Extend);
}
