#pragma once
#include <vector>

namespace shoal {

// Draws of one quantity, one vector per chain.
using DrawsByChain = std::vector<std::vector<double>>;

// Each chain cut into its first and second half (with an odd length the
// middle draw is left out), so that a chain drifting from one region to
// another disagrees with itself. Throws std::invalid_argument when the chains
// differ in length.
DrawsByChain split_chains(const DrawsByChain& chains);

// Effective sample size of the chains as given (split them first for the
// usual split ESS), exactly as R's posterior package computes it (1.4.0,
// after Vehtari et al. 2021): the chains' autocovariances at lag t (divisor
// n, Geyer's "biased" estimate) averaged over chains, ρ_t = 1 − (W −
// mean autocovariance_t) / var⁺ with var⁺ = W(n − 1)/n + the variance of the
// chain means; Geyer's initial positive sequence (pairs ρ_2k + ρ_2k+1 while
// positive), made monotone; τ = −1 + 2·Σ ρ_t + the first even ρ beyond the
// sequence when positive (the improved estimate for antithetic chains), at
// least 1/log10(draws). ESS = draws / τ. NaN with fewer than 3 draws per chain,
// a non-finite draw, or when the quantity never varies: undefined, not poor.
double effective_sample_size_of_chains(const DrawsByChain& chains);

// Split-chain effective sample size of one quantity (R posterior's
// ess_mean; Stan's bulk ESS without the rank normalisation): the chains split
// in halves, then effective_sample_size_of_chains. Throws
// std::invalid_argument for chains of different lengths; NaN with fewer than
// 6 draws per chain or when the quantity never varies.
double effective_sample_size(const DrawsByChain& chains);

}  // namespace shoal
