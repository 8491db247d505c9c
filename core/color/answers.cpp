#include "color/answers.hpp"

#include <map>
#include <string>

namespace shoal {

std::vector<std::uint8_t> color_answer_records(const ColorDataset& dataset, const ColorAnalysis& analysis) {
  std::vector<std::uint8_t> records;
  for (std::size_t p = 0; p < analysis.populations.size() && p < dataset.populations.size(); ++p) {
    std::map<std::string, std::size_t> word_index;
    const auto& words = analysis.populations[p].words;
    for (std::size_t w = 0; w < words.size(); ++w) word_index[words[w].word] = w;
    for (const auto& r : dataset.populations[p].responses) {
      if (!r.colour) continue;
      const std::size_t w = word_index.at(r.word);
      const std::uint8_t record[kColorAnswerRecordSize] = {
          static_cast<std::uint8_t>(p & 0xFF), static_cast<std::uint8_t>(p >> 8),
          static_cast<std::uint8_t>(w & 0xFF), static_cast<std::uint8_t>(w >> 8),
          static_cast<std::uint8_t>(r.block),  r.colour->r, r.colour->g, r.colour->b};
      records.insert(records.end(), record, record + kColorAnswerRecordSize);
    }
  }
  return records;
}

}  // namespace shoal
