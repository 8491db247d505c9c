#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "io/input_error.hpp"
#include "io/text_input.hpp"

namespace shoal {

// What a report says about each input file.
struct InputSummary {
  std::string name;
  std::string sha256;
  std::size_t bytes = 0;
  std::string format;        // the detected or requested format
  std::size_t rows = 0;      // data records read
  std::vector<std::string> populations;
  // Role -> the column read for it, named as in the file, for messages
  // raised after loading.
  std::map<std::string, std::string> columns;
};

InputSummary summarise_input(const TextInput& input);

// Adds one occurrence of a non-fatal problem, keeping the first place seen.
void count_issue(std::vector<InputIssue>& issues, const std::string& kind, const std::string& description,
                 const std::string& file, std::size_t row);

}  // namespace shoal
