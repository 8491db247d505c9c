#pragma once
#include <string>
#include <vector>

namespace shoal::cli {

// Each command takes the arguments after its name and returns the exit
// status; problems are thrown (UsageError, InputError) and mapped to exit
// statuses by main.
int run_color(const std::vector<std::string>& args);
int run_concept(const std::vector<std::string>& args);
int run_prompts(const std::vector<std::string>& args);
int run_replies(const std::vector<std::string>& args);
int run_values(const std::vector<std::string>& args);
// shoal run ANALYSIS.json [FILE...]: an analysis file or a report run again.
int run_run(const std::vector<std::string>& args);


}  // namespace shoal::cli
