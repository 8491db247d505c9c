#pragma once
#include <cstdint>
#include <vector>

#include "color/diversity.hpp"
#include "color/responses.hpp"

namespace shoal {

// Every valid answer as a fixed 8-byte record for the page's colour bars,
// which need all answers of a population for one word:
//   bytes 0-1  population index in the analysis (little-endian)
//   bytes 2-3  word index in that population's `words`
//   byte  4    block (1 or 2)
//   bytes 5-7  r, g, b
constexpr std::size_t kColorAnswerRecordSize = 8;
std::vector<std::uint8_t> color_answer_records(const ColorDataset& dataset, const ColorAnalysis& analysis);

}  // namespace shoal
