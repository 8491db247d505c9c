// The word-ratings figures' line: internal ΔE on a word's rating, per
// population and scale, with Pearson's r.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "report/color_report.hpp"
#include "color/word_rating_fit.hpp"

using namespace shoal;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

WordDiversity word(const std::string& name, double internal) {
  WordDiversity w;
  w.word = name;
  w.internal_delta_e.n = std::isfinite(internal) ? 4 : 0;
  w.internal_delta_e.mean = internal;
  return w;
}

}  // namespace

TEST_CASE("fit_rating: least squares and Pearson's r on a hand-computed case") {
  // x 1 2 3, y 2 4 7: sxx = 2, sxy = 5, syy = 114/9.
  const WordRatingFit f = fit_rating("concreteness", {1, 2, 3}, {2, 4, 7});
  CHECK(f.scale == "concreteness");
  CHECK(f.n == 3);
  CHECK(f.slope == doctest::Approx(2.5));
  CHECK(f.intercept == doctest::Approx(-2.0 / 3.0));
  CHECK(f.r == doctest::Approx(15.0 / std::sqrt(228.0)));
  // A falling line gives a negative r.
  CHECK(fit_rating("s", {1, 2, 3}, {7, 4, 2}).r == doctest::Approx(-15.0 / std::sqrt(228.0)));
}

TEST_CASE("fit_rating: no line below three words or on constant ratings; no r on a constant ΔE") {
  const WordRatingFit two = fit_rating("s", {1, 2}, {3, 5});
  CHECK(two.n == 2);
  CHECK(std::isnan(two.slope));
  CHECK(std::isnan(two.r));
  const WordRatingFit flat_x = fit_rating("s", {2, 2, 2}, {1, 2, 3});
  CHECK(std::isnan(flat_x.slope));
  CHECK(std::isnan(flat_x.r));
  const WordRatingFit flat_y = fit_rating("s", {1, 2, 3}, {4, 4, 4});
  CHECK(flat_y.slope == 0.0);
  CHECK(flat_y.intercept == 4.0);
  CHECK(std::isnan(flat_y.r));
}

TEST_CASE("word_rating_fits: per population and scale, over the words with both a rating and an internal ΔE") {
  ColorAnalysis analysis;
  PopulationDiversity p;
  p.label.name = "human";
  // "sky" has no internal ΔE, "fog" no rating, "ash" no concreteness.
  p.words = {word("ash", 9.0), word("fog", 1.0), word("grass", 4.0), word("lemon", 7.0), word("rose", 2.0),
             word("sky", kNaN)};
  analysis.populations.push_back(p);
  WordNorms norms;
  norms.scales = {"concreteness", "imageability"};
  norms.words = {"rose", "grass", "lemon", "ash", "sky", "moon"};
  norms.ratings = {{1, 5}, {2, 6}, {3, 7}, {kNaN, 8}, {4, 9}, {5, 10}};
  const auto fits = word_rating_fits(analysis, norms);
  REQUIRE(fits.size() == 1);
  REQUIRE(fits[0].size() == 2);
  // concreteness: rose (1, 2), grass (2, 4), lemon (3, 7).
  CHECK(fits[0][0].scale == "concreteness");
  CHECK(fits[0][0].n == 3);
  CHECK(fits[0][0].slope == doctest::Approx(2.5));
  CHECK(fits[0][0].r == doctest::Approx(15.0 / std::sqrt(228.0)));
  // imageability adds ash (8, 9): x 5 6 7 8, y 2 4 7 9.
  CHECK(fits[0][1].n == 4);
  CHECK(fits[0][1].slope == doctest::Approx(2.4));   // sxy 12 / sxx 5
  CHECK(fits[0][1].intercept == doctest::Approx(5.5 - 2.4 * 6.5));
}

TEST_CASE("the colour report carries the fits only when word ratings were given") {
  ColorDataset dataset;
  ColorAnalysis analysis;
  PopulationDiversity p;
  p.label.name = "human";
  p.label.human = true;
  p.words = {word("rose", 2.0), word("grass", 4.0), word("lemon", 7.0)};
  analysis.populations.push_back(p);
  const ComparisonResult comparisons = compare_color(analysis, {0, 1});
  const auto plain = nlohmann::json::parse(color_report_text(dataset, {}, analysis, comparisons));
  CHECK_FALSE(plain["populations"][0].contains("word_rating_fits"));
  WordNorms norms{{"concreteness"}, {"rose", "grass", "lemon"}, {{1}, {2}, {3}}};
  const auto rated = nlohmann::json::parse(
      color_report_text(dataset, {}, analysis, comparisons, word_rating_fits(analysis, norms)));
  const auto& fit = rated["populations"][0]["word_rating_fits"];
  REQUIRE(fit.size() == 1);
  CHECK(fit[0]["scale"] == "concreteness");
  CHECK(fit[0]["n"] == 3);
  CHECK(fit[0]["slope"].get<double>() == doctest::Approx(2.5));
}
