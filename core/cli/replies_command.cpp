#include <cstdio>
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "io/csv_writer.hpp"
#include "io/text_input.hpp"
#include "kit/replies.hpp"

namespace shoal::cli {

const char* const kRepliesHelp = R"(Usage: shoal replies REQUESTS.jsonl RESULTS.jsonl --out FILE.csv [options]

Joins the results of a batch run to the requests shoal prompts wrote, by
custom_id, and writes the replies in the raw format shoal color or shoal
concept reads: llm-wide for color (model_name, prompt, temperature,
subject_num, word, generation1, generation2), raw-llm for concept (model_name,
prompt, temperature, subject_num, target, choice1, choice2, generation1 for
the order choice1-choice2, generation2 for the swapped order).

Result lines may come from an OpenAI-compatible batch API, vLLM's run-batch,
Anthropic's message batches, or be plain {"custom_id", "content"} lines.
Nothing is dropped silently: every request has its row, and these are counted
and listed on standard error:
  failed      an error or a status other than 200 (the cell is left empty)
  missing     no result for a request (empty cell)
  empty       a reply without text (empty cell)
  no_answer   a reply without a #rrggbb code (color) or naming neither choice
              (concept): kept, and counted invalid by the analysis
  duplicate   a further result for a request (the first usable one is kept)
  unknown_id  a result for no request in the file

Options:
  --out FILE        the CSV to write (default: standard output)
  --problems FILE   also write every problem as CSV (kind, custom_id, line,
                    detail)
  --quiet           no summary on standard error
  --help            this text

Exit status: 0 success (also when some requests failed), 1 bad input, 2 bad
usage.
)";

namespace {

void print_summary(const kit::ReplyImport& import) {
  say(formatted("%zu requests, %zu result lines: %zu replies with text, %zu rows written (%s)\n",
               import.requests, import.result_lines, import.answered, import.rows, kit::to_string(import.task)));
  constexpr std::size_t kListed = 10;
  for (const auto& [kind, count] : import.counts()) {
    if (count == 0) continue;
    say(formatted("  %-10s %zu\n", kind.c_str(), count));
    std::size_t shown = 0;
    for (const auto& p : import.problems) {
      if (p.kind != kind || shown++ == kListed) continue;
      if (p.line > 0) {
        say(formatted("    %s (results line %zu): %s\n", p.custom_id.c_str(), p.line, p.detail.c_str()));
      } else {
        say(formatted("    %s: %s\n", p.custom_id.c_str(), p.detail.c_str()));
      }
    }
    if (count > kListed) say(formatted("    … and %zu more (--problems FILE lists all)\n", count - kListed));
  }
}

}  // namespace

int run_replies(const std::vector<std::string>& args) {
  const Arguments a(args, {"out", "problems"}, {"quiet", "help"});
  if (a.flag("help")) {
    std::cout << kRepliesHelp;
    return 0;
  }
  if (a.positional().size() != 2) throw UsageError("replies expects two files: the requests and the results");
  const auto inputs = read_inputs(a.positional());
  const kit::ReplyImport import = kit::import_replies(inputs[0], inputs[1]);
  write_output(a.value("out", "-"), import.csv);
  if (a.has("problems")) {
    CsvWriter csv;
    csv.row({"kind", "custom_id", "line", "detail"});
    for (const auto& p : import.problems) csv.row({p.kind, p.custom_id, p.line ? std::to_string(p.line) : "", p.detail});
    write_output(a.value("problems", ""), csv.text());
  }
  if (!a.flag("quiet")) print_summary(import);
  return 0;
}

}  // namespace shoal::cli
