#pragma once
#include <optional>
#include <string>

#include "color/responses.hpp"
#include "concept/responses.hpp"
#include "io/columns.hpp"
#include "io/population_label.hpp"
#include "values/responses.hpp"

namespace shoal {

// How to read one input, whatever its task: the format by name ("auto" or
// one of any task's formats), column overrides and population labels.
struct InputSettings {
  std::string format = "auto";
  ColumnOverrides columns;
  LabelOverride labels;
};

// The settings as options of one task; nullopt when the format names
// another task's format. Throws std::invalid_argument for an unknown format.
std::optional<ColorInputOptions> color_input_options(const InputSettings& settings);
std::optional<ConceptInputOptions> concept_input_options(const InputSettings& settings);
std::optional<ValuesInputOptions> values_input_options(const InputSettings& settings);

}  // namespace shoal
