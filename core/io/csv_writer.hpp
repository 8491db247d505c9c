#pragma once
#include <string>
#include <vector>

namespace shoal {

// Builds RFC 4180 text: fields with commas, quotes or newlines are quoted.
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
