#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "color/lab.hpp"
#include "stats/rng.hpp"

namespace shoal {

// A population's answers for one word summarised as a 3-D Gaussian in
// L*a*b* (sample mean, sample covariance with n - 1).
struct LabGaussian {
  std::size_t n = 0;
  Eigen::Vector3d mean = Eigen::Vector3d::Zero();
  Eigen::Matrix3d covariance = Eigen::Matrix3d::Zero();
};

// nullopt with fewer than two answers or a (numerically) singular covariance:
// a population that only ever names colours on a plane has no density.
std::optional<LabGaussian> fit_lab_gaussian(const std::vector<Lab>& answers);

// Two estimators of how far a population's Gaussian is from the reference's:
// the Jensen–Shannon divergence in bits, and the number the paper's code
// computed and plotted, which is a different quantity (see
// paper_js_distance). Both are seeded.
enum class JsdEstimator { Bits, Paper };

const char* to_string(JsdEstimator estimator);
std::optional<JsdEstimator> jsd_estimator_from_string(const std::string& text);

struct JsdEstimate {
  JsdEstimator estimator = JsdEstimator::Bits;
  double value = 0.0;         // bits: JSD base 2, in [0, 1]; paper: JS distance, in [0, √ln 2]
  // Monte Carlo standard error of `value`; NaN for the paper's estimator,
  // a ratio of sums whose error the paper never defined.
  double mc_error = 0.0;
  std::size_t samples = 0;    // draws from each of the two Gaussians
};

// Monte Carlo estimate of JSD(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = ½(P + Q),
// drawing `samples` points from each Gaussian.
JsdEstimate jensen_shannon_divergence(const LabGaussian& p, const LabGaussian& q, std::size_t samples, Rng& rng);

// `samples` draws from P followed by `samples` draws from Q.
std::vector<Eigen::Vector3d> draw_pooled(const LabGaussian& p, const LabGaussian& q, std::size_t samples, Rng& rng);

// The paper's calculate_multivariate_jsd on given pooled points: each point
// weighted by each Gaussian's unnormalised density exp(-½ (x-μ)ᵀ Σ⁻¹ (x-μ)),
// each weight vector normalised to sum 1 over the points, then the JS
// distance of the two weight vectors (scipy's jensenshannon: the square root
// of the divergence, natural log). Not an estimate of the divergence between
// the Gaussians: the weights are not importance weights and the determinants
// are dropped.
double paper_js_distance(const LabGaussian& p, const LabGaussian& q, const std::vector<Eigen::Vector3d>& points);

// The same on `samples` seeded draws from each Gaussian.
JsdEstimate paper_js_distance(const LabGaussian& p, const LabGaussian& q, std::size_t samples, Rng& rng);

JsdEstimate estimate_jsd(JsdEstimator estimator, const LabGaussian& p, const LabGaussian& q, std::size_t samples,
                         Rng& rng);

}  // namespace shoal
