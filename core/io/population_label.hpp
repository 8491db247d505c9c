#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shoal {

// Who a population is. LLM populations are one model under one prompt
// condition and one sampling temperature; labels come from data columns or
// from a paper-style file name "MODEL-prompt=P-temp=T.csv".
struct PopulationLabel {
  // Unique: the key that joins a population across a report. What a reader
  // sees is readable_label().
  std::string name;
  // The user named the population: that name is then also its label.
  bool name_given = false;
  bool human = false;
  std::string model;        // empty for humans or when unknown
  std::string prompt;
  std::string temperature;
  // The model's family and whether it is the aligned (RLHF, DPO, ...) member
  // of its pair: from the built-in table of the paper's models unless the
  // user says otherwise.
  std::string family;
  std::optional<bool> aligned;
};

// A population named human, humans or people is the human reference.
bool is_human_name(std::string_view name);

// The name of the human population read from the paper's released chains.
inline constexpr const char* kReleasedHumanChainsName = "human (released chains)";

// The paper's models: family and alignment of a model name, if known.
//   openchat_starling: openchat / starling
//   mistral: mistral-instruct / zephyr-mistral
//   gemma: gemma-instruct / zephyr-gemma
//   llama: llama2, tulu / llama2-chat, tulu-dpo
struct ModelFamily {
  std::string family;
  bool aligned = false;
};
std::optional<ModelFamily> known_model_family(std::string_view model);

// What the user says about the population(s) of one input, over what the
// data say. Empty fields keep the data's value.
struct LabelOverride {
  std::string name;
  std::string model;
  std::string prompt;
  std::string temperature;
  std::string family;
  std::optional<bool> aligned;
  std::optional<bool> human;
};

// Completes a label read from data: the family from the built-in table, then
// the user's override. A given name wins; otherwise a changed model, prompt
// or temperature renames an LLM population accordingly.
void apply_override(const LabelOverride& override_, PopulationLabel& label);

// Parses "MODEL-prompt=P-temp=T" (an optional extension is ignored). Returns
// false when the name does not have that shape.
bool parse_paper_file_name(std::string_view file_name, PopulationLabel& label);

// "MODEL prompt=P temp=T" with the parts that are known.
std::string compose_population_name(const PopulationLabel& label);

// The spelling of the paper's figures for its models (Openchat, Starling,
// Mistral-Instruct, Zephyr-Mistral, Gemma-Instruct, Zephyr-Gemma, Llama,
// Llama-Chat, Tulu, Tulu-DPO); any other model as it is written.
std::string readable_model(std::string_view model);

// The paper's name of a prompt condition: "identity" is its "persona"; any
// other condition as it is written.
std::string readable_prompt(std::string_view prompt);

// What a reader sees of a population, where `name` is a file-name slug:
//   - a name the user gave, as given;
//   - the released human chains: "Humans (released chains)"; a human
//     population named human, humans or people: "Humans"; any other human
//     population: "Humans (NAME)";
//   - otherwise the readable model, prompt and temperature that are known,
//     joined by " · " ("Gemma-Instruct · persona · default"), or the name
//     when none is.
std::string readable_label(const PopulationLabel& label);

// Where a population was first described, so a later row that describes it
// differently can point back to it.
struct LabelSource {
  std::string file;
  std::size_t row = 0;
};

// Throws an InputError (at `file`, `row`, `column`) when `now` gives the
// population `first` names a different family or alignment: one population
// is one model, and which row to believe would be a guess.
void check_same_label(const PopulationLabel& first, const LabelSource& first_at, const PopulationLabel& now,
                      const std::string& file, std::size_t row);

// The file name without its extension(s) (.csv, .tsv, .txt, .gz).
std::string file_stem(std::string_view file_name);

}  // namespace shoal
