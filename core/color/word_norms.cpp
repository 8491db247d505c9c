#include "color/word_norms.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <set>

#include "io/input_error.hpp"

namespace shoal {

namespace {

// How spreadsheets, R and pandas write a missing rating.
bool is_missing(const std::string& text) {
  const std::string t = normalise_name(text);
  return t.empty() || t == "na" || t == "n/a" || t == "nan";
}

}  // namespace

bool looks_like_word_norms(const CsvTable& table) {
  if (!table.find_column("word") || table.header.size() < 2) return false;
  for (const char* individual : {"participantID", "subject_num", "ID", "individual", "subject"}) {
    if (table.find_column(individual)) return false;
  }
  return true;
}

WordNorms read_word_norms(const CsvTable& table) {
  const std::size_t word_column = table.require_column("word");
  WordNorms norms;
  std::vector<std::size_t> scale_columns;
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    if (c == word_column) continue;
    scale_columns.push_back(c);
    norms.scales.emplace_back(trim(table.header[c]));
  }
  if (scale_columns.empty()) {
    throw InputError(table.file, 1, "", "expected a column of ratings beside the word column, found none");
  }
  std::set<std::string> seen;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::string word(trim(table.cell(r, word_column)));
    if (word.empty()) throw InputError(table.file, table.line_of(r), table.header[word_column], "expected a word, found an empty cell");
    if (!seen.insert(word).second) {
      throw InputError(table.file, table.line_of(r), table.header[word_column], "the word '" + word + "' is rated twice");
    }
    std::vector<double> ratings;
    for (std::size_t c : scale_columns) {
      const std::string text(trim(table.cell(r, c)));
      if (is_missing(text)) {
        ratings.push_back(std::numeric_limits<double>::quiet_NaN());
        continue;
      }
      const std::optional<double> value = finite_number(text);
      if (!value) {
        throw InputError(table.file, table.line_of(r), table.header[c], "expected a numeric rating, found '" + text + "'");
      }
      ratings.push_back(*value);
    }
    norms.words.push_back(word);
    norms.ratings.push_back(std::move(ratings));
  }
  if (norms.words.empty()) throw InputError(table.file, 1, "", "expected at least one rated word, found none");
  return norms;
}

}  // namespace shoal
