#include "io/columns.hpp"

#include "io/input_error.hpp"

namespace shoal {

std::string column_list(const CsvTable& table) {
  std::string present;
  for (const auto& h : table.header) present += (present.empty() ? "" : ", ") + h;
  return present;
}

std::optional<std::size_t> find_role(const CsvTable& table, const ColumnOverrides& overrides, const std::string& role,
                                     std::initializer_list<const char*> names) {
  if (auto it = overrides.find(role); it != overrides.end()) return table.require_column(it->second);
  for (const char* name : names) {
    if (auto index = table.find_column(name)) return index;
  }
  return std::nullopt;
}

std::size_t require_role(const CsvTable& table, const ColumnOverrides& overrides, const std::string& role,
                         std::initializer_list<const char*> names) {
  if (auto index = find_role(table, overrides, role, names)) return *index;
  std::string expected;
  for (const char* name : names) expected += (expected.empty() ? "" : "', '") + std::string(name);
  throw InputError(table.file, 1, "",
                   "no column for the " + role + " (expected one of '" + expected + "'; columns present: " +
                       column_list(table) + ")");
}

std::string require_text(const CsvTable& table, std::size_t record, std::size_t column, const char* what) {
  std::string value(trim(table.cell(record, column)));
  if (value.empty()) {
    throw InputError(table.file, table.line_of(record), table.header[column],
                     std::string("expected ") + what + ", found an empty cell");
  }
  return value;
}

}  // namespace shoal
