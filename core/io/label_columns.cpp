#include "io/label_columns.hpp"

#include <string>

#include "io/input_error.hpp"

namespace shoal {

LabelColumns find_label_columns(const CsvTable& table, const ColumnOverrides& overrides) {
  LabelColumns c;
  c.model = find_role(table, overrides, "model", {"model_name", "model"});
  c.prompt = find_role(table, overrides, "prompt", {"prompt"});
  c.temperature = find_role(table, overrides, "temperature", {"temperature", "temp"});
  c.family = find_role(table, overrides, "family", {"family"});
  c.aligned = find_role(table, overrides, "aligned", {"aligned"});
  return c;
}

PopulationLabel llm_row_label(const CsvTable& table, const LabelColumns& c, std::size_t record) {
  PopulationLabel label;
  const bool from_name = parse_paper_file_name(table.file, label);
  auto text = [&](const std::optional<std::size_t>& column) { return std::string(trim(table.cell(record, *column))); };
  if (c.model) label.model = text(c.model);
  if (c.prompt) label.prompt = text(c.prompt);
  if (c.temperature) label.temperature = text(c.temperature);
  if (label.model.empty() && !from_name) label.model = file_stem(table.file);
  label.name = compose_population_name(label);
  if (c.family) label.family = text(c.family);
  if (c.aligned) {
    const std::string value = normalise_name(table.cell(record, *c.aligned));
    if (value == "true" || value == "yes" || value == "1") {
      label.aligned = true;
    } else if (value == "false" || value == "no" || value == "0") {
      label.aligned = false;
    } else if (!value.empty()) {
      throw InputError(table.file, table.line_of(record), table.header[*c.aligned],
                       "expected yes or no (true/false, 1/0) for whether the model is aligned, found " +
                           quote_text(trim(table.cell(record, *c.aligned))));
    }
  }
  return label;
}

}  // namespace shoal
