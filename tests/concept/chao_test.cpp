#include <doctest/doctest.h>

#include "concept/chao.hpp"
#include "support.hpp"

using namespace shoal;

TEST_CASE("chao1: every reference case exactly") {
  const auto cases = test::read_json(test::shared_path("reference/chao.json"));
  REQUIRE(cases.size() >= 6);
  for (const auto& c : cases) {
    const auto sizes = c["table_sizes"].get<std::vector<std::size_t>>();
    const double expected = c["estimate"].get<double>();
    INFO("table sizes " << c["table_sizes"].dump());
    CHECK(chao1_richness(sizes, c["people"].get<std::size_t>()) == doctest::Approx(expected).epsilon(1e-14));
  }
}

TEST_CASE("chao1: hand-computed cases") {
  // One table: nothing unseen.
  CHECK(chao1_richness({5}, 5) == 1.0);
  // Two singletons, no doubletons: x = f1 (f1 − 1) / 2 = 1; S = 2 + 1/2 · 1.
  CHECK(chao1_richness({1, 1}, 2) == 2.5);
  // f1 = 2, f2 = 1: x = 4 / 2 = 2; S = 3 + (3/4) · 2 = 4.5.
  CHECK(chao1_richness({1, 1, 2}, 4) == 4.5);
  // f1 = 1, f2 = 1, f3 = 1, f4 = 1, N = 10: x = 1/2, S = 4 + 0.9 · 0.5 = 4.45;
  // correction (7/10) · (1/4) · max(1 − (7/9)(1/2), 0) = 0.175 · 11/18.
  CHECK(chao1_richness({1, 2, 3, 4}, 10) == doctest::Approx(4.45 + 0.175 * 11.0 / 18.0).epsilon(1e-15));
}
