#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "stats/diversity_profile.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

// Every number in the reference file to 1e-9, absolute below 1 and relative above.
void check_close(double actual, double expected) { CHECK(test::close_relative(actual, expected, 1e-9)); }

}  // namespace

TEST_CASE("diversity profile: every case of the reference file") {
  const auto reference = test::read_json(test::shared_path("reference/hill.json"));
  const auto& cases = reference.at("cases");
  REQUIRE(cases.size() >= 7);
  for (const auto& c : cases) {
    const auto sizes = c.at("table_sizes").get<std::vector<std::size_t>>();
    const std::size_t n = c.at("people").get<std::size_t>();
    INFO("case " << c.at("name").get<std::string>());
    std::size_t total = 0;
    for (std::size_t x : sizes) total += x;
    REQUIRE(total == n);

    const HillNumbers hill = hill_numbers(sizes);
    check_close(hill.q0, c.at("hill_vegan").at("q0").get<double>());
    check_close(hill.q1, c.at("hill_vegan").at("q1").get<double>());
    check_close(hill.q2, c.at("hill_vegan").at("q2").get<double>());

    for (const auto& r : c.at("rarefied_richness")) {
      const std::size_t m = r.at("people").get<std::size_t>();
      INFO("rarefied to " << m);
      check_close(rarefied_tables(sizes, m), r.at("expected_tables_vegan").get<double>());
    }
    check_close(sample_coverage(sizes), c.at("coverage").get<double>());
    check_close(unseen_tables(sizes), c.at("f0_hat").get<double>());
    if (c.at("asymptotic_q2").is_null()) {
      CHECK(std::isinf(asymptotic_inverse_simpson(sizes)));
    } else {
      check_close(asymptotic_inverse_simpson(sizes), c.at("asymptotic_q2").get<double>());
    }
    for (const auto& r : c.at("rarefied_coverage")) {
      const std::size_t m = r.at("people").get<std::size_t>();
      INFO("coverage rarefied to " << m);
      check_close(rarefied_coverage(sizes, m), r.at("coverage").get<double>());
    }
    for (const auto& e : c.at("extrapolated")) {
      const std::size_t total_people = e.at("people").get<std::size_t>();
      REQUIRE(total_people >= n);
      INFO("extrapolated to " << total_people);
      check_close(extrapolated_tables(sizes, total_people - n), e.at("richness").get<double>());
      check_close(extrapolated_coverage(sizes, total_people - n), e.at("coverage").get<double>());
      check_close(expected_inverse_simpson(sizes, total_people), e.at("q2").get<double>());
    }
    for (const auto& point : c.at("q2_curve")) {
      const std::size_t m = point.at("people").get<std::size_t>();
      INFO("q2 at " << m);
      check_close(expected_inverse_simpson(sizes, m), point.at("q2").get<double>());
    }
  }
}

TEST_CASE("diversity profile: hand-computed cases") {
  // Tables {2, 1}, n = 3. Hill: p = (2/3, 1/3).
  const std::vector<std::size_t> sizes = {2, 1};
  const HillNumbers h = hill_numbers(sizes);
  CHECK(h.q0 == 2.0);
  CHECK(h.q1 == doctest::Approx(std::exp(-(2.0 / 3 * std::log(2.0 / 3) + 1.0 / 3 * std::log(1.0 / 3)))).epsilon(1e-14));
  CHECK(h.q2 == doctest::Approx(9.0 / 5.0).epsilon(1e-15));
  // Two of three people: they miss the table of 2 with chance 0 and the
  // table of 1 with chance C(2, 2)/C(3, 2) = 1/3, so 2 − 1/3 tables.
  CHECK(rarefied_tables(sizes, 2) == doctest::Approx(5.0 / 3.0).epsilon(1e-15));
  CHECK(rarefied_tables(sizes, 0) == 0.0);
  CHECK(rarefied_tables(sizes, 3) == 2.0);
  // f1 = 1, f2 = 1: A = 2 / (2 + 2) = 1/2, Ĉ = 1 − 1/3 · 1/2; f̂0 = 2/3 · 1/2.
  CHECK(sample_coverage(sizes) == doctest::Approx(5.0 / 6.0).epsilon(1e-15));
  CHECK(unseen_tables(sizes) == doctest::Approx(1.0 / 3.0).epsilon(1e-15));
  // One more person: coverage 1 − 1/3 · (1/2)²; with n f̂0 + f1 = 2 the base
  // is 1 − 1/2, so tables 2 + 1/3 · (1 − 1/2).
  CHECK(extrapolated_coverage(sizes, 1) == doctest::Approx(1.0 - 1.0 / 12.0).epsilon(1e-15));
  CHECK(extrapolated_tables(sizes, 1) == doctest::Approx(2.0 + 1.0 / 6.0).epsilon(1e-15));
  CHECK(extrapolated_tables(sizes, 0) == 2.0);
  // Coverage of one person drawn from three: 1 − [2/3 · C(1,1)/C(2,1) + 1/3 · C(2,1)/C(2,1)] = 1/3.
  CHECK(rarefied_coverage(sizes, 1) == doctest::Approx(1.0 / 3.0).epsilon(1e-15));
  // Shared-table chance 2/6: at m = 2, 1 / (1/2 + 1/2 · 1/3) = 3/2; m → ∞: 3.
  CHECK(expected_inverse_simpson(sizes, 2) == doctest::Approx(1.5).epsilon(1e-15));
  CHECK(expected_inverse_simpson(sizes, 3) == doctest::Approx(h.q2).epsilon(1e-15));
  CHECK(asymptotic_inverse_simpson(sizes) == doctest::Approx(3.0).epsilon(1e-15));
  // f2 = 0 with one singleton: A = 0, full coverage, nothing unseen.
  CHECK(sample_coverage({5, 1}) == 1.0);
  CHECK(unseen_tables({5, 1}) == 0.0);
  CHECK(extrapolated_tables({5, 1}, 100) == 2.0);
}

TEST_CASE("diversity profile: rarefaction stays finite for thousands of people") {
  // C(4000, 2000) overflows a double; the product form does not.
  const std::vector<std::size_t> sizes = {1500, 1000, 800, 400, 200, 90, 9, 1};
  CHECK(rarefied_tables(sizes, 4000) == 8.0);
  const double half = rarefied_tables(sizes, 2000);
  CHECK(std::isfinite(half));
  // The singleton is seen with chance 1/2, the table of 9 with 1 − C(3991, 2000)/C(4000, 2000).
  double miss9 = 1.0;
  for (int j = 0; j < 9; ++j) miss9 *= (2000.0 - j) / (4000.0 - j);
  CHECK(half == doctest::Approx(6.0 + 0.5 + (1.0 - miss9)).epsilon(1e-12));
  // One person left out: only the singleton can be missed, with chance 1/4000.
  CHECK(rarefied_coverage(sizes, 3999) == doctest::Approx(1.0 - 1.0 / 4000.0).epsilon(1e-15));
  CHECK(std::isfinite(rarefied_coverage(sizes, 2000)));
}

TEST_CASE("diversity profile: bad input is refused with a message") {
  CHECK_THROWS_WITH_AS(hill_numbers({}), "a seating needs at least one table", std::invalid_argument);
  CHECK_THROWS_WITH_AS(sample_coverage({3, 0}), "a table must seat at least one person (got a table of size 0)",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(rarefied_tables({3, 2}, 6),
                       "rarefied tables needs a sample size of at most 5 for a seating of 5 people (got 6)",
                       std::invalid_argument);
  CHECK_THROWS_AS(rarefied_coverage({3, 2}, 5), std::invalid_argument);
  CHECK_THROWS_AS(expected_inverse_simpson({3, 2}, 0), std::invalid_argument);
  CHECK_THROWS_AS(asymptotic_inverse_simpson({1}), std::invalid_argument);
}
