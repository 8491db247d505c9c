#include "io/columns.hpp"

#include "io/input_error.hpp"

namespace shoal {

std::string column_list(const CsvTable& table) {
  constexpr std::size_t kListed = 30, kLongest = 40;
  std::string present;
  for (std::size_t i = 0; i < table.header.size() && i < kListed; ++i) {
    const std::string& h = table.header[i];
    present += (present.empty() ? "" : ", ") + (h.size() <= kLongest ? h : h.substr(0, kLongest) + "...");
  }
  if (table.header.size() > kListed) present += " and " + std::to_string(table.header.size() - kListed) + " more";
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
