#include "file_bytes.hpp"

#include <emscripten/bind.h>

#include <string>

namespace shoal::wasm {

TextInput read_bytes(const emscripten::val& file) {
  TextInput input;
  input.name = file["name"].as<std::string>();
  const emscripten::val bytes = file["bytes"];
  input.content.resize(bytes["length"].as<std::size_t>());
  emscripten::val(emscripten::typed_memory_view(input.content.size(),
                                                reinterpret_cast<unsigned char*>(input.content.data())))
      .call<void>("set", bytes);
  return input;
}

}  // namespace shoal::wasm
