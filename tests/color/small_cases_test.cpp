#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "color/answers.hpp"
#include "color/diversity.hpp"
#include "color/gaussian.hpp"

using namespace shoal;

namespace {

ColorAnalysis analyse_text(const std::string& csv, PairRule rule = PairRule::All) {
  ColorOptions options;
  options.pairs = rule;
  options.jsd_samples = 2000;
  return analyse_color(load_color_inputs({TextInput{"small.csv", csv}}, {ColorInputOptions{}}), options);
}

// |white - black| in CIELAB as colormath computes it (shared/reference/lab.json).
const double kWhiteBlack = std::sqrt(99.99998453333127 * 99.99998453333127 +
                                     0.0004593894083471106 * 0.0004593894083471106 +
                                     0.008561457924405325 * 0.008561457924405325);

}  // namespace

TEST_CASE("small: a population of identical copies lies on the diagonal") {
  // Every individual answers red then blue: internal and population ΔE are
  // both |red - blue|.
  std::string csv = "population,individual,word,block,colour\n";
  for (int i = 1; i <= 5; ++i) {
    csv += "copies," + std::to_string(i) + ",sky,1,#ff0000\n";
    csv += "copies," + std::to_string(i) + ",sky,2,#0000ff\n";
  }
  for (auto rule : {PairRule::All, PairRule::Paper}) {
    const auto analysis = analyse_text(csv, rule);
    const auto& w = analysis.populations.at(0).words.at(0);
    const double red_blue = delta_e76(srgb_to_lab({255, 0, 0}), srgb_to_lab({0, 0, 255}));
    CHECK(w.internal_delta_e.mean == doctest::Approx(red_blue));
    CHECK(w.population_delta_e.mean == doctest::Approx(red_blue));
    CHECK(w.dist_from_diagonal == doctest::Approx(0.0));
    CHECK(w.population_delta_e.n == (rule == PairRule::All ? 20u : 10u));
  }
}

TEST_CASE("small: perfectly consistent, mutually different individuals lie far below the diagonal") {
  const char* colours[] = {"#ff0000", "#00ff00", "#0000ff", "#ffff00", "#000000", "#ffffff"};
  std::string csv = "population,individual,word,block,colour\n";
  for (int i = 0; i < 6; ++i) {
    for (int b = 1; b <= 2; ++b) {
      csv += "distinct," + std::to_string(i) + ",sky," + std::to_string(b) + "," + colours[i] + "\n";
    }
  }
  const auto analysis = analyse_text(csv);
  const auto& w = analysis.populations.at(0).words.at(0);
  CHECK(w.internal_delta_e.mean == 0.0);
  CHECK(w.population_delta_e.mean > 50.0);
  CHECK(w.dist_from_diagonal == doctest::Approx(w.population_delta_e.mean / std::sqrt(2.0)));
}

TEST_CASE("small: hand-computed internal and population ΔE under both pair rules") {
  // ids sort numerically as 9 < 10 < 11 (not as text).
  // id 10: black, black; id 9: white, white; id 11: black, white. D = |white - black|.
  // Order 9, 10, 11: lab1 = [W, B, B], lab2 = [W, B, W].
  //   all pairs i != j: (9,10)=D (9,11)=0 (10,9)=D (10,11)=D (11,9)=D (11,10)=0 -> 4D/6
  //   paper pairs i < j: (9,10)=D (9,11)=0 (10,11)=D -> 2D/3
  // internal: 0, 0, D -> D/3.
  const std::string csv =
      "population,individual,word,block,colour\n"
      "p,10,sky,1,#000000\np,10,sky,2,\"0,0,0\"\n"
      "p,9,sky,1,#ffffff\np,9,sky,2,#FFFFFF\n"
      "p,11,sky,1,#000000\np,11,sky,2,\"255, 255, 255\"\n";
  const auto all = analyse_text(csv, PairRule::All).populations.at(0).words.at(0);
  CHECK(all.internal_delta_e.mean == doctest::Approx(kWhiteBlack / 3));
  CHECK(all.population_delta_e.mean == doctest::Approx(4 * kWhiteBlack / 6));
  CHECK(all.dist_from_diagonal == doctest::Approx(kWhiteBlack / 3 / std::sqrt(2.0)));

  // Paper pairs depend on the order; a different order (as text: 10 < 11 < 9)
  // would give (10,11)=D (10,9)=D (11,9)=D -> D.
  const auto paper = analyse_text(csv, PairRule::Paper).populations.at(0).words.at(0);
  CHECK(paper.population_delta_e.mean == doctest::Approx(2 * kWhiteBlack / 3));
  CHECK(paper.population_delta_e.n == 3);
}

TEST_CASE("small: invalid LLM replies are counted and their pairs dropped") {
  const std::string csv =
      "model_name,prompt,temperature,subject_num,word,generation1,generation2\n"
      "toy,none,default,0,sky,\"Sky blue: #87CEEB.\",\"#87ceeb\"\n"
      "toy,none,default,1,sky,\"#4682B4 (steel blue)\",\"I cannot choose a colour.\"\n"
      "toy,none,default,2,sky,\"#87CEEB\",\"The code is #4682b4\"\n";
  const auto dataset = load_color_inputs({TextInput{"toy.csv", csv}}, {ColorInputOptions{}});
  REQUIRE(dataset.populations.size() == 1);
  CHECK(dataset.populations[0].label.name == "toy prompt=none temp=default");
  REQUIRE(dataset.issues.size() == 1);
  CHECK(dataset.issues[0].kind == "invalid_reply");
  CHECK(dataset.issues[0].count == 1);
  CHECK(dataset.issues[0].first_row == 3);
  const auto analysis = analyse_color(dataset, ColorOptions{});
  const auto& p = analysis.populations[0];
  CHECK(p.valid_responses == 5);
  CHECK(p.invalid_responses == 1);
  const auto& w = p.words.at(0);
  CHECK(w.individuals == 2);
  CHECK(w.incomplete == 1);
  const double d = delta_e76(srgb_to_lab({0x87, 0xce, 0xeb}), srgb_to_lab({0x46, 0x82, 0xb4}));
  CHECK(w.internal_delta_e.mean == doctest::Approx(d / 2));
  CHECK(w.population_delta_e.mean == doctest::Approx(d / 2));  // pairs (0,2)=d, (2,0)=0
}

TEST_CASE("small: population labels come from a paper-style file name") {
  const std::string csv = "subject_num,word,hex1,hex2\n0,sky,#87ceeb,#87ceeb\n1,sky,#4682b4,#4682b4\n";
  const auto dataset =
      load_color_inputs({TextInput{"zephyr-gemma-prompt=identity-temp=1.5.csv", csv}}, {ColorInputOptions{}});
  const auto& label = dataset.populations.at(0).label;
  CHECK(label.model == "zephyr-gemma");
  CHECK(label.prompt == "identity");
  CHECK(label.temperature == "1.5");
  CHECK_FALSE(label.human);
  CHECK(dataset.inputs.at(0).format == "llm-wide");
}

TEST_CASE("jsd: zero for identical Gaussians, one bit for far apart ones") {
  LabGaussian p;
  p.n = 10;
  p.mean = Eigen::Vector3d(50, 0, 0);
  p.covariance = Eigen::Matrix3d::Identity() * 4.0;
  Rng rng(5);
  const auto same = jensen_shannon_divergence(p, p, 1000, rng);
  CHECK(same.value == doctest::Approx(0.0).epsilon(1e-12));
  LabGaussian q = p;
  q.mean = Eigen::Vector3d(50, 200, 0);
  const auto far = jensen_shannon_divergence(p, q, 1000, rng);
  CHECK(far.value == doctest::Approx(1.0).epsilon(1e-9));
}

TEST_CASE("jsd: the Monte Carlo estimate agrees with quadrature within its error") {
  // Isotropic Gaussians that differ along one axis by d reduce to the JSD of
  // N(0,1) and N(d,1), integrated here numerically on a fine grid.
  const double d = 1.5;
  double quadrature = 0.0;
  const double step = 1e-4;
  for (double x = -12.0; x <= 12.0 + d; x += step) {
    const double p = std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI);
    const double q = std::exp(-0.5 * (x - d) * (x - d)) / std::sqrt(2 * M_PI);
    const double m = 0.5 * (p + q);
    if (p > 0) quadrature += 0.5 * p * std::log2(p / m) * step;
    if (q > 0) quadrature += 0.5 * q * std::log2(q / m) * step;
  }
  LabGaussian p;
  p.n = 10;
  p.covariance = Eigen::Matrix3d::Identity() * 9.0;  // sd 3: shift by 3d
  LabGaussian q = p;
  q.mean = Eigen::Vector3d(0, 3 * d, 0);
  Rng rng(11);
  const auto estimate = jensen_shannon_divergence(p, q, 200000, rng);
  CHECK(estimate.mc_error > 0.0);
  CHECK(estimate.mc_error < 0.002);
  CHECK(std::fabs(estimate.value - quadrature) < 4 * estimate.mc_error);
}

TEST_CASE("gaussian: undefined for one answer or answers on a plane") {
  CHECK_FALSE(fit_lab_gaussian({Lab{50, 0, 0}}).has_value());
  CHECK_FALSE(fit_lab_gaussian({Lab{50, 0, 0}, Lab{60, 0, 0}, Lab{70, 0, 0}}).has_value());
  const auto g = fit_lab_gaussian({Lab{50, 0, 0}, Lab{60, 10, 0}, Lab{70, 0, 5}, Lab{55, 3, 9}});
  REQUIRE(g.has_value());
  CHECK(g->mean[0] == doctest::Approx(58.75));
  // Sample variance of L: values 50, 60, 70, 55 around 58.75.
  CHECK(g->covariance(0, 0) == doctest::Approx((8.75 * 8.75 + 1.25 * 1.25 + 11.25 * 11.25 + 3.75 * 3.75) / 3));
}

TEST_CASE("answer records: every valid answer, indexed by population and word") {
  const std::string csv =
      "population,individual,word,block,colour\n"
      "p,1,sky,1,#010203\np,1,sky,2,#040506\np,2,sky,1,#070809\np,2,sky,2,\n"
      "p,1,sea,1,#0a0b0c\np,1,sea,2,#0d0e0f\np,2,sea,1,#101112\np,2,sea,2,#131415\n";
  const auto dataset = load_color_inputs({TextInput{"r.csv", csv}}, {ColorInputOptions{}});
  const auto analysis = analyse_color(dataset, ColorOptions{});
  const auto records = color_answer_records(dataset, analysis);
  REQUIRE(records.size() == 7 * kColorAnswerRecordSize);  // the empty colour is invalid
  // Words are alphabetical in the analysis: sea = 0, sky = 1. The first
  // response read is sky, block 1, #010203.
  CHECK(records[0] == 0);
  CHECK(records[4] == 1);
  CHECK(records[8] == 1);
  CHECK(records[9] == 1);
  CHECK(records[10] == 2);
  CHECK(records[11] == 3);
}
