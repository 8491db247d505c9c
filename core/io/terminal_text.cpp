#include "io/terminal_text.hpp"

#include <cstdio>

namespace shoal {
namespace {

std::string escaped(const char* format, unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

bool is_bidi_control(unsigned code_point) {
  return (code_point >= 0x202a && code_point <= 0x202e) || (code_point >= 0x2066 && code_point <= 0x2069) ||
         code_point == 0x200e || code_point == 0x200f || code_point == 0x061c;
}

}  // namespace

std::string terminal_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto continuation = [&](std::size_t i) { return i < text.size() && (byte(i) & 0xc0u) == 0x80u; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned c = byte(i);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      out += escaped("\\x%02x", c);
    } else if (c == 0xc2 && i + 1 < text.size() && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9f) {
      out += escaped("\\u%04x", byte(i + 1));
      ++i;
    } else if (c == 0xe2 && continuation(i + 1) && continuation(i + 2) &&
               is_bidi_control(0x2000u | (byte(i + 1) & 0x3fu) << 6 | (byte(i + 2) & 0x3fu))) {
      out += escaped("\\u%04x", 0x2000u | (byte(i + 1) & 0x3fu) << 6 | (byte(i + 2) & 0x3fu));
      i += 2;
    } else if (c == 0xd8 && i + 1 < text.size() && byte(i + 1) == 0x9c) {
      out += "\\u061c";
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace shoal
