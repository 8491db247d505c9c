#pragma once
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "stats/descriptive.hpp"

namespace shoal {

// Internal against population variability, the method of the colour task
// with any answer space and distance: an individual answers each item twice
// (blocks 1 and 2); internal distance is between one individual's two
// answers, population distance between the block-1 answer of one individual
// and the block-2 answer of another. A population whose individuals each
// hold one concept sits near the line of unity (internal ≈ population);
// individuals who differ from one another lie below it.

// How pairs of different individuals are formed for the population distance.
enum class PairRule {
  All,     // every ordered pair i ≠ j: does not depend on the order of ids
  Paper,   // i < j in ascending id order, as the paper's code did
};

const char* to_string(PairRule rule);
std::optional<PairRule> pair_rule_from_string(const std::string& text);

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
};

// first[i] and second[i] are individual i's answers in blocks 1 and 2,
// individuals in ascending id order.
template <typename Point, typename Distance>
ItemVariability item_variability(const std::vector<Point>& first, const std::vector<Point>& second, PairRule rule,
                                 Distance distance) {
  ItemVariability out;
  const std::size_t n = first.size();
  out.individuals = n;
  RunningMoments internal, population;
  for (std::size_t i = 0; i < n; ++i) internal.add(distance(first[i], second[i]));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = rule == PairRule::Paper ? i + 1 : 0; j < n; ++j) {
      if (j != i) population.add(distance(first[i], second[j]));
    }
  }
  out.internal = internal.interval();
  out.population = population.interval();
  out.dist_from_diagonal = distance_from_diagonal(out.internal.mean, out.population.mean);
  return out;
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

 private:
  const std::function<void(double)>& progress_;
  double total_;
  double done_ = 0.0;
  std::mutex mutex_;
};

}  // namespace shoal
