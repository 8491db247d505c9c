#include "color/gaussian.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/descriptive.hpp"
#include "stats/portable_math.hpp"

namespace shoal {
namespace {

constexpr double kLog2Pi = 1.8378770664093454836;
constexpr double kLn2 = 0.69314718055994530942;

// Everything needed to draw from and evaluate one Gaussian.
class GaussianDensity {
 public:
  explicit GaussianDensity(const LabGaussian& g) : mean_(g.mean), llt_(g.covariance) {
    const Eigen::Matrix3d l = llt_.matrixL();
    log_norm_ = -1.5 * kLog2Pi;
    for (int i = 0; i < 3; ++i) log_norm_ -= portable::log(l(i, i));
  }
  double log_density(const Eigen::Vector3d& x) const {
    const Eigen::Vector3d z = llt_.matrixL().solve(x - mean_);
    return log_norm_ - 0.5 * z.squaredNorm();
  }
  // -½ (x-μ)ᵀ Σ⁻¹ (x-μ): the log density without its normalising constant.
  double log_kernel(const Eigen::Vector3d& x) const {
    return -0.5 * llt_.matrixL().solve(x - mean_).squaredNorm();
  }
  Eigen::Vector3d draw(Rng& rng) const {
    Eigen::Vector3d z;
    for (int i = 0; i < 3; ++i) z[i] = rng.normal();
    return mean_ + llt_.matrixL() * z;
  }

 private:
  Eigen::Vector3d mean_;
  Eigen::LLT<Eigen::Matrix3d> llt_;
  double log_norm_ = 0.0;
};

double log_mean_exp(double a, double b) {
  const double m = std::max(a, b);
  return m + portable::log(0.5 * (portable::exp(a - m) + portable::exp(b - m)));
}

}  // namespace

std::optional<LabGaussian> fit_lab_gaussian(const std::vector<Lab>& answers) {
  if (answers.size() < 2) return std::nullopt;
  LabGaussian g;
  g.n = answers.size();
  for (const auto& lab : answers) g.mean += Eigen::Vector3d(lab.l, lab.a, lab.b);
  g.mean /= static_cast<double>(g.n);
  for (const auto& lab : answers) {
    const Eigen::Vector3d d = Eigen::Vector3d(lab.l, lab.a, lab.b) - g.mean;
    g.covariance += d * d.transpose();
  }
  g.covariance /= static_cast<double>(g.n - 1);
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eigen(g.covariance, Eigen::EigenvaluesOnly);
  const Eigen::Vector3d values = eigen.eigenvalues();
  if (!(values.minCoeff() > 1e-9 * std::max(1.0, values.maxCoeff()))) return std::nullopt;
  return g;
}

JsdEstimate jensen_shannon_divergence(const LabGaussian& p, const LabGaussian& q, std::size_t samples, Rng& rng) {
  const GaussianDensity dp(p), dq(q);
  RunningMoments from_p, from_q;
  for (std::size_t i = 0; i < samples; ++i) {
    const Eigen::Vector3d x = dp.draw(rng);
    const double lp = dp.log_density(x), lq = dq.log_density(x);
    from_p.add((lp - log_mean_exp(lp, lq)) / kLn2);
  }
  for (std::size_t i = 0; i < samples; ++i) {
    const Eigen::Vector3d x = dq.draw(rng);
    const double lp = dp.log_density(x), lq = dq.log_density(x);
    from_q.add((lq - log_mean_exp(lp, lq)) / kLn2);
  }
  JsdEstimate estimate;
  estimate.samples = samples;
  estimate.value = 0.5 * from_p.mean() + 0.5 * from_q.mean();
  const double n = static_cast<double>(samples);
  estimate.mc_error = 0.5 * std::sqrt(from_p.sample_variance() / n + from_q.sample_variance() / n);
  return estimate;
}

std::vector<Eigen::Vector3d> draw_pooled(const LabGaussian& p, const LabGaussian& q, std::size_t samples, Rng& rng) {
  const GaussianDensity dp(p), dq(q);
  std::vector<Eigen::Vector3d> points;
  points.reserve(2 * samples);
  for (std::size_t i = 0; i < samples; ++i) points.push_back(dp.draw(rng));
  for (std::size_t i = 0; i < samples; ++i) points.push_back(dq.draw(rng));
  return points;
}

double paper_js_distance(const LabGaussian& p, const LabGaussian& q, const std::vector<Eigen::Vector3d>& points) {
  const GaussianDensity dp(p), dq(q);
  std::vector<double> wp(points.size()), wq(points.size());
  double sum_p = 0.0, sum_q = 0.0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    wp[i] = portable::exp(dp.log_kernel(points[i]));
    wq[i] = portable::exp(dq.log_kernel(points[i]));
    sum_p += wp[i];
    sum_q += wq[i];
  }
  // scipy: KL terms by rel_entr (0 where a weight is 0), halved, square root.
  double divergence = 0.0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double a = wp[i] / sum_p, b = wq[i] / sum_q, m = 0.5 * (a + b);
    if (a > 0.0) divergence += a * portable::log(a / m);
    if (b > 0.0) divergence += b * portable::log(b / m);
  }
  return std::sqrt(std::max(0.0, 0.5 * divergence));
}

JsdEstimate paper_js_distance(const LabGaussian& p, const LabGaussian& q, std::size_t samples, Rng& rng) {
  JsdEstimate estimate;
  estimate.estimator = JsdEstimator::Paper;
  estimate.samples = samples;
  estimate.value = paper_js_distance(p, q, draw_pooled(p, q, samples, rng));
  estimate.mc_error = std::numeric_limits<double>::quiet_NaN();
  return estimate;
}

JsdEstimate estimate_jsd(JsdEstimator estimator, const LabGaussian& p, const LabGaussian& q, std::size_t samples,
                         Rng& rng) {
  return estimator == JsdEstimator::Paper ? paper_js_distance(p, q, samples, rng)
                                          : jensen_shannon_divergence(p, q, samples, rng);
}

const char* to_string(JsdEstimator estimator) { return estimator == JsdEstimator::Paper ? "paper" : "bits"; }

std::optional<JsdEstimator> jsd_estimator_from_string(const std::string& text) {
  if (text == "bits") return JsdEstimator::Bits;
  if (text == "paper") return JsdEstimator::Paper;
  return std::nullopt;
}

}  // namespace shoal
