#include "error_value.hpp"

#include <emscripten/bind.h>

#include <new>

#include "io/input_error.hpp"

namespace shoal::wasm {

ErrorInfo error_info(const std::exception& e) {
  ErrorInfo error;
  error.message = e.what();
  if (dynamic_cast<const std::bad_alloc*>(&e)) {
    error.message = "the input is too large for the memory this browser gives the page (" + std::string(e.what()) +
                    "); analyse it with the command-line tool instead";
  }
  if (const auto* input = dynamic_cast<const InputError*>(&e)) {
    error.file = input->file();
    error.row = static_cast<double>(input->row());
    error.column = input->column();
  }
  return error;
}

}  // namespace shoal::wasm

EMSCRIPTEN_BINDINGS(shoal_error_value) {
  using shoal::wasm::ErrorInfo;
  emscripten::value_object<ErrorInfo>("ErrorInfo")
      .field("file", &ErrorInfo::file)
      .field("row", &ErrorInfo::row)
      .field("column", &ErrorInfo::column)
      .field("message", &ErrorInfo::message);
}
