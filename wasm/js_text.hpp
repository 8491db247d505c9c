#pragma once
#include <emscripten/val.h>

#include <ostream>
#include <streambuf>
#include <string>

namespace shoal::wasm {

// A stream whose text becomes one JavaScript string, handed over a chunk at
// a time as it is written: a report is written once, straight through,
// where a std::string of it had to be sized by writing it twice first (the
// counting pass cost as much as the writing), and the module's memory, which
// never shrinks, holds one chunk rather than the whole text.
class JsText : public std::streambuf {
 public:
  JsText();
  // The text written so far, as one string (the chunks joined).
  emscripten::val text();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  // Hands the chunk's complete characters to JavaScript and keeps the bytes
  // of a character cut at its end, for the next chunk.
  void hand_over();

  std::string buffer_;
  emscripten::val chunks_;
};

// The text `write(std::ostream&)` writes, as a JavaScript string.
template <typename Write>
emscripten::val streamed_text(Write write) {
  JsText sink;
  std::ostream out(&sink);
  write(out);
  return sink.text();
}

}  // namespace shoal::wasm
