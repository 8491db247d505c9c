#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace shoal {

// Offset of the first byte of `text` that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are ill-formed),
// or std::string_view::npos when the whole text is well-formed.
std::size_t invalid_utf8_at(std::string_view text);

// The text with every ill-formed byte replaced by U+FFFD, so that it can go
// into JSON; well-formed text comes back unchanged.
std::string to_valid_utf8(std::string_view text);

}  // namespace shoal
