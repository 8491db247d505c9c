#pragma once
#include <string>
#include <vector>

#include "io/csv.hpp"

namespace shoal {

// Ratings of words on numeric scales (concreteness, imageability, ...), as
// in word-norm studies: one row per word, a word column and one column per
// scale. An empty cell, NA, N/A or NaN is a missing rating (NaN).
struct WordNorms {
  std::vector<std::string> scales;           // the rating columns, in file order
  std::vector<std::string> words;
  std::vector<std::vector<double>> ratings;  // ratings[word][scale]
};

// True when the table has a word column and no column of the colour or
// similarity formats' individuals (participantID, subject_num, ID).
bool looks_like_word_norms(const CsvTable& table);

// Reads word norms: every column but the word column is a scale. Throws
// InputError naming file, row and column for a missing word column, no
// scale column, an empty or repeated word, or a rating that is not a number.
WordNorms read_word_norms(const CsvTable& table);

}  // namespace shoal
