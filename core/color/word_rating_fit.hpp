#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "color/diversity.hpp"
#include "color/word_norms.hpp"

namespace shoal {

// The least-squares line of a population's internal ΔE (per word, the mean
// over individuals of the distance between their two answers) on the words'
// rating on one scale, with Pearson's r: the paper's word-ratings figures.
struct WordRatingFit {
  std::string scale;
  std::size_t n = 0;          // words with both a rating and an internal ΔE
  double r = 0.0;             // NaN when either variable is constant
  double slope = 0.0;         // NaN when the ratings are constant
  double intercept = 0.0;
};

// Fewer than this many words fit no line: its fields are NaN.
constexpr std::size_t kMinWordsForRatingFit = 3;

// Per population (in the analysis' order), one fit per scale of the norms
// (in their order). A word is matched by its exact spelling.
std::vector<std::vector<WordRatingFit>> word_rating_fits(const ColorAnalysis& analysis, const WordNorms& norms);

// One scale's fit over paired values.
WordRatingFit fit_rating(const std::string& scale, const std::vector<double>& rating, const std::vector<double>& internal);

}  // namespace shoal
