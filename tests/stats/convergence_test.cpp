#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "stats/convergence.hpp"
#include "stats/convergence_verdict.hpp"
#include "stats/normal.hpp"
#include "stats/rng.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

bool within_relative(double actual, double expected, double tolerance) {
  return std::fabs(actual - expected) <= tolerance * std::fabs(expected);
}

// 4 chains of `length` independent standard normal draws.
DrawsByChain independent_draws(std::size_t length, std::uint64_t seed) {
  Rng rng(seed);
  DrawsByChain chains(4, std::vector<double>(length));
  for (auto& chain : chains) {
    for (double& v : chain) v = rng.normal();
  }
  return chains;
}

ConvergenceDiagnostics passing() { return {false, 1.001, 1200.0, 1100.0, 0.01}; }

ConvergenceDiagnostics constant_quantity() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  return {true, nan, nan, nan, nan};
}

}  // namespace

TEST_CASE("convergence diagnostics equal R's posterior 1.4.0 on the reference draws") {
  const auto reference = test::read_json(test::shared_path("reference/convergence.json"));
  REQUIRE(reference["cases"].size() == 8);
  for (const auto& c : reference["cases"]) {
    const std::string name = c["name"].get<std::string>();
    CAPTURE(name);
    const auto draws = c["draws_by_chain"].get<DrawsByChain>();
    const ConvergenceDiagnostics d = convergence_diagnostics(draws);
    CAPTURE(d.r_hat);
    CAPTURE(d.ess_bulk);
    CAPTURE(d.ess_tail);
    CAPTURE(d.mcse_mean);
    CHECK_FALSE(d.constant);
    CHECK(std::fabs(d.r_hat - c["rhat"].get<double>()) <= 1e-9);
    CHECK(within_relative(d.ess_bulk, c["ess_bulk"].get<double>(), 1e-6));
    CHECK(within_relative(d.ess_tail, c["ess_tail"].get<double>(), 1e-6));
    CHECK(within_relative(d.mcse_mean, c["mcse_mean"].get<double>(), 1e-6));
  }
}

TEST_CASE("normal quantile: known values, symmetry and the ends") {
  CHECK(normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-13));
  CHECK(normal_quantile(0.025) == doctest::Approx(-1.959963984540054).epsilon(1e-13));
  CHECK(normal_quantile(0.8413447460685429) == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(normal_quantile(1e-10) == doctest::Approx(-6.361340902404056).epsilon(1e-12));
  CHECK(normal_quantile(1e-300) == doctest::Approx(-37.0470962993612).epsilon(1e-12));
  CHECK(normal_quantile(0.2) == doctest::Approx(-0.8416212335729142).epsilon(1e-13));
  CHECK(normal_quantile(1e-6) == doctest::Approx(-4.753424308822899).epsilon(1e-13));
  CHECK(normal_quantile(0.5) == 0.0);
  CHECK(normal_quantile(0.0) == -std::numeric_limits<double>::infinity());
  CHECK(normal_quantile(1.0) == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(normal_quantile(-0.1)));
  CHECK(std::isnan(normal_quantile(1.5)));
  CHECK(std::isnan(normal_quantile(std::numeric_limits<double>::quiet_NaN())));
}

TEST_CASE("rank normalisation ranks over all chains and gives ties their average rank") {
  const DrawsByChain z = rank_normalise({{5.0, 7.0, 7.0}, {1.0, 9.0, 7.0}});
  // S = 6: ranks 2, 4, 4 and 1, 6, 4 (the three 7s share ranks 3 to 5).
  const auto score = [](double rank) { return normal_quantile((rank - 0.375) / 6.25); };
  CHECK(z[0][0] == score(2.0));
  CHECK(z[0][1] == score(4.0));
  CHECK(z[0][2] == score(4.0));
  CHECK(z[1][0] == score(1.0));
  CHECK(z[1][1] == score(6.0));
  CHECK(z[1][2] == score(4.0));
  CHECK(z[1][0] == doctest::Approx(-z[1][1]).epsilon(1e-14));
}

TEST_CASE("R's type 7 quantile and folding around the median") {
  CHECK(quantile_type7({4.0, 1.0, 3.0, 2.0}, 0.05) == doctest::Approx(1.15).epsilon(1e-15));
  CHECK(quantile_type7({4.0, 1.0, 3.0, 2.0}, 0.95) == doctest::Approx(3.85).epsilon(1e-15));
  CHECK(quantile_type7({2.0, 2.0, 2.0, 5.0}, 0.5) == 2.0);
  CHECK(quantile_type7({7.0}, 0.3) == 7.0);
  CHECK(std::isnan(quantile_type7({}, 0.5)));
  const DrawsByChain folded = fold_around_median({{1.0, 4.0}, {2.0, 10.0}});   // median 3
  CHECK(folded == DrawsByChain{{2.0, 1.0}, {1.0, 7.0}});
}

TEST_CASE("split chains leave an odd chain's middle draw out") {
  CHECK(split_chains({{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}}) == DrawsByChain{{1, 2}, {4, 5}, {6, 7}, {9, 10}});
  CHECK_THROWS_AS(split_chains({{1, 2, 3}, {1, 2}}), std::invalid_argument);
}

TEST_CASE("undefined diagnostics are NaN, never a crash") {
  SUBCASE("a quantity that never changes") {
    const ConvergenceDiagnostics d = convergence_diagnostics(DrawsByChain(4, std::vector<double>(100, 0.3)));
    CHECK(d.constant);
    CHECK(std::isnan(d.r_hat));
    CHECK(std::isnan(d.ess_bulk));
    CHECK(std::isnan(d.ess_tail));
    CHECK(std::isnan(d.mcse_mean));
  }
  SUBCASE("a tail indicator that never changes: 97% of the draws at the largest value") {
    Rng rng(11);
    DrawsByChain chains(4, std::vector<double>(200, 3.0));
    for (auto& chain : chains) {
      for (double& v : chain) v = rng.uniform() < 0.03 ? 2.0 : 3.0;
    }
    const ConvergenceDiagnostics d = convergence_diagnostics(chains);
    CHECK_FALSE(d.constant);
    CHECK(std::isnan(d.ess_tail));   // q5% = 3, so every draw is <= it
    CHECK(std::isfinite(d.r_hat));
    CHECK(std::isfinite(d.ess_bulk));
    CHECK(std::isfinite(d.mcse_mean));
  }
  SUBCASE("too few draws, a non-finite draw, no chains") {
    const ConvergenceDiagnostics short_chains = convergence_diagnostics({{1, 2, 3, 4}, {2, 3, 4, 5}});
    CHECK(std::isnan(short_chains.ess_bulk));   // halves of 2 draws
    CHECK(std::isnan(short_chains.ess_tail));
    CHECK(std::isfinite(short_chains.r_hat));
    DrawsByChain with_infinity = independent_draws(50, 2);
    with_infinity[1][7] = std::numeric_limits<double>::infinity();
    const ConvergenceDiagnostics infinite = convergence_diagnostics(with_infinity);
    CHECK(std::isnan(infinite.r_hat));
    CHECK(std::isnan(infinite.ess_bulk));
    CHECK(std::isnan(convergence_diagnostics({}).r_hat));
  }
  SUBCASE("chains of different lengths are refused with a message") {
    CHECK_THROWS_AS(convergence_diagnostics({{1, 2, 3, 4, 5, 6}, {1, 2, 3}}), std::invalid_argument);
  }
}

TEST_CASE("chains stuck apart: infinite R-hat and almost no effective draws") {
  DrawsByChain chains(4);
  for (std::size_t c = 0; c < 4; ++c) chains[c].assign(100, static_cast<double>(c));
  const ConvergenceDiagnostics d = convergence_diagnostics(chains);
  CHECK_FALSE(d.constant);
  CHECK(d.r_hat == std::numeric_limits<double>::infinity());
  CHECK(d.ess_bulk < 10.0);
  CHECK(potential_scale_reduction({{1, 1}, {2, 2}}) == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(potential_scale_reduction({{1, 1}, {1, 1}})));
  CHECK(potential_scale_reduction({{1, 2, 3}, {3, 4, 5}}) == doctest::Approx(std::sqrt(8.0 / 3.0)).epsilon(1e-14));
}

TEST_CASE("verdict: R-hat below 1.01 and both ESS at least 400 for every quantity") {
  const ConvergenceVerdict good = convergence_verdict({{"P(same table)", passing()}, {"the number of tables", passing()}});
  CHECK(good.status == ConvergenceStatus::Converged);
  CHECK(good.passed());
  CHECK(good.failures.empty());

  ConvergenceDiagnostics edge = passing();
  edge.ess_bulk = edge.ess_tail = 400.0;
  CHECK(convergence_verdict({{"P(same table)", edge}}).passed());

  ConvergenceDiagnostics r_hat_at_limit = passing();
  r_hat_at_limit.r_hat = 1.01;
  const ConvergenceVerdict high = convergence_verdict({{"P(same table)", passing()}, {"the number of tables", r_hat_at_limit}});
  CHECK(high.status == ConvergenceStatus::NotConverged);
  REQUIRE(high.failures.size() == 1);
  CHECK(high.failures[0] == "the number of tables: R-hat 1.0100 (needs < 1.01)");

  ConvergenceDiagnostics few = passing();
  few.ess_bulk = 399.0;
  few.ess_tail = 120.4;
  const ConvergenceVerdict low = convergence_verdict({{"P(same table)", few}, {"the number of tables", passing()}});
  CHECK_FALSE(low.passed());
  REQUIRE(low.failures.size() == 2);
  CHECK(low.failures[0] == "P(same table): bulk-ESS 399 (needs >= 400)");
  CHECK(low.failures[1] == "P(same table): tail-ESS 120 (needs >= 400)");

  ConvergenceDiagnostics stuck = passing();
  stuck.r_hat = std::numeric_limits<double>::infinity();
  CHECK_FALSE(convergence_verdict({{"P(same table)", stuck}}).passed());
}

TEST_CASE("verdict: constant quantities are not failures") {
  const ConvergenceVerdict both =
      convergence_verdict({{"P(same table)", constant_quantity()}, {"the number of tables", constant_quantity()}});
  CHECK(both.status == ConvergenceStatus::Constant);
  CHECK(both.passed());
  CHECK(both.failures.empty());

  const ConvergenceVerdict one =
      convergence_verdict({{"P(same table)", passing()}, {"the number of tables", constant_quantity()}});
  CHECK(one.status == ConvergenceStatus::Converged);

  ConvergenceDiagnostics poor = passing();
  poor.r_hat = 1.2;
  CHECK(convergence_verdict({{"P(same table)", poor}, {"the number of tables", constant_quantity()}}).status ==
        ConvergenceStatus::NotConverged);
}

TEST_CASE("verdict: an undefined tail is noted, not failed; no draws to judge fails") {
  ConvergenceDiagnostics no_tail = passing();
  no_tail.ess_tail = std::numeric_limits<double>::quiet_NaN();
  const ConvergenceVerdict v = convergence_verdict({{"the number of tables", no_tail}});
  CHECK(v.passed());
  REQUIRE(v.undefined.size() == 1);
  CHECK(v.undefined[0].find("the number of tables: tail-ESS undefined") == 0);

  const ConvergenceDiagnostics too_short = convergence_diagnostics({{1, 2, 3, 4}, {2, 3, 4, 5}});
  const ConvergenceVerdict short_verdict = convergence_verdict({{"P(same table)", too_short}});
  CHECK_FALSE(short_verdict.passed());
  REQUIRE(short_verdict.failures.size() == 1);
  CHECK(short_verdict.failures[0].find("too few draws") != std::string::npos);

  CHECK_THROWS_AS(convergence_verdict({}), std::invalid_argument);
}

TEST_CASE("verdict on the reference draws: independent draws pass, sticky chains fail on every count") {
  const auto reference = test::read_json(test::shared_path("reference/convergence.json"));
  const auto diagnostics_of = [&](const std::string& name) {
    for (const auto& c : reference["cases"]) {
      if (c["name"] == name) return convergence_diagnostics(c["draws_by_chain"].get<DrawsByChain>());
    }
    FAIL("no reference case " << name);
    return ConvergenceDiagnostics{};
  };
  CHECK(convergence_verdict({{"x", diagnostics_of("independent normal draws")}}).passed());
  const ConvergenceVerdict sticky = convergence_verdict({{"x", diagnostics_of("sticky (phi 0.995)")}});
  CHECK(sticky.failures.size() == 3);
}

TEST_CASE("classic R-hat: by hand, perfect agreement and too few chains") {
  // Chains {1,2,3} and {3,4,5}: W = 1, B = 3·2 = 6, var+ = 2/3 + 2 = 8/3.
  CHECK(classic_r_hat({{1, 2, 3}, {3, 4, 5}}) == doctest::Approx(std::sqrt(8.0 / 3.0)).epsilon(1e-14));
  CHECK(classic_r_hat({{1, 1}, {1, 1}}) == 1.0);
  CHECK(std::isnan(classic_r_hat({{1, 2, 3}})));
  // Constant chains stuck apart: undefined, not infinitely bad.
  CHECK(std::isnan(classic_r_hat({{1, 1}, {2, 2}})));
}
