#include "io/csv.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <unordered_map>

#include "io/columns.hpp"
#include "io/input_error.hpp"
#include "io/utf8.hpp"

namespace shoal {
namespace {

char detect_delimiter(std::string_view text) {
  // Count candidate delimiters outside quotes on the first line.
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++comma;
    if (c == ';') ++semicolon;
    if (c == '\t') ++tab;
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

std::string describe_field_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " field" : " fields");
}

// "0x94": a byte as messages show it.
std::string hex_byte(unsigned char b) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

}  // namespace

std::string_view trim(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::optional<double> plain_decimal(std::string_view text) {
  std::size_t i = 0, digits = 0;
  const auto run = [&] {
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  };
  run();
  if (i < text.size() && text[i] == '.') ++i, run();
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t before = i;
    run();
    if (i == before) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  // Only digits, one point and an exponent reach strtod, so neither hex,
  // nor inf/nan, nor the locale's own forms can; overflow still gives inf.
  const double value = std::strtod(std::string(text).c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> finite_number(std::string_view text) {
  std::string_view number = trim(text);
  const bool negative = !number.empty() && number.front() == '-';
  if (!number.empty() && (number.front() == '-' || number.front() == '+')) number.remove_prefix(1);
  const std::optional<double> magnitude = plain_decimal(number);
  if (!magnitude) return std::nullopt;
  return negative ? -*magnitude : *magnitude;
}

std::string normalise_name(std::string_view name) {
  std::string out(trim(name));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view CsvTable::cell(std::size_t record, std::size_t column) const {
  const std::size_t first = row_first_cell_[record], last = row_first_cell_[record + 1];
  std::size_t index = first + column;
  if (sparse_) {
    index = last;
    for (std::size_t i = first; i < last; ++i) {
      if (cell_column_[i] == column) index = i;
    }
  }
  if (index >= last) return {};
  const std::size_t begin = index == 0 ? 0 : cell_end_[index - 1];
  return std::string_view(text_).substr(begin, cell_end_[index] - begin);
}

std::vector<std::string> CsvTable::row(std::size_t record) const {
  std::vector<std::string> cells;
  for (std::size_t c = 0; c < header.size(); ++c) cells.emplace_back(cell(record, c));
  return cells;
}

void CsvTable::add_cell(std::string_view text, std::size_t column) {
  if (std::uint64_t{text_.size()} + text.size() > kMaxTableText) {
    throw InputError(file, 0, "", "the file holds more than 4 GiB of text, more than one input may hold");
  }
  text_.append(text);
  cell_end_.push_back(static_cast<std::uint32_t>(text_.size()));
  if (sparse_) cell_column_.push_back(static_cast<std::uint32_t>(column));
}

void CsvTable::reserve(std::size_t text_bytes, std::size_t rows, std::size_t cells) {
  text_.reserve(text_bytes);
  cell_end_.reserve(cells);
  row_first_cell_.reserve(rows + 1);
  row_line_.reserve(rows);
}

void CsvTable::clear_rows() {
  text_.clear();
  cell_end_.clear();
  cell_column_.clear();
  row_first_cell_.assign(1, 0);
  row_line_.clear();
}

void CsvTable::end_row(std::size_t line) {
  row_first_cell_.push_back(cell_end_.size());
  row_line_.push_back(line);
}

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
  const std::string wanted = normalise_name(name);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (normalise_name(header[i]) == wanted) return i;
  }
  return std::nullopt;
}

std::size_t CsvTable::require_column(std::string_view name) const {
  if (auto index = find_column(name)) return *index;
  throw InputError(file, 1, std::string(name), "required column is missing (columns present: " + column_list(*this) + ")");
}

namespace {

// Parses the text into `table`. With `on_part`, the table is handed over
// each time it holds `rows_per_part` rows, and at the end with the rest,
// and emptied after each (its header kept); without, nothing is stored and
// the text is only checked. With `header_only`, reading stops after the
// header (the table gets no rows and the rows are not checked).
void parse_delimited(std::string_view text, const std::string& file_name, CsvTable& table, std::size_t rows_per_part,
                     const std::function<void(const CsvTable&)>* on_part, bool header_only = false) {
  table.file = file_name;
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);
  }
  if (trim(text).empty()) throw InputError(file_name, 0, "", "the file is empty");
  table.delimiter = detect_delimiter(text);

  std::vector<std::string> header;
  bool in_header = true;
  std::size_t fields = 0;   // fields of the current record so far
  std::string field;
  std::size_t line = 1, record_line = 1, rows_read = 0;
  bool quoted = false, field_was_quoted = false, record_has_content = false;

  auto end_field = [&] {
    // Cells end up in JSON reports, which must be valid UTF-8, and text in
    // another encoding would give wrong words anyway.
    const std::size_t bad = invalid_utf8_at(field);
    if (bad != std::string_view::npos) {
      throw InputError(file_name, record_line, !in_header && fields < table.header.size() ? table.header[fields] : "",
                       "the text is not UTF-8 (byte " + hex_byte(static_cast<unsigned char>(field[bad])) +
                           " in " + (in_header ? "a column name" : "this cell") +
                           "); save the file as UTF-8 and try again");
    }
    if (in_header) {
      header.push_back(field);
    } else if (on_part && fields < table.header.size()) {
      table.add_cell(field);
    }
    ++fields;
    field.clear();
    field_was_quoted = false;
  };
  auto end_record = [&] {
    const bool blank = !record_has_content && fields == 0 && field.empty();
    if (blank) return;
    end_field();
    if (in_header) {
      table.header = std::move(header);
      in_header = false;
      // Every record ends a line, and every cell but a record's first
      // follows a delimiter: both bound what the table will hold.
      // A table in parts holds at most a part's rows.
      if (on_part) {
        const auto newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
        const auto delimiters = static_cast<std::size_t>(std::count(text.begin(), text.end(), table.delimiter));
        const std::size_t rows = std::min(newlines + 1, rows_per_part);
        table.reserve(rows_per_part > newlines ? text.size() : 0, rows,
                      std::min(rows * table.header.size(), delimiters + newlines + 1));
      }
    } else {
      if (fields != table.header.size()) {
        throw InputError(file_name, record_line, "",
                         "expected " + describe_field_count(table.header.size()) +
                             " as in the header, found " + describe_field_count(fields));
      }
      ++rows_read;
      if (on_part) {
        table.end_row(record_line);
        if (table.row_count() == rows_per_part) {
          (*on_part)(table);
          table.clear_rows();
        }
      }
    }
    fields = 0;
    record_has_content = false;
  };

  for (std::size_t i = 0; i < text.size() && !(header_only && !in_header); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else if (c == '\n') {
        ++line;
        field += c;
      } else {
        // The run up to the next quote or line end at once: a character at
        // a time took a tenth of the browser module's reading.
        const std::size_t end = std::min(text.find_first_of("\"\n", i), text.size());
        field.append(text.substr(i, end - i));
        i = end - 1;
      }
      continue;
    }
    if (c == '"' && field.empty() && !field_was_quoted) {
      quoted = true;
      field_was_quoted = true;
      record_has_content = true;
    } else if (c == table.delimiter) {
      end_field();
      record_has_content = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      ++line;
      record_line = line;
    } else {
      // The run up to the next delimiter, quote or line end at once.
      std::size_t end = i + 1;
      while (end < text.size() && text[end] != table.delimiter && text[end] != '"' && text[end] != '\r' &&
             text[end] != '\n') {
        ++end;
      }
      field.append(text.substr(i, end - i));
      i = end - 1;
      record_has_content = true;
    }
  }
  if (quoted) {
    throw InputError(file_name, record_line, "", "a quoted field is never closed");
  }
  if (record_has_content || !field.empty()) end_record();
  if (header_only) return;
  if (rows_read == 0) {
    throw InputError(file_name, 0, "", "the file has a header but no data rows");
  }
  check_unique_columns(table);
  if (on_part && table.row_count() > 0) (*on_part)(table);
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& file_name) {
  CsvTable table;
  const std::function<void(const CsvTable&)> keep = [](const CsvTable&) {};
  parse_delimited(text, file_name, table, SIZE_MAX, &keep);
  return table;
}

CsvTable parse_csv_header(std::string_view text, const std::string& file_name) {
  CsvTable table;
  parse_delimited(text, file_name, table, SIZE_MAX, nullptr, true);
  return table;
}

void parse_csv_parts(std::string_view text, const std::string& file_name, std::size_t rows_per_part,
                     const std::function<void(const CsvTable&)>& on_part, const std::function<bool()>& again) {
  // Checked whole first, so that a fault anywhere in the text is found
  // before any part is read, as when the table is parsed at once.
  {
    CsvTable checked;
    parse_delimited(text, file_name, checked, SIZE_MAX, nullptr);
  }
  do {
    CsvTable table;
    parse_delimited(text, file_name, table, std::max<std::size_t>(rows_per_part, 1), &on_part);
  } while (again && again());
}

void check_unique_columns(const CsvTable& table) {
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const auto [it, added] = seen.emplace(normalise_name(table.header[c]), c);
    if (!added && !it->first.empty()) {
      throw InputError(table.file, 1, table.header[c],
                       "the column name appears twice (columns " + std::to_string(it->second + 1) + " and " +
                           std::to_string(c + 1) + "); rename one so it is clear which to read");
    }
  }
}

}  // namespace shoal
