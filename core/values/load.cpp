#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "io/columns.hpp"
#include "io/label_columns.hpp"
#include "io/population_builder.hpp"
#include "io/table_reader.hpp"
#include "values/responses.hpp"

namespace shoal {
namespace {

constexpr std::initializer_list<const char*> kIndividualNames = {"individual", "participant", "participant_id",
                                                                 "participantID", "subject", "subject_num", "ID"};
constexpr std::initializer_list<const char*> kItemNames = {"item", "question", "word", "stimulus"};
constexpr std::initializer_list<const char*> kBlockNames = {"block"};

bool is_missing(std::string_view cell) {
  const std::string v = normalise_name(cell);
  return v.empty() || v == "na" || v == "nan" || v == "none" || v == "null";
}

// The value columns: an override or "value" for one dimension, else
// value_1 … value_d, numbered from 1 without gaps.
std::vector<std::size_t> find_value_columns(const CsvTable& table, const ColumnOverrides& overrides) {
  if (auto single = find_role(table, overrides, "value", {"value"})) return {*single};
  std::map<std::size_t, std::size_t> numbered;   // component -> column
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const std::string name = normalise_name(table.header[c]);
    if (name.rfind("value_", 0) != 0 || name.size() == 6) continue;
    char* end = nullptr;
    const unsigned long k = std::strtoul(name.c_str() + 6, &end, 10);
    if (*end != '\0' || k == 0) continue;
    numbered[k] = c;
  }
  std::vector<std::size_t> columns;
  for (const auto& [k, column] : numbered) {
    if (k != columns.size() + 1) {
      throw InputError(table.file, 1, table.header[column],
                       "value columns must be numbered value_1, value_2, … without gaps; value_" +
                           std::to_string(columns.size() + 1) + " is missing");
    }
    columns.push_back(column);
  }
  if (columns.empty()) {
    throw InputError(table.file, 1, "",
                     "expected a column 'value' (one number per answer) or value_1 … value_d (a vector), found "
                     "columns: " + column_list(table));
  }
  return columns;
}

double parse_number(const CsvTable& table, std::size_t record, std::size_t column) {
  const std::string_view text = trim(table.cell(record, column));
  const std::optional<double> v = finite_number(text);
  if (!v) {
    throw InputError(table.file, table.line_of(record), table.header[column],
                     "expected a number (e.g. 12, -0.5, 3e4), found '" + std::string(text) + "'");
  }
  return *v;
}

std::optional<std::vector<double>> parse_value(const CsvTable& table, std::size_t record,
                                               const std::vector<std::size_t>& columns) {
  std::size_t missing = 0;
  for (std::size_t c : columns) missing += is_missing(table.cell(record, c)) ? 1 : 0;
  if (missing == columns.size()) return std::nullopt;
  std::vector<double> value;
  for (std::size_t c : columns) {
    if (is_missing(table.cell(record, c))) {
      throw InputError(table.file, table.line_of(record), table.header[c],
                       "this component of the answer is empty while others are not; give all " +
                           std::to_string(columns.size()) + " components or none");
    }
    value.push_back(parse_number(table, record, c));
  }
  return value;
}

int parse_block(const CsvTable& table, std::size_t record, std::size_t column) {
  std::string text = normalise_name(table.cell(record, column));
  if (text.rfind("block", 0) == 0) text = std::string(trim(std::string_view(text).substr(5)));
  if (text == "1" || text == "2") return text[0] - '0';
  throw InputError(table.file, table.line_of(record), table.header[column],
                   "expected block 1 or 2, found '" + std::string(trim(table.cell(record, column))) + "'");
}

PopulationLabel row_label(const CsvTable& table, std::size_t record, std::size_t population,
                          const LabelColumns& labels) {
  PopulationLabel label;
  label.name = require_text(table, record, population, "a population name");
  label.human = is_human_name(label.name);
  if (label.human) return label;
  // The label columns say which model and condition the population is, for
  // the mixed models; its name stays what the population column says.
  const PopulationLabel from_columns = llm_row_label(table, labels, record);
  if (labels.model) label.model = from_columns.model;
  label.prompt = from_columns.prompt;
  label.temperature = from_columns.temperature;
  label.family = from_columns.family;
  label.aligned = from_columns.aligned;
  return label;
}

// Answering an item in one block only is not counted here: the analysis
// reports it per item as incomplete.
const AnswerIssues kValuesIssues = {
    {"duplicate_answer", "a second answer by the same individual for the same item and block (the first is kept)"},
    {"missing_value", "an answer with no value (counted as invalid)"},
    {nullptr, nullptr}};

using DatasetBuilder = PopulationBuilder<ValuesDataset, &ValueResponse::item, &ValueResponse::value>;

}  // namespace

const char* to_string(ValuesFormat format) { return format == ValuesFormat::Long ? "long" : "auto"; }

std::optional<ValuesFormat> values_format_from_string(const std::string& text) {
  if (text == "auto") return ValuesFormat::Auto;
  if (text == "long") return ValuesFormat::Long;
  return std::nullopt;
}

ValuesDataset load_values_inputs(const std::vector<TextInput>& inputs, const std::vector<ValuesInputOptions>& options) {
  if (options.size() != 1 && options.size() != inputs.size()) {
    throw std::invalid_argument("give one set of input options for all inputs or one per input");
  }
  ValuesDataset dataset;
  DatasetBuilder builder(dataset, kValuesIssues);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ValuesInputOptions& o = options.size() == 1 ? options[0] : options[i];
    dataset.inputs.push_back(summarise_input(inputs[i]));
    const CsvTable table = read_table(inputs[i]);
    dataset.inputs[i].format = to_string(ValuesFormat::Long);
    dataset.inputs[i].rows = table.row_count();
    const std::size_t population = require_role(table, o.columns, "population", {"population"});
    const std::size_t individual = require_role(table, o.columns, "individual", kIndividualNames);
    const std::size_t item = require_role(table, o.columns, "item", kItemNames);
    const std::size_t block = require_role(table, o.columns, "block", kBlockNames);
    const std::vector<std::size_t> value_columns = find_value_columns(table, o.columns);
    if (dataset.dimensions != 0 && dataset.dimensions != value_columns.size()) {
      throw InputError(table.file, 1, table.header[value_columns.front()],
                       "this file's answers have " + std::to_string(value_columns.size()) +
                           " dimension(s), the files before it " + std::to_string(dataset.dimensions) +
                           "; every file of an analysis must have the same value columns");
    }
    dataset.dimensions = value_columns.size();
    const LabelColumns labels = find_label_columns(table, o.columns);
    LabelOverride relabel = o.labels;
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      PopulationLabel label = row_label(table, r, population, labels);
      // The population column names the population unless the user does: a
      // model, prompt or temperature given by the user relabels it without
      // renaming it.
      relabel.name = o.labels.name.empty() ? label.name : o.labels.name;
      auto& p = builder.population(std::move(label), relabel, dataset.inputs[i], table.file, table.line_of(r));
      ValueResponse response;
      response.individual = require_text(table, r, individual, "an individual id");
      response.item = require_text(table, r, item, "an item");
      response.block = parse_block(table, r, block);
      response.value = parse_value(table, r, value_columns);
      response.input = i;
      response.row = table.line_of(r);
      builder.add(p, std::move(response));
    }
  }
  builder.finish();
  return dataset;
}

}  // namespace shoal
