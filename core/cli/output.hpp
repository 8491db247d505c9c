#pragma once
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/input_error.hpp"
#include "io/text_input.hpp"
#include "stats/task_runner.hpp"

namespace shoal::cli {

// Writes a message to standard error as it may safely reach a terminal
// (terminal_safe): names, cells and ids in messages come from data.
void say(const std::string& text);
// printf-style formatting into a string, for say().
std::string formatted(const char* format, ...) __attribute__((format(printf, 1, 2)));

// Reads every input path, each a task of `run_tasks`, throwing InputError
// for the first unreadable one.
std::vector<TextInput> read_inputs(const std::vector<std::string>& paths, const TaskRunner& run_tasks = run_in_order);

// Writes text to a file (creating parent directories) or to stdout for "-";
// on a terminal, made safe for it like every message.
void write_output(const std::string& path, const std::string& text);

// One line per counted input problem, on standard error.
void print_input_issues(const std::vector<InputIssue>& issues);

// The report as indented JSON to --out (stdout when absent).
void write_report(const std::string& out_path, const nlohmann::json& report);
// The same, written by `write` straight into the file (or stdout for "-").
void write_report(const std::string& out_path, const std::function<void(std::ostream&)>& write);

}  // namespace shoal::cli
