#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "cli/task_threads.hpp"
#include "compare/comparison.hpp"
#include "concept/chain_codec.hpp"
#include "concept/chain_task_key.hpp"
#include "concept/tempering.hpp"
#include "concept/convergence_summary.hpp"
#include "concept/diversity.hpp"
#include "report/concept_report.hpp"
#include "concept/crp_cases.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

// 30 people in three groups of ten who mostly agree within their group: the
// posterior moves among a few seatings, so the split–merge moves and the
// Gibbs sweeps both act.
AnswerMatrix three_groups() {
  AnswerMatrix answers{30, 24, {}};
  Rng noise(5);
  for (std::size_t i = 0; i < 30; ++i) {
    for (std::size_t q = 0; q < 24; ++q) {
      const bool group_answer = ((q + i / 10) % 3) == 0;
      answers.values.push_back(static_cast<std::uint8_t>(noise.uniform() < 0.85 ? group_answer : !group_answer));
    }
  }
  return answers;
}

std::string records_text(const std::vector<IterationRecord>& records) {
  std::string text;
  for (const auto& r : records) {
    text += std::to_string(r.iteration) + ":" + std::to_string(r.tables) + ":" + test::exact(r.p_same_table) + ":" +
            test::exact(r.log_posterior) + ";";
  }
  return text;
}

// A short run that may be continued: 40 iterations (8 burn-in), up to 160.
ConceptOptions short_run(std::size_t chains, std::vector<std::size_t> subsets, std::uint64_t seed = 1) {
  ConceptOptions options;
  options.iterations = 40;
  options.burn_in = 8;
  options.max_iterations = 160;
  options.chains = chains;
  options.subset_sizes = std::move(subsets);
  options.seed = seed;
  return options;
}

}  // namespace

TEST_CASE("a chain continued gives the draws of the chain run at once, through the codec too") {
  const AnswerMatrix answers = three_groups();
  for (const SamplerKernel kernel : {SamplerKernel::SplitMerge, SamplerKernel::Gibbs}) {
    INFO(to_string(kernel));
    // Planned for 35 iterations: the split–merge rate is raised from there.
    ChainOptions whole_options{90, 20, kernel};
    whole_options.planned_iterations = 35;
    Rng whole_rng(17);
    const ChainResult whole = run_chain(answers, CrpModel{}, whole_options, whole_rng);

    // Stopped at 35 (after the split–merge rate is tuned), sent through the
    // codec as to another worker, continued to 60 and then to 90.
    Rng rng(17);
    ChainOptions planned = whole_options;
    planned.iterations = 35;
    ChainResult part = run_chain(answers, CrpModel{}, planned, rng);
    std::vector<double> encoded;
    append_chain_result(encoded, 7, part);
    auto decoded = read_chain_results(encoded.data(), encoded.size());
    REQUIRE(decoded.size() == 1);
    ChainResult continued = std::move(decoded[0].second);
    continue_chain(answers, CrpModel{}, whole_options, continued, 60);
    continue_chain(answers, CrpModel{}, whole_options, continued, 90);

    CHECK(records_text(continued.recorded) == records_text(whole.recorded));
    CHECK(continued.last.iteration == 89);
    CHECK(test::exact(continued.map.log_posterior) == test::exact(whole.map.log_posterior));
    CHECK(continued.map_seating == whole.map_seating);
    CHECK(continued.state.iterations == 90);
    CHECK(continued.state.restaurant.seat == whole.state.restaurant.seat);
    CHECK_THROWS_AS(continue_chain(answers, CrpModel{}, whole_options, continued, 80), std::invalid_argument);
  }
}

TEST_CASE("a chain continued past its planned iterations proposes split-merge moves at ten times the tuned rate") {
  const AnswerMatrix answers = three_groups();
  Rng plain_rng(23), raised_rng(23);
  const ChainResult plain = run_chain(answers, CrpModel{}, {35, 20}, plain_rng);
  ChainOptions options{35, 20};
  options.planned_iterations = 35;
  const ChainResult raised = run_chain(answers, CrpModel{}, options, raised_rng);
  // The planned iterations are the same draws; only what follows changes.
  CHECK(records_text(raised.recorded) == records_text(plain.recorded));
  const double tuned = plain.state.restaurant.split_merge_rate;
  REQUIRE(tuned > 0.0);
  CHECK(raised.state.restaurant.split_merge_rate ==
        doctest::Approx(std::min(kMaxSplitMergeRate, kContinuedSplitMergeFactor * tuned)));
  CHECK(raised.state.restaurant.split_merge_rate > tuned);
  // Ten times a low rate; a rate near the ceiling stops there; one above it stays.
  const auto raised_from = [&](double rate) {
    Restaurant restaurant(answers, CrpModel{});
    RestaurantState state = restaurant.state();
    state.split_merge_rate = rate;
    restaurant.restore(state);
    restaurant.raise_split_merge_rate_for_continuation();
    return restaurant.split_merge_rate();
  };
  CHECK(raised_from(0.3) == doctest::Approx(0.3 * kContinuedSplitMergeFactor));
  CHECK(raised_from(0.6 * kMaxSplitMergeRate) == kMaxSplitMergeRate);
  CHECK(raised_from(2.0 * kMaxSplitMergeRate) == 2.0 * kMaxSplitMergeRate);
}

namespace {

// A result sent through the codec, as to another worker.
ChainResult through_codec(const ChainResult& result) {
  std::vector<double> encoded;
  append_chain_result(encoded, 3, result);
  auto decoded = read_chain_results(encoded.data(), encoded.size());
  REQUIRE(decoded.size() == 1);
  return std::move(decoded[0].second);
}

std::string state_text(const ChainState& state) {
  std::string text = std::to_string(state.iterations) + "|" + std::to_string(state.tempering.from) + "|" +
                     std::to_string(state.tempering.iterations) + "|";
  const auto restaurant = [&](const RestaurantState& r) {
    for (const auto* slots : {&r.seat, &r.active, &r.free}) {
      for (std::uint32_t s : *slots) text += std::to_string(s) + ",";
      text += "/";
    }
    text += test::exact(r.split_merge_rate) + "/";
  };
  restaurant(state.restaurant);
  for (const auto& hotter : state.tempering.hotter) restaurant(hotter);
  for (std::uint64_t w : state.tempering.rng.words) text += std::to_string(w) + ",";
  for (std::size_t n : state.tempering.proposed) text += std::to_string(n) + ",";
  for (std::size_t n : state.tempering.accepted) text += std::to_string(n) + ",";
  return text;
}

}  // namespace

TEST_CASE("a tempered continuation gives the draws of its schedule run at once, through the codec too") {
  const AnswerMatrix answers = three_groups();
  for (const SamplerKernel kernel : {SamplerKernel::SplitMerge, SamplerKernel::Gibbs}) {
    INFO(to_string(kernel));
    const ChainOptions options{150, 20, kernel};
    // At once: plain to 60, tempered from there to 150.
    Rng whole_rng(17);
    ChainResult whole = run_chain(answers, CrpModel{}, {60, 20, kernel}, whole_rng);
    continue_tempered_chain(answers, CrpModel{}, options, 17, 60, whole, 150);
    REQUIRE(whole.recorded.size() == 130);
    CHECK(whole.state.tempering.from == 60);
    CHECK(whole.state.tempering.iterations == 90);
    CHECK(whole.state.tempering.hotter.size() + 1 == TemperingOptions{}.ladder.size());

    // In pieces, each through the codec: plain to 40, on to 80 (plainly to
    // 60, then tempered), then 81 and 150 (an odd stop, so that the
    // alternation of exchanging pairs must survive it).
    Rng rng(17);
    ChainResult part = through_codec(run_chain(answers, CrpModel{}, {40, 20, kernel}, rng));
    for (std::size_t to : {80, 81, 150}) {
      continue_tempered_chain(answers, CrpModel{}, options, 17, 60, part, to);
      part = through_codec(part);
    }
    CHECK(records_text(part.recorded) == records_text(whole.recorded));
    CHECK(test::exact(part.map.log_posterior) == test::exact(whole.map.log_posterior));
    CHECK(part.map_seating == whole.map_seating);
    CHECK(state_text(part.state) == state_text(whole.state));

    // The tempering moved the chain: the same chain run on plainly differs.
    Rng plain_rng(17);
    const ChainResult plain = run_chain(answers, CrpModel{}, options, plain_rng);
    CHECK(records_text(plain.recorded) != records_text(whole.recorded));
    CHECK(std::equal(plain.recorded.begin(), plain.recorded.begin() + 40, whole.recorded.begin(),
                     [](const IterationRecord& a, const IterationRecord& b) {
                       return a.log_posterior == b.log_posterior && a.tables == b.tables;
                     }));

    // What cannot be continued is refused with a message.
    ChainResult tempered = whole;
    CHECK_THROWS_AS(continue_chain(answers, CrpModel{}, options, tempered, 160), std::invalid_argument);
    CHECK_THROWS_AS(continue_tempered_chain(answers, CrpModel{}, options, 17, 80, tempered, 160), std::invalid_argument);
    CHECK_THROWS_AS(continue_tempered_chain(answers, CrpModel{}, options, 17, 60, tempered, 100), std::invalid_argument);
    Rng again(17);
    ChainResult past = run_chain(answers, CrpModel{}, {70, 20, kernel}, again);
    CHECK_THROWS_AS(continue_tempered_chain(answers, CrpModel{}, options, 17, 60, past, 100), std::invalid_argument);
    CHECK_THROWS_AS(continue_tempered_chain(answers, CrpModel{}, options, 17, 20, past, 100), std::invalid_argument);
  }
}

TEST_CASE("a tempered task runs the same chain at once or continued, and has a key of its own") {
  const ConceptDataset dataset = test::hardest_paper_file();
  const ConceptOptions options = short_run(2, {25});
  const ChainTask planned = plan_chain_tasks(dataset, options).at(1);
  ChainTask tempered = planned;
  tempered.iterations = 160;
  tempered.tempered_from = 80;
  const ChainResult whole = run_chain_task(dataset, options, tempered);
  CHECK(whole.state.tempering.from == 80);

  ChainResult part = through_codec(run_chain_task(dataset, options, planned));
  for (std::size_t to : {80, 160}) {
    ChainTask step = tempered;
    step.iterations = to;
    continue_chain_task(dataset, options, step, part);
    part = through_codec(part);
  }
  CHECK(records_text(part.recorded) == records_text(whole.recorded));
  CHECK(state_text(part.state) == state_text(whole.state));

  // The work counts each tempered iteration once per rung.
  const double rungs = static_cast<double>(TemperingOptions{}.ladder.size());
  CHECK(chain_task_work(tempered, options) == 25.0 * (80.0 + rungs * 80.0));
  // Untempered, a task keeps its key; tempered, it is another chain.
  ChainTask longer = planned;
  longer.iterations = 160;
  CHECK(chain_task_key(dataset, longer) == chain_task_key(dataset, planned));
  CHECK(chain_task_key(dataset, tempered) != chain_task_key(dataset, planned));
  CHECK(chain_task_keys(dataset, {tempered}).at(0) == chain_task_key(dataset, tempered));
}

TEST_CASE("a saved state that does not fit the answers is refused") {
  const AnswerMatrix answers = three_groups();
  Rng rng(3);
  ChainResult result = run_chain(answers, CrpModel{}, {30, 10}, rng);
  Restaurant restaurant(answers, CrpModel{});
  RestaurantState state = result.state.restaurant;
  CHECK_NOTHROW(restaurant.restore(state));
  CHECK(restaurant.tables() == state.active.size());
  CHECK(restaurant.state().seat == state.seat);

  RestaurantState short_seat = state;
  short_seat.seat.pop_back();
  CHECK_THROWS_AS(restaurant.restore(short_seat), std::invalid_argument);
  RestaurantState at_free_slot = state;
  at_free_slot.seat[0] = at_free_slot.free.front();
  CHECK_THROWS_AS(restaurant.restore(at_free_slot), std::invalid_argument);
  RestaurantState slot_twice = state;
  slot_twice.free.front() = slot_twice.active.front();
  CHECK_THROWS_AS(restaurant.restore(slot_twice), std::invalid_argument);
  CHECK_THROWS_AS(Rng(RngState{}), std::invalid_argument);
}

TEST_CASE("run until converged: a failing cell's next block is as long as its scarcest ESS predicts") {
  const ConceptOptions options = short_run(4, {25});   // 40 iterations, at most 160: steps of 10
  const auto judged = [](double bulk_same, double tail_same, double bulk_tables) {
    CellConvergence c;
    c.verdict = CellVerdict::Failed;
    c.p_same_table.r_hat = c.tables.r_hat = 1.02;
    c.p_same_table.ess_bulk = bulk_same;
    c.p_same_table.ess_tail = tail_same;
    c.tables.ess_bulk = bulk_tables;
    c.tables.ess_tail = std::numeric_limits<double>::quiet_NaN();
    return c;
  };
  // 400 / 300 = 4/3, with the margin 1.6: 64 iterations, rounded up to 70.
  CHECK(next_chain_iterations(options, 40, judged(300.0, 900.0, 1000.0)) == 70);
  // The scarcest is the tail of P(same table): 400 / 250 × 1.2 = 1.92, 76.8, so 80.
  CHECK(next_chain_iterations(options, 40, judged(500.0, 250.0, 1000.0)) == 80);
  CHECK(next_chain_iterations(options, 50, judged(500.0, 250.0, 1000.0)) == 100);
  // Or the number of tables; twice at most, and never past the maximum.
  CHECK(next_chain_iterations(options, 40, judged(500.0, 900.0, 20.0)) == 80);
  CHECK(next_chain_iterations(options, 90, judged(500.0, 900.0, 20.0)) == 160);
  // Failing on R-hat alone (undefined ESS does not count): one and a half times.
  CHECK(next_chain_iterations(options, 40, judged(500.0, std::numeric_limits<double>::quiet_NaN(), 450.0)) == 60);
  CHECK(next_chain_iterations(options, 150, judged(500.0, 900.0, 1000.0)) == 160);
  CHECK(next_chain_iterations(options, 160, judged(10.0, 900.0, 1000.0)) == 160);
}

TEST_CASE("run until converged: failing cells are continued and judged on their last four fifths") {
  const ConceptDataset dataset = test::hardest_paper_file();
  ConceptOptions options = short_run(4, {25}, 9);
  options.keep_traces = true;
  CHECK(counted_burn_in(options, 40) == 8);
  CHECK(counted_burn_in(options, 160) == 32);

  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  ConceptOptions fixed = options;
  fixed.max_iterations = 40;
  const ConceptAnalysis fixed_run = analyse_concepts(dataset, fixed);
  std::size_t continued = 0, stopped_short = 0;
  const auto& concepts = analysis.populations.at(0).concepts;
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    const SubsetResult& s = concepts[c].subsets.at(0);
    const SubsetResult& f = fixed_run.populations.at(0).concepts.at(c).subsets.at(0);
    INFO(concepts[c].concept);
    const std::size_t iterations = s.convergence.iterations;
    CHECK(iterations >= 40);
    CHECK(iterations <= 160);
    CHECK(iterations % 10 == 0);
    // Continued exactly when the shorter run failed.
    CHECK((iterations > 40) == (f.convergence.verdict == CellVerdict::Failed));
    if (iterations > 40) ++continued;
    if (iterations < 160 && iterations > 40) CHECK(s.convergence.verdict == CellVerdict::Passed);
    if (iterations < 160 && s.convergence.verdict == CellVerdict::Failed) ++stopped_short;
    // The traces are the counted draws, and the summaries use exactly them.
    CHECK(s.convergence.burn_in == counted_burn_in(options, iterations));
    REQUIRE(s.chains.size() == 4);
    std::size_t draws = 0;
    for (const auto& chain : s.chains) {
      REQUIRE(chain.trace.size() == iterations - s.convergence.burn_in);
      CHECK(chain.trace.front().iteration == s.convergence.burn_in);
      draws += chain.trace.size();
      // The paper's number stays at the planned final iteration.
      CHECK(chain.last.iteration == 39);
    }
    CHECK(s.p_same_table.draws == draws);
    CHECK(test::exact(s.last_p_multiple_concepts) == test::exact(f.last_p_multiple_concepts));
  }
  CHECK(continued > 0);
  CHECK(stopped_short == 0);
  const ConvergenceSummary summary = summarise_convergence(analysis);
  CHECK(summary.cells == concepts.size());
  CHECK(summary.passed + summary.failed.size() == summary.varying);
}

TEST_CASE("run until converged across workers: rounds of continued tasks, in any order, give the same report") {
  const ConceptDataset dataset = test::hardest_paper_file();
  const ConceptOptions options = short_run(4, {10, 25}, 2);
  const ConceptAnalysis direct = analyse_concepts(dataset, options);
  const std::string whole =
      concept_report(dataset, {ConceptInputOptions{}}, direct, compare_concepts(direct, {kDefaultBootstrapDraws, options.seed})).dump();

  std::vector<ChainTask> tasks = plan_chain_tasks(dataset, options);
  std::vector<ChainResult> results(tasks.size());
  // Three workers take tasks round-robin, report in reverse order, and
  // continue chains whose results came from another worker.
  const auto run_round = [&](const std::vector<std::size_t>& chosen, bool continuing) {
    std::vector<std::vector<double>> encoded(3);
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      const std::size_t t = chosen[k];
      ChainResult result = continuing ? results[t] : run_chain_task(dataset, options, tasks[t]);
      if (continuing) continue_chain_task(dataset, options, tasks[t], result);
      append_chain_result(encoded[(k + (continuing ? 1 : 0)) % 3], t, result);
    }
    for (int w : {2, 1, 0}) {
      for (auto& [task, result] : read_chain_results(encoded[w].data(), encoded[w].size())) {
        results.at(task) = std::move(result);
      }
    }
  };
  std::vector<std::size_t> all(tasks.size());
  for (std::size_t t = 0; t < tasks.size(); ++t) all[t] = t;
  run_round(all, false);
  std::size_t rounds = 0;
  for (auto round = tasks_to_continue(options, tasks, results); !round.empty();
       round = tasks_to_continue(options, tasks, results)) {
    run_round(round, true);
    ++rounds;
  }
  CHECK(rounds >= 1);
  CHECK(rounds <= 4);
  // Some cells stalled and were tempered from where they stalled, all their
  // chains together; the report says so.
  std::size_t tempered = 0;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    CHECK(results[t].state.tempering.from == tasks[t].tempered_from);
    if (tasks[t].tempered_from == 0) continue;
    ++tempered;
    // Not before the first comparison of two extents (a continued length and its half).
    CHECK(tasks[t].tempered_from > 40);
    CHECK(tasks[t].tempered_from % 10 == 0);
  }
  CHECK(tempered > 0);
  CHECK(tempered % options.chains == 0);
  CHECK(whole.find("\"tempering\":{\"exchange_acceptance\"") != std::string::npos);
  const auto assembled = assemble_concept_analysis(dataset, options, tasks, std::move(results));
  CHECK(concept_report(dataset, {ConceptInputOptions{}}, assembled, compare_concepts(assembled, {kDefaultBootstrapDraws, options.seed}))
            .dump() == whole);
}

TEST_CASE("run until converged on a task runner: chains and continued chains in any order or on threads, one report") {
  const ConceptDataset dataset = test::hardest_paper_file();
  const ConceptOptions options = short_run(4, {10, 25}, 2);
  const auto report = [&](const TaskRunner& run_tasks) {
    std::size_t batches = 0;
    const ConceptAnalysis a = analyse_concepts(dataset, options, {}, [&](const char* what, std::size_t n, const IndexedTask& task) {
      ++batches;
      run_tasks(what, n, task);
    });
    CHECK(batches >= 2);   // the chains, then at least one round of continued ones
    return concept_report(dataset, {ConceptInputOptions{}}, a, compare_concepts(a, {kDefaultBootstrapDraws, options.seed}))
        .dump();
  };
  const std::string in_order = report(run_in_order);
  const auto reversed = [](const char*, std::size_t n, const IndexedTask& task) {
    for (std::size_t i = n; i-- > 0;) task(i);
  };
  CHECK(report(reversed) == in_order);
  CHECK(report(cli::threaded_task_runner(3, nullptr)) == in_order);
  // Progress on threads: one call at a time, never going back, reaching 1.
  double last = 0.0;
  std::atomic<int> inside{0};
  bool overlapped = false, went_back = false;
  const ConceptAnalysis a = analyse_concepts(dataset, options, [&](double fraction) {
    overlapped = overlapped || ++inside > 1;
    went_back = went_back || fraction < last;
    last = fraction;
    --inside;
    return true;
  }, cli::threaded_task_runner(3, nullptr));
  CHECK_FALSE(overlapped);
  CHECK_FALSE(went_back);
  CHECK(last == doctest::Approx(1.0));
  CHECK(concept_report(dataset, {ConceptInputOptions{}}, a, compare_concepts(a, {kDefaultBootstrapDraws, options.seed})).dump() ==
        in_order);
}

TEST_CASE("one chain is diagnosed on its halves but neither judged nor continued") {
  const ConceptDataset dataset = test::hardest_paper_file();
  const ConceptOptions options = short_run(1, {25});
  CHECK(max_chain_iterations(options) == 40);
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  std::size_t single = 0;
  for (const auto& c : analysis.populations.at(0).concepts) {
    const CellConvergence& cv = c.subsets.at(0).convergence;
    CHECK(cv.iterations == 40);
    CHECK(cv.verdict != CellVerdict::Failed);
    CHECK(cv.verdict != CellVerdict::Passed);
    if (cv.verdict == CellVerdict::SingleChain) {
      ++single;
      CHECK(std::isfinite(cv.p_same_table.r_hat));
    }
  }
  CHECK(single > 0);
  const std::string line = convergence_summary_line(summarise_convergence(analysis));
  CHECK(line.find("with one chain: diagnosed on its two halves, not judged") != std::string::npos);
}

TEST_CASE("the summary line counts the judged cells with thousands separated") {
  ConvergenceSummary s;
  s.cells = 1800;
  s.varying = 1715;
  s.passed = 1712;
  s.failed.resize(3);
  CHECK(convergence_summary_line(s) == "1,712 of 1,715 cells passed; 3 did not:");
  s.failed.clear();
  s.passed = 1715;
  CHECK(convergence_summary_line(s) == "1,715 of 1,715 cells passed.");
  CHECK(count_with_commas(1000000) == "1,000,000");
  CHECK(count_with_commas(999) == "999");
}
