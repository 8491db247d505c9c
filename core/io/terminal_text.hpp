#pragma once
#include <string>

namespace shoal {

// Text as it may safely reach a terminal. Population names, quoted cells and
// request ids come from data, and a terminal runs escape sequences it is
// sent (colours, cursor moves, window titles, even clipboard writes). Control
// characters other than newline and tab become visible escapes (\x1b), as do
// C1 controls (\u009b) and the bidirectional overrides and isolates that
// reorder the rest of a line (\u202e). Everything else is left as it is.
std::string terminal_safe(const std::string& text);

}  // namespace shoal
