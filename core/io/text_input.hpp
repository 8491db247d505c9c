#pragma once
#include <string>

namespace shoal {

// One input as the user supplied it: a display name (the file name, which may
// carry population labels) and its bytes. The CLI reads these from disk, the
// browser from dropped files; the analyses only ever see this.
struct TextInput {
  std::string name;
  std::string content;
};

// Reads a file from disk; throws InputError naming the path when it cannot.
TextInput read_text_input(const std::string& path);

// The file name without directories, as shown in messages and reports.
std::string base_name(const std::string& path);

}  // namespace shoal
