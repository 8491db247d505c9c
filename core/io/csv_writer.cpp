#include "io/csv_writer.hpp"

#include <cmath>
#include <cstdio>

namespace shoal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?, the whole cell.
bool is_plain_number(const std::string& text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && is_digit(text[i])) ++i, ++digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && is_digit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < n && is_digit(text[i])) ++i, ++exponent;
    if (exponent == 0) return false;
  }
  return i == n;
}

}  // namespace

std::string spreadsheet_safe(const std::string& cell) {
  if (cell.empty()) return cell;
  switch (cell.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
      return is_plain_number(cell) ? cell : "'" + cell;
    default:
      return cell;
  }
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) text_ += ',';
    const std::string f = spreadsheet_safe(fields[i]);
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      text_ += f;
      continue;
    }
    text_ += '"';
    for (char c : f) {
      if (c == '"') text_ += '"';
      text_ += c;
    }
    text_ += '"';
  }
  text_ += '\n';
}

std::string CsvWriter::number(double value) {
  if (!std::isfinite(value)) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

}  // namespace shoal
