#include "io/input_error.hpp"

#include <utility>

namespace shoal {
namespace {

std::string format_message(const std::string& file, std::size_t row, const std::string& column,
                           const std::string& problem) {
  std::string where = file.empty() ? std::string("input") : file;
  if (row > 0) where += ", row " + std::to_string(row);
  if (!column.empty()) where += ", column '" + column + "'";
  return where + ": " + problem;
}

}  // namespace

InputError::InputError(std::string file, std::size_t row, std::string column, std::string problem)
    : std::runtime_error(format_message(file, row, column, problem)),
      file_(std::move(file)),
      row_(row),
      column_(std::move(column)),
      problem_(std::move(problem)) {}

}  // namespace shoal
