#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shoal {

// The cells of an input held compactly, so that memory stays linear in the
// input whatever its shape: every cell's text is appended to one buffer and
// only its end offset is kept. Rows from delimited text are dense (one cell
// per column); rows from JSON objects are sparse (only the keys the object
// has, with their column), so an input whose objects each add new keys
// costs no more than its text. Records keep the line on which they start so
// every later message can point the user at the right place.
class CsvTable {
 public:
  std::string file;                      // display name used in messages
  char delimiter = ',';
  std::vector<std::string> header;

  std::size_t row_count() const { return row_line_.size(); }
  // The cell's text; empty for a key a JSON object lacks.
  std::string_view cell(std::size_t record, std::size_t column) const;
  std::size_t line_of(std::size_t record) const { return row_line_[record]; }
  // Every cell of a record, one per column.
  std::vector<std::string> row(std::size_t record) const;

  // Building: cells are added to the open row, then the row is closed.
  // `column` is required (and only allowed) for sparse tables.
  void add_cell(std::string_view text, std::size_t column = 0);
  void end_row(std::size_t line);
  void make_sparse() { sparse_ = true; }
  // Drops every row, keeping the header and the buffers' room.
  void clear_rows();
  // Room for this much cell text, rows and cells, taken at once: a buffer
  // doubled as it grows holds up to three times its content while it moves.
  void reserve(std::size_t text_bytes, std::size_t rows, std::size_t cells);

  // Index of the column whose name matches (case-insensitive, surrounding
  // spaces ignored), or nullopt.
  std::optional<std::size_t> find_column(std::string_view name) const;
  // Like find_column but throws an InputError naming the file and the
  // expected column when it is missing.
  std::size_t require_column(std::string_view name) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> cell_end_;
  std::vector<std::uint32_t> cell_column_;        // sparse tables only
  std::vector<std::size_t> row_first_cell_{0};    // row r: cells [first[r], first[r+1])
  std::vector<std::size_t> row_line_;             // 1-based line where each record starts
  bool sparse_ = false;
};

// At most this much cell text per input (cells are addressed with 32 bits).
constexpr std::uint64_t kMaxTableText = (std::uint64_t{1} << 32) - 1;

// Parses RFC 4180-style text: optional UTF-8 byte-order mark, LF or CRLF line
// ends, quoted fields with embedded delimiters, quotes and newlines. The
// delimiter (comma, semicolon or tab) is detected from the header line.
// Blank lines are skipped. Throws InputError for an empty file, an
// unterminated quote, or a record whose field count differs from the header.
CsvTable parse_csv(std::string_view text, const std::string& file_name);

// The same table handed to `on_part` in parts of at most `rows_per_part`
// rows (record indices start again at 0 in each part; lines do not), so that
// a reader that keeps less than the cells never holds them all. The text is
// checked whole before the first part: any error parse_csv would throw comes
// first. After the last part, while `again` (when given) returns true, the
// parts are handed over once more from the first: a reader that needs to
// see every row before it places any reads the text twice instead of
// holding its cells.
void parse_csv_parts(std::string_view text, const std::string& file_name, std::size_t rows_per_part,
                     const std::function<void(const CsvTable&)>& on_part, const std::function<bool()>& again = {});

// The header alone (a table without rows), read as parse_csv reads it: a
// fault in the text before the header's end is thrown as parse_csv throws
// it; the rows, and whether column names repeat, are not checked.
CsvTable parse_csv_header(std::string_view text, const std::string& file_name);

// Throws an InputError when two columns have the same name (as matched by
// find_column): which of them a role reads would otherwise be a guess.
void check_unique_columns(const CsvTable& table);

// Lower-cases ASCII and trims surrounding whitespace; used for matching
// column names and labels.
std::string normalise_name(std::string_view name);
std::string_view trim(std::string_view text);

// A plain decimal: digits with an optional fraction and an optional
// exponent ("12", "0.5", ".5", "2.", "1e-3"), nothing else: no sign, no
// spaces, no hex, no inf or nan, nothing that overflows a double.
std::optional<double> plain_decimal(std::string_view text);

// A cell's number: its trimmed text, an optional sign and a plain decimal;
// nullopt for anything else (empty, trailing text, hex, inf, nan).
std::optional<double> finite_number(std::string_view text);

}  // namespace shoal
