#pragma once
#include <string>
#include <vector>

#include "analysis/settings.hpp"

namespace shoal::cli {

// An option of a command that is not an analysis setting: where the report
// goes, how the inputs are read.
struct CommandOption {
  std::string name;
  std::string value_name;   // empty for a flag
  std::string help;
};

// The option list of --help: the command's own options, then every setting
// of `analysis` from the registry but those in `skip`, then `last`. `units`
// is what the command resamples, for "{units}" in a setting's help.
std::string options_help(const std::vector<CommandOption>& first, Analysis analysis, const std::string& units,
                         const std::vector<CommandOption>& last, const std::vector<std::string>& skip = {});

// The option list of a command that takes no analysis settings (shoal run).
std::string command_options_help(const std::vector<CommandOption>& options);

// A setting's help as --help shows it: the registry's words, its default,
// and the page's start where that differs, with the reason.
std::string setting_help(const Setting& setting, const std::string& units);

// The names the command line takes for `analysis` beside `options`: value
// options, then flags.
std::vector<std::string> value_option_names(const std::vector<CommandOption>& options, Analysis analysis);
std::vector<std::string> flag_option_names(const std::vector<CommandOption>& options, Analysis analysis);

}  // namespace shoal::cli
