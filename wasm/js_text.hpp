#pragma once
#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "report/json_writer.hpp"

namespace shoal::wasm {

// The text `write(JsonWriter&)` writes, and a line end, as one JavaScript
// string, handed over a megabyte at a time as it is written: the report is
// written once, where a std::string of it had to be sized by writing it twice
// (the first time only counting), and the module's memory, which never
// shrinks, holds one chunk rather than the whole text.
template <typename Write>
emscripten::val streamed_text(Write write) {
  constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
  emscripten::val chunks = emscripten::val::array();
  const auto hand_over = [&](std::string& text) {
    chunks.call<void>("push", emscripten::val(text));
    text.clear();
  };
  std::string buffer;
  buffer.reserve(kChunkBytes);
  JsonWriter writer(buffer, hand_over, kChunkBytes);
  write(writer);
  buffer += '\n';
  hand_over(buffer);
  return chunks.call<emscripten::val>("join", std::string());
}

}  // namespace shoal::wasm
