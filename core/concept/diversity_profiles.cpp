#include "concept/diversity_profiles.hpp"

#include <algorithm>
#include <limits>

#include "stats/diversity_profile.hpp"

namespace shoal {

const char* const kReleasedChainsMissing =
    "released chains record each draw's number of tables and P(same table), not its seating: Hill number q = 1, "
    "coverage, the curves, the comparisons at equal size and coverage and which concepts the population holds all "
    "need the table sizes or the seatings";

CellDiversity diversity_from_tables(const std::vector<DrawTables>& draws) {
  std::vector<double> q0, q1, q2, coverage;
  for (const auto& sizes : draws) {
    const HillNumbers hill = hill_numbers(sizes);
    q0.push_back(hill.q0);
    q1.push_back(hill.q1);
    q2.push_back(hill.q2);
    coverage.push_back(sample_coverage(sizes));
  }
  CellDiversity d;
  d.q0 = summarise_draws(std::move(q0));
  d.q1 = summarise_draws(std::move(q1));
  d.q2 = summarise_draws(std::move(q2));
  d.coverage = summarise_draws(std::move(coverage));
  return d;
}

CellDiversity diversity_from_records(const std::vector<IterationRecord>& draws) {
  std::vector<double> q0, q2;
  for (const auto& r : draws) {
    q0.push_back(static_cast<double>(r.tables));
    // The chains' P(same table) is Σ p_t², so its inverse is ²D exactly.
    q2.push_back(1.0 / r.p_same_table);
  }
  CellDiversity d;
  d.q0 = summarise_draws(std::move(q0));
  d.q1 = summarise_draws({});
  d.q2 = summarise_draws(std::move(q2));
  d.coverage = summarise_draws({});
  d.missing = kReleasedChainsMissing;
  return d;
}

DiversityAt diversity_at(const DrawTables& sizes, std::size_t m) {
  std::size_t n = 0;
  for (std::size_t x : sizes) n += x;
  DiversityAt d;
  d.q2 = expected_inverse_simpson(sizes, m);
  if (m < n) {
    d.richness = rarefied_tables(sizes, m);
    d.coverage = rarefied_coverage(sizes, m);
  } else {
    d.richness = extrapolated_tables(sizes, m - n);
    d.coverage = extrapolated_coverage(sizes, m - n);
  }
  return d;
}

std::vector<std::size_t> curve_sizes(std::size_t people, std::size_t extrapolate_to) {
  std::vector<std::size_t> sizes = {1};
  for (std::size_t k = 1; k <= 10; ++k) sizes.push_back(std::max<std::size_t>(1, (people * k + 5) / 10));
  const std::size_t end = people * std::max<std::size_t>(1, extrapolate_to);
  for (std::size_t k = 1; k <= 10; ++k) sizes.push_back(people + ((end - people) * k + 5) / 10);
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  return sizes;
}

std::vector<CurvePoint> diversity_curve(const std::vector<DrawTables>& draws, std::size_t people,
                                        std::size_t extrapolate_to) {
  std::vector<CurvePoint> curve;
  if (people < 2 || draws.empty()) return curve;
  for (std::size_t m : curve_sizes(people, extrapolate_to)) {
    std::vector<double> richness, q2, coverage;
    for (const auto& sizes : draws) {
      const DiversityAt d = diversity_at(sizes, m);
      richness.push_back(d.richness);
      q2.push_back(d.q2);
      coverage.push_back(d.coverage);
    }
    CurvePoint point;
    point.people = m;
    point.richness = summarise_draws(std::move(richness));
    point.q2 = summarise_draws(std::move(q2));
    point.coverage = summarise_draws(std::move(coverage));
    curve.push_back(std::move(point));
  }
  return curve;
}

namespace {

double mean_coverage(const std::vector<DrawTables>& draws, std::size_t m) {
  double total = 0.0;
  for (const auto& sizes : draws) total += diversity_at(sizes, m).coverage;
  return total / static_cast<double>(draws.size());
}

// The fewest people, up to `most`, at which one draw's coverage reaches
// `target` (coverage grows with the people), or `most` when it never does.
std::size_t people_for_coverage(const DrawTables& sizes, double target, std::size_t most, bool& reached) {
  reached = diversity_at(sizes, most).coverage >= target;
  if (!reached) return most;
  std::size_t low = 1, high = most;   // coverage(high) ≥ target
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (diversity_at(sizes, middle).coverage >= target) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

}  // namespace

ConceptDiversityComparison compare_at_equal_effort(const std::string& concept, const std::vector<ConceptDraws>& cells,
                                                   std::size_t extrapolate_to) {
  ConceptDiversityComparison c;
  c.concept = concept;
  if (cells.empty()) return c;
  c.common_people = std::numeric_limits<std::size_t>::max();
  double smallest_at_double = 1.0, largest_at_own = 0.0;
  for (const auto& cell : cells) {
    c.common_people = std::min(c.common_people, cell.people);
    smallest_at_double = std::min(smallest_at_double, mean_coverage(*cell.draws, 2 * cell.people));
    largest_at_own = std::max(largest_at_own, mean_coverage(*cell.draws, cell.people));
  }
  c.common_coverage = std::max(smallest_at_double, largest_at_own);
  for (const auto& cell : cells) {
    PopulationAtEqualEffort p;
    p.population = cell.population;
    p.people = cell.people;
    const std::size_t most = cell.people * std::max<std::size_t>(2, extrapolate_to);
    std::vector<double> size_q0, size_q2, coverage_people, coverage_q0, coverage_q2;
    for (const auto& sizes : *cell.draws) {
      const DiversityAt at_size = diversity_at(sizes, c.common_people);
      size_q0.push_back(at_size.richness);
      size_q2.push_back(at_size.q2);
      bool reached = false;
      const std::size_t m = people_for_coverage(sizes, c.common_coverage, most, reached);
      if (!reached) ++p.draws_short_of_coverage;
      const DiversityAt at_coverage = diversity_at(sizes, m);
      coverage_people.push_back(static_cast<double>(m));
      coverage_q0.push_back(at_coverage.richness);
      coverage_q2.push_back(at_coverage.q2);
    }
    p.size_q0 = summarise_draws(std::move(size_q0));
    p.size_q2 = summarise_draws(std::move(size_q2));
    p.coverage_people = summarise_draws(std::move(coverage_people));
    p.coverage_q0 = summarise_draws(std::move(coverage_q0));
    p.coverage_q2 = summarise_draws(std::move(coverage_q2));
    c.populations.push_back(std::move(p));
  }
  return c;
}

}  // namespace shoal
