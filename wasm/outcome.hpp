#pragma once
#include <exception>
#include <string>

namespace shoal::wasm {

// What went wrong, as every entry point of the module hands it to the page:
// the place in the input (empty file and row 0 when the problem is not in
// one) and the message. Registered once with Embind as "ErrorInfo".
struct ErrorInfo {
  std::string file;
  double row = 0;   // a JavaScript number
  std::string column;
  std::string message;
};

// The error value of a caught exception: an InputError's place, and for an
// allocation failure the advice the browser's memory limit calls for.
ErrorInfo error_info(const std::exception& e);

}  // namespace shoal::wasm
