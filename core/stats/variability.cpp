#include "stats/variability.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace shoal {
namespace {

std::optional<double> as_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

bool id_less(const std::string& x, const std::string& y) {
  const auto nx = as_number(x), ny = as_number(y);
  if (nx && ny) return *nx < *ny || (*nx == *ny && x < y);
  if (nx || ny) return nx.has_value();
  return x < y;
}

double distance_from_diagonal(double internal_mean, double population_mean) {
  return std::fabs(internal_mean - population_mean) / std::sqrt(2.0);
}

ItemVariability item_variability(std::size_t individuals, const MeanInterval& internal,
                                 const PopulationDistance& population) {
  ItemVariability out;
  out.individuals = individuals;
  out.internal = internal;
  out.population = population.distance;
  out.dist_from_diagonal = distance_from_diagonal(internal.mean, population.distance.mean);
  out.sampled_pairs = population.sampled;
  return out;
}

void VariabilitySummariser::add(const ItemVariability& item) {
  if (item.individuals < 2) return;
  internal_.push_back(item.internal.mean);
  population_.push_back(item.population.mean);
  distances_.push_back(item.dist_from_diagonal);
}

VariabilitySummary VariabilitySummariser::summary() const {
  VariabilitySummary s;
  s.items_analysed = distances_.size();
  s.dist_from_diagonal = mean_interval(distances_);
  s.internal = mean_interval(internal_);
  s.population = mean_interval(population_);
  s.internal_on_population = fit_line(population_, internal_);
  return s;
}

void PairMeter::done(std::size_t individuals) {
  add(static_cast<double>(individuals) * static_cast<double>(individuals));
}

void PairMeter::add(double work) {
  const std::lock_guard<std::mutex> lock(mutex_);
  done_ += work;
  if (progress_ && total_ > 0.0) progress_(std::min(1.0, done_ / total_));
}

}  // namespace shoal
