#include <filesystem>
#include <map>

#include "analysis/analysis_file.hpp"
#include "cli/analysis_command.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "io/input_error.hpp"
#include "io/text_input.hpp"
#include "report/report_json.hpp"

namespace shoal::cli {
namespace {

const char* const kRunHelp = R"(Usage: shoal run ANALYSIS.json [FILE...] [options]

Runs an analysis again from its definition: an analysis file (the page
saves one under "The analysis as code") or any report, which holds the
analysis file that made it ("analysis_file"). The analysis, every setting
and every input's settings come from it, so the report written is the one
the page or the command wrote, byte for byte, when run by the same version
of Shoal.

Each input the analysis file names is taken from the FILEs given, matched by
file name (without directories); an input not given is looked for in the
--inputs directory, by default the directory of ANALYSIS.json. Every input
is checked against the SHA-256 the analysis file records before anything
runs: a different file is refused, naming it and both hashes.

The summary on standard error is the analysis command's own.

)";

std::vector<CommandOption> run_options() {
  std::vector<CommandOption> options = {
      {"inputs", "DIR", "look for the inputs not given as FILEs here (default: beside ANALYSIS.json)"},
      {"out", "FILE", "write the JSON report here (default: standard output)"},
      {"tables", "DIR", "also write the analysis command's tables (see its --tables)"}};
  for (auto& o : run_control_options_help()) options.push_back(std::move(o));
  options.push_back({"help", "", "this text"});
  return options;
}

std::string run_help() {
  return std::string(kRunHelp) + "Options:\n" + command_options_help(run_options()) +
         "\nExit status: 0 success, 1 bad input (a missing or different input is named,\nwith both hashes), 2 bad "
         "usage.\n";
}

// The inputs given on the command line, by file name; two with one name
// could not be told apart.
std::map<std::string, std::string> given_by_name(const std::vector<std::string>& paths) {
  std::map<std::string, std::string> by_name;
  for (const auto& path : paths) {
    const std::string name = base_name(path);
    if (!by_name.emplace(name, path).second) {
      throw UsageError("two inputs are named " + name + " (" + by_name[name] + " and " + path +
                       "): an analysis file finds its inputs by name");
    }
  }
  return by_name;
}

}  // namespace

int run_run(const std::vector<std::string>& args) {
  std::vector<std::string> values, flags;
  for (const auto& o : run_options()) (o.value_name.empty() ? flags : values).push_back(o.name);
  const Arguments a(args, values, flags);
  if (a.flag("help")) {
    std::cout << run_help();
    return 0;
  }
  if (a.positional().empty()) throw UsageError("run expects an analysis file or a report (see shoal run --help)");
  const RunOutputs outputs = run_outputs(a);
  const std::string source = a.positional().front();
  const TextInput definition = read_text_input(source);
  PreparedRun run;
  run.file = read_analysis_file(source, std::string_view(definition.content));
  if (run.file.version != tool_version()) {
    say("shoal: note: " + source + " was written by Shoal " + run.file.version + ", this is " + tool_version() +
        ": the report may differ from the one it describes\n");
  }

  std::map<std::string, std::string> given =
      given_by_name(std::vector<std::string>(a.positional().begin() + 1, a.positional().end()));
  const std::filesystem::path directory =
      a.has("inputs") ? std::filesystem::path(a.value("inputs", ".")) : std::filesystem::path(source).parent_path();
  for (const auto& expected : run.file.inputs) {
    const auto found = given.find(expected.name);
    std::string path;
    if (found != given.end()) {
      path = found->second;
      given.erase(found);
    } else {
      path = (directory / expected.name).string();
      std::error_code error;
      if (!std::filesystem::exists(path, error)) {
        throw InputError(source, 0, "",
                         "the input " + quote_text(expected.name) + " (SHA-256 " + expected.sha256 +
                             ") was not given and is not at " + path + ": give it as a FILE or its directory as --inputs");
      }
    }
    TextInput input = read_text_input(path);
    check_input_content(expected, path, input.content);
    input.sha256 = expected.sha256;   // checked: the load need not take it again
    // The name recorded, not the one on disk: the report names what the
    // analysis named (they differ only in invalid UTF-8, which is replaced).
    input.name = expected.name;
    if (expected.role == kWordNormsRole) {
      run.companions["word-norms"] = std::move(input);
    } else {
      run.inputs.push_back(std::move(input));
      run.input_settings.push_back(expected.settings);
    }
  }
  if (!given.empty()) {
    throw UsageError(given.begin()->second + " is not an input of " + source + " (its inputs are matched by file name)");
  }
  if (run.inputs.empty()) throw InputError(source, 0, "", "the analysis names no input of responses");
  switch (run.file.analysis) {
    case Analysis::Color: return execute_color_run(std::move(run), outputs);
    case Analysis::Concept: return execute_concept_run(std::move(run), outputs);
    default: return execute_values_run(std::move(run), outputs);
  }
}

}  // namespace shoal::cli
