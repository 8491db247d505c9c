#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace shoal {

// Every problem with user-supplied data is reported through this type so that
// the CLI, the tests and the browser can all say exactly where it is: the
// file's display name, the row (1-based line on which the record starts; the
// header is row 1; 0 when the problem is the file as a whole) and the column
// name (empty when no single column is at fault).
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::size_t row, std::string column, std::string problem);

  const std::string& file() const { return file_; }
  std::size_t row() const { return row_; }
  const std::string& column() const { return column_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::size_t row_;
  std::string column_;
  std::string problem_;
};

// Text from the input as a message quotes it: 'like this', cut after about
// 80 characters (at a character boundary) with the full length noted, so a
// huge cell cannot make a huge message.
std::string quote_text(std::string_view text);

// A problem that does not stop the analysis (an invalid LLM reply, a duplicate
// answer, an individual who answered only once): counted per kind, with the
// first place it happened so the user can look.
struct InputIssue {
  std::string kind;
  std::string description;
  std::size_t count = 0;
  std::string first_file;
  std::size_t first_row = 0;
};

}  // namespace shoal
