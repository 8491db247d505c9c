#include "compare/reliability_medians.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shoal {
namespace {

std::array<double, 3> measures_of(const ConceptResult& c) {
  return {c.paper_intersubject, c.within_agreement, c.between_agreement};
}

void finish(ReliabilityGroup& group, const std::array<std::vector<double>, 3>& values) {
  for (std::size_t m = 0; m < values.size(); ++m) group.medians[m] = {values[m].size(), median_of(values[m])};
}

void collect(const ConceptPopulationResult& p, std::array<std::vector<double>, 3>& values) {
  for (const auto& c : p.concepts) {
    const auto measured = measures_of(c);
    for (std::size_t m = 0; m < measured.size(); ++m) {
      if (std::isfinite(measured[m])) values[m].push_back(measured[m]);
    }
  }
}

}  // namespace

double median_of(std::vector<double> values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

ReliabilityMedians reliability_medians(const ConceptAnalysis& analysis) {
  ReliabilityMedians out;
  std::array<std::vector<double>, 3> human_values;
  std::vector<std::array<std::vector<double>, 3>> group_values;
  for (const auto& p : analysis.populations) {
    if (p.label.human) {
      out.humans.populations.push_back(p.label.name);
      collect(p, human_values);
    }
    const bool by_model = !p.label.human && !p.label.model.empty();
    auto found = std::find_if(out.groups.begin(), out.groups.end(),
                              [&](const ReliabilityGroup& g) { return by_model && g.model == p.label.model; });
    if (found == out.groups.end()) {
      out.groups.push_back({by_model ? p.label.model : std::string(), {}, {}});
      group_values.emplace_back();
      found = out.groups.end() - 1;
    }
    found->populations.push_back(p.label.name);
    collect(p, group_values[static_cast<std::size_t>(found - out.groups.begin())]);
  }
  finish(out.humans, human_values);
  for (std::size_t g = 0; g < out.groups.size(); ++g) finish(out.groups[g], group_values[g]);
  return out;
}

}  // namespace shoal
