#include <doctest/doctest.h>

#include <cmath>

#include "stats/posterior_summary.hpp"

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
