#include "cli/output.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <stdexcept>

#include "cli/arguments.hpp"

namespace shoal::cli {

std::vector<TextInput> read_inputs(const std::vector<std::string>& paths) {
  if (paths.empty()) throw UsageError("no input files given (see --help)");
  std::vector<TextInput> inputs;
  for (const auto& path : paths) inputs.push_back(read_text_input(path));
  return inputs;
}

void write_output(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    return;
  }
  const std::filesystem::path target(path);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
  std::ofstream stream(target, std::ios::binary);
  stream << text;
  if (!stream) throw std::runtime_error("cannot write " + path);
}

void print_input_issues(const std::vector<InputIssue>& issues) {
  for (const auto& issue : issues) {
    std::fprintf(stderr, "note: %zu x %s (first: %s, row %zu)\n", issue.count, issue.description.c_str(),
                 issue.first_file.c_str(), issue.first_row);
  }
}

void write_report(const std::string& out_path, const std::function<void(std::ostream&)>& write) {
  if (out_path == "-") {
    write(std::cout);
    return;
  }
  const std::filesystem::path target(out_path);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
  std::ofstream stream(target, std::ios::binary);
  write(stream);
  if (!stream) throw std::runtime_error("cannot write " + out_path);
}

// Streamed rather than dumped to a string first: a report can be larger
// than its inputs, and a second copy of it would count in peak memory.
void write_report(const std::string& out_path, const nlohmann::json& report) {
  write_report(out_path, [&](std::ostream& out) { out << std::setw(1) << report << "\n"; });
}

}  // namespace shoal::cli
