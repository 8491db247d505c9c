#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "color/diversity.hpp"
#include "io/csv.hpp"
#include "color/colorref_fixture.hpp"
#include "support.hpp"

using namespace shoal;
using test::colorref;

namespace {

std::map<std::string, std::map<std::string, double>> reference_words() {
  const auto input = test::shared_input("reference/colorref-words.csv");
  const auto table = parse_csv(input.content, input.name);
  std::map<std::string, std::map<std::string, double>> out;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    for (std::size_t c = 1; c < table.header.size(); ++c) {
      out[std::string(table.cell(r, 0))][table.header[c]] = std::stod(std::string(table.cell(r, c)));
    }
  }
  return out;
}

void check_against_reference(PairRule rule, const std::string& suffix, const std::string& summary_key) {
  ColorOptions options;
  options.pairs = rule;
  options.jsd_samples = 100;
  const auto analysis = analyse_color(colorref(), options);
  REQUIRE(analysis.populations.size() == 1);
  const auto& human = analysis.populations[0];
  CHECK(human.label.human);
  CHECK(human.individuals == 475);
  CHECK(human.valid_responses == 38000);
  CHECK(human.invalid_responses == 0);

  const auto expected = reference_words();
  REQUIRE(human.words.size() == expected.size());
  REQUIRE(human.words_analysed == 199);
  for (const auto& w : human.words) {
    INFO(w.word);
    const auto& e = expected.at(w.word);
    CHECK(w.individuals == static_cast<std::size_t>(e.at("n")));
    CHECK(test::close_relative(w.internal_delta_e.mean, e.at("internal_mean"), 1e-6));
    CHECK(test::close_relative(w.internal_delta_e.sd, e.at("internal_sd"), 1e-6));
    CHECK(test::close_relative(w.population_delta_e.mean, e.at("population_mean_" + suffix), 1e-6));
    CHECK(test::close_relative(w.population_delta_e.sd, e.at("population_sd_" + suffix), 1e-6));
    CHECK(test::close_relative(w.dist_from_diagonal, e.at("dist_from_diagonal_" + suffix), 1e-6));
  }

  const auto summary = test::read_json(test::shared_path("reference/colorref-summary.json")).at(summary_key);
  CHECK(test::close_relative(human.dist_from_diagonal.mean, summary["mean_dist_from_diagonal"], 1e-9));
  CHECK(test::close_relative(human.dist_from_diagonal.low, summary["ci95"][0], 1e-9));
  CHECK(test::close_relative(human.dist_from_diagonal.high, summary["ci95"][1], 1e-9));
  const auto& regression = summary["regression_internal_on_population"];
  CHECK(test::close_relative(human.internal_on_population.slope, regression["slope"], 1e-9));
  CHECK(test::close_relative(human.internal_on_population.intercept, regression["intercept"], 1e-9));
  CHECK(test::close_relative(human.internal_on_population.r_squared, regression["r_squared"], 1e-9));
}

}  // namespace

TEST_CASE("colorref: paper pairs reproduce the paper's per-word and summary numbers") {
  check_against_reference(PairRule::Paper, "paper", "paper");
  ColorOptions options;
  options.pairs = PairRule::Paper;
  options.jsd_samples = 100;
  CHECK(analyse_color(colorref(), options).populations[0].dist_from_diagonal.mean ==
        doctest::Approx(15.8789).epsilon(1e-5));
}

TEST_CASE("colorref: all pairs reproduce the order-free reference numbers") {
  check_against_reference(PairRule::All, "all_pairs", "all_pairs");
  CHECK(analyse_color(colorref(), ColorOptions{}).populations[0].dist_from_diagonal.mean ==
        doctest::Approx(15.9294).epsilon(1e-5));
}

TEST_CASE("colorref: the file is read as a human jsPsych-style export with its hash") {
  const auto& dataset = colorref();
  REQUIRE(dataset.inputs.size() == 1);
  CHECK(dataset.inputs[0].format == "human-long");
  CHECK(dataset.inputs[0].rows == 38000);
  CHECK(dataset.inputs[0].sha256.size() == 64);
  CHECK(dataset.issues.empty());
}
