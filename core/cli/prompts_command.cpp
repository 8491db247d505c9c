#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/input_arguments.hpp"
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
  --model NAME          the model named in every request (required)
  --condition C         none (default: the question alone), identity (a
                        demographic persona), random (an encyclopedia
                        paragraph) or nonsense (its words shuffled)
  --personas FILE       CSV with random, nonsense and identity columns, one row
                        per individual (row i after the header is individual
                        i, from 0), as the paper's persona files; needed for
                        random and nonsense. Without it, identity personas are
                        generated from the seed.
  --persona-as P        user (default, the paper's: one user message, the
                        persona, a space, the question) or system (the persona
                        as a system message, the question as the user message)
  --individuals N       number of individuals, 0 to 1000000 (default 0: the
                        persona file's rows, else the paper's 150 for color,
                        900 for concept)
  --temperature T       sampling temperature, 0 to 100 (default, or empty:
                        none in the request, so the model's own, the paper's
                        "default")
  --seed S              0 to 4294967295 (default 42): the concept targets
                        (42 gives the paper's) and the generated personas
  --words FILE          color: one word per line (default: the 199 words of
                        the human study, alphabetical)
  --concepts C          concept: animals (default), politicians, or a
                        comma-separated list of at least three concepts
  --wording W           concept: paper (default; the paper's sentence, "more
                        similar to a a finch") or corrected (no extra article)
  --out FILE            write the requests here (default: standard output)
  --quiet               no summary on standard error
  --help                this text

Exit status: 0 success, 1 bad input, 2 bad usage.
)";

int run_prompts(const std::vector<std::string>& args) {
  const Arguments a(args,
                    {"model", "condition", "personas", "persona-as", "individuals", "temperature", "seed", "words",
                     "concepts", "wording", "out"},
                    {"quiet", "help"});
  if (a.flag("help")) {
    std::cout << kPromptsHelp;
    return 0;
  }
  if (a.positional().size() != 1) throw UsageError("prompts expects one task, color or concept (see shoal prompts --help)");
  kit::PromptOptions options =
      run_settings(a, {"model", "condition", "persona-as", "individuals", "temperature", "seed", "wording", "concepts"},
                   prompt_settings, {{"task", a.positional()[0]}});
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
    std::fprintf(stderr, "%zu requests for %zu individuals (%s, condition %s)\n", batch.requests, batch.individuals,
                 kit::to_string(options.task), kit::to_string(options.condition));
  }
  return 0;
}

}  // namespace shoal::cli
