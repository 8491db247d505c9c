#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "stats/descriptive.hpp"
#include "stats/population_pairs.hpp"

namespace shoal {

// Internal against population variability, the method of the colour task
// with any answer space and distance: an individual answers each item twice
// (blocks 1 and 2); internal distance is between one individual's two
// answers, population distance between the block-1 answer of one individual
// and the block-2 answer of another. A population whose individuals each
// hold one concept sits near the line of unity (internal ≈ population);
// individuals who differ from one another lie below it.

// Orders individual ids as the paper did: numbers numerically, before any
// non-numeric id, which compare as text.
bool id_less(const std::string& x, const std::string& y);

// |internal - population| / √2: how far an item's point lies from the line
// of unity.
double distance_from_diagonal(double internal_mean, double population_mean);

struct ItemVariability {
  std::size_t individuals = 0;     // with both answers
  MeanInterval internal;           // over individuals
  MeanInterval population;         // over pairs of different individuals (n = pairs)
  double dist_from_diagonal = 0.0; // |internal - population| / √2
  // Set when the population distance was estimated from sampled pairs.
  std::optional<SampledPairs> sampled_pairs;
};

// The internal distance of individuals with answers first[i] and second[i].
template <typename Point, typename Distance>
MeanInterval internal_distance(const std::vector<Point>& first, const std::vector<Point>& second, Distance distance) {
  RunningMoments internal;
  for (std::size_t i = 0; i < first.size(); ++i) internal.add(distance(first[i], second[i]));
  return internal.interval();
}

// An item's numbers from its internal and population distances.
ItemVariability item_variability(std::size_t individuals, const MeanInterval& internal,
                                 const PopulationDistance& population);

// A PairDistanceSource of two vectors of points and a distance between two
// points, one pair at a time.
template <typename Point, typename Distance>
class PointPairDistances : public PairDistanceSource {
 public:
  PointPairDistances(const std::vector<Point>& first, const std::vector<Point>& second, Distance distance)
      : first_(first), second_(second), distance_(distance) {}
  void row(std::size_t i, std::size_t begin, std::size_t end, double* out) const override {
    for (std::size_t j = begin; j < end; ++j) *out++ = distance_(first_[i], second_[j]);
  }
  void pairs(const std::uint32_t* i, const std::uint32_t* j, std::size_t count, double* out) const override {
    for (std::size_t k = 0; k < count; ++k) out[k] = distance_(first_[i[k]], second_[j[k]]);
  }

 private:
  const std::vector<Point>& first_;
  const std::vector<Point>& second_;
  Distance distance_;
};

// first[i] and second[i] are individual i's answers in blocks 1 and 2,
// individuals in ascending id order.
template <typename Point, typename Distance>
ItemVariability item_variability(const std::vector<Point>& first, const std::vector<Point>& second, PairRule rule,
                                 Distance distance) {
  const PointPairDistances<Point, Distance> pairs(first, second, distance);
  return item_variability(first.size(), internal_distance(first, second, distance),
                          population_distance(first.size(), rule, PairSampling{}, pairs));
}

// A population's headline numbers over its items with two or more complete
// individuals, in the order added.
struct VariabilitySummary {
  std::size_t items_analysed = 0;
  MeanInterval dist_from_diagonal;
  MeanInterval internal;
  MeanInterval population;
  LinearFit internal_on_population;   // items' internal mean regressed on population mean
};

class VariabilitySummariser {
 public:
  void add(const ItemVariability& item);
  VariabilitySummary summary() const;

 private:
  std::vector<double> internal_, population_, distances_;
};

// Counts pair comparisons, the work of an analysis, for progress reports:
// an item answered by n individuals costs n². Items analysed on several
// threads at once may report to one meter: it tells progress of one at a
// time.
class PairMeter {
 public:
  PairMeter(const std::function<void(double)>& progress, double total) : progress_(progress), total_(total) {}
  void done(std::size_t individuals);
  // `work` more comparisons done.
  void add(double work);

 private:
  const std::function<void(double)>& progress_;
  double total_;
  double done_ = 0.0;
  std::mutex mutex_;
};

}  // namespace shoal
