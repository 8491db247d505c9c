#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "stats/posterior_summary.hpp"

namespace shoal {

// How many concepts a population holds, in units a reader grasps, from the
// recorded draws of its chains: each draw's seating is a sample of concepts
// (tables), so ecology's estimators (stats/diversity_profile.hpp) apply to
// every draw and the draws give posterior intervals.

// The table sizes of one recorded draw.
using DrawTables = std::vector<std::size_t>;

// A cell's draws as the distinct table sizes among them (each sorted,
// largest first; in increasing order) and how often each was drawn. Chains
// keep returning to the same few seatings (most of the paper's model
// populations sit at one or two tables throughout), and every estimator here
// depends on the sizes alone: each is computed once per distinct draw, not
// once per draw.
struct DistinctTables {
  std::vector<DrawTables> sizes;
  std::vector<std::size_t> counts;
  std::size_t draws() const;
};

// Builds DistinctTables one draw at a time.
class DistinctTablesTally {
 public:
  void add(const CountLists::List& sizes);
  void add(const DrawTables& sizes);
  std::size_t draws() const { return draws_; }
  DistinctTables finish() const;

 private:
  std::map<DrawTables, std::size_t> seen_;
  std::vector<std::uint32_t> last_;   // the last draw as given, to skip consecutive equal ones
  std::map<DrawTables, std::size_t>::iterator last_seen_;
  std::size_t draws_ = 0;
  DrawTables scratch_;
};

DistinctTables distinct_tables(const std::vector<DrawTables>& draws);

// One cell (population × concept × subset): Hill numbers q = 0, 1, 2 (the
// effective number of concepts; ²D = 1 / P(same table), "this many equally
// common concepts") and the sample coverage, each a posterior mean and 95%
// interval over the draws.
struct CellDiversity {
  PosteriorSummary q0, q1, q2, coverage;
  // What the draws did not allow, empty when they allowed everything.
  std::string missing;
};

CellDiversity diversity_from_tables(const std::vector<DrawTables>& draws);
CellDiversity diversity_from_tables(const DistinctTables& draws);
// Chains read from a file record each draw's number of tables and P(same
// table) but not its table sizes: ⁰D and ²D only, and `missing` says so.
CellDiversity diversity_from_records(const std::vector<IterationRecord>& draws);
extern const char* const kReleasedChainsMissing;

// Expected number of concepts, expected ²D and coverage of a sample of m
// people, m ≥ 1, from one draw of n ≥ 2 people: rarefied below n,
// extrapolated above it, the draw's own values at n.
struct DiversityAt {
  double richness = 0.0;
  double q2 = 0.0;
  double coverage = 0.0;
};
DiversityAt diversity_at(const DrawTables& sizes, std::size_t m);

// The sample sizes a concept's curve is evaluated at for n people: 1, the
// tenths of n up to n, then ten equal steps up to extrapolate_to × n (none
// when extrapolate_to is 1).
std::vector<std::size_t> curve_sizes(std::size_t people, std::size_t extrapolate_to);

// A curve point's posterior mean and 95% interval.
struct CurveSummary {
  double mean = 0.0;
  double low = 0.0;
  double high = 0.0;
};
// Held for every concept of every population until the report is written,
// so no more than the report and the tables show: the coverage as its mean.
struct CurvePoint {
  std::size_t people = 0;
  CurveSummary richness, q2;
  double coverage = 0.0;
};
// ⁰D (expected concepts), ²D and coverage by number of people, over the
// draws of one cell of `people` ≥ 2; empty for fewer people.
std::vector<CurvePoint> diversity_curve(const std::vector<DrawTables>& draws, std::size_t people,
                                        std::size_t extrapolate_to);
std::vector<CurvePoint> diversity_curve(const DistinctTables& draws, std::size_t people, std::size_t extrapolate_to);

// One concept across populations, each at its largest subset: at equal size
// (every population rarefied to the smallest one's people) and at equal
// coverage (Chao & Jost 2012: every population rarefied or extrapolated to
// the people at which its coverage reaches the common coverage). The common
// coverage is Chao et al.'s (2014) base: the larger of the smallest coverage
// at twice each population's people and the largest coverage at its own,
// from posterior means.
struct PopulationAtEqualEffort {
  std::string population;
  std::size_t people = 0;            // its own, at its largest subset
  PosteriorSummary size_q0, size_q2;                             // at common_people
  PosteriorSummary coverage_people, coverage_q0, coverage_q2;    // at common_coverage
  // Draws whose coverage stays below the common coverage up to the curve's
  // end (max(2, extrapolate_to) × people); they are taken at that end.
  std::size_t draws_short_of_coverage = 0;
};

struct ConceptDiversityComparison {
  std::string concept;
  std::size_t common_people = 0;
  double common_coverage = 0.0;
  std::vector<PopulationAtEqualEffort> populations;
};

// The input of one population for one concept: its name, its people and its
// draws' table sizes (at least 2 people and one draw).
struct ConceptDraws {
  std::string population;
  std::size_t people = 0;
  const DistinctTables* draws = nullptr;
};
ConceptDiversityComparison compare_at_equal_effort(const std::string& concept, const std::vector<ConceptDraws>& cells,
                                                   std::size_t extrapolate_to);

}  // namespace shoal
