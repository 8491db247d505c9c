#pragma once
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "io/csv.hpp"

namespace shoal {

// Role -> column name, as the user overrides detection.
using ColumnOverrides = std::map<std::string, std::string>;

// "a, b, c": the header, for messages.
std::string column_list(const CsvTable& table);

// The column playing a role: the user's override if given (which must
// exist), else the first of the usual names present.
std::optional<std::size_t> find_role(const CsvTable& table, const ColumnOverrides& overrides, const std::string& role,
                                     std::initializer_list<const char*> names);

// Like find_role, but a missing column is an InputError listing the names
// expected and the columns present.
std::size_t require_role(const CsvTable& table, const ColumnOverrides& overrides, const std::string& role,
                         std::initializer_list<const char*> names);

// The trimmed cell, which must not be empty (InputError naming the cell and
// `what` was expected otherwise).
std::string require_text(const CsvTable& table, std::size_t record, std::size_t column, const char* what);

}  // namespace shoal
