#pragma once
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "analysis/input_settings.hpp"
#include "analysis/run_settings.hpp"
#include "analysis/settings.hpp"
#include "cli/arguments.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"

namespace shoal::cli {

// What sets one analysis command apart; the rest (options, help, checks,
// reading, writing, the summary) is the skeleton below, the same for all.
struct AnalysisCommandText {
  Analysis analysis;
  std::string about;        // the usage line, what the analysis does, its inputs
  std::string units;        // what the bootstrap resamples: words, concepts, items
  std::string formats;      // the --format choices as --help and messages word them
  std::string tables;       // the help of --tables; empty when the command writes none
  const std::vector<std::string>* roles;   // the --column roles
  // Files beside the inputs that only this command reads (for colour, the
  // words' ratings): option name, value name and help.
  std::vector<CommandOption> companions = {};
};

// The companion files given, by option name, read like the inputs.
using CompanionFiles = std::map<std::string, TextInput>;

// The options of every analysis command that are not analysis settings.
std::vector<CommandOption> input_options_help(const AnalysisCommandText& text);
std::vector<CommandOption> closing_options_help();
std::string analysis_command_help(const AnalysisCommandText& text);

// --format, --column ROLE=NAME (repeatable) and --population as the
// settings of every input, the roles checked against the task's.
InputSettings input_settings_from(const Arguments& a, const std::vector<std::string>& roles);

// The analysis settings given on the command line, by their registry
// names; a flag given is "true".
OptionValues setting_values(const Arguments& a, Analysis analysis, OptionValues values = {});

// The settings checked by the rules the page and the browser module use too,
// a refusal as a usage error.
template <typename Settings>
Settings checked_settings(Settings (*check)(const OptionValues&), const OptionValues& values) {
  try {
    return check(values);
  } catch (const OptionError& e) {
    throw UsageError(e.what());
  }
}

// The report's manuscript texts as files of the --tables directory:
// comparison-tables.md/.tex, results.md/.tex, methods.md/.tex and
// references.bib.
void write_manuscript_files(const std::string& dir, const nlohmann::json& manuscript);

// --tables must name a directory (or a path where one can be made) before
// any work is done, not after the report is written.
void check_tables_directory(const Arguments& a);

// One analysis command. A Task holds one run's results and provides:
//   static const AnalysisCommandText& text();
//   static std::optional<InputOptions> input_options(const InputSettings&);
//   static Settings check(const OptionValues&);
//   void analyse(std::vector<TextInput>, const CompanionFiles&, const InputOptions&, const Settings&);
//   void write_report(std::ostream&, const InputOptions&) const;
//   std::vector<std::pair<std::string, std::string>> tables() const;   // file name, CSV text
//   nlohmann::json manuscript(const InputOptions&) const;   // the report's "manuscript"
//   void print_summary() const;
template <typename Task>
int run_analysis_command(const std::vector<std::string>& args) {
  const AnalysisCommandText& text = Task::text();
  std::vector<CommandOption> options = input_options_help(text);
  for (auto& o : closing_options_help()) options.push_back(std::move(o));
  const Arguments a(args, value_option_names(options, text.analysis), flag_option_names(options, text.analysis));
  if (a.flag("help")) {
    std::cout << analysis_command_help(text);
    return 0;
  }
  const InputSettings input = input_settings_from(a, *text.roles);
  std::optional<typename Task::InputOptions> input_options;
  try {
    input_options = Task::input_options(input);
  } catch (const std::invalid_argument&) {
    // an unknown format: said below in the command's own terms
  }
  if (!input_options) throw UsageError("--format expects " + text.formats + ", got '" + input.format + "'");
  const auto settings = checked_settings(&Task::check, setting_values(a, text.analysis));
  check_tables_directory(a);

  CompanionFiles companions;
  for (const auto& c : text.companions) {
    if (a.has(c.name)) companions[c.name] = read_inputs({a.value(c.name, "")}).front();
  }
  Task task;
  task.analyse(read_inputs(a.positional()), companions, *input_options, settings);
  write_report(a.value("out", "-"), [&](std::ostream& out) { task.write_report(out, *input_options); });
  if (a.has("tables")) {
    const std::string dir = a.value("tables", ".");
    for (const auto& [name, csv] : task.tables()) write_output(dir + "/" + name, csv);
    write_manuscript_files(dir, task.manuscript(*input_options));
  }
  if (!a.flag("quiet")) task.print_summary();
  return 0;
}

}  // namespace shoal::cli
