#include "cli/analysis_command.hpp"

#include <memory>

#include "io/sha256.hpp"

namespace shoal::cli {

std::vector<CommandOption> input_options_help(const AnalysisCommandText& text) {
  std::string roles;
  for (const auto& r : *text.roles) roles += (roles.empty() ? "" : ", ") + r;
  std::vector<CommandOption> options = {{"out", "FILE", "write the JSON report here (default: standard output)"}};
  options.push_back({"tables", "DIR",
                     (text.tables.empty() ? "write" : text.tables + "; and") +
                         " DIR/comparison-tables.md and .tex (APA tables of the comparisons), DIR/results.md and .tex "
                         "(a results sentence per comparison), DIR/methods.md and .tex (the methods paragraph) and "
                         "DIR/references.bib (what it cites)"});
  options.push_back({"format", "FORMAT", text.formats + " (default auto: detected per file)"});
  options.push_back({"column", "ROLE=NAME", "use column NAME for ROLE (repeatable); roles: " + roles});
  options.push_back({"population", "NAME", "name every input's population NAME"});
  for (const auto& c : text.companions) options.push_back(c);
  return options;
}

std::vector<CommandOption> run_control_options_help() {
  return {{"threads", "N",
           "spread the work over N threads (default: every core, " + std::to_string(default_thread_count()) +
               " here); the report is the same for any N"},
          {"quiet", "", "no summary and no progress line on standard error"}};
}

std::vector<CommandOption> closing_options_help() {
  std::vector<CommandOption> options = run_control_options_help();
  options.push_back({"help", "", "this text"});
  return options;
}

std::string analysis_command_help(const AnalysisCommandText& text) {
  return text.about + "\nOptions:\n" +
         options_help(input_options_help(text), text.analysis, text.units, closing_options_help()) +
         "\nExit status: 0 success, 1 bad input (the message names file, row and\ncolumn), 2 bad usage.\n";
}

InputSettings input_settings_from(const Arguments& a, const std::vector<std::string>& roles) {
  InputSettings settings;
  settings.format = a.value("format", "auto");
  for (const auto& mapping : a.values("column")) {
    const auto eq = mapping.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size()) {
      throw UsageError("--column expects ROLE=NAME, got '" + mapping + "'");
    }
    settings.columns[mapping.substr(0, eq)] = mapping.substr(eq + 1);
  }
  settings.labels.name = a.value("population", "");
  try {
    check_column_roles(settings.columns, roles);
  } catch (const OptionError& e) {
    throw UsageError(e.what());
  }
  return settings;
}

OptionValues setting_values(const Arguments& a, Analysis analysis, OptionValues values) {
  for (const Setting* s : settings_of(analysis)) {
    if (s->kind == SettingKind::Flag) {
      if (a.flag(s->name)) values[s->name] = "true";
    } else if (s->repeatable && a.has(s->name)) {
      std::string joined;
      for (const auto& value : a.values(s->name)) joined += (joined.empty() ? "" : ";") + value;
      values[s->name] = joined;
    } else if (a.has(s->name)) {
      values[s->name] = a.value(s->name, "");
    }
  }
  return values;
}

void write_manuscript_files(const std::string& dir, const nlohmann::json& manuscript) {
  const std::pair<const char*, const char*> files[] = {
      {"tables", "comparison-tables"}, {"sentences", "results"}, {"methods", "methods"}};
  for (const auto& [part, stem] : files) {
    write_output(dir + "/" + stem + ".md", manuscript[part]["markdown"].get<std::string>());
    write_output(dir + "/" + stem + ".tex", manuscript[part]["latex"].get<std::string>());
  }
  write_output(dir + "/references.bib", manuscript["references"].get<std::string>());
}

RunOutputs run_outputs(const Arguments& a) {
  RunOutputs outputs;
  outputs.threads = default_thread_count();
  if (a.has("threads")) {
    const std::string text = a.value("threads", "");
    constexpr unsigned kMostThreads = 1024;
    const bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
    const unsigned long n = digits ? std::stoul(text) : 0;
    if (n < 1 || n > kMostThreads) {
      throw UsageError("--threads expects a whole number from 1 to " + std::to_string(kMostThreads) + ", got '" +
                       text + "'");
    }
    outputs.threads = static_cast<unsigned>(n);
  }
  outputs.report = a.value("out", "-");
  outputs.quiet = a.flag("quiet");
  outputs.run_tasks = threaded_task_runner(outputs.threads, std::make_shared<ProgressLine>(!outputs.quiet));
  if (!a.has("tables")) return outputs;
  outputs.tables = a.value("tables", ".");
  const std::filesystem::path dir(*outputs.tables);
  std::error_code error;
  if (std::filesystem::exists(dir, error) && !std::filesystem::is_directory(dir, error)) {
    throw UsageError("--tables expects a directory, but '" + dir.string() + "' is a file");
  }
  return outputs;
}

AnalysisFile command_line_analysis_file(Analysis analysis, const OptionValues& settings,
                                        const std::vector<TextInput>& inputs, const InputSettings& input_settings,
                                        const CompanionFiles& companions, const TaskRunner& run_tasks) {
  std::vector<std::string> hashes(inputs.size());
  run_tasks("inputs hashed", inputs.size(), [&](std::size_t i) { hashes[i] = sha256_hex(inputs[i].content); });
  std::vector<AnalysisFileInput> entries;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    entries.push_back({inputs[i].name, kResponsesRole, hashes[i], input_settings});
  }
  const auto norms = companions.find("word-norms");
  if (norms != companions.end()) {
    entries.push_back(word_norms_input(norms->second.name, sha256_hex(norms->second.content)));
  }
  return define_analysis(analysis, settings, std::move(entries));
}

}  // namespace shoal::cli
