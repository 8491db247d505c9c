#pragma once
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace shoal {

// Writes JSON text a piece at a time, byte for byte as nlohmann::json's
// dump(1) writes the same value as a tree: one space of indentation per
// level, object members in byte order of their keys. A report's long arrays
// then never exist as a tree, which costs several times their text.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : stream_(&out) {}
  explicit JsonWriter(std::string& out) : text_(&out) {}
  // Writes nothing, only counts the bytes it would write: to size a buffer
  // exactly, where one doubled as it grows would hold three times the text
  // while it moves.
  explicit JsonWriter(std::size_t& bytes) : bytes_(&bytes) {}
  // Appends to `out` and hands it to `full`, which takes the text and
  // empties it, whenever it holds `chunk` bytes or more: a long text passes
  // through a buffer of about `chunk` bytes, written once, cut only between
  // the pieces written (so never inside a UTF-8 character).
  JsonWriter(std::string& out, std::function<void(std::string&)> full, std::size_t chunk)
      : text_(&out), full_(std::move(full)), chunk_(chunk) {}

  void begin_object();
  void begin_array();
  // Closes the innermost open object or array.
  void end();
  // The next member's key. Keys must come in increasing byte order, the
  // order a tree keeps them in; anything else is a programming error
  // (std::logic_error), caught by the tests rather than written out of order.
  void key(const std::string& name);
  // A whole value (an element, or the member named by the last key).
  void value(const nlohmann::json& v);
  // The same, given as the text v.dump(1) writes: a value rendered ahead of
  // the text it goes into.
  void dumped(std::string_view text);

 private:
  struct Level {
    bool object = false;
    bool empty = true;
    bool has_key = false;
    std::string last_key;
  };
  void start_value();
  void write(std::string_view text);
  void indent(std::size_t depth);

  std::ostream* stream_ = nullptr;
  std::string* text_ = nullptr;
  std::size_t* bytes_ = nullptr;
  std::function<void(std::string&)> full_;
  std::size_t chunk_ = 0;
  std::vector<Level> levels_;
};

// A member whose value is written by a function instead of held in a tree.
using StreamedMember = std::pair<std::string, std::function<void(JsonWriter&)>>;

// An object holding the members of `members` (a JSON object) and the
// streamed ones, in the key order a tree would give them.
void write_object(JsonWriter& out, const nlohmann::json& members, std::vector<StreamedMember> streamed);

// The text `write(JsonWriter&)` writes, and a line end. Written twice, first
// only counted, so that the text is allocated once.
template <typename Write>
std::string written_text(Write write) {
  std::size_t bytes = 1;
  JsonWriter counter(bytes);
  write(counter);
  std::string text;
  text.reserve(bytes);
  JsonWriter writer(text);
  write(writer);
  text += '\n';
  return text;
}

}  // namespace shoal
