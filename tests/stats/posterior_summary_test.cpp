#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "stats/posterior_summary.hpp"
#include "stats/rng.hpp"

using namespace shoal;

TEST_CASE("posterior summary: mean and central 95% interval of draws") {
  const auto s = summarise_draws({4.0, 1.0, 3.0, 2.0, 5.0});
  CHECK(s.draws == 5);
  CHECK(s.mean == 3.0);
  // Quantile positions 0.025·4 = 0.1 and 0.975·4 = 3.9.
  CHECK(s.low == doctest::Approx(1.1).epsilon(1e-14));
  CHECK(s.high == doctest::Approx(4.9).epsilon(1e-14));
  CHECK(std::isnan(summarise_draws({}).mean));
}

TEST_CASE("posterior summary: repeated values give the summary of the list written out, to the bit") {
  Rng rng(8);
  for (std::size_t trial = 0; trial < 50; ++trial) {
    std::vector<double> values;
    std::vector<std::size_t> counts;
    std::vector<double> all;
    const std::size_t distinct = 1 + rng.below(6);
    for (std::size_t k = 0; k < distinct; ++k) {
      // Ties between different entries too.
      values.push_back(rng.uniform() < 0.3 ? 0.5 : rng.uniform() * 10.0);
      counts.push_back(rng.below(40));
      all.insert(all.end(), counts.back(), values.back());
    }
    const PosteriorSummary expected = summarise_draws(all);
    const PosteriorSummary got = summarise_repeated_draws(values, counts);
    CHECK(got.draws == expected.draws);
    if (all.empty()) {
      CHECK(std::isnan(got.mean));
      continue;
    }
    CHECK(got.mean == expected.mean);
    CHECK(got.low == expected.low);
    CHECK(got.high == expected.high);
  }
  CHECK_THROWS_AS(summarise_repeated_draws({1.0}, {}), std::invalid_argument);
}
