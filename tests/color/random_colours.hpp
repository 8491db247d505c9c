// Colours drawn uniformly over the sRGB cube, as Lab: what the colour-pair
// tests and the pair-lane benchmark compare their loops on.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "color/lab.hpp"
#include "stats/rng.hpp"

namespace shoal::test {

inline std::vector<Lab> random_colours(std::size_t n, Rng& rng) {
  std::vector<Lab> out;
  for (std::size_t k = 0; k < n; ++k) {
    out.push_back(srgb_to_lab({static_cast<std::uint8_t>(rng.below(256)), static_cast<std::uint8_t>(rng.below(256)),
                               static_cast<std::uint8_t>(rng.below(256))}));
  }
  return out;
}

}  // namespace shoal::test
