#include "io/input_summary.hpp"

#include "io/sha256.hpp"

namespace shoal {

InputSummary summarise_input(const TextInput& input) {
  InputSummary summary;
  summary.name = input.name;
  summary.sha256 = input.sha256.empty() ? sha256_hex(input.content) : input.sha256;
  summary.bytes = input.content.size();
  return summary;
}

void count_issue(std::vector<InputIssue>& issues, const std::string& kind, const std::string& description,
                 const std::string& file, std::size_t row) {
  for (auto& issue : issues) {
    if (issue.kind == kind && issue.first_file == file) {
      ++issue.count;
      return;
    }
  }
  issues.push_back(InputIssue{kind, description, 1, file, row});
}

}  // namespace shoal
