#pragma once
#include <string>
#include <vector>

namespace shoal {

// A cell as a spreadsheet may safely open it: text starting with =, +, -, @,
// a tab or a carriage return would be read as a formula (model replies and
// population names come from anyone), so it gets a leading apostrophe. A cell
// that is wholly a plain decimal number (-0.12, +3, 1e-5) stays as it is.
std::string spreadsheet_safe(const std::string& cell);

// Builds RFC 4180 text: fields with commas, quotes or newlines are quoted,
// and every field is first made spreadsheet-safe.
class CsvWriter {
 public:
  void row(const std::vector<std::string>& fields);
  const std::string& text() const { return text_; }

  // Ten significant digits; empty for NaN so spreadsheets see a blank.
  static std::string number(double value);

 private:
  std::string text_;
};

}  // namespace shoal
