#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "concept/crp.hpp"
#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "io/input_summary.hpp"
#include "io/population_label.hpp"
#include "io/text_input.hpp"

namespace shoal {

// One individual's answers to every question of their concept, aligned with
// ConceptResponses::questions: the index of the option chosen. For the
// paper's questions 0 means the first name of the question's label was
// judged more similar, 1 the second.
struct ConceptIndividual {
  std::string id;
  std::vector<std::uint8_t> answers;
};

// A question's options, in order, held once however many questions share
// them: the paper's every question has {"0", "1"}, and a copy per question
// was a fifth of a loaded study of small concepts. Read like a vector;
// replaced whole, never changed in place.
class OptionList {
 public:
  OptionList() : list_(std::make_shared<const std::vector<std::string>>()) {}
  OptionList(std::vector<std::string> options)   // NOLINT: a list of options is one
      : list_(std::make_shared<const std::vector<std::string>>(std::move(options))) {}
  OptionList(std::initializer_list<std::string> options) : OptionList(std::vector<std::string>(options)) {}

  std::size_t size() const { return list_->size(); }
  bool empty() const { return list_->empty(); }
  const std::string& operator[](std::size_t i) const { return (*list_)[i]; }
  const std::string& at(std::size_t i) const { return list_->at(i); }
  std::vector<std::string>::const_iterator begin() const { return list_->begin(); }
  std::vector<std::string>::const_iterator end() const { return list_->end(); }
  const std::vector<std::string>& names() const { return *list_; }
  friend bool operator==(const OptionList& a, const OptionList& b) { return *a.list_ == *b.list_; }
  friend bool operator!=(const OptionList& a, const OptionList& b) { return !(a == b); }
  friend bool operator==(const OptionList& a, const std::vector<std::string>& b) { return *a.list_ == b; }

 private:
  std::shared_ptr<const std::vector<std::string>> list_;
};

// Per question label exactly as presented ("choice1 choice2"), in order of
// first appearance, how many rows gave an answer and how many of them
// picked the second-named choice. (The labels themselves are only needed
// while reading, to tell them apart.)
struct PresentedQuestions {
  std::vector<std::size_t> rows;
  std::vector<std::size_t> second_choices;
  bool defined = true;
};

// Everything said about one target concept within one population.
struct ConceptResponses {
  std::string concept;
  // Question labels "first second". Two labels naming the same two concepts
  // in either order are one question; the label kept is the first seen,
  // and answers given under the reversed label are flipped to match it.
  std::vector<std::string> questions;
  // Individuals who answered every question, in order of first appearance.
  std::vector<ConceptIndividual> complete;
  // Individuals who left at least one question unanswered (not clustered).
  std::size_t incomplete = 0;
  // Per question, its options: {"0", "1"} for the paper's formats; in the
  // generic format those declared, else the answers seen for it.
  std::vector<OptionList> options;
  // Between individuals: per question, how many first answers there were and
  // how many chose each option (over all individuals of the concept).
  std::vector<std::size_t> answer_count;
  std::vector<std::vector<std::size_t>> option_counts;
  // Within individuals: (individual, question) pairs asked twice with both
  // answers valid, and how many of them got the same choice both times.
  std::size_t repeated_pairs = 0;
  std::size_t repeated_agreements = 0;
  // Replies that named neither choice (raw format).
  std::size_t invalid_replies = 0;
  // The rows of the paper's inter-subject reliability (its
  // format-CRP-input.py), per question label as presented: a pair asked in
  // both orders is two labels here, not one question as above. Every row
  // counts, repeats and incomplete individuals too; a raw row counts by its
  // first reply alone (the paper's ChoiceNumber). Not defined when an answer
  // came from the generic format, whose options are not the paper's two
  // names.
  PresentedQuestions presented;
};

struct ConceptPopulation {
  PopulationLabel label;
  std::vector<ConceptResponses> concepts;   // in order of first appearance
};

// A population whose clustering was run elsewhere and is read from its
// recorded chains, as the paper released its human study: one row per
// (concept, chain, iteration) with columns Concept, Chain, Iteration,
// NumberOfPeople, Tables, ProbabilityOfSameTable, S_Chao1 and Posterior.
struct ReleasedConcept {
  std::string concept;
  std::size_t people = 0;
  // Chains in order of their number; each chain's records in iteration order.
  std::vector<std::vector<IterationRecord>> chains;
  std::vector<std::size_t> chain_numbers;   // as the file numbers them
};

struct ReleasedPopulation {
  PopulationLabel label;   // human unless overridden
  std::string file;        // the input's display name, for messages
  std::vector<ReleasedConcept> concepts;   // in order of first appearance
};

// True when the table has the columns of released chains (Concept, Chain,
// Iteration and ProbabilityOfSameTable).
bool has_released_chain_columns(const CsvTable& table);

// Reads released chains. Throws InputError naming file, row and column for a
// missing column, a number that does not parse or is out of range, one
// concept with two subset sizes, or a repeated (concept, chain, iteration).
ReleasedPopulation read_released_chains(const CsvTable& table, const LabelOverride& labels);

struct ConceptDataset {
  std::vector<InputSummary> inputs;
  std::vector<ConceptPopulation> populations;
  // Populations clustered elsewhere, read from their chains; analysed after
  // `populations`, in this order.
  std::vector<ReleasedPopulation> released;
  std::vector<InputIssue> issues;
};

enum class ConceptFormat {
  Auto,
  Analysis,   // Concept, ID, Question, ChoiceNumber: one row per answer
  RawLlm,     // subject, target, choice1, choice2 and two free-text replies
  Generic,    // population, individual, target, question, answer (any text), optional options "a|b|c"
  ReleasedChains,   // clustering chains computed elsewhere (see ReleasedPopulation)
};

const char* to_string(ConceptFormat format);
std::optional<ConceptFormat> concept_format_from_string(const std::string& text);

struct ConceptInputOptions {
  ConceptFormat format = ConceptFormat::Auto;
  // Role -> column name, overriding detection. Roles: concept, individual,
  // question, choice (ChoiceNumber), choice1, choice2, reply1, reply2,
  // answer, options, population, model, prompt, temperature.
  std::map<std::string, std::string> columns;
  // Labels for every population of the input, over what the data say.
  LabelOverride labels;
};

// Parses every input and groups answers into populations and concepts.
// Throws InputError (naming file, row and column) for a ChoiceNumber other
// than 0 or 1, an individual answering one question for two different
// concepts, a file with a single individual, missing columns or empty cells.
// Non-fatal problems (invalid replies, repeated answers, incomplete
// individuals) are counted in ConceptDataset::issues.
// `options` holds one entry for all inputs or one per input. Each input's
// text is freed once its table is read (move the inputs in to save a copy).
ConceptDataset load_concept_inputs(std::vector<TextInput> inputs, const std::vector<ConceptInputOptions>& options);
// The same, calling `input_read(i)` once input i is parsed: reading large
// inputs takes long enough that a page wants to show how far it got.
ConceptDataset load_concept_inputs_reporting(std::vector<TextInput> inputs,
                                             const std::vector<ConceptInputOptions>& options,
                                             const std::function<void(std::size_t)>& input_read);

// The format and the column chosen for each role, as the loader would use
// them. Throws InputError when the columns fit no similarity format.
struct ConceptColumns {
  ConceptFormat format = ConceptFormat::Auto;
  std::map<std::string, std::string> roles;   // role -> column name
};
ConceptColumns detect_concept_columns(const CsvTable& table, const ConceptInputOptions& options);

// The reply matching rule of the raw format: 0 if `reply` contains `choice1`
// as whole words (case-insensitive), else 1 if it contains `choice2`, else
// nullopt (an invalid reply).
std::optional<int> match_reply(const std::string& reply, const std::string& choice1, const std::string& choice2);

// The answers of the first `count` complete individuals as a matrix.
AnswerMatrix answer_matrix(const ConceptResponses& responses, std::size_t count);

}  // namespace shoal
