#include <algorithm>
#include <map>
#include <set>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "concept/load_in_turn.hpp"
#include "concept/responses.hpp"
#include "io/columns.hpp"
#include "io/label_columns.hpp"
#include "io/name_index.hpp"
#include "io/csv.hpp"
#include "io/table_reader.hpp"

namespace shoal {
namespace {

constexpr std::initializer_list<const char*> kConceptNames = {"Concept", "target"};
constexpr std::initializer_list<const char*> kIndividualNames = {"ID", "subject_num", "subject", "participantID",
                                                                 "participant", "individual"};
constexpr std::initializer_list<const char*> kQuestionNames = {"Question"};
constexpr std::initializer_list<const char*> kChoiceNames = {"ChoiceNumber", "choice_number"};
constexpr std::initializer_list<const char*> kChoice1Names = {"choice1"};
constexpr std::initializer_list<const char*> kChoice2Names = {"choice2"};
constexpr std::initializer_list<const char*> kReply1Names = {"generation1", "reply1", "response1", "answer1"};
constexpr std::initializer_list<const char*> kReply2Names = {"generation2", "reply2", "response2", "answer2"};
constexpr std::initializer_list<const char*> kAnswerNames = {"answer"};
constexpr std::initializer_list<const char*> kOptionsNames = {"options"};
// The paper's questions: the first or the second name.
// One list, which every question of those formats shares.
const OptionList kTwoChoices = {"0", "1"};
// A file of the paper's formats shorter than this is read whole, in one pass:
// its table is small beside the rest of an analysis, and the page's module
// parsed the paper's 48 files (2 MB each) 1.3 s slower in two passes.
constexpr std::size_t kReadWholeBelow = std::size_t{16} << 20;
// Rows per part of a file read in parts: few enough that a part's cells are
// small beside the answers they bring.
constexpr std::size_t kRowsPerPart = 65536;
// Answer indices are stored in a byte.
constexpr std::size_t kMaxOptions = 255;

bool is_word_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

bool contains_whole_words(const std::string& lowered_text, const std::string& lowered_phrase) {
  if (lowered_phrase.empty()) return false;
  for (std::size_t at = lowered_text.find(lowered_phrase); at != std::string::npos;
       at = lowered_text.find(lowered_phrase, at + 1)) {
    const std::size_t end = at + lowered_phrase.size();
    const bool starts_word = at == 0 || !is_word_character(lowered_text[at - 1]);
    const bool ends_word = end == lowered_text.size() || !is_word_character(lowered_text[end]);
    if (starts_word && ends_word) return true;
  }
  return false;
}

// A question as two concept names when they can be told apart; otherwise
// (labels of unknown names) the label itself is the question.
struct QuestionKey {
  std::string key;          // the same for both orders of the pair
  std::string first;        // normalised first name ("" when not a pair)
  std::string label;        // as written
  bool first_lesser = false;   // a pair whose first name sorts first

  // How the label orients the pair: the label kept for a question stores
  // this, and an answer given under a label that differs from it is flipped.
  std::uint8_t orientation() const { return first.empty() ? 2 : first_lesser ? 1 : 0; }
};

QuestionKey pair_key(const std::string& first, const std::string& second, const std::string& label) {
  const std::string a = normalise_name(first), b = normalise_name(second);
  return {a < b ? a + '\x1f' + b : b + '\x1f' + a, a, label, a < b};
}

// The position of a key among those of a list, for lists that are mostly
// short (a concept's questions, individuals and labels): a scan of the list
// itself until it grows past a few dozen, then a hash map. A map per list
// from the start would cost more than the answers it indexes.
template <class Key>
class SmallIndex {
 public:
  // `key_at(i)` is the list's i-th key, of `size`.
  template <class KeyAt>
  std::optional<std::uint32_t> find(const Key& key, std::size_t size, const KeyAt& key_at) const {
    if (map_) {
      const auto it = map_->find(key);
      return it == map_->end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
    }
    for (std::size_t i = 0; i < size; ++i) {
      if (key_at(i) == key) return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
  }

  // After the list gained its `size`-th key.
  template <class KeyAt>
  void added(std::size_t size, const KeyAt& key_at) {
    if (map_) {
      map_->emplace(key_at(size - 1), static_cast<std::uint32_t>(size - 1));
    } else if (size > kScanned) {
      map_ = std::make_unique<std::unordered_map<Key, std::uint32_t>>();
      for (std::size_t i = 0; i < size; ++i) map_->emplace(key_at(i), static_cast<std::uint32_t>(i));
    }
  }

 private:
  static constexpr std::size_t kScanned = 32;
  std::unique_ptr<std::unordered_map<Key, std::uint32_t>> map_;
};

struct PendingIndividual {
  std::uint32_t person = 0;   // index of the id in its population
  std::uint32_t answered = 0;   // distinct questions answered
  std::uint32_t where = 0;   // the first row's place (see RowPlaces)
};

struct PendingConcept {
  ConceptResponses out;
  // Keyed by the population's indices of question keys and ids (see
  // PendingPopulation), not by copies of the text: a file of many concepts
  // holds one of these per concept until every row is read.
  std::vector<std::uint32_t> question_key;   // index of the question's key in its population
  std::vector<std::uint8_t> question_orientation;   // QuestionKey::orientation of the label kept
  // The question's options (one list shared by every question that has
  // them), moved into out.options when reading ends.
  std::vector<OptionList> question_options;
  SmallIndex<std::uint32_t> question_index;
  std::vector<PendingIndividual> individuals;
  SmallIndex<std::uint32_t> individual_index;
  // The labels as presented (their numbers in the population), in the
  // order of out.presented's counts.
  std::vector<std::uint32_t> presented_labels;
  SmallIndex<std::uint32_t> presented_index;   // over presented_labels
};

// An individual's first answer to a question, and where it was given: the
// row's place among all rows placed (see RowPlaces), which names the file
// and row in 4 bytes where the two took 8.
struct GivenAnswer {
  std::uint32_t concept = 0;
  std::uint32_t where = 0;
  std::uint8_t choice = 0;   // oriented as the label kept for the question
};

// Given answers by a 64-bit key, in one open-addressed array of 16-byte
// slots and one of choices: a node per answer, as a standard map keeps,
// costs three times the memory, and a population holds one entry per answer
// until every input is read. The array's length is any number (slots are
// found by multiplying the hash into it), so that reserve() can size it
// exactly for the answers a file will bring and no doubling is ever held
// beside its predecessor at the end of reading, the peak of a large file.
class GivenAnswers {
 public:
  // The answer under `key`, if any.
  std::optional<GivenAnswer> find(std::uint64_t key) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t at = slot_of(key);; at = next(at)) {
      if (slots_[at].key == key) return GivenAnswer{slots_[at].concept, slots_[at].where, choices_[at]};
      if (slots_[at].key == kFree) return std::nullopt;
    }
  }

  // `key` must not be held yet.
  void insert(std::uint64_t key, const GivenAnswer& answer) {
    if (!fits(size_ + 1)) resize(std::max<std::size_t>(16, slots_.size() * 2));
    place(key, answer);
    ++size_;
  }

  // Room for `more` answers beyond those held, in one allocation: exactly,
  // or twice the slots when that is more (a population spread over many
  // files would otherwise be rehashed whole for each).
  void reserve(std::size_t more) {
    if (!fits(size_ + more)) resize(std::max((size_ + more) * 4 / 3 + 1, slots_.size() * 2));
  }

 private:
  struct Slot {
    std::uint64_t key = kFree;
    std::uint32_t concept = 0;
    std::uint32_t where = 0;
  };
  // No key has both halves all ones: there are fewer ids and questions.
  static constexpr std::uint64_t kFree = UINT64_MAX;

  // At most three quarters of the slots are held.
  bool fits(std::size_t answers) const { return answers * 4 <= slots_.size() * 3; }

  std::size_t slot_of(std::uint64_t key) const {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    // The hash's high half scaled to [0, slots): no power of two needed
    // (there are fewer than 2^32 slots, 64 GB of them).
    return static_cast<std::size_t>(((key >> 32) * slots_.size()) >> 32);
  }

  std::size_t next(std::size_t at) const { return at + 1 == slots_.size() ? 0 : at + 1; }

  void place(std::uint64_t key, const GivenAnswer& answer) {
    std::size_t at = slot_of(key);
    while (slots_[at].key != kFree) at = next(at);
    slots_[at] = Slot{key, answer.concept, answer.where};
    choices_[at] = answer.choice;
  }

  void resize(std::size_t slots) {
    std::vector<Slot> old_slots(slots);
    std::vector<std::uint8_t> old_choices(slots);
    old_slots.swap(slots_);
    old_choices.swap(choices_);
    for (std::size_t i = 0; i < old_slots.size(); ++i) {
      if (old_slots[i].key != kFree) place(old_slots[i].key, GivenAnswer{old_slots[i].concept, old_slots[i].where, old_choices[i]});
    }
  }

  std::vector<Slot> slots_;
  std::vector<std::uint8_t> choices_;   // beside slots_, which a byte more would pad to 24 bytes
  std::size_t size_ = 0;
};

// Where rows are, as one 32-bit number per row: each input's rows are placed
// together (inputs one after another, each whole), so an input's first
// row's number is one past the last number given before it, and a number
// names the input whose range holds it.
class RowPlaces {
 public:
  std::uint32_t where(std::size_t input, std::size_t row, const std::string& file) {
    if (starts_.empty() || starts_.back().second != input) starts_.emplace_back(next_, input);
    const std::uint64_t at = starts_.back().first + row;
    if (at > UINT32_MAX) {
      throw InputError(file, 0, "", "the files have more than " + std::to_string(UINT32_MAX) + " lines in all");
    }
    next_ = std::max(next_, at + 1);
    return static_cast<std::uint32_t>(at);
  }

  // The input and row of a number where() gave.
  std::pair<std::size_t, std::size_t> input_and_row(std::uint32_t where) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), std::pair<std::uint64_t, std::size_t>(where, SIZE_MAX));
    --it;
    return {it->second, where - it->first};
  }

 private:
  std::vector<std::pair<std::uint64_t, std::size_t>> starts_;   // (first number, input), numbers increasing
  std::uint64_t next_ = 0;
};

// Answers are kept per (individual, question) given, not in an individual x
// question grid: a file where every row brings a new individual and a new
// question would otherwise need memory quadratic in its length. Ids and
// question keys are held once per population and answers are keyed by
// their two indices, in one table that also tells which concept an
// individual judged a question for (one only).
struct PendingPopulation {
  PopulationLabel label;
  std::deque<PendingConcept> concepts;   // no copy of them all when one more comes
  NameIndex concept_index;   // numbers concepts as `concepts` holds them
  std::size_t last_concept = SIZE_MAX;   // the concept last found: rows come in runs of one
  NameIndex person_index, question_key_index, presented_label_index;
  GivenAnswers answers;

  static std::uint64_t answer_key(std::uint32_t person, std::uint32_t question_key) {
    return (static_cast<std::uint64_t>(person) << 32) | question_key;
  }
};

class Builder {
 public:
  Builder(ConceptDataset& dataset, const std::vector<TextInput>& inputs) : dataset_(dataset), inputs_(inputs) {}

  std::size_t population(const PopulationLabel& label, std::size_t input, std::size_t row) {
    if (listed_.insert({input, label.name}).second) dataset_.inputs[input].populations.push_back(label.name);
    const auto [it, added] = population_index_.emplace(label.name, populations_.size());
    if (!added) {
      check_same_label(populations_[it->second].label, sources_[it->second], label, inputs_[input].name, row);
      return it->second;
    }
    populations_.emplace_back();
    populations_.back().label = label;
    sources_.push_back({inputs_[input].name, row});
    return populations_.size() - 1;
  }

  // The next input placed brings about `answers` answers (a file read in
  // parts, whose rows the first pass counted).
  void expect_answers(std::size_t answers) { expected_answers_ = answers; }

  // Records one answer; `choice` is 0 for the label's first name. The
  // second and later answers to a question only feed within-individual
  // agreement when `repeat_counts_as_presentation` is set.
  void add(std::size_t population, const std::string& concept, const std::string& id, const QuestionKey& question,
           const OptionList& options, int choice, std::size_t input, std::size_t row,
           const CsvTable& table, std::size_t concept_column, bool repeat_counts_as_presentation) {
    PendingPopulation& pop = populations_[population];
    const std::size_t c = concept_slot(pop, concept);
    const std::uint32_t person_id = pop.person_index.intern(id);
    const std::uint32_t key_id = pop.question_key_index.intern(question.key);
    const std::uint64_t key = PendingPopulation::answer_key(person_id, key_id);
    const std::optional<GivenAnswer> given = pop.answers.find(key);
    if (given && given->concept != c) {
      const auto [first_input, first_row] = row_places_.input_and_row(given->where);
      throw InputError(table.file, row, table.header[concept_column],
                       "individual " + quote_text(id) + " answers question " + quote_text(question.label) +
                           " for concept " + quote_text(concept) + ", but already answered it for concept " +
                           quote_text(pop.concepts[given->concept].out.concept) + " (" + inputs_[first_input].name + ", row " + std::to_string(first_row) +
                           "); each individual judges a question for one target concept only");
    }
    PendingConcept& target = pop.concepts[c];
    const auto question_key_at = [&](std::size_t i) { return target.question_key[i]; };
    std::optional<std::uint32_t> q = target.question_index.find(key_id, target.question_key.size(), question_key_at);
    if (!q) {
      q = static_cast<std::uint32_t>(target.question_key.size());
      target.out.questions.push_back(question.label);
      target.question_key.push_back(key_id);
      target.question_orientation.push_back(question.orientation());
      target.question_options.push_back(options);
      target.out.answer_count.push_back(0);
      target.out.option_counts.emplace_back(options.size(), 0);
      target.question_index.added(target.question_key.size(), question_key_at);
    }
    const std::size_t question_index = *q;
    if (!question.first.empty() && question.orientation() != target.question_orientation[question_index]) {
      choice = 1 - choice;
    }
    const auto person_at = [&](std::size_t i) { return target.individuals[i].person; };
    std::optional<std::uint32_t> person = target.individual_index.find(person_id, target.individuals.size(), person_at);
    if (!person) {
      person = static_cast<std::uint32_t>(target.individuals.size());
      target.individuals.push_back(PendingIndividual{person_id, 0, row_places_.where(input, row, table.file)});
      target.individual_index.added(target.individuals.size(), person_at);
    }
    if (given) {
      count_issue(dataset_.issues, "repeated_answer",
                  "a further answer by an individual to a question already answered (the first is used for "
                  "clustering)",
                  table.file, row);
      if (repeat_counts_as_presentation) record_presentations(target.out, given->choice, choice);
      return;
    }
    if (c > UINT32_MAX) {
      throw InputError(table.file, row, table.header[concept_column], "a population has more than " + std::to_string(UINT32_MAX) + " concepts");
    }
    if (expected_answers_ > 0) {
      // The first population a file read in parts adds to gets room for an
      // answer per row of the file at once.
      pop.answers.reserve(expected_answers_);
      expected_answers_ = 0;
    }
    pop.answers.insert(key, GivenAnswer{static_cast<std::uint32_t>(c), row_places_.where(input, row, table.file),
                                         static_cast<std::uint8_t>(choice)});
    ++target.individuals[*person].answered;
    ++target.out.answer_count[question_index];
    ++target.out.option_counts[question_index][static_cast<std::size_t>(choice)];
  }

  // One row of the paper's reliability: `choice` is 0 when the first name of
  // `label`, as presented, was picked.
  void add_presented(std::size_t population, const std::string& concept, const std::string& label, int choice) {
    PendingPopulation& pop = populations_[population];
    PendingConcept& target = pop.concepts[concept_slot(pop, concept)];
    PresentedQuestions& presented = target.out.presented;
    std::vector<std::uint32_t>& labels = target.presented_labels;
    const std::uint32_t label_id = pop.presented_label_index.intern(label);
    const auto label_at = [&](std::size_t i) { return labels[i]; };
    std::optional<std::uint32_t> at = target.presented_index.find(label_id, labels.size(), label_at);
    if (!at) {
      at = static_cast<std::uint32_t>(labels.size());
      labels.push_back(label_id);
      presented.rows.push_back(0);
      presented.second_choices.push_back(0);
      target.presented_index.added(labels.size(), label_at);
    }
    ++presented.rows[*at];
    if (choice == 1) ++presented.second_choices[*at];
  }

  // The paper's reliability has no meaning for this concept's answers.
  void paper_reliability_undefined(std::size_t population, const std::string& concept) {
    concept_responses(population, concept).presented.defined = false;
  }

  // Two presentations of one question to one individual.
  static void record_presentations(ConceptResponses& out, int first, int second) {
    ++out.repeated_pairs;
    if (first == second) ++out.repeated_agreements;
  }

  ConceptResponses& concept_responses(std::size_t population, const std::string& concept) {
    PendingPopulation& pop = populations_[population];
    return pop.concepts[concept_slot(pop, concept)].out;
  }

  void finish() {
    for (auto& pop : populations_) {
      // Answers are keyed by indices now: the texts that named them go
      // before the answers are gathered (a tenth of the memory at this,
      // the reading's peak, for a file of 50,000 small concepts).
      pop.question_key_index = {};
      pop.presented_label_index = {};
      pop.concept_index = {};
      // Every complete individual's answers first, while the table holds
      // them; the table goes before the lists are trimmed (a copy each).
      for (auto& concept : pop.concepts) gather_complete(pop, concept);
      pop.answers = {};
      ConceptPopulation out{pop.label, {}};
      out.concepts.reserve(pop.concepts.size());
      for (auto& concept : pop.concepts) {
        // Held to the end of the analysis, each list at its length: grown
        // an item at a time, they averaged a third more (60 MB of a study
        // of 50,000 small concepts).
        fit_lists(concept.out);
        concept.out.options = std::move(concept.question_options);
        out.concepts.push_back(std::move(concept.out));
        // What indexed the concept's answers is no longer needed.
        concept = PendingConcept();
      }
      dataset_.populations.push_back(std::move(out));
    }
  }

 private:
  // The concept's individuals who answered every question, with their
  // answers; the others are counted.
  void gather_complete(const PendingPopulation& pop, PendingConcept& concept) {
    const std::size_t questions = concept.out.questions.size();
    concept.out.complete.reserve(concept.individuals.size());
    for (const PendingIndividual& person : concept.individuals) {
      if (person.answered != questions) {
        ++concept.out.incomplete;
        const auto [input, row] = row_places_.input_and_row(person.where);
        count_issue(dataset_.issues, "incomplete_individual",
                    "an individual who did not answer every question of their concept (left out of the "
                    "clustering)",
                    inputs_[input].name, row);
        continue;
      }
      ConceptIndividual individual{std::string(pop.person_index.name(person.person)), {}};
      individual.answers.reserve(questions);
      for (std::size_t q = 0; q < questions; ++q) {
        individual.answers.push_back(
            pop.answers.find(PendingPopulation::answer_key(person.person, concept.question_key[q]))->choice);
      }
      concept.out.complete.push_back(std::move(individual));
    }
    concept.out.complete.shrink_to_fit();
  }

  static void fit_lists(ConceptResponses& out) {
    out.questions.shrink_to_fit();
    out.answer_count.shrink_to_fit();
    out.option_counts.shrink_to_fit();
    out.presented.rows.shrink_to_fit();
    out.presented.second_choices.shrink_to_fit();
  }

  static std::size_t concept_slot(PendingPopulation& pop, const std::string& concept) {
    if (pop.last_concept < pop.concepts.size() && pop.concepts[pop.last_concept].out.concept == concept) {
      return pop.last_concept;
    }
    pop.last_concept = pop.concept_index.intern(concept);
    if (pop.last_concept == pop.concepts.size()) {
      PendingConcept fresh;
      fresh.out.concept = concept;
      pop.concepts.push_back(std::move(fresh));
    }
    return pop.last_concept;
  }

  ConceptDataset& dataset_;
  const std::vector<TextInput>& inputs_;
  RowPlaces row_places_;
  std::size_t expected_answers_ = 0;
  std::deque<PendingPopulation> populations_;
  std::unordered_map<std::string, std::size_t> population_index_;
  std::vector<LabelSource> sources_;
  std::set<std::pair<std::size_t, std::string>> listed_;   // (input, population) already listed
};

struct Columns {
  std::optional<std::size_t> concept, individual, question, choice, choice1, choice2, reply1, reply2, answer, options;
  std::optional<std::size_t> population;
  LabelColumns labels;
};

Columns find_columns(const CsvTable& table, const std::map<std::string, std::string>& o) {
  Columns c;
  c.concept = find_role(table, o, "concept", kConceptNames);
  c.individual = find_role(table, o, "individual", kIndividualNames);
  c.question = find_role(table, o, "question", kQuestionNames);
  c.choice = find_role(table, o, "choice", kChoiceNames);
  c.choice1 = find_role(table, o, "choice1", kChoice1Names);
  c.choice2 = find_role(table, o, "choice2", kChoice2Names);
  c.reply1 = find_role(table, o, "reply1", kReply1Names);
  c.reply2 = find_role(table, o, "reply2", kReply2Names);
  c.answer = find_role(table, o, "answer", kAnswerNames);
  c.options = find_role(table, o, "options", kOptionsNames);
  c.population = find_role(table, o, "population", {"population"});
  c.labels = find_label_columns(table, o);
  return c;
}

ConceptFormat detect_format(const CsvTable& table, const Columns& c) {
  if (has_released_chain_columns(table)) return ConceptFormat::ReleasedChains;
  if (c.choice1 && c.choice2 && c.reply1 && c.reply2) return ConceptFormat::RawLlm;
  if (c.concept && c.individual && c.question && c.choice) return ConceptFormat::Analysis;
  if (c.concept && c.individual && c.question && c.answer) return ConceptFormat::Generic;
  throw InputError(table.file, 1, "",
                   "cannot tell which similarity-judgement format this is (columns present: " + column_list(table) +
                       "). Expected Concept, ID, Question and ChoiceNumber (one row per answer); subject, "
                       "target, choice1, choice2 and two replies (generation1, generation2); or population, "
                       "individual, target, question and answer (any categorical answers). Choose the format "
                       "and columns explicitly if the names differ.");
}

PopulationLabel row_label(const CsvTable& table, const Columns& c, std::size_t record, const LabelOverride& labels) {
  PopulationLabel label;
  if (c.population) {
    label.name = require_text(table, record, *c.population, "a population name");
  } else {
    label = llm_row_label(table, c.labels, record);
  }
  label.human = is_human_name(label.name);
  apply_override(labels, label);
  return label;
}

int parse_choice_number(const CsvTable& table, std::size_t record, std::size_t column) {
  const std::string_view value = trim(table.cell(record, column));
  // "0" or "1", or as a decimal with zeros after the point ("1.0"); no hex,
  // sign or exponent.
  const bool one = !value.empty() && value[0] == '1';
  bool ok = value.size() == 1 && (value[0] == '0' || one);
  if (value.size() > 2 && (value[0] == '0' || one) && value[1] == '.') {
    ok = value.find_first_not_of('0', 2) == std::string_view::npos;
  }
  if (!ok) {
    throw InputError(table.file, table.line_of(record), table.header[column],
                     "expected 0 (the first choice named in the question) or 1 (the second), found " +
                         quote_text(value));
  }
  return one ? 1 : 0;
}

// Splits "a finch a robin" into two known concept names when exactly one
// split works. Only a split whose two sides are no longer than the longest
// name can work, so a long label costs time linear in its length.
class QuestionParser {
 public:
  void learn(std::string_view name) {
    const std::string n = normalise_name(name);
    if (n.size() > kLongestSplitName) return;
    longest_ = std::max(longest_, n.size());
    names_.insert(n);
  }

  const QuestionKey& parse(const std::string& label) {
    auto it = cache_.find(label);
    if (it != cache_.end()) return it->second;
    std::optional<QuestionKey> found;
    bool ambiguous = false;
    const std::string_view text = trim(label);
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    for (std::size_t start = 0; start < text.size() && start <= longest_; ++start) {
      if (!is_space(text[start])) continue;
      // A run of white space [start, end) holding at least one space: both
      // sides are already trimmed.
      std::size_t end = start;
      bool has_space = false;
      for (; end < text.size() && is_space(text[end]); ++end) {
        if (text[end] == ' ') has_space = true;
      }
      if (has_space && text.size() - end <= longest_) {
        const std::string first = normalise_name(text.substr(0, start));
        const std::string second = normalise_name(text.substr(end));
        if (first != second && names_.count(first) && names_.count(second)) {
          ambiguous = ambiguous || found.has_value();
          found = pair_key(first, second, label);
        }
      }
      start = end;
    }
    QuestionKey key = found && !ambiguous ? *found : QuestionKey{"label\x1f" + normalise_name(label), "", label};
    // A label mostly comes again within its concept's run of rows: a cache
    // of the recent ones saves the splitting without holding every label.
    if (cache_.size() >= kCached) cache_.clear();
    return cache_.emplace(label, std::move(key)).first->second;
  }

 private:
  static constexpr std::size_t kLongestSplitName = 256;
  static constexpr std::size_t kCached = 4096;
  std::size_t longest_ = 0;
  std::unordered_set<std::string> names_;
  std::unordered_map<std::string, QuestionKey> cache_;
};

// Whether a file's answers are by more than one individual, seen over its
// rows or its parts in order.
class IndividualsSeen {
 public:
  explicit IndividualsSeen(std::size_t column) : column_(column) {}

  void see(const CsvTable& part) {
    for (std::size_t r = 0; r < part.row_count() && !several_; ++r) {
      const std::string_view id = trim(part.cell(r, column_));
      if (!first_) {
        first_ = std::string(id);
        first_line_ = part.line_of(r);
      } else if (id != *first_) {
        several_ = true;
      }
    }
  }

  // `table`: the file's table or any part of it (for its name and header).
  void check(const CsvTable& table) const {
    if (!first_) throw InputError(table.file, 0, "", "no answers in this file (only a header)");
    if (several_) return;
    throw InputError(table.file, first_line_, table.header[column_],
                     "every answer in this file is by one individual (" + quote_text(*first_) +
                         "); comparing individuals needs at least two");
  }

 private:
  std::size_t column_;
  std::optional<std::string> first_;
  std::size_t first_line_ = 0;
  bool several_ = false;
};

void check_several_individuals(const CsvTable& table, std::size_t individual_column) {
  IndividualsSeen seen(individual_column);
  seen.see(table);
  seen.check(table);
}

// Reads one file of the paper's formats from its whole table or from its
// parts: every part is seen before any is placed, since what a row means
// may depend on rows after it (the names a question label splits into; a
// file by one individual is refused before any row is judged).
class FormatReader {
 public:
  virtual ~FormatReader() = default;
  virtual void see(const CsvTable& part) = 0;
  virtual void check(const CsvTable& table) const = 0;
  virtual void place(const CsvTable& part) = 0;

  void read(const CsvTable& table) {
    see(table);
    check(table);
    place(table);
  }
};

class AnalysisReader : public FormatReader {
 public:
  AnalysisReader(const CsvTable& table, const Columns& c, const ConceptInputOptions& options, std::size_t input,
                 QuestionParser& parser, Builder& builder)
      : c_(c), options_(options), input_(input), parser_(parser), builder_(builder),
        concept_(require_role(table, options.columns, "concept", kConceptNames)),
        individual_(require_role(table, options.columns, "individual", kIndividualNames)),
        question_(require_role(table, options.columns, "question", kQuestionNames)),
        choice_(require_role(table, options.columns, "choice", kChoiceNames)),
        individuals_(individual_),
        // Without population or label columns every row has the file's label.
        label_per_row_(c.population || c.labels.model || c.labels.prompt || c.labels.temperature ||
                       c.labels.family || c.labels.aligned) {}

  void see(const CsvTable& part) override {
    individuals_.see(part);
    // Rows come in runs of one concept: each run's name is learnt once.
    for (std::size_t r = 0; r < part.row_count(); ++r) {
      if (r == 0 || part.cell(r, concept_) != part.cell(r - 1, concept_)) parser_.learn(part.cell(r, concept_));
    }
  }

  void check(const CsvTable& table) const override { individuals_.check(table); }

  void place(const CsvTable& part) override {
    for (std::size_t r = 0; r < part.row_count(); ++r) {
      if (label_per_row_ || !file_population_) {
        file_population_ = builder_.population(row_label(part, c_, r, options_.labels), input_, part.line_of(r));
      }
      const std::size_t population = *file_population_;
      const std::string target = require_text(part, r, concept_, "a concept");
      const std::string id = require_text(part, r, individual_, "an individual id");
      const std::string label = require_text(part, r, question_, "a question");
      const int answer = parse_choice_number(part, r, choice_);
      builder_.add_presented(population, target, label, answer);
      builder_.add(population, target, id, parser_.parse(label), kTwoChoices, answer, input_, part.line_of(r), part,
                   concept_, true);
    }
  }

 private:
  const Columns& c_;
  const ConceptInputOptions& options_;
  std::size_t input_;
  QuestionParser& parser_;
  Builder& builder_;
  std::size_t concept_, individual_, question_, choice_;
  IndividualsSeen individuals_;
  bool label_per_row_;
  std::optional<std::size_t> file_population_;
};

class RawReader : public FormatReader {
 public:
  RawReader(const CsvTable& table, const Columns& c, const ConceptInputOptions& options, std::size_t input,
            ConceptDataset& dataset, Builder& builder)
      : c_(c), options_(options), input_(input), dataset_(dataset), builder_(builder),
        concept_(require_role(table, options.columns, "concept", kConceptNames)),
        individual_(require_role(table, options.columns, "individual", kIndividualNames)),
        choice1_(require_role(table, options.columns, "choice1", kChoice1Names)),
        choice2_(require_role(table, options.columns, "choice2", kChoice2Names)),
        reply_columns_{require_role(table, options.columns, "reply1", kReply1Names),
                       require_role(table, options.columns, "reply2", kReply2Names)},
        individuals_(individual_) {}

  void see(const CsvTable& part) override { individuals_.see(part); }
  void check(const CsvTable& table) const override { individuals_.check(table); }

  void place(const CsvTable& table) override {
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      const std::size_t population = builder_.population(row_label(table, c_, r, options_.labels), input_, table.line_of(r));
      const std::string target = require_text(table, r, concept_, "a concept");
      const std::string id = require_text(table, r, individual_, "an individual id");
      const std::string first = require_text(table, r, choice1_, "the first choice");
      const std::string second = require_text(table, r, choice2_, "the second choice");
      if (normalise_name(first) == normalise_name(second)) {
        throw InputError(table.file, table.line_of(r), table.header[choice2_],
                         "the two choices are the same (" + quote_text(first) + ")");
      }
      // Matching by name makes the answer independent of the order in which
      // the two choices were shown.
      std::optional<int> picked[2];
      for (int k = 0; k < 2; ++k) {
        picked[k] = match_reply(std::string(table.cell(r, reply_columns_[k])), first, second);
        if (!picked[k]) {
          builder_.concept_responses(population, target).invalid_replies++;
          count_issue(dataset_.issues, "invalid_reply",
                      "a reply naming neither choice (its individual-question is left out)", table.file,
                      table.line_of(r));
        }
      }
      const std::string label = first + " " + second;
      if (picked[0]) builder_.add_presented(population, target, label, *picked[0]);
      if (!picked[0] || !picked[1]) continue;
      const QuestionKey question = pair_key(first, second, label);
      builder_.add(population, target, id, question, kTwoChoices, *picked[0], input_, table.line_of(r), table,
                   concept_, false);
      Builder::record_presentations(builder_.concept_responses(population, target), *picked[0], *picked[1]);
    }
  }

 private:
  const Columns& c_;
  const ConceptInputOptions& options_;
  std::size_t input_;
  ConceptDataset& dataset_;
  Builder& builder_;
  std::size_t concept_, individual_, choice1_, choice2_;
  std::size_t reply_columns_[2];
  IndividualsSeen individuals_;
};

std::vector<std::string> split_options(std::string_view cell) {
  std::vector<std::string> options;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = cell.find('|', start);
    options.emplace_back(trim(cell.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return options;
}

// The options of every question of the generic format, over all inputs: the
// declared list (which must be the same wherever it is given), else the
// answers seen for the question in any input, in sorted order.
class OptionSets {
 public:
  void read(const CsvTable& table, std::size_t question, std::size_t answer, std::optional<std::size_t> options) {
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      const std::string label(trim(table.cell(r, question)));
      Entry& entry = entries_[label];
      const std::string_view declared = options ? trim(table.cell(r, *options)) : std::string_view();
      if (!declared.empty()) {
        std::vector<std::string> list = split_options(declared);
        std::set<std::string> unique(list.begin(), list.end());
        if (unique.size() != list.size() || unique.count("")) {
          throw InputError(table.file, table.line_of(r), table.header[*options],
                           "expected distinct, non-empty options separated by '|', found '" + std::string(declared) +
                               "'");
        }
        if (list.size() > kMaxOptions) {
          throw InputError(table.file, table.line_of(r), table.header[*options],
                           "a question may have at most " + std::to_string(kMaxOptions) + " options, found " +
                               std::to_string(list.size()));
        }
        if (entry.declared.empty()) {
          entry.declared = std::move(list);
          entry.where = table.file + ", row " + std::to_string(table.line_of(r));
        } else if (entry.declared != list) {
          throw InputError(table.file, table.line_of(r), table.header[*options],
                           "question '" + label + "' has options '" + std::string(declared) + "' here but '" +
                               join(entry.declared) + "' in " + entry.where + "; a question has one list of options");
        }
      }
      const std::string given(trim(table.cell(r, answer)));
      if (!given.empty()) entry.seen.insert(given);
    }
  }

  // After every input is read: the options of each question.
  const OptionList& of(const std::string& label) {
    Entry& entry = entries_.at(label);
    if (!entry.final) entry.final = entry.declared.empty() ? std::vector<std::string>(entry.seen.begin(), entry.seen.end()) : entry.declared;
    return *entry.final;
  }

  static std::string join(const std::vector<std::string>& list) {
    std::string text;
    for (const auto& o : list) text += (text.empty() ? "" : "|") + o;
    return text;
  }

 private:
  struct Entry {
    std::vector<std::string> declared;
    std::string where;
    std::set<std::string> seen;
    std::optional<OptionList> final;
  };
  std::map<std::string, Entry> entries_;
};

struct GenericColumns {
  std::size_t concept, individual, question, answer;
  std::optional<std::size_t> options;
};

GenericColumns generic_columns(const CsvTable& table, const Columns& c, const ConceptInputOptions& options) {
  const auto& o = options.columns;
  return {require_role(table, o, "concept", kConceptNames), require_role(table, o, "individual", kIndividualNames),
          require_role(table, o, "question", kQuestionNames), require_role(table, o, "answer", kAnswerNames),
          c.options};
}

void read_generic(const CsvTable& table, const Columns& c, const ConceptInputOptions& options, std::size_t input,
                  OptionSets& option_sets, ConceptDataset& dataset, Builder& builder) {
  const GenericColumns g = generic_columns(table, c, options);
  check_several_individuals(table, g.individual);
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::size_t population = builder.population(row_label(table, c, r, options.labels), input, table.line_of(r));
    const std::string target = require_text(table, r, g.concept, "a target");
    const std::string id = require_text(table, r, g.individual, "an individual id");
    const std::string label = require_text(table, r, g.question, "a question");
    const std::string answer(trim(table.cell(r, g.answer)));
    builder.paper_reliability_undefined(population, target);
    if (answer.empty()) {
      builder.concept_responses(population, target).invalid_replies++;
      count_issue(dataset.issues, "invalid_reply",
                  "an empty answer (its individual-question is left out)", table.file, table.line_of(r));
      continue;
    }
    const OptionList& choices = option_sets.of(label);
    const auto found = std::find(choices.begin(), choices.end(), answer);
    if (found == choices.end()) {
      throw InputError(table.file, table.line_of(r), table.header[g.answer],
                       "expected one of the options of question '" + label + "' (" + OptionSets::join(choices.names()) +
                           "), found '" + answer + "'");
    }
    if (choices.size() > kMaxOptions) {
      throw InputError(table.file, table.line_of(r), table.header[g.answer],
                       "question '" + label + "' has " + std::to_string(choices.size()) +
                           " different answers; at most " + std::to_string(kMaxOptions) + " options are supported");
    }
    const QuestionKey question{"label\x1f" + label, "", label};
    builder.add(population, target, id, question, choices, static_cast<int>(found - choices.begin()), input,
                table.line_of(r), table, g.concept, true);
  }
}

}  // namespace

const char* to_string(ConceptFormat format) {
  switch (format) {
    case ConceptFormat::Auto: return "auto";
    case ConceptFormat::Analysis: return "analysis";
    case ConceptFormat::RawLlm: return "raw-llm";
    case ConceptFormat::Generic: return "generic";
    case ConceptFormat::ReleasedChains: return "released-chains";
  }
  return "auto";
}

std::optional<ConceptFormat> concept_format_from_string(const std::string& text) {
  for (auto f : {ConceptFormat::Auto, ConceptFormat::Analysis, ConceptFormat::RawLlm, ConceptFormat::Generic,
                 ConceptFormat::ReleasedChains}) {
    if (text == to_string(f)) return f;
  }
  return std::nullopt;
}

std::optional<int> match_reply(const std::string& reply, const std::string& choice1, const std::string& choice2) {
  std::string text;
  text.reserve(reply.size());
  for (char ch : reply) text += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (contains_whole_words(text, normalise_name(choice1))) return 0;
  if (contains_whole_words(text, normalise_name(choice2))) return 1;
  return std::nullopt;
}

AnswerMatrix answer_matrix(const ConceptResponses& responses, std::size_t count) {
  AnswerMatrix matrix;
  matrix.people = std::min(count, responses.complete.size());
  matrix.questions = responses.questions.size();
  matrix.values.reserve(matrix.people * matrix.questions);
  for (const auto& options : responses.options) matrix.options.push_back(static_cast<std::uint32_t>(options.size()));
  for (std::size_t i = 0; i < matrix.people; ++i) {
    const auto& answers = responses.complete[i].answers;
    matrix.values.insert(matrix.values.end(), answers.begin(), answers.end());
  }
  return matrix;
}

ConceptColumns detect_concept_columns(const CsvTable& table, const ConceptInputOptions& options) {
  const Columns c = find_columns(table, options.columns);
  ConceptColumns out;
  out.format = options.format == ConceptFormat::Auto ? detect_format(table, c) : options.format;
  const std::pair<const char*, std::optional<std::size_t>> all[] = {
      {"concept", c.concept}, {"individual", c.individual}, {"question", c.question}, {"choice", c.choice},
      {"choice1", c.choice1}, {"choice2", c.choice2},       {"reply1", c.reply1},     {"reply2", c.reply2},
      {"answer", c.answer},   {"options", c.options},
      {"population", c.population}, {"model", c.labels.model}, {"prompt", c.labels.prompt},
      {"temperature", c.labels.temperature}, {"family", c.labels.family}, {"aligned", c.labels.aligned}};
  for (const auto& [role, column] : all) {
    if (column) out.roles[role] = table.header[*column];
  }
  return out;
}

ConceptDataset load_concept_inputs(std::vector<TextInput> inputs, const std::vector<ConceptInputOptions>& options) {
  return load_concept_inputs_reporting(std::move(inputs), options, {});
}

ConceptDataset load_concept_inputs_reporting(std::vector<TextInput> inputs,
                                             const std::vector<ConceptInputOptions>& options,
                                             const std::function<void(std::size_t)>& input_read) {
  return load_concept_inputs_in_turn(std::move(inputs), options, {}, input_read);
}

ConceptDataset load_concept_inputs_in_turn(std::vector<TextInput> inputs, const std::vector<ConceptInputOptions>& options,
                                           const std::function<void(std::size_t, TextInput&)>& read,
                                           const std::function<void(std::size_t)>& input_read) {
  if (options.size() != 1 && options.size() != inputs.size()) {
    throw std::invalid_argument("give one set of input options for all inputs or one per input");
  }
  ConceptDataset dataset;
  Builder builder(dataset, inputs);
  QuestionParser parser;
  OptionSets option_sets;
  const auto options_of = [&](std::size_t i) -> const ConceptInputOptions& {
    return options.size() == 1 ? options[0] : options[i];
  };
  const auto reader_of = [&](std::size_t i, const CsvTable& table, const Columns& columns,
                             ConceptFormat format) -> std::unique_ptr<FormatReader> {
    if (format == ConceptFormat::RawLlm) return std::make_unique<RawReader>(table, columns, options_of(i), i, dataset, builder);
    return std::make_unique<AnalysisReader>(table, columns, options_of(i), i, parser, builder);
  };
  const auto place = [&](std::size_t i, const CsvTable& table, const Columns& columns, ConceptFormat format) {
    const ConceptInputOptions& o = options_of(i);
    if (format == ConceptFormat::ReleasedChains) {
      dataset.released.push_back(read_released_chains(table, o.labels));
    } else {
      // Room for an answer per row at once, as for a file read in parts:
      // grown by doubling, the table took about a fifth of the paper's
      // files' reading.
      builder.expect_answers(table.row_count());
      if (format == ConceptFormat::Generic) {
        read_generic(table, columns, o, i, option_sets, dataset, builder);
      } else {
        reader_of(i, table, columns, format)->read(table);
      }
      builder.expect_answers(0);
    }
    if (input_read) input_read(i);
  };
  // A delimited file of the paper's formats is read in parts, twice (see
  // FormatReader), so that its cells are never all held: only its text and
  // one part. Returns false, having read nothing, for any other input, and
  // for one whose header already shows a fault: reading it whole reports
  // its faults in the order they always come.
  const auto read_in_parts = [&](std::size_t i, TextInput& input, const ConceptInputOptions& o) {
    if (input.content.size() < kReadWholeBelow) return false;
    std::optional<CsvTable> header = read_table_header(input);
    if (!header) return false;
    std::optional<Columns> columns;
    ConceptFormat format = o.format;
    try {
      check_unique_columns(*header);
      columns = find_columns(*header, o.columns);
      if (format == ConceptFormat::Auto) format = detect_format(*header, *columns);
    } catch (const InputError&) {
      return false;
    }
    if (format != ConceptFormat::Analysis && format != ConceptFormat::RawLlm) return false;
    dataset.inputs[i].format = to_string(format);
    std::unique_ptr<FormatReader> reader;
    bool placing = false;
    std::size_t rows = 0;
    TextInput taken{input.name, std::move(input.content), input.sha256};
    std::string().swap(input.content);
    read_table_parts(
        std::move(taken), kRowsPerPart,
        [&](const CsvTable& part) {
          if (!reader) reader = reader_of(i, part, *columns, format);
          if (placing) {
            reader->place(part);
          } else {
            rows += part.row_count();
            reader->see(part);
          }
        },
        [&] {
          if (placing || !reader) return false;
          reader->check(*header);
          dataset.inputs[i].rows = rows;
          builder.expect_answers(rows);
          placing = true;
          return true;
        });
    builder.expect_answers(0);
    if (input_read) input_read(i);
    return true;
  };
  // Answers are placed in input order. A generic question's options may be
  // declared, or seen, in any input, so from the first generic input on the
  // tables are kept until every input is read; before it, each table is
  // placed as soon as it is read and freed, which keeps one table in memory
  // instead of all of them.
  struct Kept {
    std::size_t input;
    CsvTable table;
    Columns columns;
    ConceptFormat format;
  };
  std::vector<Kept> kept;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ConceptInputOptions& o = options_of(i);
    if (read) read(i, inputs[i]);
    dataset.inputs.push_back(summarise_input(inputs[i]));
    if (kept.empty() && read_in_parts(i, inputs[i], o)) continue;
    CsvTable table = read_table(inputs[i]);
    // The table holds all the rest needs (names stay for messages).
    std::string().swap(inputs[i].content);
    const Columns columns = find_columns(table, o.columns);
    const ConceptFormat format = o.format == ConceptFormat::Auto ? detect_format(table, columns) : o.format;
    dataset.inputs[i].format = to_string(format);
    dataset.inputs[i].rows = table.row_count();
    if (format == ConceptFormat::Generic) {
      const GenericColumns g = generic_columns(table, columns, o);
      option_sets.read(table, g.question, g.answer, g.options);
    }
    if (kept.empty() && format != ConceptFormat::Generic) {
      place(i, table, columns, format);
    } else {
      kept.push_back({i, std::move(table), columns, format});
    }
  }
  for (const Kept& k : kept) place(k.input, k.table, k.columns, k.format);
  builder.finish();
  return dataset;
}

}  // namespace shoal
