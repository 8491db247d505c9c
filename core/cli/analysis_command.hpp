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

#include "analysis/analysis_file.hpp"
#include "analysis/input_settings.hpp"
#include "analysis/run_settings.hpp"
#include "analysis/settings.hpp"
#include "cli/arguments.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/task_threads.hpp"

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

// How a run is carried out and where its results go: the threads its work
// is spread over (--threads), the report (--out), the tables (--tables), and
// the summary and the progress line on standard error (unless --quiet).
// None of it changes the report: it is not in the analysis file.
struct RunOutputs {
  unsigned threads = 1;
  TaskRunner run_tasks = run_in_order;   // over `threads`, with the progress line
  std::string report = "-";
  std::optional<std::string> tables;
  bool quiet = false;
};

// The options of every command that runs an analysis: --threads and --quiet.
std::vector<CommandOption> run_control_options_help();

// --threads, --out, --tables and --quiet; --tables must name a directory (or
// a path where one can be made), checked before any work is done, not after
// the report is written.
RunOutputs run_outputs(const Arguments& a);

// One run ready to go, however it was asked for (a command line, an
// analysis file): the inputs read, each with its settings, the companion
// files, and the analysis file that defines it all, the settings complete.
struct PreparedRun {
  std::vector<TextInput> inputs;
  std::vector<InputSettings> input_settings;   // one per input
  CompanionFiles companions;
  AnalysisFile file;
};

// The analysis file of a command line's run: the settings as given, each
// input with its hash (the inputs hashed as tasks of `run_tasks`), the
// companion files in their roles.
AnalysisFile command_line_analysis_file(Analysis analysis, const OptionValues& settings,
                                        const std::vector<TextInput>& inputs, const InputSettings& input_settings,
                                        const CompanionFiles& companions, const TaskRunner& run_tasks);

// Runs a prepared run with Task (see run_analysis_command): reads, analyses,
// writes the report holding the run's analysis file, the tables and the
// summary.
template <typename Task>
int execute_run(PreparedRun run, const RunOutputs& outputs) {
  const AnalysisCommandText& text = Task::text();
  std::vector<typename Task::InputOptions> input_options;
  for (std::size_t i = 0; i < run.inputs.size(); ++i) {
    std::optional<typename Task::InputOptions> options;
    try {
      options = Task::input_options(run.input_settings[i]);
    } catch (const std::invalid_argument&) {
      // an unknown format: said below in the command's own terms
    }
    if (!options) {
      throw UsageError("the format of " + run.inputs[i].name + " must be " + text.formats + ", not '" +
                       run.input_settings[i].format + "'");
    }
    input_options.push_back(*options);
  }
  const auto settings = checked_settings(&Task::check, run.file.settings);
  const nlohmann::json analysis_file = analysis_file_json(run.file);
  Task task;
  task.analyse(std::move(run.inputs), run.companions, input_options, settings, outputs.run_tasks);
  write_report(outputs.report, [&](std::ostream& out) { task.write_report(out, input_options, analysis_file); });
  if (outputs.tables) {
    for (const auto& [name, csv] : task.tables()) write_output(*outputs.tables + "/" + name, csv);
    write_manuscript_files(*outputs.tables, task.manuscript(input_options));
  }
  if (!outputs.quiet) task.print_summary();
  return 0;
}

// One analysis command. A Task holds one run's results and provides:
//   static const AnalysisCommandText& text();
//   static std::optional<InputOptions> input_options(const InputSettings&);
//   static Settings check(const OptionValues&);
//   void analyse(std::vector<TextInput>, const CompanionFiles&, const std::vector<InputOptions>&, const Settings&,
//                const TaskRunner&);   // the runner spreads the analysis's tasks over --threads
//   void write_report(std::ostream&, const std::vector<InputOptions>&, const nlohmann::json& analysis_file) const;
//   std::vector<std::pair<std::string, std::string>> tables() const;   // file name, CSV text
//   nlohmann::json manuscript(const std::vector<InputOptions>&) const;   // the report's "manuscript"
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
  const OptionValues given = setting_values(a, text.analysis);
  checked_settings(&Task::check, given);
  const RunOutputs outputs = run_outputs(a);

  PreparedRun run;
  for (const auto& c : text.companions) {
    if (a.has(c.name)) run.companions[c.name] = read_inputs({a.value(c.name, "")}).front();
  }
  run.inputs = read_inputs(a.positional(), outputs.run_tasks);
  run.input_settings.assign(run.inputs.size(), input);
  run.file = command_line_analysis_file(text.analysis, given, run.inputs, input, run.companions, outputs.run_tasks);
  // Hashed for the analysis file (spread over the threads): the load, on one
  // thread, need not hash them again for the report.
  for (std::size_t i = 0; i < run.inputs.size(); ++i) run.inputs[i].sha256 = run.file.inputs[i].sha256;
  return execute_run<Task>(std::move(run), outputs);
}

// A prepared run by the analysis it names, for `shoal run`.
int execute_color_run(PreparedRun run, const RunOutputs& outputs);
int execute_concept_run(PreparedRun run, const RunOutputs& outputs);
int execute_values_run(PreparedRun run, const RunOutputs& outputs);

}  // namespace shoal::cli
