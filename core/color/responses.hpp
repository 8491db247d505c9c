#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "color/lab.hpp"
#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "io/input_summary.hpp"
#include "io/population_label.hpp"
#include "io/text_input.hpp"

namespace shoal {

// One reply: an individual's association for a word in block 1 or 2. Names
// are held once per population and replies refer to them by index: a reply
// costs 20 bytes, however long its individual's id or its word.
struct ColorResponse {
  std::uint32_t individual = 0;   // index into ColorPopulation::individuals
  std::uint32_t word = 0;         // index into ColorPopulation::words
  std::uint32_t row = 0;          // line in its input, for messages
  std::uint16_t input = 0;        // index into ColorDataset::inputs
  std::uint8_t block = 1;
  std::optional<Rgb8> colour;     // nullopt: the reply held no colour (invalid)
};
static_assert(sizeof(ColorResponse) == 20, "a reply is kept in 20 bytes");

// The most inputs one analysis reads (a reply names its input in 16 bits).
constexpr std::size_t kMaxColorInputs = UINT16_MAX + std::size_t{1};

struct ColorPopulation {
  PopulationLabel label;
  std::vector<std::string> individuals;   // each id once, in order of appearance
  std::vector<std::string> words;         // each word once, in order of appearance
  // In blocks rather than one array, which would hold twice its replies
  // while it grows.
  std::deque<ColorResponse> responses;
};

struct ColorDataset {
  std::vector<InputSummary> inputs;
  std::vector<ColorPopulation> populations;
  std::vector<InputIssue> issues;
};

enum class ColorFormat {
  Auto,
  HumanLong,   // jsPsych-style export: participant, word, r/g/b, block condition
  LlmWide,     // one row per (individual, word): two hex codes or two replies
  PlainLong,   // population, individual, word, block, colour
};

const char* to_string(ColorFormat format);
std::optional<ColorFormat> color_format_from_string(const std::string& text);

struct ColorInputOptions {
  ColorFormat format = ColorFormat::Auto;
  // Role -> column name, overriding detection. Roles: individual, word,
  // block, r, g, b, colour, reply1, reply2, population, model, prompt,
  // temperature.
  std::map<std::string, std::string> columns;
  // Labels for every population of the input, over what the data say.
  LabelOverride labels;
};

// Parses every input and groups replies into populations (same name, same
// population, across files). `options` holds one entry for all inputs or one
// per input. Throws InputError on malformed input; counts non-fatal problems
// in ColorDataset::issues.
// The inputs are taken (move them in): each text is freed once it is read.
ColorDataset load_color_inputs(std::vector<TextInput> inputs, const std::vector<ColorInputOptions>& options);

// The format and the column chosen for each role, as the loader would use
// them. Throws InputError when the columns fit no colour format.
struct ColorColumns {
  ColorFormat format = ColorFormat::Auto;
  std::map<std::string, std::string> roles;   // role -> column name
};
ColorColumns detect_color_columns(const CsvTable& table, const ColorInputOptions& options);

}  // namespace shoal
