#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/text_input.hpp"
#include "kit/personas.hpp"
#include "kit/task_text.hpp"

namespace shoal::kit {

// Where a context goes: before the question in the one user message (the
// paper's choice for most models), or in a system message of its own.
enum class PersonaPlacement { User, System };
std::optional<PersonaPlacement> persona_placement_from_string(const std::string& text);

// The paper's numbers of simulated individuals.
constexpr std::size_t kPaperColorIndividuals = 150;
constexpr std::size_t kPaperConceptIndividuals = 900;
// The paper's limit on new tokens per reply.
constexpr int kMaxTokens = 200;

struct PromptOptions {
  Task task = Task::Color;
  Condition condition = Condition::None;
  std::size_t individuals = 0;   // 0: one per context when contexts are given, else the paper's number
  std::string model;
  std::optional<double> temperature;   // nullopt: left to the model (the paper's "default")
  std::uint32_t seed = 42;             // 42 gives the paper's targets (numpy's seeds are 32 bits)
  PersonaPlacement persona_as = PersonaPlacement::User;
  Wording wording = Wording::Paper;
  std::vector<std::string> words;      // colour; empty: the paper's 199
  std::vector<std::string> concepts;   // concept; empty: the paper's animals
  std::vector<std::string> contexts;   // row i for individual i (a persona file's column); empty with the
                                       // identity condition: generated personas
};

struct RequestBatch {
  std::string jsonl;   // one OpenAI batch request per line
  std::size_t requests = 0;
  std::size_t individuals = 0;
};

// The requests of the paper's design: colour, individuals × words × 2
// samples; concept, individuals × the 36 pairs of the other 9 concepts × 2
// orders (for 10 concepts). The settings' ranges are prompt_settings'
// (analysis/run_settings.hpp); throws std::invalid_argument for options that
// still cannot make a batch (too few concepts, more individuals than the
// persona file's rows).
RequestBatch batch_requests(const PromptOptions& options);

// Each individual's target, as an index into the concepts: the paper's draw
// (numpy's legacy RandomState(seed).choice, one per individual in order),
// reproduced with the Mersenne Twister the standard library specifies
// exactly, so a seed gives the same targets natively, in wasm and in numpy.
std::vector<std::size_t> assign_targets(std::uint32_t seed, std::size_t individuals, std::size_t concepts);

// "animals", "politicians" or a comma-separated list of concepts.
std::vector<std::string> concept_list(const std::string& text);

// A word list: one word per line (blank lines ignored). Throws InputError
// naming the line of an empty input or a repeated word.
std::vector<std::string> read_word_list(const TextInput& file);

}  // namespace shoal::kit
