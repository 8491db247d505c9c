#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

#include "stats/partition.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

// Every partition of n individuals, as restricted growth strings
// (a_0 = 0, a_i ≤ 1 + max of the earlier labels).
std::vector<Clustering> all_partitions(std::size_t n) {
  std::vector<Clustering> out;
  Clustering current(n, 0);
  std::function<void(std::size_t, std::size_t)> extend = [&](std::size_t i, std::size_t blocks) {
    if (i == n) {
      out.push_back(current);
      return;
    }
    for (std::size_t label = 0; label <= blocks; ++label) {
      current[i] = label;
      extend(i + 1, std::max(blocks, label + 1));
    }
  };
  current[0] = 0;
  extend(1, 1);
  return out;
}

// Draws scattered around a planted partition: each individual keeps its
// planted block with chance 0.6, otherwise takes one of four labels at
// random, so draws disagree in many ways. Labels are shuffled by an offset
// per draw: only who sits with whom may matter.
std::vector<Clustering> scattered_draws(std::size_t individuals, std::size_t count, Rng& rng) {
  Clustering planted(individuals);
  for (auto& label : planted) label = rng.below(3);
  std::vector<Clustering> draws(count, Clustering(individuals));
  for (std::size_t d = 0; d < count; ++d) {
    const std::size_t offset = 100 * d + rng.below(7);
    for (std::size_t i = 0; i < individuals; ++i) {
      const std::size_t label = rng.uniform() < 0.6 ? planted[i] : rng.below(4);
      draws[d][i] = offset + label * 13;
    }
  }
  return draws;
}

}  // namespace

TEST_CASE("partition: canonical labels and the similarity matrix") {
  CHECK(canonical_partition({7, 3, 7, 900}) == Clustering{0, 1, 0, 2});
  const SimilarityMatrix s = posterior_similarity({{5, 5, 8}, {1, 2, 2}});
  REQUIRE(s.individuals == 3);
  CHECK(s.at(0, 0) == 1.0);
  CHECK(s.at(0, 1) == 0.5);
  CHECK(s.at(1, 0) == 0.5);
  CHECK(s.at(0, 2) == 0.0);
  CHECK(s.at(1, 2) == 0.5);
}

TEST_CASE("partition: Binder's loss by hand") {
  // (0,1) together then apart, (1,2) apart then together, (0,2) apart in both.
  CHECK(binder_loss({0, 0, 1}, {0, 1, 1}) == 2.0);
  CHECK(binder_loss({4, 4, 9}, {1, 1, 3}) == 0.0);
  // One block against four singletons: all six pairs disagree.
  CHECK(binder_loss({0, 0, 0, 0}, {0, 1, 2, 3}) == 6.0);
  // p01 = 1/2, p02 = 0, p12 = 1/2.
  const SimilarityMatrix s = posterior_similarity({{0, 0, 1}, {0, 1, 1}});
  CHECK(expected_binder_loss(s, {0, 0, 0}) == 2.0);   // 1/2 + 1 + 1/2
  CHECK(expected_binder_loss(s, {0, 1, 2}) == 1.0);   // 1/2 + 0 + 1/2
  CHECK(expected_binder_loss(s, {0, 0, 1}) == 1.0);   // 1/2 + 0 + 1/2
  CHECK(expected_binder_loss(s, {0, 1, 0}) == 2.0);   // 1/2 + 1 + 1/2
}

TEST_CASE("partition: the expected Binder loss is the mean loss over the draws") {
  Rng rng(11);
  const auto draws = scattered_draws(7, 15, rng);
  const SimilarityMatrix s = posterior_similarity(draws);
  for (const Clustering& candidate : {Clustering{0, 0, 0, 1, 1, 2, 2}, Clustering{0, 1, 2, 3, 4, 5, 6}, draws[3]}) {
    double mean = 0.0;
    for (const auto& draw : draws) mean += binder_loss(candidate, draw);
    mean /= static_cast<double>(draws.size());
    CHECK(expected_binder_loss(s, candidate) == doctest::Approx(mean).epsilon(1e-13));
  }
}

TEST_CASE("partition: variation of information by hand") {
  // Blocks {2, 1} and {1, 2}, cells 1, 1, 1: (1/3)(2 + 2 − 0) bits; per
  // individual log₂ 2 + log₂ 1 = 1, log₂ 2 + log₂ 2 = 2, log₂ 1 + log₂ 2 = 1.
  CHECK(variation_of_information({0, 0, 1}, {0, 1, 1}) == doctest::Approx(4.0 / 3.0).epsilon(1e-15));
  CHECK(variation_of_information({0, 0, 1}, {5, 5, 2}) == 0.0);
  // One block against n singletons: log₂ n.
  CHECK(variation_of_information({0, 0, 0, 0}, {0, 1, 2, 3}) == doctest::Approx(2.0).epsilon(1e-15));
  // {0,0,1,1} vs {0,1,0,1}: H = 1 bit each, independent, VI = 2.
  CHECK(variation_of_information({0, 0, 1, 1}, {0, 1, 0, 1}) == doctest::Approx(2.0).epsilon(1e-15));
  // Over two draws: (0 + 4/3) / 2.
  CHECK(expected_vi_loss({{0, 0, 1}, {0, 1, 1}}, {0, 0, 1}) == doctest::Approx(2.0 / 3.0).epsilon(1e-15));
}

TEST_CASE("partition: adjusted Rand index by hand") {
  // Contingency rows {2, 1, 0} and {0, 1, 2}: Σ C(n_kl, 2) = 2, rows 3 + 3 = 6,
  // columns 1 + 1 + 1 = 3, C(6, 2) = 15, E = 18/15; ARI = (2 − 1.2) / (4.5 − 1.2) = 8/33.
  CHECK(adjusted_rand_index({0, 0, 0, 1, 1, 1}, {0, 0, 1, 1, 2, 2}) == doctest::Approx(8.0 / 33.0).epsilon(1e-14));
  CHECK(adjusted_rand_index({0, 0, 1, 1, 2}, {7, 7, 3, 3, 9}) == 1.0);
  // One block against singletons: no pair agrees beyond chance.
  CHECK(adjusted_rand_index({0, 0, 0, 0}, {0, 1, 2, 3}) == 0.0);
  // Worse than chance: {0,0,1,1} vs {0,1,0,1}: Σ = 0, E = 2·2/6, denominator 2 − 2/3.
  CHECK(adjusted_rand_index({0, 0, 1, 1}, {0, 1, 0, 1}) == doctest::Approx(-0.5).epsilon(1e-14));
  // Both all singletons, or both one block: equal partitions.
  CHECK(adjusted_rand_index({0, 1, 2}, {2, 1, 0}) == 1.0);
  CHECK(adjusted_rand_index({3}, {4}) == 1.0);
}

TEST_CASE("partition: enumeration of every partition counts the Bell numbers") {
  CHECK(all_partitions(6).size() == 203);
  CHECK(all_partitions(7).size() == 877);
  CHECK(all_partitions(8).size() == 4140);
}

TEST_CASE("partition: the search finds the exact minimum of both losses on 20 cases") {
  Rng rng(2025);
  const std::vector<std::vector<Clustering>> every = {all_partitions(6), all_partitions(7), all_partitions(8)};
  for (std::size_t c = 0; c < 20; ++c) {
    const std::size_t n = 6 + c % 3;
    const auto draws = scattered_draws(n, 10 + rng.below(30), rng);
    const SimilarityMatrix s = posterior_similarity(draws);
    double best_binder = std::numeric_limits<double>::infinity();
    double best_vi = std::numeric_limits<double>::infinity();
    for (const Clustering& p : every[n - 6]) {
      best_binder = std::min(best_binder, expected_binder_loss(s, p));
      best_vi = std::min(best_vi, expected_vi_loss(draws, p));
    }
    INFO("case " << c << ", " << n << " individuals, " << draws.size() << " draws");
    PartitionSearchOptions options;
    options.seed = 100 + c;
    const PointPartition binder = minimise_expected_binder(s, options);
    CHECK(binder.expected_loss == doctest::Approx(best_binder).epsilon(1e-12));
    CHECK(expected_binder_loss(s, binder.labels) == binder.expected_loss);
    const PointPartition vi = minimise_expected_vi(draws, options);
    CHECK(vi.expected_loss == doctest::Approx(best_vi).epsilon(1e-12));
    CHECK(expected_vi_loss(draws, vi.labels) == vi.expected_loss);
    CHECK(vi.labels == canonical_partition(vi.labels));
  }
}

TEST_CASE("partition: the search is deterministic for a seed and recovers a clear partition") {
  Rng rng(5);
  const auto draws = scattered_draws(30, 40, rng);
  const PointPartition a = minimise_expected_vi(draws, {4, 9});
  const PointPartition b = minimise_expected_vi(draws, {4, 9});
  CHECK(a.labels == b.labels);
  CHECK(a.expected_loss == b.expected_loss);
  // Every draw the same: that partition, at loss 0.
  const std::vector<Clustering> same(5, Clustering{3, 3, 1, 1, 1, 8});
  CHECK(minimise_expected_vi(same).labels == Clustering{0, 0, 1, 1, 1, 2});
  CHECK(minimise_expected_vi(same).expected_loss == 0.0);
  CHECK(minimise_expected_binder(posterior_similarity(same)).labels == Clustering{0, 0, 1, 1, 1, 2});
  // One individual: one block.
  CHECK(minimise_expected_vi({{4}, {2}}).labels == Clustering{0});
  CHECK(minimise_expected_binder(posterior_similarity({{4}})).expected_loss == 0.0);
}

TEST_CASE("partition: draws tallied as their distinct partitions give what the draws one by one give") {
  Rng rng(31);
  // Few distinct seatings, repeated in runs and out of order, with labels
  // that differ between equal partitions.
  std::vector<Clustering> pool = scattered_draws(12, 4, rng);
  pool.push_back(Clustering(12, 7));
  std::vector<Clustering> draws;
  for (std::size_t d = 0; d < 60; ++d) {
    Clustering draw = pool[rng.below(pool.size())];
    if (rng.uniform() < 0.5) {
      for (auto& label : draw) label += 1000;
    }
    const std::size_t repeats = 1 + rng.below(4);
    for (std::size_t r = 0; r < repeats; ++r) draws.push_back(draw);
  }
  const DistinctPartitions distinct = distinct_partitions(draws);
  REQUIRE(distinct.partitions.size() == pool.size());
  CHECK(distinct.individuals == 12);
  CHECK(distinct.draws() == draws.size());
  std::size_t counted = 0;
  for (std::size_t k = 0; k < distinct.partitions.size(); ++k) {
    CHECK(distinct.partitions[k] == canonical_partition(distinct.partitions[k]));
    if (k > 0) CHECK(distinct.partitions[k - 1] < distinct.partitions[k]);
    counted += distinct.counts[k];
  }
  CHECK(counted == draws.size());
  for (std::size_t d = 0; d < draws.size(); ++d) {
    CHECK(distinct.partitions[distinct.of_draw[d]] == canonical_partition(draws[d]));
  }
  // The similarity: pairs counted draw by draw.
  const SimilarityMatrix s = posterior_similarity(distinct);
  for (std::size_t i = 0; i < 12; ++i) {
    for (std::size_t j = 0; j < 12; ++j) {
      std::size_t together = 0;
      for (const auto& draw : draws) together += draw[i] == draw[j] ? 1 : 0;
      CHECK(s.at(i, j) == static_cast<double>(together) / static_cast<double>(draws.size()));
    }
  }
  // The search's loss is the expected VI over the draws as given, to the
  // bit, for a partition of few blocks and for one of many (all singletons).
  const PointPartition vi = minimise_expected_vi(distinct, {8, 3});
  CHECK(vi.expected_loss == expected_vi_loss(draws, vi.labels));
  Clustering apart(40);
  for (std::size_t i = 0; i < apart.size(); ++i) apart[i] = i;
  const std::vector<Clustering> scattered = {apart, apart, Clustering(40, 0), apart};
  const PointPartition singletons = minimise_expected_vi(scattered, {4, 1});
  CHECK(singletons.expected_loss == expected_vi_loss(scattered, apart));
  CHECK_THROWS_AS(DistinctPartitionsTally().finish(), std::invalid_argument);
}

TEST_CASE("partition: bad input is refused with a message") {
  CHECK_THROWS_WITH_AS(binder_loss({0, 1}, {0, 1, 2}),
                       "Binder's loss needs partitions of the same individuals (got 2 and 3)", std::invalid_argument);
  CHECK_THROWS_AS(variation_of_information({}, {}), std::invalid_argument);
  CHECK_THROWS_WITH_AS(posterior_similarity({{0, 1}, {0}}),
                       "the posterior similarity: draw 2 seats 1 individuals, not 2", std::invalid_argument);
  CHECK_THROWS_AS(posterior_similarity(std::vector<Clustering>{}), std::invalid_argument);
  SimilarityMatrix lopsided{2, {1.0, 0.3, 0.4, 1.0}};
  CHECK_THROWS_AS(minimise_expected_binder(lopsided), std::invalid_argument);
  CHECK_THROWS_AS(expected_binder_loss(posterior_similarity({{0, 1}}), {0, 1, 2}), std::invalid_argument);
  CHECK_THROWS_AS(minimise_expected_vi({{0, 1}}, {0, 1}), std::invalid_argument);
}
