#include "report/json_writer.hpp"

#include <algorithm>
#include <cstring>
#include <ostream>
#include <stdexcept>

namespace shoal {

void JsonWriter::write(std::string_view text) {
  if (stream_) {
    stream_->write(text.data(), static_cast<std::streamsize>(text.size()));
  } else if (text_) {
    text_->append(text);
    if (full_ && text_->size() >= chunk_) full_(*text_);
  } else {
    *bytes_ += text.size();
  }
}

void JsonWriter::indent(std::size_t depth) {
  static constexpr std::string_view spaces = "                                ";
  for (; depth > spaces.size(); depth -= spaces.size()) write(spaces);
  write(spaces.substr(0, depth));
}

void JsonWriter::start_value() {
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.object) {
    if (!level.has_key) throw std::logic_error("JsonWriter: an object member needs a key first");
    level.has_key = false;
    return;
  }
  write(level.empty ? "\n" : ",\n");
  level.empty = false;
  indent(levels_.size());
}

void JsonWriter::begin_object() {
  start_value();
  write("{");
  levels_.emplace_back();
  levels_.back().object = true;
}

void JsonWriter::begin_array() {
  start_value();
  write("[");
  levels_.emplace_back();
}

void JsonWriter::end() {
  if (levels_.empty()) throw std::logic_error("JsonWriter: nothing to close");
  const Level level = std::move(levels_.back());
  levels_.pop_back();
  if (level.has_key) throw std::logic_error("JsonWriter: a key without a value");
  if (!level.empty) {
    write("\n");
    indent(levels_.size());
  }
  write(level.object ? "}" : "]");
}

void JsonWriter::key(const std::string& name) {
  if (levels_.empty() || !levels_.back().object || levels_.back().has_key) {
    throw std::logic_error("JsonWriter: a key outside an object, or two keys in a row");
  }
  Level& level = levels_.back();
  if (!level.empty && name <= level.last_key) {
    throw std::logic_error("JsonWriter: key \"" + name + "\" after \"" + level.last_key + "\", out of order");
  }
  write(level.empty ? "\n" : ",\n");
  level.empty = false;
  indent(levels_.size());
  write(nlohmann::json(name).dump());
  write(": ");
  level.last_key = name;
  level.has_key = true;
}

void JsonWriter::value(const nlohmann::json& v) { dumped(v.dump(1)); }

void JsonWriter::dumped(std::string_view text) {
  start_value();
  // A tree dumped on its own starts at no indentation; each of its lines
  // moves right by the depth it lands at. Strings hold no raw newline, so
  // every newline in the text is a line break of the layout.
  const std::size_t depth = levels_.size();
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', from)) {
    write(text.substr(from, nl + 1 - from));
    indent(depth);
    from = nl + 1;
  }
  write(text.substr(from));
}

void write_object(JsonWriter& out, const nlohmann::json& members, std::vector<StreamedMember> streamed) {
  std::sort(streamed.begin(), streamed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  out.begin_object();
  auto next = streamed.begin();
  for (const auto& [name, member] : members.items()) {
    for (; next != streamed.end() && next->first < name; ++next) {
      out.key(next->first);
      next->second(out);
    }
    out.key(name);
    out.value(member);
  }
  for (; next != streamed.end(); ++next) {
    out.key(next->first);
    next->second(out);
  }
  out.end();
}

}  // namespace shoal
