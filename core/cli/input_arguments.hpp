#pragma once
#include <string>

#include <filesystem>
#include <vector>

#include "analysis/run_settings.hpp"
#include "cli/arguments.hpp"

namespace shoal::cli {

// --format, --column ROLE=NAME (repeatable) and --population, which every
// command reads the same way into its task's input options.
template <typename InputOptions, typename ParseFormat>
InputOptions input_options_from(const Arguments& a, ParseFormat parse_format, const std::string& formats,
                                const std::vector<std::string>& roles) {
  InputOptions options;
  const std::string format = a.value("format", "auto");
  const auto parsed = parse_format(format);
  if (!parsed) throw UsageError("--format expects " + formats + ", got '" + format + "'");
  options.format = *parsed;
  for (const auto& mapping : a.values("column")) {
    const auto eq = mapping.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size()) {
      throw UsageError("--column expects ROLE=NAME, got '" + mapping + "'");
    }
    options.columns[mapping.substr(0, eq)] = mapping.substr(eq + 1);
  }
  options.labels.name = a.value("population", "");
  try {
    check_column_roles(options.columns, roles);
  } catch (const OptionError& e) {
    throw UsageError(e.what());
  }
  return options;
}

// The analysis settings given on the command line (beside any already in
// `values`), checked by the rules the page and the browser module use too.
template <typename Settings>
Settings run_settings(const Arguments& a, const std::vector<std::string>& names,
                      Settings (*check)(const OptionValues&), OptionValues values = {}) {
  for (const auto& name : names) {
    if (a.has(name)) values[name] = a.value(name, "");
  }
  try {
    return check(values);
  } catch (const OptionError& e) {
    throw UsageError(e.what());
  }
}

// --tables must name a directory (or a path where one can be made) before
// any work is done, not after the report is written.
inline void check_tables_directory(const Arguments& a) {
  if (!a.has("tables")) return;
  const std::filesystem::path dir(a.value("tables", ""));
  std::error_code error;
  if (std::filesystem::exists(dir, error) && !std::filesystem::is_directory(dir, error)) {
    throw UsageError("--tables expects a directory, but '" + dir.string() + "' is a file");
  }
}

}  // namespace shoal::cli
