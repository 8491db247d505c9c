#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "concept/chi_square.hpp"
#include "concept/crp.hpp"
#include "concept/crp_cases.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

// The enumerated posterior's P(k tables), indexed by k − 1.
std::vector<double> exact_table_counts(const nlohmann::json& c, std::size_t people) {
  std::vector<double> probabilities(people, 0.0);
  const auto& p = c["exact_posterior"]["p_number_of_tables"];
  for (auto it = p.begin(); it != p.end(); ++it) probabilities[std::stoul(it.key()) - 1] = it.value().get<double>();
  return probabilities;
}

}  // namespace

TEST_CASE("crp: log joint of given seatings matches the reference to 1e-9") {
  for (const auto& c : test::crp_reference()) {
    const AnswerMatrix answers = test::crp_answers(c);
    const CrpModel model = test::crp_model(c);
    for (const auto& entry : c["log_joint"]) {
      const auto seating = entry["partition"].get<Partition>();
      const double expected = entry["value"].get<double>();
      INFO(test::crp_case_name(c));
      CHECK(std::fabs(log_joint(answers, seating, model) - expected) <= 1e-9);
      // The sampler's incremental bookkeeping gives the same number.
      Restaurant restaurant(answers, model);
      restaurant.set_seating(seating);
      CHECK(std::fabs(restaurant.log_posterior() - expected) <= 1e-9);
    }
  }
}

TEST_CASE("crp: person 0's conditional seating probabilities match the reference to 1e-9") {
  for (const auto& c : test::crp_reference()) {
    const AnswerMatrix answers = test::crp_answers(c);
    const CrpModel model = test::crp_model(c);
    const auto others = c["conditional_person0"]["others"].get<Partition>();
    const auto expected = c["conditional_person0"]["probabilities"].get<std::vector<double>>();
    INFO(test::crp_case_name(c));
    const auto exact = exact_seating_probabilities(answers, 0, others, model);
    Partition seating = others;
    seating.push_back({0});
    Restaurant restaurant(answers, model);
    restaurant.set_seating(seating);
    const auto sampled = restaurant.seating_probabilities(0);
    REQUIRE(exact.size() == expected.size());
    REQUIRE(sampled.size() == expected.size());
    // The sampler numbers tables by their first person; the reference
    // lists them in its own order.
    std::vector<std::size_t> by_first_person;
    for (std::size_t k = 0; k < others.size(); ++k) {
      std::size_t rank = 0;
      const std::size_t first = *std::min_element(others[k].begin(), others[k].end());
      for (const auto& table : others) rank += *std::min_element(table.begin(), table.end()) < first;
      by_first_person.push_back(rank);
    }
    by_first_person.push_back(others.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CHECK(std::fabs(exact[k] - expected[k]) <= 1e-9);
      CHECK(std::fabs(sampled[by_first_person[k]] - expected[k]) <= 1e-9);
    }
  }
}

namespace {

// Independent chains (each with its own seed) run long enough to forget the
// all-singletons start; their final states are independent draws, so the
// G-test and the standard error of the mean are valid, which they would not
// be for the autocorrelated iterations of one chain. Every case is tested at
// the 0.001 level (16 cases: family-wise error at most 0.016 per kernel); the
// seed is fixed, so the outcome is reproducible.
template <typename Step>
void check_against_exact_posterior(const std::string& kernel, std::size_t steps, Step step) {
  constexpr std::size_t kChains = 4000;
  constexpr double kLevel = 0.001;
  for (const auto& c : test::crp_reference()) {
    const AnswerMatrix answers = test::crp_answers(c);
    const CrpModel model = test::crp_model(c);
    const auto& exact = c["exact_posterior"];
    const std::vector<double> probabilities = exact_table_counts(c, answers.people);
    std::vector<double> observed(answers.people, 0.0);
    double sum = 0.0, sum_squares = 0.0;
    for (std::size_t chain = 0; chain < kChains; ++chain) {
      Rng rng(derive_seed(20250101, test::crp_case_name(c) + " chain " + std::to_string(chain)));
      Restaurant restaurant(answers, model);
      for (std::size_t s = 0; s < steps; ++s) step(restaurant, rng);
      observed[restaurant.tables() - 1] += 1.0;
      const double same = restaurant.p_same_table();
      sum += same;
      sum_squares += same * same;
    }
    std::size_t df = 0;
    const double p_value = test::g_test_p_value(observed, probabilities, &df);
    const double n = static_cast<double>(kChains);
    const double mean = sum / n;
    const double standard_error = std::sqrt((sum_squares - n * mean * mean) / (n - 1.0) / n);
    const double expected_mean = exact["expected_p_same_table"].get<double>();
    const double z = (mean - expected_mean) / standard_error;
    INFO(kernel << ", " << test::crp_case_name(c) << ": G-test p = " << p_value << " (df " << df << "), mean P(same table) "
                << mean << " vs exact " << expected_mean << " (z = " << z << ")");
    if (test::verbose()) MESSAGE(kernel << ", " << test::crp_case_name(c) << ": G-test p = " << p_value << " (df " << df << "), z = " << z);
    CHECK(p_value > kLevel);
    // |z| < 3.29 is the two-sided 0.001 level of the normal approximation.
    CHECK(std::fabs(z) < 3.29);
  }
}

}  // namespace

TEST_CASE("crp: the Gibbs sampler draws from the exact posterior (G-test, mean P(same table))") {
  check_against_exact_posterior("gibbs", 40, [](Restaurant& r, Rng& rng) { r.iterate(rng, SamplerKernel::Gibbs); });
}

TEST_CASE("crp: Gibbs sweeps with split-merge moves draw from the exact posterior") {
  check_against_exact_posterior("split-merge", 40,
                                [](Restaurant& r, Rng& rng) { r.iterate(rng, SamplerKernel::SplitMerge); });
}

// Split–merge moves alone reach every seating (splits from one table, merges
// from many), so on their own they must leave the posterior invariant too:
// a far more sensitive check of their acceptance ratio than the combined
// kernel, where the Gibbs sweeps would mask a small bias.
TEST_CASE("crp: split-merge moves alone draw from the exact posterior") {
  check_against_exact_posterior("split-merge moves alone", 150, [](Restaurant& r, Rng& rng) { r.split_merge(rng); });
}

TEST_CASE("crp: a bad sampler would fail the same test") {
  // The test has power: draws from the prior alone (no likelihood) are
  // rejected against the posterior of the case with 36 questions.
  const auto& c = test::crp_reference()[8];
  const AnswerMatrix answers = test::crp_answers(c);
  AnswerMatrix no_answers{answers.people, 0, {}};
  const CrpModel model = test::crp_model(c);
  const std::vector<double> probabilities = exact_table_counts(c, answers.people);
  std::vector<double> observed(answers.people, 0.0);
  for (std::size_t chain = 0; chain < 2000; ++chain) {
    Rng rng(derive_seed(7, chain));
    Restaurant restaurant(no_answers, model);
    for (std::size_t s = 0; s < 40; ++s) restaurant.sweep(rng);
    observed[restaurant.tables() - 1] += 1.0;
  }
  CHECK(test::g_test_p_value(observed, probabilities) < 1e-6);
}

namespace {

// A split–merge move written out from log_joint alone, independent of the
// Restaurant's bookkeeping: the same proposal (two people drawn; a shared
// table split by sequential allocation, two tables merged), and an
// acceptance ratio that includes the allocation's probability only when
// `with_proposal` is set. Without it the move is wrong, and the test below
// must see it.
void written_out_split_merge(const AnswerMatrix& answers, const CrpModel& model, Partition& seating, Rng& rng,
                             bool with_proposal) {
  const std::size_t n = answers.people;
  const std::size_t i = rng.below(n);
  std::size_t j = rng.below(n - 1);
  if (j >= i) ++j;
  const auto table_of = [&](std::size_t person) {
    for (std::size_t t = 0; t < seating.size(); ++t) {
      if (std::find(seating[t].begin(), seating[t].end(), person) != seating[t].end()) return t;
    }
    return seating.size();
  };
  const std::size_t ti = table_of(i), tj = table_of(j);
  std::vector<std::size_t> others;
  for (std::size_t t : {ti, tj}) {
    for (std::size_t k : seating[t]) {
      if (k != i && k != j && std::find(others.begin(), others.end(), k) == others.end()) others.push_back(k);
    }
    if (ti == tj) break;
  }
  for (std::size_t k = others.size(); k > 1; --k) std::swap(others[k - 1], others[rng.below(k)]);
  // Sequential allocation: each person joins i's side or j's side with
  // probability proportional to the joint of the people allocated so far.
  std::vector<std::size_t> side_a{i}, side_b{j};
  double log_q = 0.0;
  for (std::size_t k : others) {
    Partition with_a{side_a, side_b}, with_b{side_a, side_b};
    with_a[0].push_back(k);
    with_b[1].push_back(k);
    const double a = log_joint(answers, with_a, model), b = log_joint(answers, with_b, model);
    const double p_a = 1.0 / (1.0 + std::exp(b - a));
    const bool to_a = ti == tj ? rng.uniform() < p_a : table_of(k) == ti;
    log_q += std::log(to_a ? p_a : 1.0 - p_a);
    (to_a ? side_a : side_b).push_back(k);
  }
  Partition merged, split;
  for (std::size_t t = 0; t < seating.size(); ++t) {
    if (t != ti && t != tj) {
      merged.push_back(seating[t]);
      split.push_back(seating[t]);
    }
  }
  split.push_back(side_a);
  split.push_back(side_b);
  merged.push_back(side_a);
  merged.back().insert(merged.back().end(), side_b.begin(), side_b.end());
  const double proposal = with_proposal ? log_q : 0.0;
  const double log_ratio = ti == tj ? log_joint(answers, split, model) - log_joint(answers, merged, model) - proposal
                                    : log_joint(answers, merged, model) - log_joint(answers, split, model) + proposal;
  if (log_ratio >= 0.0 || rng.uniform() < std::exp(log_ratio)) seating = ti == tj ? split : merged;
}

double written_out_p_value(const nlohmann::json& c, bool with_proposal) {
  const AnswerMatrix answers = test::crp_answers(c);
  const CrpModel model = test::crp_model(c);
  const std::vector<double> probabilities = exact_table_counts(c, answers.people);
  std::vector<double> observed(answers.people, 0.0);
  for (std::size_t chain = 0; chain < 2000; ++chain) {
    Rng rng(derive_seed(31, chain));
    Partition seating;
    for (std::size_t k = 0; k < answers.people; ++k) seating.push_back({k});
    for (std::size_t s = 0; s < 100; ++s) written_out_split_merge(answers, model, seating, rng, with_proposal);
    observed[seating.size() - 1] += 1.0;
  }
  return test::g_test_p_value(observed, probabilities);
}

}  // namespace

TEST_CASE("crp: a split-merge move without the allocation's probability in its acceptance ratio fails the test") {
  // Case 0: five people, six questions. The written-out move passes with
  // the full ratio, so the failure is the ratio's and the test has the
  // power to see it.
  const auto& c = test::crp_reference()[0];
  const double right = written_out_p_value(c, true), wrong = written_out_p_value(c, false);
  if (test::verbose()) MESSAGE("written-out split-merge: G-test p = " << right << " with the full ratio, " << wrong << " without the allocation's probability");
  CHECK(right > 0.001);
  CHECK(wrong < 1e-6);
}

TEST_CASE("chi-square tail: known values") {
  CHECK(test::chi_square_upper_tail(3.841458820694124, 1) == doctest::Approx(0.05).epsilon(1e-9));
  CHECK(test::chi_square_upper_tail(16.26623619623813, 3) == doctest::Approx(0.001).epsilon(1e-9));
  CHECK(test::chi_square_upper_tail(2.0, 2) == doctest::Approx(std::exp(-1.0)).epsilon(1e-12));
}
