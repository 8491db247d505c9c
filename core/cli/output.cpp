#include "cli/output.hpp"

#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include "cli/arguments.hpp"
#include "io/terminal_text.hpp"

namespace shoal::cli {

namespace {

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

}  // namespace

void say(const std::string& text) { std::fputs(terminal_safe(text).c_str(), stderr); }

std::string formatted(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list copy;
  va_copy(copy, args);
  const int length = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string text(length > 0 ? static_cast<std::size_t>(length) : 0, '\0');
  if (length > 0) std::vsnprintf(text.data(), text.size() + 1, format, args);
  va_end(args);
  return text;
}

std::vector<TextInput> read_inputs(const std::vector<std::string>& paths, const TaskRunner& run_tasks) {
  if (paths.empty()) throw UsageError("no input files given (see --help)");
  std::vector<TextInput> inputs(paths.size());
  run_tasks("inputs read", paths.size(), [&](std::size_t i) { inputs[i] = read_text_input(paths[i]); });
  return inputs;
}

void write_output(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << (stdout_is_terminal() ? terminal_safe(text) : text);
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
    say(formatted("note: %zu x %s (first: %s, row %zu)\n", issue.count, issue.description.c_str(),
                  issue.first_file.c_str(), issue.first_row));
  }
}

void write_report(const std::string& out_path, const std::function<void(std::ostream&)>& write) {
  if (out_path == "-") {
    if (!stdout_is_terminal()) {
      write(std::cout);
      return;
    }
    std::ostringstream text;
    write(text);
    std::cout << terminal_safe(text.str());
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
