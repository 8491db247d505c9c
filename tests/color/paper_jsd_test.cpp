// The paper's divergence estimator (its calculate_multivariate_jsd), checked
// against a direct transcription on the same draws and against cases whose
// answer is known by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "color/gaussian.hpp"

using namespace shoal;

namespace {

LabGaussian gaussian(Eigen::Vector3d mean, Eigen::Matrix3d covariance) {
  LabGaussian g;
  g.n = 100;
  g.mean = mean;
  g.covariance = covariance;
  return g;
}

// Written as the paper's Python reads, with an explicit inverse and plain
// exp/log: weights exp(-½ dᵀ Σ⁻¹ d), normalised, then
// sqrt((Σ rel_entr(p, m) + Σ rel_entr(q, m)) / 2) with m = (p + q) / 2.
double direct_paper_estimate(const LabGaussian& a, const LabGaussian& b, const std::vector<Eigen::Vector3d>& x) {
  const Eigen::Matrix3d inv_a = a.covariance.inverse(), inv_b = b.covariance.inverse();
  std::vector<double> p, q;
  for (const auto& point : x) {
    const Eigen::Vector3d da = point - a.mean, db = point - b.mean;
    p.push_back(std::exp(-0.5 * da.dot(inv_a * da)));
    q.push_back(std::exp(-0.5 * db.dot(inv_b * db)));
  }
  double sp = 0, sq = 0;
  for (std::size_t i = 0; i < x.size(); ++i) sp += p[i], sq += q[i];
  double kl_p = 0, kl_q = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double pi = p[i] / sp, qi = q[i] / sq, mi = (pi + qi) / 2;
    if (pi > 0) kl_p += pi * std::log(pi / mi);
    if (qi > 0) kl_q += qi * std::log(qi / mi);
  }
  return std::sqrt((kl_p + kl_q) / 2);
}

const LabGaussian kModel = gaussian({55, 20, -10}, (Eigen::Matrix3d() << 30, 5, -2, 5, 80, 10, -2, 10, 60).finished());
const LabGaussian kHuman =
    gaussian({50, 5, 5}, (Eigen::Matrix3d() << 300, -40, 25, -40, 500, 60, 25, 60, 400).finished());

}  // namespace

TEST_CASE("paper jsd: equals a direct transcription of the paper's function on the same draws") {
  for (std::uint64_t seed : {1u, 2u, 99u}) {
    Rng draws_rng(seed);
    const auto points = draw_pooled(kModel, kHuman, 10000, draws_rng);
    REQUIRE(points.size() == 20000);
    const double direct = direct_paper_estimate(kModel, kHuman, points);
    CHECK(paper_js_distance(kModel, kHuman, points) == doctest::Approx(direct).epsilon(1e-12));
    // The seeded estimate draws exactly those points.
    Rng rng(seed);
    const auto estimate = paper_js_distance(kModel, kHuman, 10000, rng);
    CHECK(estimate.value == paper_js_distance(kModel, kHuman, points));
    CHECK(estimate.estimator == JsdEstimator::Paper);
    CHECK(estimate.samples == 10000);
    CHECK(std::isnan(estimate.mc_error));
  }
}

TEST_CASE("paper jsd: zero for one Gaussian, √ln 2 for Gaussians with no overlap") {
  Rng rng(4);
  CHECK(paper_js_distance(kModel, kModel, 2000, rng).value == doctest::Approx(0.0).epsilon(1e-12));
  // Far apart, each weight vector sits on its own half of the pooled draws:
  // JS divergence ln 2, distance √ln 2.
  LabGaussian far = kModel;
  far.mean += Eigen::Vector3d(0, 400, 0);
  CHECK(paper_js_distance(kModel, far, 2000, rng).value == doctest::Approx(std::sqrt(std::log(2.0))).epsilon(1e-9));
}

TEST_CASE("paper jsd: a different number from the divergence in bits") {
  // Identical shapes one standard deviation apart. The paper's weights drop
  // the density's normalising constant and ignore which Gaussian a point was
  // drawn from; what it returns is a distance (a square root) in nats, not
  // the divergence in bits.
  const LabGaussian a = gaussian({50, 0, 0}, Eigen::Matrix3d::Identity() * 100.0);
  const LabGaussian b = gaussian({50, 10, 0}, Eigen::Matrix3d::Identity() * 100.0);
  Rng r1(8), r2(8);
  const double bits = estimate_jsd(JsdEstimator::Bits, a, b, 20000, r1).value;
  const double paper = estimate_jsd(JsdEstimator::Paper, a, b, 20000, r2).value;
  CHECK(bits > 0.0);
  CHECK(paper > 0.0);
  CHECK(std::fabs(paper - bits) > 0.05);
  CHECK(std::fabs(paper - std::sqrt(bits * std::log(2.0))) > 0.01);
}

TEST_CASE("paper jsd: estimator names") {
  CHECK(jsd_estimator_from_string("bits") == JsdEstimator::Bits);
  CHECK(jsd_estimator_from_string("paper") == JsdEstimator::Paper);
  CHECK_FALSE(jsd_estimator_from_string("nats").has_value());
  CHECK(std::string(to_string(JsdEstimator::Paper)) == "paper");
}
