#include "concept/diversity_profiles.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>

#include "stats/diversity_profile.hpp"

namespace shoal {

std::size_t DistinctTables::draws() const {
  std::size_t total = 0;
  for (std::size_t c : counts) total += c;
  return total;
}

void DistinctTablesTally::add(const CountLists::List& sizes) {
  if (draws_ > 0 && std::equal(sizes.begin(), sizes.end(), last_.begin(), last_.end())) {
    ++last_seen_->second;
  } else {
    last_.assign(sizes.begin(), sizes.end());
    scratch_.assign(sizes.begin(), sizes.end());
    std::sort(scratch_.begin(), scratch_.end(), std::greater<std::size_t>());
    last_seen_ = seen_.emplace(scratch_, 0).first;
    ++last_seen_->second;
  }
  ++draws_;
}

void DistinctTablesTally::add(const DrawTables& sizes) {
  std::vector<std::uint32_t> narrow(sizes.begin(), sizes.end());
  add(CountLists::List{narrow.data(), narrow.data() + narrow.size()});
}

DistinctTables DistinctTablesTally::finish() const {
  DistinctTables d;
  for (const auto& [sizes, count] : seen_) {
    d.sizes.push_back(sizes);
    d.counts.push_back(count);
  }
  return d;
}

DistinctTables distinct_tables(const std::vector<DrawTables>& draws) {
  DistinctTablesTally tally;
  for (const auto& draw : draws) tally.add(draw);
  return tally.finish();
}

namespace {

// The posterior summary of a value computed once per distinct draw.
template <typename Value>
PosteriorSummary summarise_distinct(const DistinctTables& draws, Value value) {
  std::vector<double> values;
  for (const auto& sizes : draws.sizes) values.push_back(value(sizes));
  return summarise_repeated_draws(values, draws.counts);
}

}  // namespace

const char* const kReleasedChainsMissing =
    "released chains record each draw's number of tables and P(same table), not its seating: Hill number q = 1, "
    "coverage, the curves, the comparisons at equal size and coverage and which concepts the population holds all "
    "need the table sizes or the seatings";

CellDiversity diversity_from_tables(const std::vector<DrawTables>& draws) {
  return diversity_from_tables(distinct_tables(draws));
}

CellDiversity diversity_from_tables(const DistinctTables& distinct) {
  std::vector<HillNumbers> hill;
  for (const auto& sizes : distinct.sizes) hill.push_back(hill_numbers(sizes));
  const auto hill_of = [&](const DrawTables& sizes) {
    return hill[static_cast<std::size_t>(&sizes - distinct.sizes.data())];
  };
  CellDiversity d;
  d.q0 = summarise_distinct(distinct, [&](const DrawTables& s) { return hill_of(s).q0; });
  d.q1 = summarise_distinct(distinct, [&](const DrawTables& s) { return hill_of(s).q1; });
  d.q2 = summarise_distinct(distinct, [&](const DrawTables& s) { return hill_of(s).q2; });
  d.coverage = summarise_distinct(distinct, [](const DrawTables& s) { return sample_coverage(s); });
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
  return diversity_curve(distinct_tables(draws), people, extrapolate_to);
}

std::vector<CurvePoint> diversity_curve(const DistinctTables& distinct, std::size_t people,
                                        std::size_t extrapolate_to) {
  std::vector<CurvePoint> curve;
  if (people < 2 || distinct.sizes.empty()) return curve;
  const std::vector<std::size_t> sizes = curve_sizes(people, extrapolate_to);
  // Held per concept until the report is written: sized, not doubled.
  curve.reserve(sizes.size());
  for (std::size_t m : sizes) {
    std::vector<DiversityAt> at;
    for (const auto& sizes : distinct.sizes) at.push_back(diversity_at(sizes, m));
    const auto at_of = [&](const DrawTables& sizes) { return at[static_cast<std::size_t>(&sizes - distinct.sizes.data())]; };
    CurvePoint point;
    point.people = m;
    const auto interval = [](const PosteriorSummary& s) { return CurveSummary{s.mean, s.low, s.high}; };
    point.richness = interval(summarise_distinct(distinct, [&](const DrawTables& s) { return at_of(s).richness; }));
    point.q2 = interval(summarise_distinct(distinct, [&](const DrawTables& s) { return at_of(s).q2; }));
    point.coverage = summarise_distinct(distinct, [&](const DrawTables& s) { return at_of(s).coverage; }).mean;
    curve.push_back(std::move(point));
  }
  return curve;
}

namespace {

double mean_coverage(const DistinctTables& draws, std::size_t m) {
  double total = 0.0, count = 0.0;
  for (std::size_t k = 0; k < draws.sizes.size(); ++k) {
    total += static_cast<double>(draws.counts[k]) * diversity_at(draws.sizes[k], m).coverage;
    count += static_cast<double>(draws.counts[k]);
  }
  return total / count;
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
  std::vector<const DistinctTables*> distinct;
  for (const auto& cell : cells) distinct.push_back(cell.draws);
  c.common_people = std::numeric_limits<std::size_t>::max();
  double smallest_at_double = 1.0, largest_at_own = 0.0;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    c.common_people = std::min(c.common_people, cells[k].people);
    smallest_at_double = std::min(smallest_at_double, mean_coverage(*distinct[k], 2 * cells[k].people));
    largest_at_own = std::max(largest_at_own, mean_coverage(*distinct[k], cells[k].people));
  }
  c.common_coverage = std::max(smallest_at_double, largest_at_own);
  for (std::size_t k = 0; k < cells.size(); ++k) {
    PopulationAtEqualEffort p;
    p.population = cells[k].population;
    p.people = cells[k].people;
    const std::size_t most = cells[k].people * std::max<std::size_t>(2, extrapolate_to);
    // Per distinct draw: at the common size, and at the common coverage.
    std::vector<DiversityAt> at_size, at_coverage;
    std::vector<std::size_t> coverage_people;
    for (std::size_t d = 0; d < distinct[k]->sizes.size(); ++d) {
      const DrawTables& sizes = distinct[k]->sizes[d];
      at_size.push_back(diversity_at(sizes, c.common_people));
      bool reached = false;
      coverage_people.push_back(people_for_coverage(sizes, c.common_coverage, most, reached));
      if (!reached) p.draws_short_of_coverage += distinct[k]->counts[d];
      at_coverage.push_back(diversity_at(sizes, coverage_people.back()));
    }
    const auto index = [&](const DrawTables& sizes) {
      return static_cast<std::size_t>(&sizes - distinct[k]->sizes.data());
    };
    p.size_q0 = summarise_distinct(*distinct[k], [&](const DrawTables& s) { return at_size[index(s)].richness; });
    p.size_q2 = summarise_distinct(*distinct[k], [&](const DrawTables& s) { return at_size[index(s)].q2; });
    p.coverage_people = summarise_distinct(
        *distinct[k], [&](const DrawTables& s) { return static_cast<double>(coverage_people[index(s)]); });
    p.coverage_q0 = summarise_distinct(*distinct[k], [&](const DrawTables& s) { return at_coverage[index(s)].richness; });
    p.coverage_q2 = summarise_distinct(*distinct[k], [&](const DrawTables& s) { return at_coverage[index(s)].q2; });
    c.populations.push_back(std::move(p));
  }
  return c;
}

}  // namespace shoal
