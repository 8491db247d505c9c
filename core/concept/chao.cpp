#include "concept/chao.hpp"

#include <algorithm>

namespace shoal {

double chao1_richness(const std::vector<std::size_t>& table_sizes, std::size_t people) {
  double f[5] = {0, 0, 0, 0, 0};
  for (std::size_t size : table_sizes) {
    if (size >= 1 && size <= 4) f[size] += 1.0;
  }
  const double n = static_cast<double>(people);
  const double tables = static_cast<double>(table_sizes.size());
  const double x = f[2] > 0 ? f[1] * f[1] / (2.0 * f[2]) : f[1] * (f[1] - 1.0) / 2.0;
  double estimate = tables + (n - 1.0) / n * x;
  if (f[4] > 0) {
    const double unseen = f[1] - (n - 3.0) / (n - 1.0) * (f[2] * f[3] / (2.0 * f[4]));
    estimate += (n - 3.0) / n * (f[3] / (4.0 * f[4])) * std::max(unseen, 0.0);
  }
  return estimate;
}

}  // namespace shoal
