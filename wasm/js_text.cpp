#include "js_text.hpp"

#include <algorithm>
#include <cstring>

namespace shoal::wasm {

using emscripten::val;

namespace {
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
}

JsText::JsText() : buffer_(kChunkBytes, '\0'), chunks_(val::array()) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

void JsText::hand_over() {
  const std::size_t used = static_cast<std::size_t>(pptr() - pbase());
  // UTF-8: a character starts at a byte that is not 10xxxxxx, and its lead
  // byte says how many bytes it has. One cut at the end stays for later.
  std::size_t complete = used;
  std::size_t start = used;
  while (start > 0 && used - start < 4 && (static_cast<unsigned char>(buffer_[start - 1]) & 0xC0) == 0x80) --start;
  if (start > 0) {
    const auto lead = static_cast<unsigned char>(buffer_[start - 1]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (start - 1 + length > used) complete = start - 1;
  }
  if (complete > 0) chunks_.call<void>("push", val(std::string(buffer_.data(), complete)));
  const std::size_t kept = used - complete;
  std::memmove(buffer_.data(), buffer_.data() + complete, kept);
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  pbump(static_cast<int>(kept));
}

JsText::int_type JsText::overflow(int_type ch) {
  hand_over();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize JsText::xsputn(const char* s, std::streamsize n) {
  std::streamsize written = 0;
  while (written < n) {
    if (pptr() == epptr()) hand_over();
    const auto room = static_cast<std::streamsize>(epptr() - pptr());
    const std::streamsize part = std::min(room, n - written);
    std::memcpy(pptr(), s + written, static_cast<std::size_t>(part));
    pbump(static_cast<int>(part));
    written += part;
  }
  return written;
}

val JsText::text() {
  // Whatever is left is whole: the writer has finished.
  const std::size_t used = static_cast<std::size_t>(pptr() - pbase());
  if (used > 0) chunks_.call<void>("push", val(std::string(buffer_.data(), used)));
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return chunks_.call<val>("join", std::string());
}

}  // namespace shoal::wasm
