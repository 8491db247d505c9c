#include "stats/mixed_model.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "stats/normal.hpp"
#include "stats/portable_math.hpp"

namespace shoal {
namespace {

constexpr double kLogTwoPi = 1.8378770664093454836;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Per-group sufficient statistics: with V_j = I + γ11' for the n_j rows of
// group j, V_j⁻¹ = I − c_j 11' with c_j = γ/(1 + n_j γ), so every quantity
// of the profiled likelihood is a sum over groups of these.
struct GroupStatistics {
  double size = 0.0;
  Eigen::VectorXd x_sum;   // X_j'1
  double y_sum = 0.0;
};

struct Profile {
  double gamma = 0.0;
  double log_likelihood = 0.0;
  Eigen::VectorXd beta;
  Eigen::MatrixXd xtvx_inverse;   // (X'V⁻¹X)⁻¹
  double quadratic = 0.0;         // r'V⁻¹r
  double scale = 0.0;             // σ²
  std::vector<double> residual_sum;   // per group, Σ r
};

struct Derivatives {
  double score = 0.0;           // ∂ℓ/∂γ
  double curvature = 0.0;       // ∂²ℓ/∂γ²
  Eigen::VectorXd beta_cross;   // ∂²ℓ/∂β∂γ
};

class ProfiledLikelihood {
 public:
  ProfiledLikelihood(const ModelFrame& frame, VarianceMethod method) : frame_(frame), method_(method) {
    const Eigen::Index p = frame.x.cols();
    groups_.resize(frame.group_names.size());
    for (auto& g : groups_) g.x_sum = Eigen::VectorXd::Zero(p);
    for (Eigen::Index r = 0; r < frame.x.rows(); ++r) {
      auto& g = groups_[frame.group[static_cast<std::size_t>(r)]];
      g.size += 1.0;
      g.x_sum += frame.x.row(r).transpose();
      g.y_sum += frame.y(r);
    }
    xtx_ = frame.x.transpose() * frame.x;
    xty_ = frame.x.transpose() * frame.y;
    y_squared_ = frame.y.squaredNorm();
  }

  Profile at(double gamma) const {
    const Eigen::Index p = frame_.x.cols();
    Eigen::MatrixXd xtvx = xtx_;
    Eigen::VectorXd xtvy = xty_;
    double log_det_v = 0.0;
    std::vector<double> shrink(groups_.size());
    for (std::size_t j = 0; j < groups_.size(); ++j) {
      const auto& g = groups_[j];
      shrink[j] = gamma / (1.0 + g.size * gamma);
      xtvx -= shrink[j] * g.x_sum * g.x_sum.transpose();
      xtvy -= shrink[j] * g.y_sum * g.x_sum;
      log_det_v += portable::log(1.0 + g.size * gamma);
    }
    const Eigen::LLT<Eigen::MatrixXd> llt(xtvx);
    Profile out;
    out.gamma = gamma;
    out.beta = llt.solve(xtvy);
    out.xtvx_inverse = llt.solve(Eigen::MatrixXd::Identity(p, p));
    // r'V⁻¹r from the residuals themselves, not y'V⁻¹y − b'β, which cancels.
    const Eigen::VectorXd residual = frame_.y - frame_.x * out.beta;
    out.residual_sum.assign(groups_.size(), 0.0);
    double quadratic = residual.squaredNorm();
    for (Eigen::Index r = 0; r < residual.size(); ++r) {
      out.residual_sum[frame_.group[static_cast<std::size_t>(r)]] += residual(r);
    }
    for (std::size_t j = 0; j < groups_.size(); ++j) {
      quadratic -= shrink[j] * out.residual_sum[j] * out.residual_sum[j];
    }
    out.quadratic = quadratic;

    const double dof = degrees_of_freedom();     out.scale = quadratic / dof;
    out.log_likelihood = -0.5 * log_det_v - 0.5 * dof * (portable::log(quadratic) + kLogTwoPi - portable::log(dof) + 1.0);
    if (method_ == VarianceMethod::Reml) {
      double log_det_xtvx = 0.0;
      const Eigen::MatrixXd l = llt.matrixL();
      for (Eigen::Index i = 0; i < p; ++i) log_det_xtvx += 2.0 * portable::log(l(i, i));
      out.log_likelihood -= 0.5 * log_det_xtvx;
    }
    // A residual that is rounding noise means the fixed effects fit exactly.
    if (llt.info() != Eigen::Success || !(quadratic > 1e-24 * y_squared_)) out.log_likelihood = kNaN;
    return out;
  }

  // First and second derivatives in γ of the likelihood profiled over σ²,
  // and the derivative in γ of its score in β. With V_j⁻¹1 = w_j 1 and
  // dV_j/dγ = 11', every term is a sum over groups.
  Derivatives derivatives(const Profile& at) const {
    const Eigen::Index p = frame_.x.cols();
    const double fac = degrees_of_freedom();
    const double q = at.quadratic;
    Eigen::VectorXd cross = Eigen::VectorXd::Zero(p);      // X'V⁻¹V'V⁻¹r
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(p, p);       // X'V⁻¹V'V⁻¹X
    Eigen::MatrixXd f = Eigen::MatrixXd::Zero(p, p);       // 2 X'V⁻¹V'V⁻¹V'V⁻¹X
    double b = 0.0, d = 0.0, trace = 0.0, trace_squared = 0.0;
    for (std::size_t j = 0; j < groups_.size(); ++j) {
      const auto& g = groups_[j];
      const double w = 1.0 / (1.0 + g.size * at.gamma);
      const double rho = at.residual_sum[j];
      cross += w * w * rho * g.x_sum;
      a += w * w * g.x_sum * g.x_sum.transpose();
      f += 2.0 * w * w * g.size * w * g.x_sum * g.x_sum.transpose();
      b += w * w * rho * rho;
      d += 2.0 * w * w * rho * rho * g.size * w;
      trace += g.size * w;
      trace_squared += (g.size * w) * (g.size * w);
    }
    Derivatives out;
    out.score = -0.5 * trace + 0.5 * fac * b / q;
    out.curvature = 0.5 * trace_squared - 0.5 * fac * (d / q - b * b / (q * q));
    if (method_ == VarianceMethod::Reml) {
      const Eigen::MatrixXd ma = at.xtvx_inverse * a;
      out.score += 0.5 * ma.trace();
      out.curvature += 0.5 * ((ma * ma).trace() - (at.xtvx_inverse * f).trace());
    }
    out.beta_cross = -fac * cross / q;
    return out;
  }

  // Covariance of β̂ as statsmodels reports it: the β block of the inverse
  // observed information of the likelihood profiled over σ², in (β, γ).
  // At a maximum the score in β vanishes, but its derivative in γ does not,
  // so this is slightly larger than σ²(X'V⁻¹X)⁻¹, which is what is left at
  // the boundary γ = 0 (there γ cannot move) or when the curvature in γ is
  // not negative.
  Eigen::MatrixXd fixed_effect_covariance(const Profile& at, bool boundary) const {
    const Eigen::MatrixXd plain = at.scale * at.xtvx_inverse;
    if (boundary) return plain;
    const Derivatives h = derivatives(at);
    if (!(h.curvature < 0.0)) return plain;
    // Schur complement of the γ block in the information matrix.
    const Eigen::MatrixXd info =
        at.xtvx_inverse.inverse() / at.scale - h.beta_cross * h.beta_cross.transpose() / (-h.curvature);
    return info.inverse();
  }

 private:
  double degrees_of_freedom() const {
    const double n = static_cast<double>(frame_.x.rows());
    return method_ == VarianceMethod::Reml ? n - static_cast<double>(frame_.x.cols()) : n;
  }

  const ModelFrame& frame_;
  VarianceMethod method_;
  std::vector<GroupStatistics> groups_;
  Eigen::MatrixXd xtx_;
  Eigen::VectorXd xty_;
  double y_squared_ = 0.0;
};

// NaN compares as worse than anything.
bool better(double a, double b) { return std::isfinite(a) && (!std::isfinite(b) || a > b); }

}  // namespace

const char* to_string(VarianceMethod method) { return method == VarianceMethod::Reml ? "reml" : "ml"; }

MixedModelFit fit_mixed_model(const ModelFrame& frame, VarianceMethod method) {
  const ProfiledLikelihood likelihood(frame, method);
  {
    const Profile ols = likelihood.at(0.0);
    if (!std::isfinite(ols.log_likelihood)) {
      throw std::invalid_argument("the fixed effects fit the response exactly: there is no variance to model");
    }
  }
  const auto at_log = [&](double t) { return likelihood.at(portable::exp(t)).log_likelihood; };

  // The profiled likelihood of γ is usually unimodal, but a grid first keeps
  // the search from settling on a local maximum.
  constexpr double kLow = -23.0, kHigh = 14.0, kStep = 0.5;
  const int steps = static_cast<int>((kHigh - kLow) / kStep);
  int best = 0;
  std::vector<double> grid(static_cast<std::size_t>(steps) + 1);
  for (int k = 0; k <= steps; ++k) {
    grid[static_cast<std::size_t>(k)] = at_log(kLow + kStep * k);
    if (better(grid[static_cast<std::size_t>(k)], grid[static_cast<std::size_t>(best)])) best = k;
  }

  MixedModelFit fit;
  fit.method = method;
  fit.observations = static_cast<std::size_t>(frame.x.rows());
  fit.groups = frame.group_names.size();
  fit.converged = best < steps && std::isfinite(grid[static_cast<std::size_t>(best)]);
  double gamma = 0.0;
  if (best > 0 && fit.converged) {
    // Golden-section search for the maximum in the two grid cells around it.
    const double ratio = 0.6180339887498949;
    double a = kLow + kStep * (best - 1), b = kLow + kStep * (best + 1);
    double c = b - ratio * (b - a), d = a + ratio * (b - a);
    double fc = at_log(c), fd = at_log(d);
    while (b - a > 1e-10) {
      if (better(fc, fd) || fc == fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - ratio * (b - a);
        fc = at_log(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + ratio * (b - a);
        fd = at_log(d);
      }
    }
    // Golden section stops at about √ε in log γ, as the likelihood is flat
    // at its maximum; Newton steps on the score, kept inside the bracket,
    // take γ to machine precision.
    gamma = portable::exp(0.5 * (a + b));
    const double low = portable::exp(kLow + kStep * (best - 1)), high = portable::exp(kLow + kStep * (best + 1));
    for (int step = 0; step < 8; ++step) {
      const Derivatives h = likelihood.derivatives(likelihood.at(gamma));
      if (!(h.curvature < 0.0)) break;
      const double next = gamma - h.score / h.curvature;
      if (!(next > low && next < high) || next == gamma) break;
      gamma = next;
    }
  } else if (!fit.converged) {
    gamma = portable::exp(kLow + kStep * best);
  }
  Profile profile = likelihood.at(gamma);
  if (fit.converged) {
    const Profile zero = likelihood.at(0.0);
    if (!better(profile.log_likelihood, zero.log_likelihood)) {
      profile = zero;
      fit.boundary = true;
    }
  }

  fit.residual_variance = profile.scale;
  fit.group_variance = profile.gamma * profile.scale;
  fit.log_likelihood = profile.log_likelihood;
  const Eigen::MatrixXd covariance = likelihood.fixed_effect_covariance(profile, fit.boundary);
  for (Eigen::Index c = 0; c < frame.x.cols(); ++c) {
    FixedEffect effect;
    effect.term = frame.columns[static_cast<std::size_t>(c)];
    effect.estimate = profile.beta(c);
    effect.se = std::sqrt(covariance(c, c));
    effect.z = effect.estimate / effect.se;
    effect.p = normal_two_sided_p(effect.z);
    fit.fixed.push_back(effect);
  }
  return fit;
}

}  // namespace shoal
