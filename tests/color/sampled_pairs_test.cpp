#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "color/answers.hpp"
#include "color/diversity.hpp"
#include "color/lab_pairs.hpp"
#include "report/color_report.hpp"
#include "stats/rng.hpp"
#include "color/random_colours.hpp"
#include "color/colorref_fixture.hpp"
#include "support.hpp"

using namespace shoal;
using test::random_colours;
using test::colorref;

TEST_CASE("colour pairs: ΔE in vector lanes is delta_e, bit for bit, for any start and length") {
  Rng rng(21);
  const std::vector<Lab> first = random_colours(9, rng), second = random_colours(37, rng);
  for (const DeltaEFormula formula : {DeltaEFormula::Cie76, DeltaEFormula::Ciede2000}) {
    const LabPairDistances d(first, second, formula);
    for (std::size_t begin = 0; begin < 5; ++begin) {
      for (std::size_t end = begin; end <= second.size(); end += 3) {
        std::vector<double> out(end - begin);
        d.row(begin, begin, end, out.data());
        for (std::size_t j = begin; j < end; ++j) {
          CHECK(test::exact(out[j - begin]) == test::exact(delta_e(first[begin], second[j], formula)));
        }
      }
    }
  }
}

TEST_CASE("colour pairs: sampled pairs on the paper's human data lie within a few Monte Carlo errors of every pair") {
  ColorOptions exact_options;
  exact_options.jsd_samples = 100;
  ColorOptions sampled_options = exact_options;
  sampled_options.all_pairs_up_to = 50;   // every word has more: all sampled
  sampled_options.sampled_pairs = 20000;
  const auto exact = analyse_color(colorref(), exact_options).populations.at(0);
  const auto sampled = analyse_color(colorref(), sampled_options).populations.at(0);
  CHECK_FALSE(exact.sampled_words);
  REQUIRE(sampled.sampled_words);
  CHECK(sampled.sampled_words->words == 199);
  REQUIRE(sampled.words.size() == exact.words.size());
  for (std::size_t k = 0; k < exact.words.size(); ++k) {
    const WordDiversity &e = exact.words[k], &s = sampled.words[k];
    CAPTURE(e.word);
    CHECK_FALSE(e.sampled_pairs);
    REQUIRE(s.sampled_pairs);
    CHECK(s.sampled_pairs->pairs == 20000);
    CHECK(s.population_delta_e.n == e.population_delta_e.n);
    CHECK(test::exact(s.internal_delta_e.mean) == test::exact(e.internal_delta_e.mean));
    CHECK(std::fabs(s.population_delta_e.mean - e.population_delta_e.mean) < 4.5 * s.sampled_pairs->mean_mc_error);
    CHECK(std::fabs(s.population_delta_e.sd - e.population_delta_e.sd) < 4.5 * s.sampled_pairs->sd_mc_error);
  }
  // The population's means over words carry the words' errors.
  const double se = sampled.sampled_words->population_delta_e_mc_error;
  double variance = 0.0;
  for (const auto& w : sampled.words) variance += w.sampled_pairs->mean_mc_error * w.sampled_pairs->mean_mc_error;
  CHECK(se == doctest::Approx(std::sqrt(variance) / 199.0));
  CHECK(std::fabs(sampled.population_delta_e.mean - exact.population_delta_e.mean) < 4.0 * se);
  CHECK(std::fabs(sampled.dist_from_diagonal.mean - exact.dist_from_diagonal.mean) <
        4.0 * sampled.sampled_words->dist_from_diagonal_mc_error);
  // The same seed, the same draws.
  const auto again = analyse_color(colorref(), sampled_options).populations.at(0);
  CHECK(test::exact(again.dist_from_diagonal.mean) == test::exact(sampled.dist_from_diagonal.mean));
}

TEST_CASE("colour pairs: the report and its methods paragraph say which words were sampled") {
  ColorOptions options;
  options.jsd_samples = 100;
  options.all_pairs_up_to = 90;
  options.sampled_pairs = 5000;
  const ColorAnalysis analysis = analyse_color(colorref(), options);
  const auto& population = analysis.populations.at(0);
  std::size_t sampled = 0;
  for (const auto& w : population.words) sampled += w.sampled_pairs ? 1 : 0;
  REQUIRE(sampled > 0);
  REQUIRE(sampled < population.words.size());   // words of 90 individuals or fewer use every pair
  const auto report = color_report(colorref(), {}, analysis, compare_color(analysis, {0, options.seed}));
  CHECK(report["parameters"]["all_pairs_up_to"] == 90);
  CHECK(report["parameters"]["sampled_pairs"] == 5000);
  CHECK(report["parameters"]["words_with_sampled_pairs"] == sampled);
  const auto& p = report["populations"][0];
  CHECK(p["sampled_words"]["words"] == sampled);
  for (std::size_t k = 0; k < population.words.size(); ++k) {
    const auto& w = p["words"][k];
    const auto& mine = population.words[k];
    CAPTURE(mine.word);
    CHECK(w["sampled_pairs"].is_null() == (mine.individuals <= 90));
    if (!mine.sampled_pairs) continue;
    CHECK(w["sampled_pairs"]["pairs"] == 5000);
    CHECK(w["sampled_pairs"]["dist_from_diagonal_mc_error"].get<double>() ==
          doctest::Approx(mine.sampled_pairs->mean_mc_error / std::sqrt(2.0)));
  }
  const std::string methods = report["manuscript"]["methods"]["text"];
  CHECK(methods.find("For the " + std::to_string(sampled) +
                     " words answered by more than 90 individuals, population variability was estimated from 5000 "
                     "pairs") != std::string::npos);
  // Without sampled words, no such sentence.
  const ColorAnalysis exact = analyse_color(colorref(), ColorOptions{});
  const auto plain = color_report(colorref(), {}, exact, compare_color(exact, {0, 1}));
  CHECK(plain["parameters"]["words_with_sampled_pairs"] == 0);
  CHECK(plain["populations"][0]["sampled_words"].is_null());
  CHECK(std::string(plain["manuscript"]["methods"]["text"]).find("sampled") == std::string::npos);
}
