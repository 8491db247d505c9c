#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "color/lab.hpp"
#include "io/input_error.hpp"
#include "io/input_summary.hpp"
#include "io/population_label.hpp"
#include "io/text_input.hpp"

namespace shoal {

// One reply: an individual's association for a word in block 1 or 2.
struct ColorResponse {
  std::string individual;
  std::string word;
  int block = 1;
  std::optional<Rgb8> colour;   // nullopt: the reply held no colour (invalid)
  std::size_t input = 0;        // index into ColorDataset::inputs
  std::size_t row = 0;          // row in that input, for messages
};

struct ColorPopulation {
  PopulationLabel label;
  std::vector<ColorResponse> responses;
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
  // Overrides the population name of every input (for a single population).
  std::string population;
};

// Parses every input and groups replies into populations (same name, same
// population, across files). Throws InputError on malformed input; counts
// non-fatal problems in ColorDataset::issues.
ColorDataset load_color_inputs(const std::vector<TextInput>& inputs, const ColorInputOptions& options);

}  // namespace shoal
