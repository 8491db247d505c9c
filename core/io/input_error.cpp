#include "io/input_error.hpp"

#include <utility>

#include "io/utf8.hpp"

namespace shoal {
namespace {

std::string format_message(const std::string& file, std::size_t row, const std::string& column,
                           const std::string& problem) {
  std::string where = file.empty() ? std::string("input") : file;
  if (row > 0) where += ", row " + std::to_string(row);
  if (!column.empty()) where += ", column " + quote_text(column);
  return where + ": " + problem;
}

}  // namespace

std::string quote_text(std::string_view text) {
  constexpr std::size_t kShown = 80;
  if (text.size() <= kShown) return "'" + std::string(text) + "'";
  std::size_t cut = kShown;
  // Back to the start of a UTF-8 character.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...' (" + std::to_string(text.size()) + " bytes)";
}

// Messages quote file names, cells and parser diagnostics, whatever their
// bytes; they are made valid UTF-8 because the page and reports show them as
// JSON.
InputError::InputError(std::string file, std::size_t row, std::string column, std::string problem)
    : std::runtime_error(format_message(to_valid_utf8(file), row, to_valid_utf8(column), to_valid_utf8(problem))),
      file_(to_valid_utf8(file)),
      row_(row),
      column_(to_valid_utf8(column)),
      problem_(to_valid_utf8(problem)) {}

}  // namespace shoal
