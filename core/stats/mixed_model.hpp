#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "stats/model_frame.hpp"

namespace shoal {

// How the variance components are estimated.
enum class VarianceMethod {
  Reml,   // restricted maximum likelihood (statsmodels' default)
  Ml,     // maximum likelihood
};

const char* to_string(VarianceMethod method);

struct FixedEffect {
  std::string term;          // the design column's name
  double estimate = 0.0;
  double se = 0.0;           // from σ²(X'V⁻¹X)⁻¹ at the estimate
  double z = 0.0;            // estimate / se
  double p = 0.0;            // two-sided, standard normal
};

struct MixedModelFit {
  VarianceMethod method = VarianceMethod::Reml;
  std::vector<FixedEffect> fixed;
  double group_variance = 0.0;      // var(u_group)
  double residual_variance = 0.0;   // var(ε)
  // At the estimate, with statsmodels MixedLM's constants: for ML the full
  // Gaussian log-likelihood; for REML the restricted likelihood
  // −½[(n−p) log 2π + log|Σ| + log|X'Σ⁻¹X| + r'Σ⁻¹r], Σ = σ²I + σ²_g ZZ'
  // (no ½ log|X'X| term).
  double log_likelihood = 0.0;
  std::size_t observations = 0;
  std::size_t groups = 0;
  bool converged = false;
  // The group variance is estimated at its lower bound, zero: the data show
  // no more between-group variation than chance would give.
  bool boundary = false;
};

// Fits y = Xβ + u_group + ε, u ~ N(0, σ²_g), ε ~ N(0, σ²), by REML or ML.
// β and σ² are profiled out in closed form; the one remaining parameter,
// the variance ratio γ = σ²_g/σ², is found by a grid over log γ in
// [−23, 14] (γ from 1e−10 to 1.2e6) followed by golden-section search on the
// log scale around the best grid point, and compared with γ = 0. The fit is
// not converged when the likelihood still rises at the largest γ (the
// residual variance vanishing). Throws std::invalid_argument when the fixed
// effects fit the response exactly.
MixedModelFit fit_mixed_model(const ModelFrame& frame, VarianceMethod method);

}  // namespace shoal
