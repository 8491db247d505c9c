#pragma once
#include <vector>

namespace shoal {

// Effective sample size of one quantity from several chains of equal
// length, as in Gelman et al., Bayesian Data Analysis (3rd ed., §11.5) and
// Stan's bulk ESS without the rank normalisation: each chain is split in
// halves (so a drifting chain counts as disagreeing with itself), the
// autocorrelation at lag t combines the chains' autocovariances with the
// between-chain variance, ρ_t = 1 − (W − mean autocovariance_t) / var⁺, and
// the sum of autocorrelations is truncated by Geyer's initial monotone
// sequence (pairs ρ_2k + ρ_2k+1 while positive, made non-increasing).
// ESS = draws / τ with τ = −1 + 2·Σ pairs, τ at least 1/log10(draws) as in
// Stan (which bounds the ESS of antithetic chains). NaN when there are fewer
// than 4 draws per chain or the quantity never varies.
double effective_sample_size(const std::vector<std::vector<double>>& chains);

}  // namespace shoal
