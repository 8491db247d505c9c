#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "stats/mixed_model.hpp"
#include "stats/normal.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

ModelFrame reference_frame() {
  std::ifstream file(test::shared_path("reference/mixed-data.csv"));
  REQUIRE(file.good());
  std::string line;
  std::getline(file, line);
  REQUIRE(line == "family,aligned,y");
  std::vector<ModelRow> rows;
  while (std::getline(file, line)) {
    std::stringstream fields(line);
    std::string family, aligned, y;
    std::getline(fields, family, ',');
    std::getline(fields, aligned, ',');
    std::getline(fields, y, ',');
    rows.push_back({std::stod(y), family, {std::stod(aligned)}});
  }
  return build_model_frame({{"aligned", false, ""}}, rows);
}

const FixedEffect& term(const MixedModelFit& fit, const std::string& name) {
  for (const auto& e : fit.fixed) {
    if (e.term == name) return e;
  }
  FAIL("no term " << name);
  return fit.fixed.front();
}

// Balanced one-way layout: k groups of m with the given group offsets and a
// within-group pattern that sums to zero, so the mean squares are known.
ModelFrame one_way(const std::vector<double>& offsets, const std::vector<double>& pattern) {
  std::vector<ModelRow> rows;
  for (std::size_t g = 0; g < offsets.size(); ++g) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      // Rotate the pattern so groups differ in more than their offset.
      rows.push_back({offsets[g] + pattern[(i + g) % pattern.size()], "g" + std::to_string(g), {}});
    }
  }
  return build_model_frame({}, rows);
}

// The Gaussian (or restricted) log-likelihood of y ~ N(Xβ, σ²I + σ²_g ZZ')
// from dense matrices, for checking the grouped formulas.
double dense_log_likelihood(const ModelFrame& frame, const MixedModelFit& fit, bool reml) {
  const Eigen::Index n = frame.x.rows(), p = frame.x.cols();
  Eigen::MatrixXd v = Eigen::MatrixXd::Identity(n, n) * fit.residual_variance;
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < n; ++j) {
      if (frame.group[static_cast<std::size_t>(i)] == frame.group[static_cast<std::size_t>(j)]) v(i, j) += fit.group_variance;
    }
  }
  Eigen::VectorXd beta(p);
  for (Eigen::Index c = 0; c < p; ++c) beta(c) = fit.fixed[static_cast<std::size_t>(c)].estimate;
  const Eigen::VectorXd r = frame.y - frame.x * beta;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(v);
  const double log_det = ldlt.vectorD().array().log().sum();
  const double two_pi = 2.0 * 3.14159265358979323846;
  if (!reml) return -0.5 * (static_cast<double>(n) * std::log(two_pi) + log_det + r.dot(ldlt.solve(r)));
  const Eigen::MatrixXd xvx = frame.x.transpose() * ldlt.solve(frame.x);
  return -0.5 * (static_cast<double>(n - p) * std::log(two_pi) + log_det + std::log(xvx.determinant()) +
                 r.dot(ldlt.solve(r)));
}

}  // namespace

TEST_CASE("normal tail probabilities match the C library") {
  for (double x = -6.0; x <= 26.0; x += 0.01) {
    const double expected = std::erfc(x);
    CHECK(std::fabs(portable_erfc(x) - expected) <= 1e-13 * expected);
  }
  CHECK(normal_two_sided_p(0.0) == doctest::Approx(1.0));
  CHECK(normal_two_sided_p(1.959963984540054) == doctest::Approx(0.05).epsilon(1e-12));
  CHECK(normal_two_sided_p(-1.959963984540054) == doctest::Approx(0.05).epsilon(1e-12));
  CHECK(std::isnan(normal_two_sided_p(std::nan(""))));
}

TEST_CASE("mixed model: REML and ML match statsmodels MixedLM on the reference data to 1e-4") {
  const auto expected = test::read_json(test::shared_path("reference/mixed.json"));
  const ModelFrame frame = reference_frame();
  for (const auto method : {VarianceMethod::Reml, VarianceMethod::Ml}) {
    CAPTURE(to_string(method));
    const auto& e = expected["fits"][to_string(method)];
    const MixedModelFit fit = fit_mixed_model(frame, method);
    CHECK(fit.converged);
    CHECK_FALSE(fit.boundary);
    CHECK(fit.observations == 108);
    CHECK(fit.groups == frame.group_names.size());
    for (const auto& name : {"Intercept", "aligned"}) {
      CAPTURE(name);
      CHECK(std::fabs(term(fit, name).estimate - e["fixed"][name].get<double>()) < 1e-4);
      CHECK(std::fabs(term(fit, name).se - e["se"][name].get<double>()) < 1e-4);
      const double z = e["fixed"][name].get<double>() / e["se"][name].get<double>();
      CHECK(std::fabs(term(fit, name).z - z) < 1e-4 * std::max(1.0, std::fabs(z)));
      CHECK(std::fabs(term(fit, name).p - normal_two_sided_p(z)) < 1e-4);
    }
    CHECK(std::fabs(fit.group_variance - e["group_variance"].get<double>()) < 1e-4);
    CHECK(std::fabs(fit.residual_variance - e["residual_variance"].get<double>()) < 1e-4);
    CHECK(std::fabs(fit.log_likelihood - e["log_likelihood"].get<double>()) < 1e-4);
  }
}

TEST_CASE("mixed model: balanced one-way layout has closed-form estimates") {
  // 4 groups of 5; the pattern sums to zero so group means are the offsets.
  const std::vector<double> offsets = {1.0, 3.0, -2.0, 6.0};
  const std::vector<double> pattern = {-1.5, 0.5, 2.0, -0.25, -0.75};
  const ModelFrame frame = one_way(offsets, pattern);
  const double k = 4.0, m = 5.0;
  double grand = 0.0;
  for (double o : offsets) grand += o / k;
  double ssb = 0.0;
  for (double o : offsets) ssb += m * (o - grand) * (o - grand);
  double ssw = 0.0;
  for (double e : pattern) ssw += k * e * e;
  const double msw = ssw / (k * (m - 1.0)), msb = ssb / (k - 1.0);

  const MixedModelFit reml = fit_mixed_model(frame, VarianceMethod::Reml);
  CHECK(reml.converged);
  CHECK(reml.fixed.at(0).estimate == doctest::Approx(grand).epsilon(1e-10));
  CHECK(reml.residual_variance == doctest::Approx(msw).epsilon(1e-7));
  CHECK(reml.group_variance == doctest::Approx((msb - msw) / m).epsilon(1e-7));
  CHECK(reml.fixed.at(0).se == doctest::Approx(std::sqrt(msb / (k * m))).epsilon(1e-7));
  CHECK(reml.log_likelihood == doctest::Approx(dense_log_likelihood(frame, reml, true)).epsilon(1e-10));

  const MixedModelFit ml = fit_mixed_model(frame, VarianceMethod::Ml);
  CHECK(ml.residual_variance == doctest::Approx(msw).epsilon(1e-7));
  CHECK(ml.group_variance == doctest::Approx((ssb / k - msw) / m).epsilon(1e-7));
  CHECK(ml.fixed.at(0).se == doctest::Approx(std::sqrt(ssb / k / (k * m))).epsilon(1e-7));
  CHECK(ml.log_likelihood == doctest::Approx(dense_log_likelihood(frame, ml, false)).epsilon(1e-10));
}

TEST_CASE("mixed model: no group effect puts the group variance at zero") {
  // Every group holds the same values: the group means are equal, so the
  // between-group mean square is 0 and the estimate is on the boundary.
  const std::vector<double> pattern = {0.3, -1.0, 2.5, 0.1, -1.9};
  const ModelFrame frame = one_way({0.0, 0.0, 0.0}, pattern);
  for (const auto method : {VarianceMethod::Reml, VarianceMethod::Ml}) {
    const MixedModelFit fit = fit_mixed_model(frame, method);
    CHECK(fit.converged);
    CHECK(fit.boundary);
    CHECK(fit.group_variance == 0.0);
    double ss = 0.0;
    for (double e : pattern) ss += 3.0 * e * e;
    const double n = 15.0;
    CHECK(fit.residual_variance == doctest::Approx(ss / (method == VarianceMethod::Reml ? n - 1.0 : n)));
    CHECK(fit.fixed.at(0).se == doctest::Approx(std::sqrt(fit.residual_variance / n)));
    CHECK(fit.log_likelihood ==
          doctest::Approx(dense_log_likelihood(frame, fit, method == VarianceMethod::Reml)).epsilon(1e-10));
  }
}

TEST_CASE("mixed model: log-likelihood agrees with dense matrices on an unbalanced design") {
  const ModelFrame frame = reference_frame();
  for (const auto method : {VarianceMethod::Reml, VarianceMethod::Ml}) {
    const MixedModelFit fit = fit_mixed_model(frame, method);
    CHECK(fit.log_likelihood ==
          doctest::Approx(dense_log_likelihood(frame, fit, method == VarianceMethod::Reml)).epsilon(1e-10));
  }
}

TEST_CASE("mixed model: a response the fixed effects fit exactly is refused") {
  const ModelFrame frame = one_way({2.0, 2.0}, {0.0, 0.0, 0.0});
  CHECK_THROWS_AS(fit_mixed_model(frame, VarianceMethod::Reml), std::invalid_argument);
}
