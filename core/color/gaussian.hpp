#pragma once
#include <cstddef>
#include <optional>
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

struct JsdEstimate {
  double bits = 0.0;          // Jensen–Shannon divergence, base 2, in [0, 1]
  double mc_error = 0.0;      // Monte Carlo standard error of that estimate
  std::size_t samples = 0;    // draws from each of the two Gaussians
};

// Monte Carlo estimate of JSD(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = ½(P + Q),
// drawing `samples` points from each Gaussian.
JsdEstimate jensen_shannon_divergence(const LabGaussian& p, const LabGaussian& q, std::size_t samples, Rng& rng);

}  // namespace shoal
