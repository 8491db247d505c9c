#pragma once
#include <cstddef>
#include <optional>

#include "io/columns.hpp"
#include "io/csv.hpp"
#include "io/population_label.hpp"

namespace shoal {

// The columns that label an LLM row's population; any may be absent.
// Roles: model (model_name, model), prompt, temperature (temperature, temp),
// family, aligned (true/false, yes/no, 1/0).
struct LabelColumns {
  std::optional<std::size_t> model, prompt, temperature, family, aligned;
};

LabelColumns find_label_columns(const CsvTable& table, const ColumnOverrides& overrides);

// The population of an LLM row: model, prompt and temperature from the label
// columns, else from a paper-style file name, else the model is the file
// name; family and alignment from their columns. Throws InputError for an
// aligned cell that is not a yes or a no.
PopulationLabel llm_row_label(const CsvTable& table, const LabelColumns& columns, std::size_t record);

}  // namespace shoal
