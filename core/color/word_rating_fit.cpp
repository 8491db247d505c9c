#include "color/word_rating_fit.hpp"

#include <cmath>
#include <limits>
#include <unordered_map>

#include "stats/descriptive.hpp"

namespace shoal {

WordRatingFit fit_rating(const std::string& scale, const std::vector<double>& rating, const std::vector<double>& internal) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  WordRatingFit fit{scale, rating.size(), nan, nan, nan};
  if (rating.size() < kMinWordsForRatingFit || rating.size() != internal.size()) return fit;
  const LinearFit line = fit_line(rating, internal);
  fit.slope = line.slope;
  fit.intercept = line.intercept;
  fit.r = line.r;
  return fit;
}

std::vector<std::vector<WordRatingFit>> word_rating_fits(const ColorAnalysis& analysis, const WordNorms& norms) {
  std::unordered_map<std::string, std::size_t> row_of;
  for (std::size_t w = 0; w < norms.words.size(); ++w) row_of.emplace(norms.words[w], w);
  std::vector<std::vector<WordRatingFit>> out;
  for (const auto& p : analysis.populations) {
    std::vector<WordRatingFit> fits;
    for (std::size_t s = 0; s < norms.scales.size(); ++s) {
      std::vector<double> rating, internal;
      for (const auto& w : p.words) {
        const auto row = row_of.find(w.word);
        if (row == row_of.end()) continue;
        const double x = norms.ratings[row->second][s];
        const double y = w.internal_delta_e.mean;
        if (!std::isfinite(x) || !std::isfinite(y) || w.internal_delta_e.n == 0) continue;
        rating.push_back(x);
        internal.push_back(y);
      }
      fits.push_back(fit_rating(norms.scales[s], rating, internal));
    }
    out.push_back(std::move(fits));
  }
  return out;
}

}  // namespace shoal
