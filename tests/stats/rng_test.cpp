#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "stats/rng.hpp"

using shoal::Rng;

TEST_CASE("rng: a seed fixes the stream; different seeds and labels differ") {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next_u64();
    CHECK(x == b.next_u64());
    CHECK(x != c.next_u64());
  }
  CHECK(shoal::derive_seed(1, "human") == shoal::derive_seed(1, "human"));
  CHECK(shoal::derive_seed(1, "human") != shoal::derive_seed(1, "llama2"));
  CHECK(shoal::derive_seed(1, "human") != shoal::derive_seed(2, "human"));
}

TEST_CASE("rng: uniform and normal draws have the right moments") {
  // With n = 200000 the standard errors are about 0.00065 (uniform mean),
  // 0.0022 (normal mean) and 0.0032 (normal variance); bounds are 5 SE.
  Rng rng(7);
  const int n = 200000;
  double su = 0, sn = 0, sn2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    su += u;
    const double z = rng.normal();
    sn += z;
    sn2 += z * z;
  }
  CHECK(std::fabs(su / n - 0.5) < 5 * 0.00065);
  CHECK(std::fabs(sn / n) < 5 * 0.0022);
  CHECK(std::fabs(sn2 / n - 1.0) < 5 * 0.0032);
}

TEST_CASE("rng: below() covers its range evenly") {
  Rng rng(3);
  std::vector<int> counts(7, 0);
  const int n = 70000;
  for (int i = 0; i < n; ++i) {
    const auto k = rng.below(7);
    REQUIRE(k < 7);
    ++counts[k];
  }
  // Chi-square with 6 degrees of freedom; 22.46 is the 0.999 quantile.
  double chi2 = 0;
  for (int c : counts) chi2 += (c - 10000.0) * (c - 10000.0) / 10000.0;
  CHECK(chi2 < 22.46);
}
