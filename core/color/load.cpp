#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "color/responses.hpp"
#include "io/columns.hpp"
#include "io/label_columns.hpp"
#include "io/population_builder.hpp"
#include "io/csv.hpp"
#include "io/table_reader.hpp"

namespace shoal {
namespace {

// Finds columns by role in one table, with the user's overrides.
class ColumnFinder {
 public:
  ColumnFinder(const CsvTable& table, const ColumnOverrides& overrides) : table_(table), overrides_(overrides) {}
  std::optional<std::size_t> find(const std::string& role, std::initializer_list<const char*> names) const {
    return find_role(table_, overrides_, role, names);
  }
  std::size_t require(const std::string& role, std::initializer_list<const char*> names) const {
    return require_role(table_, overrides_, role, names);
  }
  LabelColumns labels() const { return find_label_columns(table_, overrides_); }

 private:
  const CsvTable& table_;
  const ColumnOverrides& overrides_;
};

constexpr std::initializer_list<const char*> kIndividualNames = {
    "participantID", "participant_id", "participant", "subject_num", "subject", "individual", "ID"};
constexpr std::initializer_list<const char*> kWordNames = {"word", "stimulus"};
constexpr std::initializer_list<const char*> kBlockNames = {"condition", "block"};
constexpr std::initializer_list<const char*> kRedNames = {"response_r", "r", "red"};
constexpr std::initializer_list<const char*> kGreenNames = {"response_g", "g", "green"};
constexpr std::initializer_list<const char*> kBlueNames = {"response_b", "b", "blue"};
constexpr std::initializer_list<const char*> kColourNames = {"colour", "color", "hex"};
constexpr std::initializer_list<const char*> kPopulationNames = {"population"};

bool is_missing_marker(std::string_view cell) {
  const std::string v = normalise_name(cell);
  return v.empty() || v == "na" || v == "nan" || v == "none" || v == "null" || v == "-1";
}

// The block of a condition cell: exactly "block1_target_trial" or
// "block2_target_trial" (jsPsych), "block1"/"block2", "block 1"/"block 2" or
// "1"/"2" (any case, surrounding spaces ignored); anything else -> 0. Only
// exact names: "block1_practice_trial" is practice, not block 1.
int parse_block(std::string_view cell) {
  const std::string v = normalise_name(cell);
  for (int b : {1, 2}) {
    const std::string n = std::to_string(b);
    if (v == n || v == "block" + n || v == "block " + n || v == "block" + n + "_target_trial") return b;
  }
  return 0;
}

// A whole number written as decimal digits, optionally with a fraction of
// zeros ("12", "12.0"); no sign, hex, exponent or spaces inside.
std::optional<unsigned long> plain_whole_number(std::string_view text) {
  std::size_t digits = 0;
  unsigned long value = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    if (digits >= 9) return std::nullopt;
    value = value * 10 + static_cast<unsigned long>(text[digits++] - '0');
  }
  if (digits == 0) return std::nullopt;
  if (digits == text.size()) return value;
  if (text[digits] != '.') return std::nullopt;
  for (std::size_t i = digits + 1; i < text.size(); ++i) {
    if (text[i] != '0') return std::nullopt;
  }
  return value;
}

std::uint8_t parse_channel(const CsvTable& table, std::size_t record, std::size_t column) {
  const std::string_view text = trim(table.cell(record, column));
  const auto number = plain_whole_number(text);
  if (!number || *number > 255) {
    throw InputError(table.file, table.line_of(record), table.header[column],
                     "expected a colour channel, an integer from 0 to 255, found " + quote_text(text));
  }
  return static_cast<std::uint8_t>(*number);
}

// A colour given as "#rrggbb" or "r,g,b" in one cell.
std::optional<Rgb8> parse_colour_cell(const CsvTable& table, std::size_t record, std::size_t column) {
  const std::string_view text = trim(table.cell(record, column));
  if (is_missing_marker(text)) return std::nullopt;
  if (auto rgb = parse_hex_colour(text)) return rgb;
  int channels[3];
  std::size_t parsed = 0, start = 0;
  const std::string value(text);
  while (parsed < 3 && start <= value.size()) {
    const auto comma = value.find(',', start);
    const std::string part(trim(std::string_view(value).substr(start, comma == std::string::npos ? std::string::npos
                                                                                                    : comma - start)));
    const auto number = plain_whole_number(part);
    if (!number || *number > 255) break;
    channels[parsed++] = static_cast<int>(*number);
    if (comma == std::string::npos) {
      start = value.size() + 1;
      break;
    }
    start = comma + 1;
  }
  if (parsed == 3 && start > value.size()) {
    return Rgb8{static_cast<std::uint8_t>(channels[0]), static_cast<std::uint8_t>(channels[1]),
                static_cast<std::uint8_t>(channels[2])};
  }
  throw InputError(table.file, table.line_of(record), table.header[column],
                   "expected a colour as #rrggbb (six hex digits) or r,g,b, found " + quote_text(value));
}

struct Columns {
  std::optional<std::size_t> individual, word, block, red, green, blue, colour, population;
  std::optional<std::size_t> hex1, hex2, reply1, reply2;
  LabelColumns labels;
};

Columns find_columns(const ColumnFinder& finder) {
  Columns c;
  c.individual = finder.find("individual", kIndividualNames);
  c.word = finder.find("word", kWordNames);
  c.block = finder.find("block", kBlockNames);
  c.red = finder.find("r", kRedNames);
  c.green = finder.find("g", kGreenNames);
  c.blue = finder.find("b", kBlueNames);
  c.colour = finder.find("colour", kColourNames);
  c.population = finder.find("population", kPopulationNames);
  c.hex1 = finder.find("hex1", {"hex1"});
  c.hex2 = finder.find("hex2", {"hex2"});
  c.reply1 = finder.find("reply1", {"generation1", "reply1", "response1"});
  c.reply2 = finder.find("reply2", {"generation2", "reply2", "response2"});
  c.labels = finder.labels();
  return c;
}

ColorFormat detect_format(const CsvTable& table, const Columns& c) {
  const bool rgb_columns = c.red && c.green && c.blue;
  if ((c.hex1 && c.hex2) || (c.reply1 && c.reply2)) return ColorFormat::LlmWide;
  if (c.population && (rgb_columns || c.colour)) return ColorFormat::PlainLong;
  if (rgb_columns && c.block) return ColorFormat::HumanLong;
  throw InputError(table.file, 1, "",
                   "cannot tell which colour format this is (columns present: " + column_list(table) +
                       "). Expected participant, word, response_r/g/b and condition (human export); "
                       "subject, word and hex1/hex2 or generation1/generation2 (LLM output); or population, "
                       "individual, word, block and colour. Choose the format and columns explicitly if the "
                       "names differ.");
}

// Replies keep their line in 32 bits.
std::uint32_t line_of(const CsvTable& table, std::size_t r) {
  const std::size_t line = table.line_of(r);
  if (line > UINT32_MAX) {
    throw InputError(table.file, 0, "", "the file has more than " + std::to_string(UINT32_MAX) + " lines");
  }
  return static_cast<std::uint32_t>(line);
}

// Rows read at a time (a few MB of cells).
constexpr std::size_t kRowsPerPart = std::size_t{1} << 16;

const AnswerIssues kColorIssues = {
    {"duplicate_answer", "a second answer by the same individual for the same word and block (the first is kept)"},
    {"invalid_reply", "a reply with no colour in it (counted as invalid)"},
    {"single_answer", "an individual who answered a word in one block only (left out of that word's ΔE)"}};

// The shared population builder, with each individual's id and each word
// held once per population and replies referring to them by index.
class DatasetBuilder {
 public:
  explicit DatasetBuilder(ColorDataset& dataset) : dataset_(dataset), builder_(dataset, kColorIssues) {}

  ColorPopulation& population(PopulationLabel label, const LabelOverride& override_, InputSummary& summary,
                              const std::string& file, std::size_t row) {
    ColorPopulation& population = builder_.population(std::move(label), override_, summary, file, row);
    names_.resize(dataset_.populations.size());
    return population;
  }

  void add(ColorPopulation& population, const std::string& individual, const std::string& word,
           ColorResponse response) {
    NameIndex& names = names_[static_cast<std::size_t>(&population - dataset_.populations.data())];
    response.individual = intern(population.individuals, names.individuals, individual);
    response.word = intern(population.words, names.words, word);
    builder_.add(population, response);
  }

  void finish() { builder_.finish(); }

 private:
  // Per population, the index of each name, while reading.
  struct NameIndex {
    std::unordered_map<std::string, std::uint32_t> individuals, words;
  };
  static std::uint32_t intern(std::vector<std::string>& names, std::unordered_map<std::string, std::uint32_t>& index,
                              const std::string& name) {
    const auto [it, added] = index.emplace(name, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(name);
    return it->second;
  }

  ColorDataset& dataset_;
  PopulationBuilder<ColorDataset, &ColorResponse::word, &ColorResponse::colour> builder_;
  std::vector<NameIndex> names_;
};

void read_human_long(const CsvTable& table, const ColumnFinder& finder, std::size_t input,
                     const LabelOverride& labels, DatasetBuilder& builder, ColorDataset& dataset) {
  const std::size_t individual = finder.require("individual", kIndividualNames);
  const std::size_t word = finder.require("word", kWordNames);
  dataset.inputs[input].columns["word"] = table.header[word];
  const std::size_t block = finder.require("block", kBlockNames);
  const std::size_t red = finder.require("r", kRedNames), green = finder.require("g", kGreenNames),
                    blue = finder.require("b", kBlueNames);
  PopulationLabel label;
  label.name = "human";
  label.human = true;
  auto& population = builder.population(label, labels, dataset.inputs[input], table.file, 1);
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const int b = parse_block(table.cell(r, block));
    if (b == 0) {
      // jsPsych exports interleave instructions and practice trials.
      count_issue(dataset.issues, "not_a_target_trial",
                  "a row whose condition is not block 1 or block 2 of the task (skipped)", table.file,
                  table.line_of(r));
      continue;
    }
    const std::string id = require_text(table, r, individual, "a participant id");
    const std::string w = require_text(table, r, word, "a word");
    ColorResponse response;
    response.block = static_cast<std::uint8_t>(b);
    response.input = static_cast<std::uint16_t>(input);
    response.row = line_of(table, r);
    const bool all_empty = trim(table.cell(r, red)).empty() && trim(table.cell(r, green)).empty() &&
                           trim(table.cell(r, blue)).empty();
    if (!all_empty) {
      response.colour = Rgb8{parse_channel(table, r, red), parse_channel(table, r, green),
                             parse_channel(table, r, blue)};
    }
    builder.add(population, id, w, response);
  }
}

void read_plain_long(const CsvTable& table, const Columns& c, const ColumnFinder& finder, std::size_t input,
                     const LabelOverride& labels, DatasetBuilder& builder, ColorDataset& dataset) {
  const std::size_t population_column = finder.require("population", kPopulationNames);
  const std::size_t individual = finder.require("individual", kIndividualNames);
  const std::size_t word = finder.require("word", kWordNames);
  dataset.inputs[input].columns["word"] = table.header[word];
  const std::size_t block = finder.require("block", kBlockNames);
  const bool rgb_columns = c.red && c.green && c.blue && !c.colour;
  if (!rgb_columns) finder.require("colour", kColourNames);
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    PopulationLabel label;
    label.name = require_text(table, r, population_column, "a population name");
    label.human = is_human_name(label.name);
    auto& population = builder.population(label, labels, dataset.inputs[input], table.file, table.line_of(r));
    const std::string id = require_text(table, r, individual, "an individual id");
    const std::string w = require_text(table, r, word, "a word");
    const int b = parse_block(table.cell(r, block));
    if (b == 0) {
      throw InputError(table.file, table.line_of(r), table.header[block],
                       "expected block 1 or 2, found " + quote_text(trim(table.cell(r, block))));
    }
    ColorResponse response;
    response.block = static_cast<std::uint8_t>(b);
    response.input = static_cast<std::uint16_t>(input);
    response.row = line_of(table, r);
    if (rgb_columns) {
      const bool all_empty = trim(table.cell(r, *c.red)).empty() && trim(table.cell(r, *c.green)).empty() &&
                             trim(table.cell(r, *c.blue)).empty();
      if (!all_empty) {
        response.colour = Rgb8{parse_channel(table, r, *c.red), parse_channel(table, r, *c.green),
                               parse_channel(table, r, *c.blue)};
      }
    } else {
      response.colour = parse_colour_cell(table, r, *c.colour);
    }
    builder.add(population, id, w, response);
  }
}

void read_llm_wide(const CsvTable& table, const Columns& c, const ColumnFinder& finder, std::size_t input,
                   const LabelOverride& labels, DatasetBuilder& builder, ColorDataset& dataset) {
  const std::size_t individual = finder.require("individual", kIndividualNames);
  const std::size_t word = finder.require("word", kWordNames);
  dataset.inputs[input].columns["word"] = table.header[word];
  if (!(c.hex1 && c.hex2) && !(c.reply1 && c.reply2)) {
    finder.require("hex1", {"hex1"});
  }
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    auto& population =
        builder.population(llm_row_label(table, c.labels, r), labels, dataset.inputs[input], table.file, table.line_of(r));
    const std::string id = require_text(table, r, individual, "an individual id");
    const std::string w = require_text(table, r, word, "a word");
    const std::optional<std::size_t> hex_columns[2] = {c.hex1, c.hex2};
    const std::optional<std::size_t> reply_columns[2] = {c.reply1, c.reply2};
    for (int b = 0; b < 2; ++b) {
      ColorResponse response;
      response.block = static_cast<std::uint8_t>(b + 1);
      response.input = static_cast<std::uint16_t>(input);
      response.row = line_of(table, r);
      // The hex column holds the code the pipeline extracted; where it is
      // missing the reply itself is searched with the same rule.
      if (hex_columns[b] && !is_missing_marker(table.cell(r, *hex_columns[b]))) {
        response.colour = parse_colour_cell(table, r, *hex_columns[b]);
      } else if (reply_columns[b]) {
        response.colour = find_hex_colour(table.cell(r, *reply_columns[b]));
      }
      builder.add(population, id, w, response);
    }
  }
}

}  // namespace

const char* to_string(ColorFormat format) {
  switch (format) {
    case ColorFormat::Auto: return "auto";
    case ColorFormat::HumanLong: return "human-long";
    case ColorFormat::LlmWide: return "llm-wide";
    case ColorFormat::PlainLong: return "plain-long";
  }
  return "auto";
}

std::optional<ColorFormat> color_format_from_string(const std::string& text) {
  for (auto f : {ColorFormat::Auto, ColorFormat::HumanLong, ColorFormat::LlmWide, ColorFormat::PlainLong}) {
    if (text == to_string(f)) return f;
  }
  return std::nullopt;
}

ColorColumns detect_color_columns(const CsvTable& table, const ColorInputOptions& options) {
  const ColumnFinder finder(table, options.columns);
  const Columns c = find_columns(finder);
  ColorColumns out;
  out.format = options.format == ColorFormat::Auto ? detect_format(table, c) : options.format;
  const std::pair<const char*, std::optional<std::size_t>> all[] = {
      {"population", c.population}, {"individual", c.individual}, {"word", c.word},   {"block", c.block},
      {"r", c.red},                 {"g", c.green},               {"b", c.blue},      {"colour", c.colour},
      {"hex1", c.hex1},             {"hex2", c.hex2},             {"reply1", c.reply1}, {"reply2", c.reply2},
      {"model", c.labels.model},    {"prompt", c.labels.prompt},  {"temperature", c.labels.temperature},
      {"family", c.labels.family},  {"aligned", c.labels.aligned}};
  for (const auto& [role, column] : all) {
    if (column) out.roles[role] = table.header[*column];
  }
  return out;
}

ColorDataset load_color_inputs(std::vector<TextInput> inputs, const std::vector<ColorInputOptions>& options) {
  if (options.size() != 1 && options.size() != inputs.size()) {
    throw std::invalid_argument("give one set of input options for all inputs or one per input");
  }
  if (inputs.size() > kMaxColorInputs) {
    throw InputError("", 0, "", "at most " + std::to_string(kMaxColorInputs) + " colour files can be analysed at once, not " +
                                    std::to_string(inputs.size()));
  }
  ColorDataset dataset;
  DatasetBuilder builder(dataset);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ColorInputOptions& o = options.size() == 1 ? options[0] : options[i];
    dataset.inputs.push_back(summarise_input(inputs[i]));
    // A reply keeps less than its row's cells: the cells are read a part at
    // a time, never all at once beside the text. (Every part has the same
    // columns, so each finds the same format.)
    read_table_parts(std::move(inputs[i]), kRowsPerPart, [&](const CsvTable& table) {
      const ColumnFinder finder(table, o.columns);
      const Columns columns = find_columns(finder);
      const ColorFormat format = o.format == ColorFormat::Auto ? detect_format(table, columns) : o.format;
      dataset.inputs[i].format = to_string(format);
      dataset.inputs[i].rows += table.row_count();
      switch (format) {
        case ColorFormat::HumanLong:
          read_human_long(table, finder, i, o.labels, builder, dataset);
          break;
        case ColorFormat::PlainLong:
          read_plain_long(table, columns, finder, i, o.labels, builder, dataset);
          break;
        case ColorFormat::LlmWide:
        case ColorFormat::Auto:
          read_llm_wide(table, columns, finder, i, o.labels, builder, dataset);
          break;
      }
    });
  }
  builder.finish();
  return dataset;
}

}  // namespace shoal
