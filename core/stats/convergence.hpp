#pragma once
#include <vector>

#include "stats/effective_sample_size.hpp"

namespace shoal {

// Convergence diagnostics of one quantity sampled by several Markov chains,
// as the field computes them (Vehtari, Gelman, Simpson, Carpenter & Bürkner
// 2021, "Rank-normalization, folding, and localization: an improved R-hat";
// Stan, ArviZ, PyMC and R's posterior package), and equal to R's posterior
// 1.4.0 rhat, ess_bulk, ess_tail and mcse_mean.
//
// Undefined is not failed: a quantity that never changes has no R-hat and no
// ESS (NaN), nor has a tail whose indicator never changes (a quantity that
// sits on one value for more than 95% of its draws). NaN means "nothing to
// diagnose", and a verdict reads it so (see convergence_verdict.hpp).
// "Never changes" means every draw is exactly equal (posterior allows a
// spread below 2.2e-16, which only matters for quantities that small).

// Every draw replaced by the normal score of its rank among all draws of all
// chains, z = Φ⁻¹((rank − 3/8) / (S + 1/4)) with S the number of draws (Blom's
// offset), tied draws sharing their average rank. The result no longer depends
// on the quantity's scale or tails, so a heavy-tailed or bounded quantity is
// diagnosed like a normal one.
DrawsByChain rank_normalise(const DrawsByChain& chains);

// |x − median of all draws|: its R-hat sees chains that agree in location but
// not in spread.
DrawsByChain fold_around_median(const DrawsByChain& chains);

// R's default quantile (type 7): linear interpolation between the order
// statistics at 1 + (S − 1)p, with R's arithmetic. NaN for no values.
double quantile_type7(std::vector<double> values, double p);

// Gelman–Rubin potential scale reduction of the chains as given (no split,
// no ranks): √((n − 1)/n + B/(nW)), B/n the variance of the chain means, W the
// mean within-chain variance. NaN with fewer than two chains or two draws per
// chain, a non-finite draw, or every draw equal; +inf when every chain is
// constant but they differ (the chains are stuck apart).
double potential_scale_reduction(const DrawsByChain& chains);

// Gelman and Rubin's classic R-hat of whole chains, read for a report:
// potential_scale_reduction, but 1 when every draw is equal (the chains agree
// perfectly) and NaN, not +inf, when every chain is constant but they differ.
// NaN with fewer than two chains or two draws per chain.
double classic_r_hat(const DrawsByChain& chains);

struct ConvergenceDiagnostics {
  bool constant = false;   // every draw equal: every diagnostic is NaN
  double r_hat = 0.0;      // max of bulk and folded rank-normalised split R-hat
  double ess_bulk = 0.0;   // ESS of the rank-normalised split draws
  double ess_tail = 0.0;   // min ESS of the indicators x <= q5% and x <= q95%
  double mcse_mean = 0.0;  // sd of all draws / √(ESS of the plain split draws)
};

// The diagnostics of one quantity. Chains must have equal lengths
// (std::invalid_argument otherwise); any number of chains works, though the
// field asks for at least 4. Each field is NaN when it is undefined: constant
// draws, a constant tail indicator, a non-finite draw, or fewer than 3 draws
// per half chain.
ConvergenceDiagnostics convergence_diagnostics(const DrawsByChain& chains);

}  // namespace shoal
