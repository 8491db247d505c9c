#pragma once
#include <emscripten/val.h>

#include <cstddef>
#include <ostream>
#include <streambuf>
#include <vector>

namespace shoal::wasm {

// A stream whose text goes into JavaScript a piece at a time, each piece a
// JavaScript string, joined at the end: a report of hundreds of MB never
// exists whole in the module's memory, which never shrinks once grown.
// Pieces end on whole UTF-8 characters, so the joined string is the one
// the whole text would decode to.
class JavaScriptText : private std::streambuf, public std::ostream {
 public:
  JavaScriptText();
  // The text written, as one JavaScript string.
  emscripten::val text();

 private:
  std::streambuf::int_type overflow(std::streambuf::int_type c) override;
  // Hands over what the buffer holds, but for a character it may hold only
  // part of unless `all`.
  void hand_over(bool all);

  std::vector<char> buffer_;
  emscripten::val pieces_;
};

}  // namespace shoal::wasm
