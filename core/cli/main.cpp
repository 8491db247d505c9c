#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "io/input_error.hpp"
#include "report/report_json.hpp"

namespace {

const char* const kHelp = R"(shoal: conceptual diversity of human and LLM populations

Usage:
  shoal color FILE... [options]     word-colour associations (ΔE analysis)
  shoal concept FILE... [options]   similarity judgements (CRP clustering)
  shoal values FILE... [options]    numeric answers (internal vs population distance)
  shoal prompts color|concept       the paper's requests for any model (batch JSONL)
  shoal replies REQUESTS RESULTS    batch results back into a file to analyse
  shoal run ANALYSIS.json [FILE...] an analysis file or a report run again
  shoal --help                      this text
  shoal --version                   the tool version
  shoal COMMAND --help              the options of a command

Each command reads one or more CSV files, analyses every population in them
and writes one JSON report (--out FILE, default standard output). Every
report holds its analysis file, with which shoal run repeats it.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kHelp;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "shoal " << shoal::tool_version() << "\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "color" || command == "colour") return shoal::cli::run_color(args);
    if (command == "concept") return shoal::cli::run_concept(args);
    if (command == "values") return shoal::cli::run_values(args);
    if (command == "prompts") return shoal::cli::run_prompts(args);
    if (command == "replies") return shoal::cli::run_replies(args);
    if (command == "run") return shoal::cli::run_run(args);
    throw shoal::cli::UsageError("unknown command '" + command + "' (see shoal --help)");
  } catch (const shoal::InputError& e) {
    shoal::cli::say(std::string("shoal: error: ") + e.what() + "\n");
    return 1;
  } catch (const shoal::cli::UsageError& e) {
    shoal::cli::say(std::string("shoal: ") + e.what() + "\n");
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "shoal: error: out of memory: the inputs need more memory than this machine gives the "
                 "process (see docs/performance.md, \"Memory\")\n";
    return 1;
  } catch (const std::exception& e) {
    shoal::cli::say(std::string("shoal: error: ") + e.what() + "\n");
    return 1;
  }
}
