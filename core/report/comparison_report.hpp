#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "compare/comparison.hpp"

namespace shoal {

// The "comparisons" object of both reports. Numbers that are not finite are
// null.
//
// {
//   "unit": "word" | "item" | "concept",
//   "metrics": ["dist_from_diagonal"] |
//              ["p_multiple_concepts", "last_p_multiple_concepts"],
//   "bootstrap": {"draws": N, "seed": S, "level": 0.95, "interval": "percentile",
//                 "resampling": "units within each population"},
//   "populations": [{
//     "population", "human", "model", "prompt", "temperature", "family", "aligned",
//     "summaries": {METRIC: {CATEGORY: {"units", "mean", "sd", "ci95": [lo, hi],
//                                       "bootstrap_ci95": [lo, hi] | null}}}
//   }],                   // CATEGORY: "all", and for concepts "animals", "politicians", ...
//   "human_baseline": [{"population", "metric", "units", "mean", "ci95", "bootstrap_ci95"}],
//   "conditions": [{      // LLM populations, ordered family, prompt, temperature, aligned, model
//     "population", "model", "family", "aligned", "prompt", "temperature",
//     "metrics": {METRIC: {"units", "mean", "bootstrap_ci95"}}
//   }],
//   "models": [{
//     "name": "alignment" | "manipulation", "metric", "formula",
//     "status": "fitted" | "skipped", "reason": null | "...",
//     "populations", "groups": [...], "reference_levels": {"temperature": "default", ...},
//     "reml": FIT | null, "ml": FIT | null
//   }],
//   "min_people": N,      // concepts only: the setting, and the concepts it
//   "left_out": [{"population", "concept", "people"}]   // left out of all the above
//   // concepts only, per population: "subset_means": [{"category", "people", "concepts", "mean"}],
//   // "category_cells": [{"category", "cells", "p_multiple_concepts", "last_p_multiple_concepts"}];
//   "reliability_medians": {"measures": [...], "humans": GROUP, "groups": [GROUP]}
// }
// GROUP = {"model": "..." | null, "populations": [...], "medians": {MEASURE: {"concepts", "median"}}}
// FIT = {"fixed": [{"term", "estimate", "se", "z", "p"}], "group_variance",
//        "residual_variance", "log_likelihood", "observations", "groups",
//        "converged", "boundary"}
nlohmann::json comparison_json(const ComparisonResult& result);

// A few lines for a terminal: per model its formula and, when fitted, the
// REML estimates of the non-intercept terms with SE and p; else the reason.
std::string comparison_summary(const ComparisonResult& result);

}  // namespace shoal
