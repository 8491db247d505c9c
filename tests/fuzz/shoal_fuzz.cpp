// libFuzzer target over everything that reads untrusted bytes: the CSV
// parser, file inspection, the loaders and analyses with their reports and
// tables (colour, concept, released chains, numeric answers), word norms,
// the kit's reply import (JSON Lines from any batch service) and persona
// files, and the chain-result codec the page's workers use.
//
// Input layout:
//   byte 0   entry point (see Entry)
//   byte 1   option bits (format, pair rule, chains, file names, ...)
//   rest     the file contents; a form feed ('\f') starts another file, so
//            one input can exercise populations that span files.
//
// Bad input may only be reported as shoal::InputError or
// std::invalid_argument. Anything else escaping — another exception type, a
// sanitizer report, a hang — is a bug, so it aborts here.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/inspect.hpp"
#include "analysis/run_settings.hpp"
#include "color/answers.hpp"
#include "color/diversity.hpp"
#include "color/responses.hpp"
#include "concept/chain_codec.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/csv.hpp"
#include "color/word_norms.hpp"
#include "color/word_rating_fit.hpp"
#include "compare/comparison.hpp"
#include "io/input_error.hpp"
#include "io/table_reader.hpp"
#include "kit/personas.hpp"
#include "kit/prompts.hpp"
#include "kit/replies.hpp"
#include "report/color_report.hpp"
#include "report/comparison_report.hpp"
#include "report/concept_report.hpp"
#include "report/values_report.hpp"
#include "values/analysis.hpp"
#include "values/responses.hpp"

namespace {

enum Entry : std::uint8_t {
  kParseCsv,
  kInspect,
  kColor,
  kConcept,
  kChainCodec,
  kSettings,
  kReplies,
  kPersonas,
  kValues,
  kWordNorms,
  kReleasedChains,
  kEntryCount
};

// Display names: plain, the paper's MODEL-prompt=P-temp=T form, and one
// without an extension. File names carry population labels.
const char* const kNames[] = {"input.csv", "openchat-prompt=random-temp=1.5.csv", "llm"};

std::vector<shoal::TextInput> split_inputs(std::string_view text, std::uint8_t bits) {
  std::vector<shoal::TextInput> inputs;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\f', start);
    const std::size_t index = inputs.size();
    inputs.push_back({kNames[(bits + index) % 3],
                      std::string(text.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                                   : end - start))});
    if (end == std::string_view::npos || inputs.size() == 4) break;
    start = end + 1;
  }
  return inputs;
}

void run_parse_csv(std::string_view text) {
  const shoal::CsvTable table = shoal::parse_csv(text, "input.csv");
  // Every record has the header's width; cell() must be safe on all of them.
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (table.row(r).size() != table.header.size()) std::abort();
    for (std::size_t c = 0; c < table.header.size(); ++c) (void)table.cell(r, c).size();
    if (table.line_of(r) < 2) std::abort();
  }
}

void run_inspect(std::string_view text, std::uint8_t bits) {
  static const char* const kFormats[] = {"auto", "auto", "auto", "human-long", "llm-wide",
                                         "plain-long", "analysis", "raw-llm"};
  shoal::InputSettings settings;
  settings.format = kFormats[bits & 7];
  const shoal::TextInput input{kNames[(bits >> 3) % 3], std::string(text)};
  // The page shows this as JSON: serialising must work for any content.
  (void)shoal::inspect_input(input, settings).dump();
}

void run_color(std::string_view text, std::uint8_t bits) {
  static const shoal::ColorFormat kFormats[] = {shoal::ColorFormat::Auto, shoal::ColorFormat::HumanLong,
                                                shoal::ColorFormat::LlmWide, shoal::ColorFormat::PlainLong};
  const std::vector<shoal::TextInput> inputs = split_inputs(text, bits >> 5);
  shoal::ColorInputOptions input_options;
  input_options.format = kFormats[bits & 3];
  const std::vector<shoal::ColorInputOptions> all_options{input_options};
  const shoal::ColorDataset dataset = shoal::load_color_inputs(inputs, all_options);

  shoal::ColorOptions options;
  options.pairs = (bits & 4) ? shoal::PairRule::Paper : shoal::PairRule::All;
  options.formula = (bits & 8) ? shoal::DeltaEFormula::Ciede2000 : shoal::DeltaEFormula::Cie76;
  options.jsd_samples = 64;
  options.seed = bits;
  if (bits & 16) options.reference = "human";
  const shoal::ColorAnalysis analysis = shoal::analyse_color(dataset, options);
  (void)shoal::color_report(dataset, all_options, analysis, shoal::compare_color(analysis, {shoal::kDefaultBootstrapDraws, options.seed}))
      .dump(1);
  (void)shoal::color_words_csv(analysis);
  (void)shoal::color_populations_csv(analysis);
  (void)shoal::color_answer_records(dataset, analysis);
}

void run_concept(std::string_view text, std::uint8_t bits, std::optional<shoal::ConceptFormat> forced = {}) {
  static const shoal::ConceptFormat kFormats[] = {shoal::ConceptFormat::Auto, shoal::ConceptFormat::Analysis,
                                                  shoal::ConceptFormat::RawLlm, shoal::ConceptFormat::Auto};
  const std::vector<shoal::TextInput> inputs = split_inputs(text, bits >> 5);
  shoal::ConceptInputOptions input_options;
  input_options.format = forced ? *forced : kFormats[bits & 3];
  const std::vector<shoal::ConceptInputOptions> all_options{input_options};
  const shoal::ConceptDataset dataset = shoal::load_concept_inputs(inputs, all_options);

  shoal::ConceptOptions options;
  options.iterations = 3;
  options.burn_in = 1;
  options.chains = (bits & 4) ? 2 : 1;
  options.subset_sizes = {2, 3};
  options.keep_traces = (bits & 8) != 0;
  options.model.prior = (bits & 16) ? shoal::PartitionPrior::Uniform : shoal::PartitionPrior::Simplicity;
  options.seed = bits;
  const shoal::ConceptAnalysis analysis = shoal::analyse_concepts(dataset, options);
  const shoal::ComparisonOptions comparing{shoal::kDefaultBootstrapDraws, options.seed};
  const std::string report =
      shoal::concept_report(dataset, all_options, analysis, shoal::compare_concepts(analysis, comparing)).dump(1);
  (void)shoal::concept_subsets_csv(analysis);
  (void)shoal::concept_reliability_csv(analysis);
  (void)shoal::concept_map_seating_csv(dataset, analysis);
  (void)shoal::concept_traces_csv(analysis);

  // The page runs the same chains as separate tasks, ships their results as
  // doubles and assembles them: the report must be the same.
  const std::vector<shoal::ChainTask> tasks = shoal::plan_chain_tasks(dataset, options);
  std::vector<double> shipped;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    shoal::append_chain_result(shipped, t, shoal::run_chain_task(dataset, options, tasks[t]));
  }
  std::vector<shoal::ChainResult> results(tasks.size());
  for (auto& [task, result] : shoal::read_chain_results(shipped.data(), shipped.size())) {
    results.at(task) = std::move(result);
  }
  const shoal::ConceptAnalysis assembled = shoal::assemble_concept_analysis(dataset, options, tasks, results);
  if (shoal::concept_report(dataset, all_options, assembled, shoal::compare_concepts(assembled, comparing)).dump(1) !=
      report) {
    std::fprintf(stderr, "chain tasks assembled differ from the whole analysis\n");
    std::abort();
  }
}

// Chain results come back from workers as a run of doubles.
void run_chain_codec(std::string_view text) {
  std::vector<double> values(text.size() / sizeof(double));
  if (!values.empty()) std::memcpy(values.data(), text.data(), values.size() * sizeof(double));
  (void)shoal::read_chain_results(values.data(), values.size());
}

// Settings as the command line and the page give them: "name=value" lines.
void run_settings(std::string_view text, std::uint8_t bits) {
  shoal::OptionValues values;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    const std::size_t eq = line.find('=');
    if (eq != std::string_view::npos) values[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
    start = end + 1;
  }
  if (bits & 1) {
    (void)shoal::color_run_settings(values);
  } else {
    (void)shoal::concept_run_settings(values);
  }
}

// The request files Shoal writes, small: replies are joined to them by
// custom_id, so fuzzing the results against a fixed batch reaches the join;
// with bit 0 set the request file is fuzzed too (the text before a form feed).
const std::string& fixed_requests(shoal::kit::Task task) {
  static const std::string color = [] {
    shoal::kit::PromptOptions o;
    o.task = shoal::kit::Task::Color;
    o.model = "m";
    o.words = {"apple", "sky"};
    o.individuals = 2;
    o.temperature = 1.5;
    return shoal::kit::batch_requests(o).jsonl;
  }();
  static const std::string concept = [] {
    shoal::kit::PromptOptions o;
    o.task = shoal::kit::Task::Concept;
    o.model = "m";
    o.individuals = 1;
    return shoal::kit::batch_requests(o).jsonl;
  }();
  return task == shoal::kit::Task::Color ? color : concept;
}

void run_replies(std::string_view text, std::uint8_t bits) {
  std::string requests = fixed_requests((bits & 2) ? shoal::kit::Task::Concept : shoal::kit::Task::Color);
  std::string_view results = text;
  if (bits & 1) {
    const std::size_t split = text.find('\f');
    requests = std::string(text.substr(0, split));
    results = split == std::string_view::npos ? std::string_view() : text.substr(split + 1);
  }
  const shoal::kit::ReplyImport import =
      shoal::kit::import_replies({"requests.jsonl", requests}, {"results.jsonl", std::string(results)});
  (void)shoal::kit::reply_summary(import).dump();
  // The import's CSV is what the analyses then read: it must load.
  if (import.task == shoal::kit::Task::Color) {
    shoal::ColorInputOptions options;
    options.format = shoal::ColorFormat::LlmWide;
    (void)shoal::load_color_inputs({{"replies.csv", import.csv}}, {options});
  } else {
    shoal::ConceptInputOptions options;
    options.format = shoal::ConceptFormat::RawLlm;
    (void)shoal::load_concept_inputs({{"replies.csv", import.csv}}, {options});
  }
}

void run_personas(std::string_view text, std::uint8_t bits) {
  static const shoal::kit::Condition kConditions[] = {shoal::kit::Condition::None, shoal::kit::Condition::Identity,
                                                      shoal::kit::Condition::Random, shoal::kit::Condition::Nonsense};
  const shoal::TextInput file{"personas.csv", std::string(text)};
  const std::vector<std::string> contexts = shoal::kit::read_persona_column(file, kConditions[bits & 3]);
  if (contexts.empty() || !(bits & 4)) return;
  // A persona file's rows become the batch's contexts.
  shoal::kit::PromptOptions o;
  o.task = (bits & 8) ? shoal::kit::Task::Concept : shoal::kit::Task::Color;
  o.condition = kConditions[bits & 3] == shoal::kit::Condition::None ? shoal::kit::Condition::Random
                                                                      : kConditions[bits & 3];
  o.model = "m";
  o.words = {"apple"};
  o.contexts = contexts;
  o.individuals = std::min<std::size_t>(contexts.size(), 3);
  (void)shoal::kit::batch_requests(o);
}

void run_values(std::string_view text, std::uint8_t bits) {
  const std::vector<shoal::TextInput> inputs = split_inputs(text, bits >> 5);
  const std::vector<shoal::ValuesInputOptions> all_options{shoal::ValuesInputOptions{}};
  const shoal::ValuesDataset dataset = shoal::load_values_inputs(inputs, all_options);
  shoal::ValuesOptions options;
  options.pairs = (bits & 1) ? shoal::PairRule::Paper : shoal::PairRule::All;
  options.scale = (bits & 2) ? shoal::ValueScale::Raw : shoal::ValueScale::PooledSd;
  options.seed = bits;
  const shoal::ValuesAnalysis analysis = shoal::analyse_values(dataset, options);
  (void)shoal::values_report(dataset, all_options, analysis,
                             shoal::comparison_json(shoal::compare_values(analysis, {50, options.seed})))
      .dump(1);
}

// Word norms on their own, or after a form feed following colour data whose
// words they rate (the colour report's word-ratings fits).
void run_word_norms(std::string_view text, std::uint8_t bits) {
  const std::size_t split = text.find('\f');
  if (split == std::string_view::npos || !(bits & 1)) {
    (void)shoal::read_word_norms(shoal::read_table({"norms.csv", std::string(text)}));
    return;
  }
  const shoal::WordNorms norms = shoal::read_word_norms(shoal::read_table({"norms.csv", std::string(text.substr(split + 1))}));
  const shoal::ColorDataset dataset =
      shoal::load_color_inputs({{"input.csv", std::string(text.substr(0, split))}}, {shoal::ColorInputOptions{}});
  shoal::ColorOptions options;
  options.jsd_samples = 16;
  (void)shoal::word_rating_fits(shoal::analyse_color(dataset, options), norms);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::uint8_t entry = data[0] % kEntryCount;
  const std::uint8_t bits = data[1];
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  try {
    switch (entry) {
      case kParseCsv: run_parse_csv(text); break;
      case kInspect: run_inspect(text, bits); break;
      case kColor: run_color(text, bits); break;
      case kConcept: run_concept(text, bits); break;
      case kChainCodec: run_chain_codec(text); break;
      case kSettings: run_settings(text, bits); break;
      case kReplies: run_replies(text, bits); break;
      case kPersonas: run_personas(text, bits); break;
      case kValues: run_values(text, bits); break;
      case kWordNorms: run_word_norms(text, bits); break;
      case kReleasedChains: run_concept(text, bits, shoal::ConceptFormat::ReleasedChains); break;
      default: break;
    }
  } catch (const shoal::InputError&) {
  } catch (const std::invalid_argument&) {
  } catch (const std::exception& e) {
    std::fprintf(stderr, "unexpected exception (entry %d): %s\n", static_cast<int>(entry), e.what());
    std::abort();
  }
  return 0;
}
