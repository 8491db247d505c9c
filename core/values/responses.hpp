#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "io/input_summary.hpp"
#include "io/population_label.hpp"
#include "io/text_input.hpp"

namespace shoal {

// One numeric answer: an individual's value (a point in d dimensions) for an
// item in block 1 or 2.
struct ValueResponse {
  std::string individual;
  std::string item;
  int block = 1;
  std::optional<std::vector<double>> value;   // nullopt: no answer (counted as invalid)
  std::size_t input = 0;                      // index into ValuesDataset::inputs
  std::size_t row = 0;
};

struct ValuesPopulation {
  PopulationLabel label;
  std::vector<ValueResponse> responses;
};

struct ValuesDataset {
  std::vector<InputSummary> inputs;
  std::vector<ValuesPopulation> populations;
  std::vector<InputIssue> issues;
  std::size_t dimensions = 0;   // d, the same in every input
};

enum class ValuesFormat {
  Auto,
  Long,   // population, individual, item, block, value or value_1 … value_d
};

const char* to_string(ValuesFormat format);
std::optional<ValuesFormat> values_format_from_string(const std::string& text);

struct ValuesInputOptions {
  ValuesFormat format = ValuesFormat::Auto;
  // Role -> column name. Roles: population, individual, item, block, value,
  // model, prompt, temperature, family, aligned.
  std::map<std::string, std::string> columns;
  LabelOverride labels;
};

// Parses every input and groups answers into populations (same name, same
// population, across files). Throws InputError on malformed input (a value
// that is not a number, a block other than 1 or 2, inputs with different
// dimensions); counts missing answers and duplicates in issues.
ValuesDataset load_values_inputs(const std::vector<TextInput>& inputs, const std::vector<ValuesInputOptions>& options);

}  // namespace shoal
