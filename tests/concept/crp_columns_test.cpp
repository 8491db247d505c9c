#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "stats/rng.hpp"
#include "stats/wide_lanes.hpp"

using namespace shoal;

// The sampler keeps each table's terms in a column by its position and
// recomputes a column only when it is not current; tables change position
// as others close, and split–merge moves open and close tables between
// sweeps. A column read when it was no longer its table's would give a
// wrong weight while every count stays right, so the check is on the
// weights: after many moves, each person's seating probabilities must be
// the ones a restaurant restored to the same state gives, bit for bit (a
// restored restaurant recomputes its counts from the seats and has no
// current column; with the tables in the same positions, the weights are
// normalised in the same order).

namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Answers of `people` in `groups` groups, each group answering alike but for
// a share of noise, so that chains keep several tables and move people
// between them; `options` per question (2: the implied layout).
AnswerMatrix grouped_answers(std::size_t people, std::size_t questions, std::uint32_t options, std::size_t groups,
                             std::uint64_t seed) {
  AnswerMatrix answers{people, questions, {}, {}};
  if (options != 2) answers.options.assign(questions, options);
  Rng rng(seed);
  std::vector<std::uint8_t> typical(groups * questions);
  for (auto& t : typical) t = static_cast<std::uint8_t>(rng.below(options));
  for (std::size_t person = 0; person < people; ++person) {
    const std::size_t group = person % groups;
    for (std::size_t q = 0; q < questions; ++q) {
      const bool noise = rng.uniform() < 0.35;
      answers.values.push_back(noise ? static_cast<std::uint8_t>(rng.below(options)) : typical[group * questions + q]);
    }
  }
  return answers;
}

struct AnswerCase {
  const char* name;
  AnswerMatrix answers;
};

}  // namespace

TEST_CASE("crp: after many moves every weight is the one a restaurant restored afresh gives, bit for bit") {
  const AnswerCase cases[] = {{"two options", grouped_answers(40, 36, 2, 6, 3)},
                              {"three options", grouped_answers(40, 20, 3, 6, 4)},
                              {"two options, odd question count", grouped_answers(33, 7, 2, 5, 5)}};
  for (const auto& c : cases) {
    INFO(c.name);
    const CrpModel model;
    Restaurant restaurant(c.answers, model);
    Rng rng(17);
    std::size_t compared = 0, moved = 0;
    std::vector<std::size_t> before = restaurant.seating();
    for (int checkpoint = 0; checkpoint < 25; ++checkpoint) {
      for (int i = 0; i < 4; ++i) {
        restaurant.iterate(rng, SamplerKernel::Gibbs);
        // Split–merge moves alone, several in a row: tables open and close
        // with no sweep in between to recompute their columns.
        for (int k = 0; k < 6; ++k) restaurant.split_merge(rng);
      }
      const std::vector<std::size_t> seating = restaurant.seating();
      moved += seating != before;
      before = seating;
      Restaurant restored(c.answers, model);
      restored.restore(restaurant.state());
      for (std::size_t person = 0; person < c.answers.people; ++person) {
        INFO("checkpoint " << checkpoint << ", person " << person);
        CHECK(same_bits(restaurant.seating_probabilities(person), restored.seating_probabilities(person)));
        ++compared;
      }
      CHECK(restaurant.seating() == seating);
    }
    // The chains did move: the columns were tested as tables came and went.
    CHECK(moved >= 20);
    CHECK(compared == 25 * c.answers.people);
  }
}

TEST_CASE("crp: the wide lanes give the two-lane weights and chains, bit for bit") {
  // Natively on a processor with AVX2 the columns are summed and the
  // weights exponentiated four lanes at a time; the module has two lanes.
  // Two restaurants, one with each, must give the same weights at every
  // checkpoint and seat everyone alike, with tables enough for one and two
  // vectors of four and a two-lane tail.
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  CHECK(wide_lanes::on() == static_cast<bool>(__builtin_cpu_supports("avx2")));
#endif
  const AnswerCase cases[] = {{"two options, six groups", grouped_answers(40, 36, 2, 6, 3)},
                              {"three options, twelve groups", grouped_answers(60, 20, 3, 12, 8)},
                              {"two options, odd question count", grouped_answers(33, 7, 2, 5, 5)}};
  const bool wide = wide_lanes::on();
  for (const auto& c : cases) {
    INFO(c.name);
    const CrpModel model;
    Restaurant narrow(c.answers, model), widened(c.answers, model);
    Rng narrow_rng(23), wide_rng(23);
    std::size_t compared = 0, most_tables = 0;
    for (int checkpoint = 0; checkpoint < 20; ++checkpoint) {
      wide_lanes::use(false);
      narrow.iterate(narrow_rng, SamplerKernel::SplitMerge);
      std::vector<std::vector<double>> expected;
      for (std::size_t person = 0; person < c.answers.people; ++person) {
        expected.push_back(narrow.seating_probabilities(person));
      }
      wide_lanes::use(true);
      widened.iterate(wide_rng, SamplerKernel::SplitMerge);
      for (std::size_t person = 0; person < c.answers.people; ++person) {
        INFO("checkpoint " << checkpoint << ", person " << person);
        CHECK(same_bits(widened.seating_probabilities(person), expected[person]));
        ++compared;
      }
      CHECK(widened.seating() == narrow.seating());
      most_tables = std::max(most_tables, narrow.tables());
    }
    CHECK(compared == 20 * c.answers.people);
    // Tables enough for two vectors of four and a tail at some checkpoint.
    CHECK(most_tables >= 10);
  }
  wide_lanes::use(true);
  CHECK(wide_lanes::on() == wide);
}
