#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "color/gaussian.hpp"
#include "color/lab.hpp"
#include "color/responses.hpp"
#include "stats/descriptive.hpp"
#include "stats/task_runner.hpp"
#include "stats/variability.hpp"

namespace shoal {

const char* to_string(DeltaEFormula formula);
std::optional<DeltaEFormula> delta_e_formula_from_string(const std::string& text);

struct ColorOptions {
  PairRule pairs = PairRule::All;
  DeltaEFormula formula = DeltaEFormula::Cie76;
  // Population the Jensen–Shannon divergences are taken against; empty means
  // the human population when there is exactly one.
  std::string reference;
  std::uint64_t seed = 1;
  JsdEstimator jsd = JsdEstimator::Bits;
  std::size_t jsd_samples = 20000;
  // A word with more complete individuals than this gets its population ΔE
  // from `sampled_pairs` pairs drawn at random instead of from every pair.
  std::size_t all_pairs_up_to = 20000;
  std::size_t sampled_pairs = 1000000;
};

struct WordDiversity {
  std::string word;
  std::size_t individuals = 0;        // answering in both blocks with valid colours
  std::size_t incomplete = 0;         // answering once, or with an invalid reply
  MeanInterval internal_delta_e;      // over individuals
  MeanInterval population_delta_e;    // over pairs of different individuals (n = pairs)
  double dist_from_diagonal = 0.0;    // |internal - population| / √2
  // Set when the population ΔE was estimated from sampled pairs (more
  // individuals than ColorOptions::all_pairs_up_to).
  std::optional<SampledPairs> sampled_pairs;
  std::optional<LabGaussian> block1_gaussian;
  std::optional<JsdEstimate> jsd_to_reference;
};

// A population's words whose population ΔE was estimated from sampled
// pairs: how many, and the Monte Carlo standard errors of the means over
// words that they carry into (the words' draws are independent, so
// √(Σ se²) / words analysed).
struct SampledWords {
  std::size_t words = 0;
  double population_delta_e_mc_error = 0.0;
  double dist_from_diagonal_mc_error = 0.0;
};

struct PopulationDiversity {
  PopulationLabel label;
  std::size_t individuals = 0;
  std::size_t valid_responses = 0;
  std::size_t invalid_responses = 0;
  std::vector<WordDiversity> words;        // alphabetical
  std::size_t words_analysed = 0;          // words with two or more complete individuals
  MeanInterval dist_from_diagonal;         // over analysed words: the headline number
  MeanInterval internal_delta_e;           // over analysed words
  MeanInterval population_delta_e;         // over analysed words
  LinearFit internal_on_population;        // words' internal ΔE regressed on population ΔE
  MeanInterval jsd_to_reference;           // over words with both Gaussians defined
  std::optional<SampledWords> sampled_words;   // set when any word's pairs were sampled
};

struct ColorAnalysis {
  ColorOptions options;
  std::string reference_population;        // empty when there is none
  std::vector<PopulationDiversity> populations;
};

// Internal vs population variability (stats/variability.hpp) of every
// population in the dataset, with CIELAB ΔE as the distance.
// Throws InputError for a word answered by a single individual and
// std::invalid_argument for a reference population that does not exist.
// `progress`, when set, is called as the words and their pairs are done
// with the fraction of the pair comparisons done (the work grows with the
// square of the individuals), one call at a time. A population's words are
// batches of `run_tasks`, and the pairs of its large words too, in blocks;
// the report does not depend on how the runner spreads them.
ColorAnalysis analyse_color(const ColorDataset& dataset, const ColorOptions& options,
                            const std::function<void(double)>& progress = {},
                            const TaskRunner& run_tasks = run_in_order);

}  // namespace shoal
