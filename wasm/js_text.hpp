#pragma once
#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "report/json_writer.hpp"

namespace shoal::wasm {

// The longest text handed over as one JavaScript string. Browsers hold
// strings of up to 2^29 - 24 characters (Chromium) or 2^30 - 2 (Firefox);
// a report of a few hundred thousand concepts is longer.
constexpr std::size_t kLongestText = std::size_t{256} << 20;

// The text `write(JsonWriter&)` writes, and a line end, handed over a
// megabyte at a time as it is written: the report is written once, where a
// std::string of it had to be sized by writing it twice (the first time
// only counting), and the module's memory, which never shrinks, holds one
// chunk rather than the whole text. One JavaScript string up to
// kLongestText; past it, the array of its parts in order, which the page
// keeps as a Blob.
template <typename Write>
emscripten::val streamed_text(Write write) {
  constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
  emscripten::val chunks = emscripten::val::array();
  std::size_t length = 0;
  const auto hand_over = [&](std::string& text) {
    length += text.size();
    chunks.call<void>("push", emscripten::val(text));
    text.clear();
  };
  std::string buffer;
  buffer.reserve(kChunkBytes);
  JsonWriter writer(buffer, hand_over, kChunkBytes);
  write(writer);
  buffer += '\n';
  hand_over(buffer);
  return length > kLongestText ? chunks : chunks.call<emscripten::val>("join", std::string());
}

}  // namespace shoal::wasm
