#include "color/answers.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace shoal {

void color_answer_records(const ColorDataset& dataset, const ColorAnalysis& analysis, std::size_t piece_records,
                          const std::function<void(const std::uint8_t* records, std::size_t bytes)>& piece) {
  std::vector<std::uint8_t> records;
  records.reserve(std::max<std::size_t>(piece_records, 1) * kColorAnswerRecordSize);
  const auto hand_over = [&] {
    if (!records.empty()) piece(records.data(), records.size());
    records.clear();
  };
  for (std::size_t p = 0; p < analysis.populations.size() && p < dataset.populations.size(); ++p) {
    // The population's word indices, as the analysis lists the words.
    std::map<std::string, std::size_t> word_index;
    const auto& words = analysis.populations[p].words;
    for (std::size_t w = 0; w < words.size(); ++w) word_index[words[w].word] = w;
    const auto& population = dataset.populations[p];
    std::vector<std::size_t> analysed(population.words.size());
    for (std::size_t w = 0; w < analysed.size(); ++w) analysed[w] = word_index.at(population.words[w]);
    for (const auto& r : population.responses) {
      if (!r.colour) continue;
      const std::size_t w = analysed[r.word];
      std::uint8_t record[kColorAnswerRecordSize];
      for (int byte = 0; byte < 4; ++byte) {
        record[byte] = static_cast<std::uint8_t>((p >> (8 * byte)) & 0xFF);
        record[4 + byte] = static_cast<std::uint8_t>((w >> (8 * byte)) & 0xFF);
      }
      record[8] = static_cast<std::uint8_t>(r.block);
      record[9] = r.colour->r;
      record[10] = r.colour->g;
      record[11] = r.colour->b;
      records.insert(records.end(), record, record + kColorAnswerRecordSize);
      if (records.size() == records.capacity()) hand_over();
    }
  }
  hand_over();
}

std::vector<std::uint8_t> color_answer_records(const ColorDataset& dataset, const ColorAnalysis& analysis) {
  // Sized once: a buffer doubled as it grows holds up to three times its
  // records while it moves.
  std::size_t valid = 0;
  for (const auto& p : analysis.populations) valid += p.valid_responses;
  std::vector<std::uint8_t> all;
  all.reserve(valid * kColorAnswerRecordSize);
  color_answer_records(dataset, analysis, std::size_t{1} << 16,
                       [&](const std::uint8_t* records, std::size_t bytes) { all.insert(all.end(), records, records + bytes); });
  return all;
}

}  // namespace shoal
