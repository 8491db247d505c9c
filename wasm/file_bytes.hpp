#pragma once
#include <emscripten/val.h>

#include "io/text_input.hpp"

namespace shoal::wasm {

// A file as the page passes it, {name, bytes: Uint8Array}, copied into the
// module's memory.
TextInput read_bytes(const emscripten::val& file);

}  // namespace shoal::wasm
