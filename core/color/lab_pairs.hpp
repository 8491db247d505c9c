#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "color/lab.hpp"
#include "stats/population_pairs.hpp"

namespace shoal {

// One word's complete answers as the population distance reads them: ΔE
// between individual i's block-1 colour and individual j's block-2 colour.
// The block-2 colours are kept channel by channel, so that CIE76 (the
// paper's ΔE, most of an analysis's time) is taken for two pairs at once in
// vector lanes; each lane does what delta_e76 does, so the distances are the
// same bits either way. CIEDE2000 is taken one pair at a time.
class LabPairDistances : public PairDistanceSource {
 public:
  LabPairDistances(std::vector<Lab> first, const std::vector<Lab>& second, DeltaEFormula formula);
  std::size_t individuals() const { return first_.size(); }
  void row(std::size_t i, std::size_t begin, std::size_t end, double* out) const override;
  void pairs(const std::uint32_t* i, const std::uint32_t* j, std::size_t count, double* out) const override;

 private:
  Lab second(std::size_t j) const { return Lab{l2_[j], a2_[j], b2_[j]}; }

  std::vector<Lab> first_;
  std::vector<double> l2_, a2_, b2_;
  DeltaEFormula formula_;
};

}  // namespace shoal
