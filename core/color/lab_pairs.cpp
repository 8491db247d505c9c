#include "color/lab_pairs.hpp"

#include <utility>

#include "stats/f64x2.hpp"

namespace shoal {

LabPairDistances::LabPairDistances(std::vector<Lab> first, const std::vector<Lab>& second, DeltaEFormula formula)
    : first_(std::move(first)), formula_(formula) {
  l2_.reserve(second.size());
  a2_.reserve(second.size());
  b2_.reserve(second.size());
  for (const Lab& c : second) {
    l2_.push_back(c.l);
    a2_.push_back(c.a);
    b2_.push_back(c.b);
  }
}

void LabPairDistances::row(std::size_t i, std::size_t begin, std::size_t end, double* out) const {
  const Lab& x = first_[i];
  std::size_t j = begin;
  if (formula_ == DeltaEFormula::Cie76) {
    const F64x2 l = F64x2::splat(x.l), a = F64x2::splat(x.a), b = F64x2::splat(x.b);
    for (; j + 2 <= end; j += 2, out += 2) {
      const F64x2 dl = l - F64x2::load(&l2_[j]), da = a - F64x2::load(&a2_[j]), db = b - F64x2::load(&b2_[j]);
      sqrt(dl * dl + da * da + db * db).store(out);
    }
  }
  for (; j < end; ++j) *out++ = delta_e(x, second(j), formula_);
}

void LabPairDistances::pairs(const std::uint32_t* i, const std::uint32_t* j, std::size_t count, double* out) const {
  for (std::size_t k = 0; k < count; ++k) out[k] = delta_e(first_[i[k]], second(j[k]), formula_);
}

}  // namespace shoal
