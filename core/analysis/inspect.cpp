#include "analysis/inspect.hpp"

#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "report/report_json.hpp"

namespace shoal {
namespace {

constexpr std::size_t kPreviewRows = 6;

nlohmann::json error_json(const InputError& e) {
  return {{"file", e.file()}, {"row", e.row()}, {"column", e.column()}, {"message", e.what()}};
}

nlohmann::json label_json(const PopulationLabel& label) {
  return {{"name", label.name},
          {"human", label.human},
          {"model", label.model},
          {"prompt", label.prompt},
          {"temperature", label.temperature}};
}

nlohmann::json format_roles(ColorFormat format) {
  switch (format) {
    case ColorFormat::HumanLong: return {"individual", "word", "block", "r", "g", "b"};
    case ColorFormat::PlainLong: return {"population", "individual", "word", "block", "colour", "r", "g", "b"};
    default:
      return {"individual", "word", "hex1", "hex2", "reply1", "reply2", "model", "prompt", "temperature"};
  }
}

}  // namespace

nlohmann::json inspect_input(const TextInput& input, const ColorInputOptions& color_options) {
  nlohmann::json out = {{"name", input.name}, {"bytes", input.content.size()}, {"task", nullptr},
                        {"format", nullptr},  {"error", nullptr}};
  CsvTable table;
  try {
    table = parse_csv(input.content, input.name);
  } catch (const InputError& e) {
    out["error"] = error_json(e);
    return out;
  }
  out["delimiter"] = std::string(1, table.delimiter);
  out["header"] = table.header;
  out["rows"] = table.rows.size();
  nlohmann::json preview = nlohmann::json::array();
  for (std::size_t r = 0; r < table.rows.size() && r < kPreviewRows; ++r) preview.push_back(table.rows[r]);
  out["preview"] = preview;

  try {
    const ColorColumns columns = detect_color_columns(table, color_options);
    out["task"] = "color";
    out["format"] = to_string(columns.format);
    out["roles"] = columns.roles;
    out["format_roles"] = format_roles(columns.format);
    const ColorDataset dataset = load_color_inputs({input}, {color_options});
    nlohmann::json populations = nlohmann::json::array();
    for (const auto& p : dataset.populations) populations.push_back(label_json(p.label));
    out["populations"] = populations;
    out["issues"] = report_envelope("color", nlohmann::json::object(), {}, dataset.issues)["input_issues"];
  } catch (const InputError& e) {
    out["error"] = error_json(e);
  }
  return out;
}

}  // namespace shoal
