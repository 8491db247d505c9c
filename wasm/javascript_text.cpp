#include "javascript_text.hpp"

#include <cstring>
#include <string>

namespace shoal::wasm {

using emscripten::val;

namespace {

constexpr std::size_t kPieceBytes = std::size_t{1} << 20;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

JavaScriptText::JavaScriptText() : std::ostream(this), buffer_(kPieceBytes), pieces_(val::array()) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

val JavaScriptText::text() {
  flush();
  hand_over(true);
  return pieces_.call<val>("join", std::string());
}

std::streambuf::int_type JavaScriptText::overflow(std::streambuf::int_type c) {
  using Traits = std::streambuf::traits_type;
  hand_over(false);
  if (!Traits::eq_int_type(c, Traits::eof())) {
    *pptr() = Traits::to_char_type(c);
    pbump(1);
  }
  return Traits::not_eof(c);
}

void JavaScriptText::hand_over(bool all) {
  const std::size_t held = static_cast<std::size_t>(pptr() - pbase());
  std::size_t cut = held;
  if (!all && held > 0 && static_cast<unsigned char>(buffer_[held - 1]) >= 0x80) {
    // The last character may go on in the next piece: it waits for it.
    cut = held - 1;
    while (cut > 0 && is_continuation(buffer_[cut])) --cut;
    if (cut == 0) cut = held;   // no character starts here: not UTF-8, handed over as it is
  }
  if (cut > 0) pieces_.call<void>("push", val(std::string(buffer_.data(), cut)));
  std::memmove(buffer_.data(), buffer_.data() + cut, held - cut);
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  pbump(static_cast<int>(held - cut));
}

}  // namespace shoal::wasm
