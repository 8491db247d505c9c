#pragma once
#include <string>

#include "cli/arguments.hpp"

namespace shoal::cli {

// --format, --column ROLE=NAME (repeatable) and --population, which every
// command reads the same way into its task's input options.
template <typename InputOptions, typename ParseFormat>
InputOptions input_options_from(const Arguments& a, ParseFormat parse_format, const std::string& formats) {
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
  return options;
}

}  // namespace shoal::cli
