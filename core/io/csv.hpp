#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shoal {

// A delimited text file held as cells. Records keep the line on which they
// start so every later message can point the user at the right place.
class CsvTable {
 public:
  std::string file;                      // display name used in messages
  char delimiter = ',';
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> row_line;     // 1-based line where each record starts

  // Index of the column whose name matches (case-insensitive, surrounding
  // spaces ignored), or nullopt.
  std::optional<std::size_t> find_column(std::string_view name) const;
  // Like find_column but throws an InputError naming the file and the
  // expected column when it is missing.
  std::size_t require_column(std::string_view name) const;

  const std::string& cell(std::size_t record, std::size_t column) const {
    return rows[record][column];
  }
  std::size_t line_of(std::size_t record) const { return row_line[record]; }
};

// Parses RFC 4180-style text: optional UTF-8 byte-order mark, LF or CRLF line
// ends, quoted fields with embedded delimiters, quotes and newlines. The
// delimiter (comma, semicolon or tab) is detected from the header line.
// Blank lines are skipped. Throws InputError for an empty file, an
// unterminated quote, or a record whose field count differs from the header.
CsvTable parse_csv(std::string_view text, const std::string& file_name);

// Lower-cases ASCII and trims surrounding whitespace; used for matching
// column names and labels.
std::string normalise_name(std::string_view name);
std::string_view trim(std::string_view text);

}  // namespace shoal
