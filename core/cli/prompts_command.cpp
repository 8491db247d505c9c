#include <algorithm>
#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/analysis_command.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "io/text_input.hpp"
#include "kit/prompts.hpp"

namespace shoal::cli {

const char* const kPromptsHelp = R"(Usage: shoal prompts color|concept [options]

Writes the paper's data collection as requests in the OpenAI batch format
(JSON Lines, one request per line: custom_id, method, url and a chat
completions body with model, messages, temperature and max_tokens 200).
Hosted batch APIs and vLLM's run-batch take this file; shoal replies reads
their results back. The custom_id of each request names its task, condition,
temperature, individual and question.

  color     every individual is asked for the colour of every word twice
            (blocks 1 and 2): individuals × words × 2 requests
  concept   every individual gets one target concept and judges all pairs of
            the other concepts, each pair in both orders: individuals × 36 × 2
            requests for ten concepts

Options:
)";

// The options of the command that are not settings of the requests.
const std::vector<CommandOption>& prompts_file_options() {
  static const std::vector<CommandOption> options = {
      {"personas", "FILE",
       "CSV with random, nonsense and identity columns, one row per individual (row i after the header is individual "
       "i, from 0), as the paper's persona files; needed for random and nonsense. Without it, identity personas are "
       "generated from the seed."},
      {"words", "FILE", "color: one word per line (default: the 199 words of the human study, alphabetical)"},
      {"out", "FILE", "write the requests here (default: standard output)"},
      {"quiet", "", "no summary on standard error"},
      {"help", "", "this text"}};
  return options;
}

// The task is the command's argument, not an option.
const std::vector<std::string> kPositionalSettings = {"task"};

int run_prompts(const std::vector<std::string>& args) {
  std::vector<std::string> value_options = value_option_names(prompts_file_options(), Analysis::Prompts);
  value_options.erase(std::remove(value_options.begin(), value_options.end(), kPositionalSettings.front()),
                      value_options.end());
  const Arguments a(args, value_options, flag_option_names(prompts_file_options(), Analysis::Prompts));
  if (a.flag("help")) {
    std::cout << kPromptsHelp
              << options_help({}, Analysis::Prompts, "", prompts_file_options(), kPositionalSettings)
              << "\nExit status: 0 success, 1 bad input, 2 bad usage.\n";
    return 0;
  }
  if (a.positional().size() != 1) throw UsageError("prompts expects one task, color or concept (see shoal prompts --help)");
  kit::PromptOptions options =
      checked_settings(&prompt_settings, setting_values(a, Analysis::Prompts, {{"task", a.positional()[0]}}));
  if (options.task == kit::Task::Concept && a.has("words")) throw UsageError("--words is an option of the color task");
  if (a.has("words")) options.words = kit::read_word_list(read_text_input(a.value("words", "")));
  if (a.has("personas")) {
    if (options.condition == kit::Condition::None) throw UsageError("--personas needs --condition identity, random or nonsense");
    options.contexts = kit::read_persona_column(read_text_input(a.value("personas", "")), options.condition);
  }
  kit::RequestBatch batch;
  try {
    batch = kit::batch_requests(options);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  write_output(a.value("out", "-"), batch.jsonl);
  if (!a.flag("quiet")) {
    say(formatted("%zu requests for %zu individuals (%s, condition %s)\n", batch.requests, batch.individuals,
                 kit::to_string(options.task), kit::to_string(options.condition)));
  }
  return 0;
}

}  // namespace shoal::cli
