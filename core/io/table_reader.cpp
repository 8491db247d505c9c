#include "io/table_reader.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "io/gzip.hpp"
#include "io/input_error.hpp"

namespace shoal {
namespace {

std::string_view without_bom(std::string_view text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  return text;
}

char first_visible(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
  }
  return '\0';
}

std::string cell_text(const nlohmann::ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

// Collects objects into a table with the union of their keys as columns.
class ObjectTable {
 public:
  explicit ObjectTable(const std::string& file) { table_.file = file; }

  void add(const nlohmann::ordered_json& object, std::size_t row) {
    if (!object.is_object()) {
      throw InputError(table_.file, row, "", "expected a JSON object {\"column\": value, ...}, found " +
                                                 std::string(object.type_name()));
    }
    std::vector<std::string> cells(table_.header.size());
    for (const auto& [key, value] : object.items()) {
      auto [it, added] = columns_.try_emplace(key, table_.header.size());
      if (added) {
        table_.header.push_back(key);
        for (auto& earlier : table_.rows) earlier.emplace_back();
        cells.emplace_back();
      }
      cells[it->second] = cell_text(value);
    }
    table_.rows.push_back(std::move(cells));
    table_.row_line.push_back(row);
  }

  CsvTable finish() {
    if (table_.rows.empty()) throw InputError(table_.file, 0, "", "the file holds no JSON objects");
    return std::move(table_);
  }

 private:
  CsvTable table_;
  std::map<std::string, std::size_t> columns_;
};

CsvTable read_json_lines(std::string_view text, const std::string& file) {
  ObjectTable table(file);
  std::size_t line = 0, start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const std::string_view content = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    ++line;
    if (first_visible(content) != '\0') {
      try {
        table.add(nlohmann::ordered_json::parse(content), line);
      } catch (const nlohmann::ordered_json::exception& e) {
        throw InputError(file, line, "", std::string("expected one JSON object per line: ") + e.what());
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return table.finish();
}

CsvTable read_json_array(std::string_view text, const std::string& file) {
  nlohmann::ordered_json array;
  try {
    array = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::ordered_json::exception& e) {
    throw InputError(file, 0, "", std::string("expected a JSON array of objects: ") + e.what());
  }
  ObjectTable table(file);
  for (std::size_t i = 0; i < array.size(); ++i) table.add(array[i], i + 1);
  return table.finish();
}

}  // namespace

CsvTable read_table(const TextInput& input) {
  std::string decompressed;
  std::string_view text = input.content;
  if (is_gzip(text)) {
    decompressed = gunzip(text, input.name);
    text = decompressed;
  }
  text = without_bom(text);
  switch (first_visible(text)) {
    case '{': return read_json_lines(text, input.name);
    case '[': return read_json_array(text, input.name);
    default: return parse_csv(text, input.name);
  }
}

}  // namespace shoal
