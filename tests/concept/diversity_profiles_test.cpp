#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "concept/chain_codec.hpp"
#include "concept/diversity.hpp"
#include "concept/diversity_profiles.hpp"
#include "stats/diversity_profile.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

// 40 people answering 8 two-option questions, in two loose groups.
AnswerMatrix two_group_answers() {
  AnswerMatrix a;
  a.people = 40;
  a.questions = 8;
  Rng rng(11);
  for (std::size_t i = 0; i < a.people; ++i) {
    for (std::size_t q = 0; q < a.questions; ++q) {
      const bool group = i % 2 == 0;
      a.values.push_back(rng.uniform() < (group ? 0.85 : 0.2) ? 1 : 0);
    }
  }
  return a;
}

}  // namespace

TEST_CASE("diversity profiles: each recorded draw keeps its table sizes and, when asked, its seating") {
  const AnswerMatrix answers = two_group_answers();
  Rng rng(5);
  ChainOptions options{60, 20, SamplerKernel::SplitMerge};
  options.record_seatings = true;
  const ChainResult chain = run_chain(answers, CrpModel{}, options, rng);
  REQUIRE(chain.recorded.size() == 40);
  REQUIRE(chain.recorded_table_sizes.size() == chain.recorded.size());
  REQUIRE(chain.recorded_seatings.size() == chain.recorded.size() * answers.people);
  for (std::size_t d = 0; d < chain.recorded.size(); ++d) {
    const auto sizes = chain.recorded_table_sizes[d];
    CHECK(sizes.size() == chain.recorded[d].tables);
    double same = 0.0;
    for (std::uint32_t x : sizes) same += (x / 40.0) * (x / 40.0);
    CHECK(same == doctest::Approx(chain.recorded[d].p_same_table).epsilon(1e-12));
    // The seating's tables are those sizes.
    std::vector<std::uint32_t> counted(sizes.size(), 0);
    for (std::size_t i = 0; i < answers.people; ++i) ++counted.at(chain.recorded_seatings[d * answers.people + i]);
    std::vector<std::uint32_t> given(sizes.begin(), sizes.end());
    std::sort(counted.begin(), counted.end());
    std::sort(given.begin(), given.end());
    CHECK(counted == given);
  }
  // Without record_seatings the chain is the same, the seatings are not kept.
  Rng again(5);
  options.record_seatings = false;
  const ChainResult plain = run_chain(answers, CrpModel{}, options, again);
  CHECK(plain.recorded_seatings.empty());
  CHECK(plain.recorded_table_sizes == chain.recorded_table_sizes);
  CHECK(plain.last.log_posterior == chain.last.log_posterior);

  SUBCASE("they travel through the chain codec") {
    std::vector<double> encoded;
    append_chain_result(encoded, 3, chain);
    append_chain_result(encoded, 4, plain);
    const auto decoded = read_chain_results(encoded.data(), encoded.size());
    REQUIRE(decoded.size() == 2);
    CHECK(decoded[0].first == 3);
    CHECK(decoded[0].second.recorded_table_sizes == chain.recorded_table_sizes);
    CHECK(decoded[0].second.recorded_seatings == chain.recorded_seatings);
    CHECK(decoded[1].second.recorded_table_sizes == plain.recorded_table_sizes);
    CHECK(decoded[1].second.recorded_seatings.empty());
    // Cut short inside the seatings: refused, not read as fewer.
    CHECK_THROWS_AS(read_chain_results(encoded.data(), encoded.size() - encoded.size() / 4), std::invalid_argument);
  }
}

TEST_CASE("diversity profiles: a cell's Hill numbers are the means over its draws") {
  const std::vector<DrawTables> draws = {{5, 3, 2}, {10}, {4, 4, 1, 1}};
  const CellDiversity d = diversity_from_tables(draws);
  CHECK(d.missing.empty());
  CHECK(d.q0.draws == 3);
  CHECK(d.q0.mean == doctest::Approx((3.0 + 1.0 + 4.0) / 3.0));
  double q1 = 0.0, q2 = 0.0, coverage = 0.0;
  for (const auto& sizes : draws) {
    q1 += hill_numbers(sizes).q1 / 3.0;
    q2 += hill_numbers(sizes).q2 / 3.0;
    coverage += sample_coverage(sizes) / 3.0;
  }
  CHECK(d.q1.mean == doctest::Approx(q1).epsilon(1e-14));
  CHECK(d.q2.mean == doctest::Approx(q2).epsilon(1e-14));
  CHECK(d.coverage.mean == doctest::Approx(coverage).epsilon(1e-14));

  // Released chains: ⁰D and ²D = 1 / P(same table) from the records alone.
  std::vector<IterationRecord> records(2);
  records[0].tables = 3;
  records[0].p_same_table = 0.25;
  records[1].tables = 5;
  records[1].p_same_table = 0.5;
  const CellDiversity released = diversity_from_records(records);
  CHECK(released.q0.mean == 4.0);
  CHECK(released.q2.mean == 3.0);
  CHECK(released.q1.draws == 0);
  CHECK(released.coverage.draws == 0);
  CHECK(released.missing == kReleasedChainsMissing);
}

TEST_CASE("diversity profiles: the curve runs from one person to ten times the people") {
  CHECK(curve_sizes(100, 10) == std::vector<std::size_t>{1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 190, 280, 370,
                                                        460, 550, 640, 730, 820, 910, 1000});
  CHECK(curve_sizes(4, 1) == std::vector<std::size_t>{1, 2, 3, 4});
  const std::vector<DrawTables> draws = {{5, 3, 1, 1}, {6, 2, 1, 1}};
  const auto curve = diversity_curve(draws, 10, 3);
  REQUIRE(!curve.empty());
  CHECK(curve.front().people == 1);
  CHECK(curve.front().richness.mean == doctest::Approx(1.0));
  CHECK(curve.front().q2.mean == 1.0);
  CHECK(curve.back().people == 30);
  for (const auto& point : curve) {
    if (point.people != 10) continue;
    // At the sample's own size: its tables, ²D and coverage.
    CHECK(point.richness.mean == 4.0);
    CHECK(point.q2.mean == doctest::Approx((hill_numbers(draws[0]).q2 + hill_numbers(draws[1]).q2) / 2.0));
    CHECK(point.coverage == doctest::Approx((sample_coverage(draws[0]) + sample_coverage(draws[1])) / 2.0));
  }
  for (std::size_t k = 1; k < curve.size(); ++k) {
    CHECK(curve[k].richness.mean >= curve[k - 1].richness.mean);
    CHECK(curve[k].coverage >= curve[k - 1].coverage);
  }
  CHECK(diversity_curve(draws, 1, 10).empty());
}

TEST_CASE("diversity profiles: populations at equal size and equal coverage") {
  const std::vector<DrawTables> many = {{20, 10, 5, 3, 1, 1}, {18, 12, 6, 2, 1, 1}};   // 40 people
  const std::vector<DrawTables> few = {{12, 3, 2, 1, 1, 1}, {10, 5, 2, 1, 1, 1}};     // 20 people
  const DistinctTables many_drawn = distinct_tables(many), few_drawn = distinct_tables(few);
  const auto c = compare_at_equal_effort("a whale", {{"many", 40, &many_drawn}, {"few", 20, &few_drawn}}, 10);
  CHECK(c.concept == "a whale");
  CHECK(c.common_people == 20);
  REQUIRE(c.populations.size() == 2);
  // Equal size: each draw rarefied to 20 people.
  CHECK(c.populations[0].size_q0.mean ==
        doctest::Approx((rarefied_tables(many[0], 20) + rarefied_tables(many[1], 20)) / 2.0));
  CHECK(c.populations[1].size_q0.mean == doctest::Approx(6.0));
  CHECK(c.populations[1].size_q2.mean == doctest::Approx((hill_numbers(few[0]).q2 + hill_numbers(few[1]).q2) / 2.0));
  // Chao et al.'s base coverage from the populations' mean coverages.
  const auto mean_at = [](const std::vector<DrawTables>& draws, std::size_t m) {
    return (diversity_at(draws[0], m).coverage + diversity_at(draws[1], m).coverage) / 2.0;
  };
  CHECK(c.common_coverage ==
        doctest::Approx(std::max(std::min(mean_at(many, 80), mean_at(few, 40)), std::max(mean_at(many, 40), mean_at(few, 20)))));
  // Equal coverage: each draw taken at the fewest people whose coverage reaches it.
  for (const auto* draws : {&many, &few}) {
    for (const auto& sizes : *draws) {
      std::size_t m = 1;
      while (diversity_at(sizes, m).coverage < c.common_coverage) ++m;
      REQUIRE(m > 1);
      CHECK(diversity_at(sizes, m - 1).coverage < c.common_coverage);
    }
  }
  const auto& few_result = c.populations[1];
  std::vector<double> people;
  for (const auto& sizes : few) {
    std::size_t m = 1;
    while (diversity_at(sizes, m).coverage < c.common_coverage) ++m;
    people.push_back(static_cast<double>(m));
  }
  CHECK(few_result.coverage_people.mean == doctest::Approx((people[0] + people[1]) / 2.0));
  CHECK(few_result.draws_short_of_coverage == 0);
}
