#include "io/table_reader.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "io/gzip.hpp"
#include "io/input_error.hpp"

namespace shoal {
namespace {

std::string_view without_bom(std::string_view text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  return text;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The first character after `at` that is not white space, or '\0'.
char next_visible(std::string_view text, std::size_t at = 0) {
  for (; at < text.size(); ++at) {
    if (!is_space(text[at])) return text[at];
  }
  return '\0';
}

// JSON only when the text opens the way JSON does: `{"` or `{}` for JSON
// Lines, `[{`, `[]` or `[[` for an array. A delimited header whose first name
// starts with a bracket ("[id],word") stays delimited text.
enum class Container { Delimited, JsonLines, JsonArray };

Container detect_container(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && is_space(text[at])) ++at;
  if (at == text.size()) return Container::Delimited;
  const char after = next_visible(text, at + 1);
  if (text[at] == '{' && (after == '"' || after == '}')) return Container::JsonLines;
  if (text[at] == '[' && (after == '{' || after == ']' || after == '[')) return Container::JsonArray;
  return Container::Delimited;
}

// Deeper nesting than this is refused before parsing: no real table needs
// it, and a parser must never recurse on what the data say.
constexpr std::size_t kMaxJsonDepth = 64;

// One pass over the text outside strings: checks the nesting depth and, for
// an array, notes the line on which each element starts. Returns the line of
// every value at depth `element_depth`.
std::vector<std::size_t> scan_json(std::string_view text, const std::string& file, std::size_t first_line,
                                   std::size_t element_depth) {
  std::vector<std::size_t> starts;
  std::size_t depth = 0, line = first_line;
  bool in_string = false, expect_value = element_depth == 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
        if (i < text.size() && text[i] == '\n') ++line;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (is_space(c)) continue;
    if (expect_value && depth == element_depth) starts.push_back(line);
    expect_value = false;
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) {
        throw InputError(file, line, "",
                         "the JSON is nested more than " + std::to_string(kMaxJsonDepth) +
                             " levels deep; a table needs two (an array of objects)");
      }
      expect_value = c == '[';
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
    } else if (c == ',') {
      expect_value = true;
    }
  }
  return starts;
}

// nlohmann's messages quote what was read last, which may be a whole long
// cell; only the start of it is useful.
std::string short_parse_message(const std::string& what) {
  constexpr std::size_t kMax = 200;
  return what.size() <= kMax ? what : what.substr(0, kMax) + "...";
}

// Receives parse events (no tree is built) and puts every top-level
// object's keys into the table as sparse cells. A nested value becomes its
// JSON text, written as the events arrive, so nothing recurses on the data.
class ObjectRows : public nlohmann::json_sax<nlohmann::json> {
 public:
  ObjectRows(CsvTable& table, std::size_t object_depth) : table_(table), object_depth_(object_depth) {}

  // Set before each parse: the line of each top-level object, in order.
  std::vector<std::size_t> lines;
  std::size_t next_line = 0;

  bool null() override { return scalar(""); }
  bool boolean(bool v) override { return scalar(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return scalar(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(std::to_string(v)); }
  // The number as written: "1e2" stays "1e2", for the loaders to judge.
  bool number_float(number_float_t, const string_t& s) override { return scalar(s); }
  bool string(string_t& v) override {
    if (depth_ > object_depth_) {
      separate();
      nested_ += nlohmann::json(v).dump();
      return true;
    }
    return scalar(v);
  }
  bool binary(binary_t&) override { return scalar(""); }

  bool start_object(std::size_t) override { return open('{'); }
  bool end_object() override { return close('}'); }
  bool start_array(std::size_t) override { return open('['); }
  bool end_array() override { return close(']'); }

  bool key(string_t& k) override {
    if (depth_ == object_depth_) {
      key_ = k;
      return true;
    }
    separate();
    nested_ += nlohmann::json(k).dump() + ':';
    first_.back() = true;   // the value follows the colon with no comma
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = short_parse_message(e.what());
    return false;
  }

  const std::string& error() const { return error_; }

 private:
  bool scalar(const std::string& text) {
    if (depth_ > object_depth_) {
      separate();
      nested_ += text.empty() ? "null" : text;
      return true;
    }
    if (depth_ < object_depth_) return not_an_object(text.empty() ? "null" : "a value");
    put(text);
    return true;
  }

  void separate() {
    if (first_.empty()) return;
    if (!first_.back()) nested_ += ',';
    first_.back() = false;
  }

  bool open(char bracket) {
    ++depth_;
    if (depth_ == object_depth_) {
      if (bracket != '{') return not_an_object("an array");
      row_line_ = next_line < lines.size() ? lines[next_line] : 0;
      ++next_line;
      return true;
    }
    if (depth_ < object_depth_) return true;   // the enclosing array
    if (depth_ > object_depth_ + 1) separate();
    nested_ += bracket;
    first_.push_back(true);
    return true;
  }

  bool close(char bracket) {
    if (depth_ == object_depth_) {
      table_.end_row(row_line_);
      seen_in_row_.clear();
    } else if (depth_ > object_depth_) {
      nested_ += bracket;
      first_.pop_back();
      if (depth_ == object_depth_ + 1) {
        put(nested_);
        nested_.clear();
      }
    }
    --depth_;
    return true;
  }

  void put(const std::string& text) {
    auto [it, added] = columns_.try_emplace(key_, table_.header.size());
    if (added) table_.header.push_back(key_);
    if (!seen_in_row_.insert(it->second).second) {
      throw InputError(table_.file, row_line_, key_,
                       "the key appears twice in one object; which value is meant is not clear");
    }
    table_.add_cell(text, it->second);
  }

  bool not_an_object(const std::string& found) {
    throw InputError(table_.file, next_line < lines.size() ? lines[next_line] : row_line_, "",
                     "expected a JSON object {\"column\": value, ...}, found " + found);
  }

  CsvTable& table_;
  std::size_t object_depth_;
  std::size_t depth_ = 0;
  std::size_t row_line_ = 0;
  std::string key_;
  std::string nested_;
  std::vector<bool> first_;
  std::unordered_map<std::string, std::size_t> columns_;
  std::unordered_set<std::size_t> seen_in_row_;
  std::string error_;
};

void finish_json(CsvTable& table) {
  if (table.row_count() == 0) throw InputError(table.file, 0, "", "the file holds no JSON objects");
  check_unique_columns(table);
}

CsvTable read_json_lines(std::string_view text, const std::string& file) {
  CsvTable table;
  table.file = file;
  table.make_sparse();
  ObjectRows rows(table, 1);
  std::size_t line = 0, start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const std::string_view content = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    ++line;
    if (next_visible(content) != '\0') {
      rows.lines = {line};
      rows.next_line = 0;
      scan_json(content, file, line, 1);
      if (next_visible(content) != '{') {
        throw InputError(file, line, "", "expected one JSON object per line, found a line starting with '" +
                                             std::string(1, next_visible(content)) + "'");
      }
      if (!nlohmann::json::sax_parse(content, &rows)) {
        throw InputError(file, line, "", "expected one JSON object per line: " + rows.error());
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  finish_json(table);
  return table;
}

CsvTable read_json_array(std::string_view text, const std::string& file) {
  CsvTable table;
  table.file = file;
  table.make_sparse();
  ObjectRows rows(table, 2);
  rows.lines = scan_json(text, file, 1, 1);
  if (!nlohmann::json::sax_parse(text, &rows)) {
    throw InputError(file, 0, "", "expected a JSON array of objects: " + rows.error());
  }
  finish_json(table);
  return table;
}

}  // namespace

namespace {

// The input's text, inflated into `decompressed` when it is gzip.
std::string_view input_text(const TextInput& input, std::string& decompressed) {
  std::string_view text = input.content;
  if (is_gzip(text)) {
    decompressed = gunzip(text, input.name, gzip_budget(text.size()));
    text = decompressed;
  }
  return without_bom(text);
}

}  // namespace

CsvTable read_table(const TextInput& input) {
  std::string decompressed;
  const std::string_view text = input_text(input, decompressed);
  switch (detect_container(text)) {
    case Container::JsonLines: return read_json_lines(text, input.name);
    case Container::JsonArray: return read_json_array(text, input.name);
    case Container::Delimited: break;
  }
  return parse_csv(text, input.name);
}

void read_table_parts(TextInput input, std::size_t rows_per_part, const std::function<void(const CsvTable&)>& on_part,
                      const std::function<bool()>& again) {
  std::string decompressed;
  std::string_view text = input_text(input, decompressed);
  // (assigning an empty string would keep the buffer)
  if (!decompressed.empty()) std::string().swap(input.content);
  const Container container = detect_container(text);
  if (container == Container::Delimited) return parse_csv_parts(text, input.name, rows_per_part, on_part, again);
  const CsvTable table = container == Container::JsonLines ? read_json_lines(text, input.name)
                                                            : read_json_array(text, input.name);
  std::string().swap(input.content);
  std::string().swap(decompressed);
  do {
    on_part(table);
  } while (again && again());
}

std::optional<CsvTable> read_table_header(const TextInput& input) {
  std::string decompressed;
  const std::string_view text = input_text(input, decompressed);
  if (detect_container(text) != Container::Delimited) return std::nullopt;
  return parse_csv_header(text, input.name);
}

}  // namespace shoal
