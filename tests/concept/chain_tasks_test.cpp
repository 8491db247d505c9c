#include <doctest/doctest.h>

#include "concept/chain_codec.hpp"
#include "concept/diversity.hpp"
#include "report/concept_report.hpp"
#include "concept/crp_cases.hpp"
#include "support.hpp"

using namespace shoal;

TEST_CASE("chain tasks run apart and assembled give the same report as one run") {
  const ConceptDataset dataset = test::hardest_paper_file();
  ConceptOptions options;
  options.iterations = 60;
  options.burn_in = 20;
  options.chains = 3;
  options.subset_sizes = {10, 30};
  options.seed = 4;
  const ComparisonOptions comparing{kDefaultBootstrapDraws, options.seed};
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  const std::string whole =
      concept_report(dataset, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, comparing)).dump();

  // As browser workers would: tasks dealt out round-robin to three
  // "workers", encoded, decoded in shuffled order and assembled.
  const auto tasks = plan_chain_tasks(dataset, options);
  REQUIRE(tasks.size() == 20 * 2 * 3);
  std::vector<std::vector<double>> encoded(3);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    append_chain_result(encoded[i % 3], i, run_chain_task(dataset, options, tasks[i]));
  }
  std::vector<ChainResult> results(tasks.size());
  for (int w : {2, 0, 1}) {
    for (auto& [task, result] : read_chain_results(encoded[w].data(), encoded[w].size())) {
      results.at(task) = std::move(result);
    }
  }
  const auto assembled = assemble_concept_analysis(dataset, options, tasks, std::move(results));
  CHECK(concept_report(dataset, {ConceptInputOptions{}}, assembled, compare_concepts(assembled, comparing)).dump() ==
        whole);
}

TEST_CASE("chain results survive encoding exactly; malformed runs are rejected") {
  ChainResult r;
  r.last = {499, 3, 0.4123456789012345, 3.5, -123.456789012345678};
  r.map = {12, 2, 0.5, 2.0, -100.25};
  r.recorded = {r.last, r.map};
  r.map_seating = {0, 0, 1, 2, 1};
  std::vector<double> data;
  append_chain_result(data, 7, r);
  append_chain_result(data, 2, ChainResult{});
  const auto back = read_chain_results(data.data(), data.size());
  REQUIRE(back.size() == 2);
  CHECK(back[0].first == 7);
  CHECK(back[0].second.last.log_posterior == r.last.log_posterior);
  CHECK(back[0].second.recorded.size() == 2);
  CHECK(back[0].second.map_seating == r.map_seating);
  CHECK(back[1].first == 2);
  CHECK_THROWS_AS(read_chain_results(data.data(), data.size() - 1), std::invalid_argument);
  data[1] = 0.5;
  CHECK_THROWS_AS(read_chain_results(data.data(), data.size()), std::invalid_argument);
}

namespace {

// A result whose draws' seatings and table sizes take `largest` as their
// largest number.
ChainResult draws_up_to(std::uint32_t largest) {
  ChainResult r;
  r.map_seating = {0, 1, 0, 2, 0, 1, 0};
  for (std::size_t d = 0; d < 3; ++d) {
    r.recorded.push_back({100 + d, 2, 0.5, 2.0, -10.0});
    r.recorded_table_sizes.push_back(std::vector<std::uint32_t>{largest, 1, static_cast<std::uint32_t>(d)});
    for (std::uint32_t person = 0; person < 7; ++person) r.recorded_seatings.push_back(person == 3 ? largest : person % 2);
  }
  r.recorded_shared = {{0.25, 0.5, 0.75}, {0.125, 1.0, 0.0}, {0.5, 0.5, 0.5}};
  return r;
}

}  // namespace

TEST_CASE("the draws' seatings and table sizes are packed by the width their largest needs, and read back exactly") {
  for (const std::uint32_t largest : {0u, 255u, 256u, 65535u, 65536u, 4294967295u}) {
    CAPTURE(largest);
    const ChainResult r = draws_up_to(largest);
    std::vector<double> data;
    append_chain_result(data, 5, r);
    const auto back = read_chain_results(data.data(), data.size());
    REQUIRE(back.size() == 1);
    CHECK(back[0].second.recorded_seatings == r.recorded_seatings);
    CHECK(back[0].second.recorded_table_sizes == r.recorded_table_sizes);
    REQUIRE(back[0].second.recorded_shared.size() == 3);
    CHECK(back[0].second.recorded_shared[1].same_a == 1.0);
    // 21 seats and 9 sizes take 4 and 2 numbers at 8 bits, 7 and 3 at 16,
    // 21 and 9 at 32, besides the layout, the three lists' length and width,
    // the lengths and the shared draws.
    const std::size_t packed = largest < 256 ? 4 + 2 : largest < 65536 ? 7 + 3 : 21 + 9;
    CHECK(static_cast<std::size_t>(data[4]) == 1 + 3 * 2 + 1 + packed + 1 + 3 * 3);
  }
}

TEST_CASE("draws of another layout or packed wrongly are refused with what is wrong") {
  std::vector<double> data;
  append_chain_result(data, 5, draws_up_to(9));
  const std::size_t draws = data.size() - static_cast<std::size_t>(data[4]);
  const auto message = [](std::vector<double> d) {
    try {
      read_chain_results(d.data(), d.size());
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("read");
  };
  auto other = data;
  other[draws] = 1;   // the layout before the draws were packed
  CHECK(message(other) == "chain results are of another layout than this version reads (their draws' layout 1, not 2)");
  auto width = data;
  width[draws + 2] = 12;   // the lengths' bits
  CHECK(message(width) == "chain results are malformed: a packed list's numbers take 12 bits, not 8, 16 or 32");
  auto spill = data;
  spill[draws + 3] += 1 << 24;   // the three lengths, with a fourth beyond them
  CHECK(message(spill) == "chain results are malformed: a packed number holds more than its list");
  auto fraction = data;
  fraction[draws + 3] += 0.5;
  CHECK(message(fraction) == "chain results are malformed: a packed number is not a whole number below 2^48");
  auto longer = data;
  longer[draws + 1] = 4;   // four draws' lengths where three are packed: the sizes' list is read as the fourth
  CHECK(message(longer) == "chain results are malformed: the draws' table sizes, seatings or shares are not one per recorded draw");
}

TEST_CASE("a chain's table numbers take one byte each until one needs more, and read back the same after widening") {
  TableNumbers numbers;
  std::vector<std::uint32_t> expected;
  for (const std::uint32_t v : {0u, 7u, 255u, 3u, 256u, 9u, 65535u, 65536u, 2u, 4294967295u, 1u}) {
    numbers.push_back(v);
    expected.push_back(v);
    REQUIRE(numbers.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(numbers[i] == expected[i]);
  }
  std::vector<std::size_t> out(3);
  numbers.copy(5, 3, out.begin());
  CHECK(out == std::vector<std::size_t>{9, 65535, 65536});
}
