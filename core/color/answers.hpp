#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "color/diversity.hpp"
#include "color/responses.hpp"

namespace shoal {

// Every valid answer as a fixed 12-byte record for the page's colour bars,
// which need all answers of a population for one word:
//   bytes 0-3  population index in the analysis (little-endian)
//   bytes 4-7  word index in that population's `words` (little-endian)
//   byte  8    block (1 or 2)
//   bytes 9-11 r, g, b
constexpr std::size_t kColorAnswerRecordSize = 12;
std::vector<std::uint8_t> color_answer_records(const ColorDataset& dataset, const ColorAnalysis& analysis);

// The same records handed to `piece` in order, at most `piece_records` at a
// time, for a caller that copies them elsewhere (the page's memory) rather
// than hold them all. There are as many as the analysis counts valid
// responses.
void color_answer_records(const ColorDataset& dataset, const ColorAnalysis& analysis, std::size_t piece_records,
                          const std::function<void(const std::uint8_t* records, std::size_t bytes)>& piece);

}  // namespace shoal
