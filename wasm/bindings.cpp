// The browser's door into the core: one entry point per analysis, settings
// as {name: text} by command-line name (what the command line's validator
// takes), inputs as {name, bytes, settings} records, numbers as typed
// arrays, and every outcome — report or error — returned as a value the page
// can show. Nothing here computes; it only converts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "analysis/analysis_file.hpp"
#include "analysis/input_settings.hpp"
#include "analysis/inspect.hpp"
#include "analysis/run_settings.hpp"
#include "color/answers.hpp"
#include "report/color_report.hpp"
#include "color/diversity.hpp"
#include "concept/chain_codec.hpp"
#include "concept/chain_task_key.hpp"
#include "concept/clustering_codec.hpp"
#include "concept/load_in_turn.hpp"
#include "report/concept_report.hpp"
#include "concept/diversity.hpp"
#include "io/input_error.hpp"
#include "io/sha256.hpp"
#include "io/table_reader.hpp"
#include "report/report_json.hpp"
#include "js_text.hpp"
#include "outcome.hpp"
#include "page_files.hpp"

using emscripten::val;
using shoal::wasm::present;
using shoal::wasm::read_bytes;
using shoal::wasm::read_files;
using shoal::wasm::read_settings;
using shoal::wasm::string_field;

namespace {

using shoal::wasm::Outcome;
using shoal::wasm::outcome_of;
using shoal::wasm::setting_texts;
using shoal::wasm::success;

// Buffers behind the typed views handed out; kept until the next call.
std::vector<std::uint8_t> g_bytes;
std::vector<double> g_numbers;

// The views handed out last are valid until the next call: a call given
// chain results frees them first, as it copies those results in (40 MB each
// for a study of 50,000 concepts, in a memory that never shrinks).
void release_handed_out() {
  std::vector<std::uint8_t>().swap(g_bytes);
  std::vector<double>().swap(g_numbers);
}

// How long turning the last report into text took, for the page's phase
// timings.
double g_serialise_millis = 0.0;

// The report's text as a JavaScript string: `write(JsonWriter&)` writes it
// piece by piece (no tree), once.
template <typename Write>
val serialise(const Write& write) {
  const auto start = std::chrono::steady_clock::now();
  val text = shoal::wasm::streamed_text(write);
  g_serialise_millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return text;
}

shoal::ConceptRunSettings concept_settings(const val& settings) {
  return shoal::concept_run_settings(setting_texts(settings));
}

// Enough rows to recognise a file and preview it; the paper's similarity
// files are 2 MB each, and parsing them whole only to inspect them took most
// of the time between dropping them and being able to run.
constexpr std::size_t kInspectionSample = 256 * 1024;

// A file whose `size` is more than its bytes came as its first
// inspectionSample() bytes only: the page reads no more of a long file
// unless the report is empty, which says the whole file is needed.
Outcome inspect_file(val file) {
  return outcome_of([&] {
    const shoal::TextInput input = read_bytes(file);
    const val size = file["size"];
    const double whole = size.isNumber() ? size.as<double>() : 0.0;
    if (whole > static_cast<double>(input.content.size())) {
      const auto sampled = shoal::inspect_head(input, static_cast<std::size_t>(whole), read_settings(file));
      return success(sampled ? sampled->dump() : std::string());
    }
    return success(shoal::inspect_input(input, read_settings(file), kInspectionSample).dump());
  });
}

double inspection_sample() { return static_cast<double>(kInspectionSample); }

// A file set to the format "word-norms" holds ratings of the words, for the
// report's word-rating fits; the others are the colour data.
std::optional<shoal::WordNorms> take_word_norms(val& files) {
  std::optional<shoal::WordNorms> norms;
  val colour = val::array();
  for (unsigned i = 0; i < files["length"].as<unsigned>(); ++i) {
    const val file = files[i];
    if (read_settings(file).format != "word-norms") {
      colour.call<void>("push", file);
      continue;
    }
    if (norms) throw std::invalid_argument("one file of word ratings at a time, not two");
    norms = shoal::read_word_norms(shoal::read_table(read_bytes(file)));
  }
  files = colour;
  return norms;
}

// Every valid answer's record (see color_answer_records) in a Uint8Array of
// the page's own, copied a piece at a time: the module never holds them all.
val answer_records(const shoal::ColorDataset& dataset, const shoal::ColorAnalysis& analysis) {
  std::size_t valid = 0;
  for (const auto& p : analysis.populations) valid += p.valid_responses;
  val records = val::global("Uint8Array").new_(valid * shoal::kColorAnswerRecordSize);
  std::size_t at = 0;
  shoal::color_answer_records(dataset, analysis, std::size_t{1} << 16, [&](const std::uint8_t* bytes, std::size_t size) {
    records.call<void>("set", val(emscripten::typed_memory_view(size, bytes)), at);
    at += size;
  });
  if (at != valid * shoal::kColorAnswerRecordSize) throw std::logic_error("the answer records are not one per valid answer");
  return records;
}

// On success `data` is a Uint8Array of every valid answer (see
// color_answer_records), for the colour bars. `progress(fraction)` is called
// after every word.
Outcome analyse_color(val files, val color_settings, val progress) {
  return outcome_of([&] {
    std::vector<shoal::TextInput> inputs;
    std::vector<shoal::ColorInputOptions> input_options;
    const auto settings = shoal::color_run_settings(setting_texts(color_settings));
    const shoal::ColorOptions& options = settings.options;
    const auto file = shoal::analysis_file_json(
        shoal::define_analysis(shoal::Analysis::Color, setting_texts(color_settings), shoal::wasm::analysis_inputs(files)));
    const auto norms = take_word_norms(files);
    read_files(files, inputs, input_options, shoal::color_input_options, "word-colour", shoal::color_roles());

    std::vector<std::uint8_t>().swap(g_bytes);   // a view from an earlier call is over
    auto dataset = shoal::load_color_inputs(std::move(inputs), input_options);
    const auto analysis = shoal::analyse_color(dataset, options, [&](double fraction) {
      if (present(progress)) progress(val(fraction));
    });
    const val records = answer_records(dataset, analysis);
    // The replies are in the records, not in the report: they go before it
    // is written.
    for (auto& population : dataset.populations) std::deque<shoal::ColorResponse>().swap(population.responses);
    const auto comparisons = shoal::compare_color(analysis, {settings.bootstrap, analysis.options.seed});
    const shoal::WordRatingFits word_ratings = norms ? shoal::word_rating_fits(analysis, *norms) : shoal::WordRatingFits{};
    return shoal::wasm::success_text(serialise([&](shoal::JsonWriter& out) {
                                       shoal::write_color_report(out, dataset, input_options, analysis, comparisons,
                                                                 word_ratings, file);
                                     }),
                                     records);
  });
}

struct ConceptInputs {
  std::vector<shoal::ConceptInputOptions> input_options;
  shoal::ConceptDataset dataset;
};

// Called with the bytes parsed so far after each input a concept call parses
// (see onInputRead).
val g_input_read = val::null();

// What identifies the files as given: name, settings and content. The page
// gives each file's SHA-256, which it computed once on reading, so a call on
// files already parsed neither copies nor hashes 100 MB again; files without
// one are hashed here.
std::string files_key(const val& files) {
  std::string key;
  const val json = val::global("JSON");
  for (unsigned i = 0; i < files["length"].as<unsigned>(); ++i) {
    const val file = files[i];
    const val settings = file["settings"];
    key += file["name"].as<std::string>() + '\x1f' + (present(settings) ? json.call<std::string>("stringify", settings) : "") +
           '\x1f';
    key += shoal::wasm::fingerprint(file);
    key += '\x1e';
  }
  return key;
}

// One analysis calls plan, chains and assembly on the same files in the same
// module instances; parsing them takes seconds for the paper's data, so the
// last parsed files are kept.
struct ParsedConcepts {
  std::string key;
  std::shared_ptr<const ConceptInputs> loaded;
};
ParsedConcepts g_parsed;

std::shared_ptr<const ConceptInputs> load_concepts(const val& files) {
  const std::string key = files_key(files);
  if (g_parsed.loaded && g_parsed.key == key) return g_parsed.loaded;
  g_parsed = {};
  auto loaded = std::make_shared<ConceptInputs>();
  shoal::wasm::read_options(files, loaded->input_options, shoal::concept_input_options, "similarity judgements",
                            shoal::concept_roles());
  // Each file's bytes are asked of the page when its turn comes (a worker
  // reads them from its Blob then), so that one file's text is held at a
  // time, here and in the worker, rather than all of them.
  const unsigned count = files["length"].as<unsigned>();
  std::vector<shoal::TextInput> inputs(count);
  for (unsigned i = 0; i < count; ++i) inputs[i].name = files[i]["name"].as<std::string>();
  std::vector<double> sizes(count, 0.0);
  double bytes = 0.0;
  loaded->dataset = shoal::load_concept_inputs_in_turn(
      std::move(inputs), loaded->input_options,
      [&](std::size_t i, shoal::TextInput& input) {
        input = read_bytes(files[static_cast<unsigned>(i)]);
        shoal::wasm::check_whole(files[static_cast<unsigned>(i)], input);
        sizes[i] = static_cast<double>(input.content.size());
      },
      [&](std::size_t i) {
        bytes += sizes[i];
        if (present(g_input_read)) g_input_read(val(bytes));
      });
  g_parsed = {key, loaded};
  return loaded;
}

void on_input_read(val callback) { g_input_read = callback; }

// Concepts summarised before the assembly (summariseConcepts), by their
// index in concept_tasks, for the files parsed last and `settings`
// (their JSON text).
struct EarlySummaries {
  std::string settings;
  std::map<std::size_t, shoal::ConceptResult> concepts;
  // Each one's entry in the report, written then too (concept_entry_text).
  std::map<std::size_t, std::string> entries;
};
EarlySummaries g_summaries;

std::string settings_key(const val& settings) { return val::global("JSON").call<std::string>("stringify", settings); }

// The chains the analysis needs, so the page can deal them out to workers:
// report = {"tasks": n, "keys": [each task's chain_task_key]}, data =
// Float64Array of each task's cost. Planned on some of the files, the keys
// say which chains of the analysis of all of them these files can run.
Outcome plan_concept(val files, val settings) {
  return outcome_of([&] {
    const auto options = concept_settings(settings).options;
    g_summaries = {};
    const auto loaded = load_concepts(files);
    const auto tasks = shoal::plan_chain_tasks(loaded->dataset, options);
    g_numbers.clear();
    for (const auto& task : tasks) g_numbers.push_back(shoal::chain_task_work(task, options));
    // Each task's concept (its index in concept_tasks; -1 for a pooled
    // cell), for summariseConcepts.
    std::vector<long long> concept_of(tasks.size(), -1);
    const auto concepts = shoal::concept_tasks(loaded->dataset, tasks);
    for (std::size_t k = 0; k < concepts.size(); ++k) {
      for (std::size_t t = concepts[k].first; t < concepts[k].end; ++t) concept_of[t] = static_cast<long long>(k);
    }
    return success(nlohmann::json{{"tasks", tasks.size()},
                                  {"keys", shoal::chain_task_keys(loaded->dataset, tasks)},
                                  {"concepts", concept_of},
                                  {"final", shoal::max_chain_iterations(options) == options.iterations}}
                       .dump(),
                   val(emscripten::typed_memory_view(g_numbers.size(), g_numbers.data())));
  });
}

// What the chains need of the files, as bytes for another worker's
// runClusteredChains (see encode_clustering_inputs): a Uint8Array in `data`.
Outcome clustering_inputs(val files) {
  return outcome_of([&] {
    g_bytes = shoal::encode_clustering_inputs(load_concepts(files)->dataset);
    return success("{}", val(emscripten::typed_memory_view(g_bytes.size(), g_bytes.data())));
  });
}

Outcome run_chains(const shoal::ConceptDataset& dataset, const val& settings, const val& task_indices,
                   const val& progress) {
  const auto options = concept_settings(settings).options;
  const auto tasks = shoal::plan_chain_tasks(dataset, options);
  std::vector<std::size_t> chosen;
  double total = 0.0, done = 0.0;
  for (unsigned i = 0; i < task_indices["length"].as<unsigned>(); ++i) {
    chosen.push_back(task_indices[i].as<std::size_t>());
    if (chosen.back() >= tasks.size()) throw std::invalid_argument("no such chain task");
    total += shoal::chain_task_work(tasks[chosen.back()], options);
  }
  std::vector<double> encoded;
  // A call into JavaScript per iteration cost as much as a good part of the
  // chains themselves: progress is reported in steps of a thousandth.
  const bool reporting = present(progress) && total > 0.0;
  double reported = 0.0;
  for (std::size_t index : chosen) {
    const double people = static_cast<double>(shoal::chain_task_people(tasks[index]));
    const double iterations_planned = static_cast<double>(options.iterations);
    const auto report = [&](std::size_t iterations) {
      const double fraction = (done + people * static_cast<double>(iterations)) / total;
      if (reporting && (fraction - reported >= 0.001 || static_cast<double>(iterations) >= iterations_planned)) {
        reported = fraction;
        progress(val(fraction));
      }
      return true;
    };
    shoal::append_chain_result(encoded, index, shoal::run_chain_task(dataset, options, tasks[index], report));
    done += shoal::chain_task_work(tasks[index], options);
  }
  g_numbers = std::move(encoded);
  return success("{}", val(emscripten::typed_memory_view(g_numbers.size(), g_numbers.data())));
}

// Runs the planned chains whose indices are given (a JS array) and returns
// their results as a Float64Array for assembleConcept. `progress(fraction)`
// is called after every iteration.
Outcome run_concept_chains(val files, val settings, val task_indices, val progress) {
  return outcome_of([&] { return run_chains(load_concepts(files)->dataset, settings, task_indices, progress); });
}

// The same, on the bytes clusteringInputs gave instead of the files.
Outcome run_clustered_chains(val clustering, val settings, val task_indices, val progress) {
  return outcome_of([&] {
    std::vector<std::uint8_t> bytes(clustering["length"].as<std::size_t>());
    val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<void>("set", clustering);
    return run_chains(shoal::decode_clustering_inputs(bytes.data(), bytes.size()), settings, task_indices, progress);
  });
}

// A task as the page carries it between module instances: its bytes. Every
// instance runs the same module, so the bytes read back as the same task,
// whatever fields the core gives it (its length, the kernel its continuation
// runs); the page never looks inside.
static_assert(std::is_trivially_copyable_v<shoal::ChainTask>,
              "a chain task crosses between module instances as its bytes: give it a field-by-field encoding here");

std::vector<std::uint8_t> task_bytes(const shoal::ChainTask& task) {
  std::vector<std::uint8_t> bytes(sizeof task);
  std::memcpy(bytes.data(), &task, sizeof task);
  return bytes;
}

// The task carried as `bytes` for the planned task `planned`, checked to be
// that task lengthened, so that bytes of another analysis are refused.
shoal::ChainTask task_from_bytes(const val& bytes, const shoal::ChainTask& planned) {
  if (!present(bytes) || bytes["length"].as<std::size_t>() != sizeof(shoal::ChainTask)) {
    throw std::invalid_argument("a continued chain task is malformed");
  }
  std::vector<std::uint8_t> copy(sizeof(shoal::ChainTask));
  val(emscripten::typed_memory_view(copy.size(), copy.data())).call<void>("set", bytes);
  shoal::ChainTask task;
  std::memcpy(&task, copy.data(), sizeof task);
  if (!shoal::same_cell(task, planned) || task.chain != planned.chain || task.seed != planned.seed || task.iterations < planned.iterations) {
    throw std::invalid_argument("a continued chain task is not one of this analysis");
  }
  return task;
}

// The plan's tasks as continued so far: `continued` is null or an array of
// {task: index, bytes} from continuationRound, later rounds after earlier.
std::vector<shoal::ChainTask> continued_tasks(std::vector<shoal::ChainTask> tasks, const val& continued) {
  if (!present(continued)) return tasks;
  for (unsigned i = 0; i < continued["length"].as<unsigned>(); ++i) {
    const val entry = continued[i];
    const auto index = entry["task"].as<std::size_t>();
    if (index >= tasks.size()) throw std::invalid_argument("no such chain task");
    tasks[index] = task_from_bytes(entry["bytes"], tasks[index]);
  }
  return tasks;
}

// What the entry points given chain results start from: the settings, the
// files as parsed, and the whole plan's tasks as the rounds so far left them.
struct PlannedRun {
  shoal::ConceptRunSettings settings;
  std::shared_ptr<const ConceptInputs> loaded;
  std::vector<shoal::ChainTask> tasks;
};

PlannedRun planned_run(const val& files, const val& settings_text, const val& continued) {
  PlannedRun run{concept_settings(settings_text), load_concepts(files), {}};
  run.tasks = continued_tasks(shoal::plan_chain_tasks(run.loaded->dataset, run.settings.options), continued);
  return run;
}

std::vector<double> numbers_of(const val& array) {
  std::vector<double> numbers(array["length"].as<std::size_t>());
  val(emscripten::typed_memory_view(numbers.size(), numbers.data())).call<void>("set", array);
  return numbers;
}

// Every task's result from `chain_results` (a JS array of Float64Arrays from
// runConceptChains and continueConceptChains, in any order). `recorded_keys`
// is null, or an array parallel to chain_results whose entry is null for
// results recorded under this plan's task indices, or, for results a worker
// recorded under its plan of some of the files, the keys (see planConcept) of
// that plan's tasks: each result then goes to the task of this plan with the
// same key, if any. A continued chain's result replaces the shorter one it
// continued.
struct GivenResults {
  std::vector<shoal::ChainResult> results;
  std::vector<bool> given;
};

GivenResults given_results(const ConceptInputs& loaded, const std::vector<shoal::ChainTask>& tasks,
                           const val& chain_results, const val& recorded_keys) {
  std::map<std::string, std::size_t> index_of_key;
  std::vector<shoal::ChainResult> results(tasks.size());
  std::vector<bool> seen(tasks.size(), false);
  for (unsigned i = 0; i < chain_results["length"].as<unsigned>(); ++i) {
    const std::vector<double> numbers = numbers_of(chain_results[i]);
    const val keys = present(recorded_keys) ? recorded_keys[i] : val::null();
    if (present(keys) && index_of_key.empty()) {
      const auto own_keys = shoal::chain_task_keys(loaded.dataset, tasks);
      for (std::size_t t = 0; t < tasks.size(); ++t) index_of_key[own_keys[t]] = t;
    }
    for (auto& [recorded, result] : shoal::read_chain_results(numbers.data(), numbers.size())) {
      std::size_t task = recorded;
      if (present(keys)) {
        const auto found = recorded < keys["length"].as<std::size_t>()
                               ? index_of_key.find(string_field(keys, std::to_string(recorded).c_str()))
                               : index_of_key.end();
        // A chain of a population those files alone describe otherwise
        // belongs to no task here; the task it stood for is run apart.
        if (found == index_of_key.end()) continue;
        task = found->second;
      }
      if (task >= tasks.size()) throw std::invalid_argument("chain results do not match the plan");
      if (seen[task]) {
        const auto had = results[task].state.iterations, has = result.state.iterations;
        if (had == has) throw std::invalid_argument("chain results do not match the plan");
        if (has < had) continue;
      }
      seen[task] = true;
      results[task] = std::move(result);
    }
  }
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    if (seen[t] && results[t].state.iterations != tasks[t].iterations) {
      throw std::invalid_argument("a chain result does not have the length of its task");
    }
  }
  return {std::move(results), std::move(seen)};
}

std::vector<shoal::ChainResult> plan_results(const ConceptInputs& loaded, const std::vector<shoal::ChainTask>& tasks,
                                             const val& chain_results, const val& recorded_keys) {
  auto given = given_results(loaded, tasks, chain_results, recorded_keys);
  for (bool g : given.given) {
    if (!g) throw std::invalid_argument("chain results are missing for some chains");
  }
  return std::move(given.results);
}

// Run until converged, one round, on the results so far (as for
// assembleConcept, `continued` as for continued_tasks), judging the cells
// whose chains are all given (after the first round, the page gives only
// those continued in the last, as the others cannot change): report =
// {"tasks": [index], "work": [each one's added person-reseatings]}, in
// the order of the plan, and `data` = a Uint8Array of their tasks lengthened
// (each task's bytes in turn, `taskBytes` each) for continueConceptChains.
// No tasks: every cell is done. Each cell's schedule depends on its own
// chains alone, so the rounds are the CLI's however the chains are spread.
Outcome continuation_round(val files, val settings_text, val chain_results, val recorded_keys, val continued) {
  release_handed_out();
  return outcome_of([&] {
    const PlannedRun run = planned_run(files, settings_text, continued);
    const auto& options = run.settings.options;
    const auto& all_tasks = run.tasks;
    auto given = given_results(*run.loaded, all_tasks, chain_results, recorded_keys);
    // The cells given, each with all its chains (a cell's chains are planned
    // together): only a cell continued in the last round can need another.
    std::vector<std::size_t> plan_index;
    std::vector<shoal::ChainTask> tasks;
    std::vector<shoal::ChainResult> results;
    for (std::size_t t = 0; t < all_tasks.size(); ++t) {
      if (!given.given[t]) continue;
      plan_index.push_back(t);
      tasks.push_back(all_tasks[t]);
      results.push_back(std::move(given.results[t]));
    }
    const auto same_cell = [&](std::size_t a, std::size_t b) { return shoal::same_cell(all_tasks[a], all_tasks[b]); };
    for (std::size_t t = 0; t < all_tasks.size(); ++t) {
      const bool split = t + 1 < all_tasks.size() && same_cell(t, t + 1) && given.given[t] != given.given[t + 1];
      if (split) throw std::invalid_argument("a cell's chains are judged together: some of them are missing");
    }
    nlohmann::json indices = nlohmann::json::array(), work = nlohmann::json::array();
    g_bytes.clear();
    // tasks_to_continue lengthens each chosen task as continue_until_converged
    // does (tests/wasm/concept_wasm.test.mjs compares these rounds with the CLI).
    for (std::size_t i : shoal::tasks_to_continue(options, tasks, results)) {
      const std::size_t t = plan_index[i];
      indices.push_back(t);
      work.push_back(shoal::continued_work(tasks[i], results[i].state.iterations, options));
      const auto bytes = task_bytes(tasks[i]);
      g_bytes.insert(g_bytes.end(), bytes.begin(), bytes.end());
    }
    return success(nlohmann::json{{"tasks", indices}, {"work", work}, {"taskBytes", sizeof(shoal::ChainTask)}}.dump(),
                   val(emscripten::typed_memory_view(g_bytes.size(), g_bytes.data())));
  });
}

// Continues chains from their saved states: `continued` is an array of
// {task: index, bytes} (a round of continuationRound), `chain_results` an
// array of the same tasks' results so far (Float64Arrays, each the task's
// record). Returns the continued results as a Float64Array, under the
// plan's task indices. `progress(fraction)` as for runConceptChains.
Outcome continue_chains(const shoal::ConceptDataset& dataset, const val& settings, const val& continued,
                        const val& chain_results, const val& progress) {
  release_handed_out();
  const auto options = concept_settings(settings).options;
  const auto planned = shoal::plan_chain_tasks(dataset, options);
  const unsigned count = continued["length"].as<unsigned>();
  if (chain_results["length"].as<unsigned>() != count) {
    throw std::invalid_argument("one chain result is needed per continued chain");
  }
  std::vector<std::size_t> indices;
  std::vector<shoal::ChainTask> tasks;
  std::vector<shoal::ChainResult> results;
  double total = 0.0;
  for (unsigned i = 0; i < count; ++i) {
    const val entry = continued[i];
    indices.push_back(entry["task"].as<std::size_t>());
    if (indices.back() >= planned.size()) throw std::invalid_argument("no such chain task");
    tasks.push_back(task_from_bytes(entry["bytes"], planned[indices.back()]));
    const std::vector<double> numbers = numbers_of(chain_results[i]);
    auto read = shoal::read_chain_results(numbers.data(), numbers.size());
    if (read.size() != 1 || read[0].first != indices.back()) {
      throw std::invalid_argument("a continued chain's result is not that chain's");
    }
    results.push_back(std::move(read[0].second));
    if (results.back().state.iterations >= tasks.back().iterations) {
      throw std::invalid_argument("a continued chain is already as long as its task");
    }
    total += static_cast<double>(shoal::chain_task_people(tasks.back())) *
             static_cast<double>(tasks.back().iterations - results.back().state.iterations);
  }
  std::vector<double> encoded;
  const bool reporting = present(progress) && total > 0.0;
  double done = 0.0, reported = 0.0;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const double people = static_cast<double>(shoal::chain_task_people(tasks[i]));
    const auto from = results[i].state.iterations;
    const auto report = [&](std::size_t iteration) {
      const double fraction = (done + people * static_cast<double>(iteration - from)) / total;
      if (reporting && (fraction - reported >= 0.001 || iteration >= tasks[i].iterations)) {
        reported = fraction;
        progress(val(fraction));
      }
      return true;
    };
    shoal::continue_chain_task(dataset, options, tasks[i], results[i], report);
    shoal::append_chain_result(encoded, indices[i], results[i]);
    done += people * static_cast<double>(tasks[i].iterations - from);
  }
  g_numbers = std::move(encoded);
  return success("{}", val(emscripten::typed_memory_view(g_numbers.size(), g_numbers.data())));
}

Outcome continue_concept_chains(val files, val settings, val continued, val chain_results, val progress) {
  return outcome_of(
      [&] { return continue_chains(load_concepts(files)->dataset, settings, continued, chain_results, progress); });
}

// The same, on the bytes clusteringInputs gave instead of the files.
Outcome continue_clustered_chains(val clustering, val settings, val continued, val chain_results, val progress) {
  return outcome_of([&] {
    std::vector<std::uint8_t> bytes(clustering["length"].as<std::size_t>());
    val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<void>("set", clustering);
    return continue_chains(shoal::decode_clustering_inputs(bytes.data(), bytes.size()), settings, continued,
                           chain_results, progress);
  });
}

// Summarises the concepts `concept_indices` (indices in concept_tasks, as
// planConcept gives each task's) from `chain_results`, which must hold
// every chain of each (plan's task indices; `continued` as for
// continued_tasks), and keeps them for assembleConcept: the page summarises
// a concept as soon as its chains are done and will not be continued, while
// other chains still run, as the CLI spreads the summaries over its threads.
Outcome summarise_concepts(val files, val settings_text, val chain_results, val continued, val concept_indices) {
  release_handed_out();
  return outcome_of([&] {
    const PlannedRun run = planned_run(files, settings_text, continued);
    const auto& options = run.settings.options;
    const auto& loaded = run.loaded;
    const auto& tasks = run.tasks;
    auto given = given_results(*loaded, tasks, chain_results, val::null());
    const auto concepts = shoal::concept_tasks(loaded->dataset, tasks);
    const std::string key = settings_key(settings_text);
    if (g_summaries.settings != key) g_summaries = {key, {}};
    for (unsigned i = 0; i < concept_indices["length"].as<unsigned>(); ++i) {
      const auto k = concept_indices[i].as<std::size_t>();
      if (k >= concepts.size()) throw std::invalid_argument("no such concept");
      for (std::size_t t = concepts[k].first; t < concepts[k].end; ++t) {
        if (!given.given[t]) throw std::invalid_argument("a concept is summarised from all its chains");
      }
      // below_min_people, which the entry shows, is set by the rule the
      // assembly applies to the whole population.
      shoal::ConceptPopulationResult alone;
      alone.concepts.push_back(shoal::summarise_concept(loaded->dataset, options, concepts[k], tasks, given.results));
      shoal::summarise_population(alone, options.min_people);
      const auto& population = loaded->dataset.populations[concepts[k].population];
      std::vector<std::string> names;
      names.reserve(population.concepts.size());
      for (const auto& concept : population.concepts) names.push_back(concept.concept);
      g_summaries.entries[k] = shoal::concept_entry_text(alone.concepts.front(), &population.concepts[concepts[k].concept],
                                                         names, options.keep_traces);
      g_summaries.concepts[k] = std::move(alone.concepts.front());
    }
    return success("{}");
  });
}

// The report from every chain's results (arguments as for
// continuationRound); the chains of concepts summarised before
// (summariseConcepts, with the same settings) may be left out.
Outcome assemble_concept(val files, val concept_settings_text, val chain_results, val recorded_keys, val continued) {
  release_handed_out();
  return outcome_of([&] {
    PlannedRun run = planned_run(files, concept_settings_text, continued);
    const auto& settings = run.settings;
    const auto& options = settings.options;
    const auto& loaded = run.loaded;
    auto& tasks = run.tasks;
    std::vector<std::optional<shoal::ConceptResult>> summarised;
    std::vector<std::string> entries;
    std::vector<shoal::ChainResult> results;
    if (g_summaries.concepts.empty() || g_summaries.settings != settings_key(concept_settings_text)) {
      results = plan_results(*loaded, tasks, chain_results, recorded_keys);
      // Rounds not run yet (a caller with one instance) are run here, as the
      // CLI runs them; the page has run them all on its workers.
      shoal::continue_until_converged(loaded->dataset, options, tasks, results);
    } else {
      // The page summarised some concepts after its last round: every chain is done.
      const auto concepts = shoal::concept_tasks(loaded->dataset, tasks);
      auto given = given_results(*loaded, tasks, chain_results, recorded_keys);
      summarised.resize(concepts.size());
      entries.resize(concepts.size());
      for (auto& [k, text] : g_summaries.entries) entries[k] = std::move(text);
      std::vector<bool> covered(tasks.size(), false);
      for (auto& [k, result] : g_summaries.concepts) {
        summarised[k] = std::move(result);
        for (std::size_t t = concepts[k].first; t < concepts[k].end; ++t) covered[t] = true;
      }
      for (std::size_t t = 0; t < tasks.size(); ++t) {
        if (!given.given[t] && !covered[t]) throw std::invalid_argument("chain results are missing for some chains");
      }
      results = std::move(given.results);
    }
    g_summaries = {};
    const auto analysis = shoal::assemble_concept_analysis(loaded->dataset, options, tasks, std::move(results),
                                                           shoal::run_in_order, std::move(summarised));
    const auto comparisons = shoal::compare_concepts(analysis, {settings.bootstrap, analysis.options.seed});
    const auto file = shoal::analysis_file_json(shoal::define_analysis(
        shoal::Analysis::Concept, setting_texts(concept_settings_text), shoal::wasm::analysis_inputs(files)));
    return shoal::wasm::success_text(serialise([&](shoal::JsonWriter& out) {
      shoal::write_concept_report(out, loaded->dataset, loaded->input_options, analysis, comparisons, file, &entries);
    }));
  });
}

std::string version() { return shoal::tool_version(); }

double serialise_millis() { return g_serialise_millis; }

}  // namespace

EMSCRIPTEN_BINDINGS(shoal) {
  emscripten::function("inspectFile", &inspect_file);
  emscripten::function("inspectionSample", &inspection_sample);
  emscripten::function("analyseColor", &analyse_color);
  emscripten::function("onInputRead", &on_input_read);
  emscripten::function("planConcept", &plan_concept);
  emscripten::function("runConceptChains", &run_concept_chains);
  emscripten::function("clusteringInputs", &clustering_inputs);
  emscripten::function("runClusteredChains", &run_clustered_chains);
  emscripten::function("continuationRound", &continuation_round);
  emscripten::function("continueConceptChains", &continue_concept_chains);
  emscripten::function("continueClusteredChains", &continue_clustered_chains);
  emscripten::function("summariseConcepts", &summarise_concepts);
  emscripten::function("assembleConcept", &assemble_concept);
  emscripten::function("serialiseMillis", &serialise_millis);
  emscripten::function("version", &version);
}
