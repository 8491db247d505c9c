#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "concept/diversity.hpp"

namespace shoal {

// The three reliability measures of a concept, in the report's order and
// under the report's names: the paper's inter-subject reliability, the
// agreement of an individual with itself and between two individuals.
constexpr std::array<const char*, 3> kReliabilityMeasures = {"paper_intersubject", "within_individual",
                                                             "between_individuals"};

struct ReliabilityMedian {
  std::size_t concepts = 0;   // concepts with a value
  double median = 0.0;        // NaN without one
};

// The medians over the concepts of a group of populations, per measure (in
// kReliabilityMeasures' order). Every concept counts, below min_people or
// not: reliability is measured on the answers, not on the clustering.
struct ReliabilityGroup {
  std::string model;                      // empty for the humans and populations without a model
  std::vector<std::string> populations;   // in the analysis' order
  std::array<ReliabilityMedian, 3> medians;
};

struct ReliabilityMedians {
  ReliabilityGroup humans;                // every human population pooled
  // A group per model (its conditions pooled), else per population (humans,
  // populations without a model), in the order first met.
  std::vector<ReliabilityGroup> groups;
};

ReliabilityMedians reliability_medians(const ConceptAnalysis& analysis);

// The middle value, or the mean of the two middle values; NaN when empty.
double median_of(std::vector<double> values);

}  // namespace shoal
