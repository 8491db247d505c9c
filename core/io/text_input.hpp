#pragma once
#include <cstddef>
#include <string>

namespace shoal {

// One input as the user supplied it: a display name (the file name, which may
// carry population labels) and its bytes. The CLI reads these from disk, the
// browser from dropped files; the analyses only ever see this.
struct TextInput {
  std::string name;
  std::string content;
  // The content's SHA-256 (lower-case hex) when the caller has taken it
  // already, so that the report's summary of the input does not take it
  // again (100 MB of inputs take a noticeable share of an analysis); empty:
  // taken when needed.
  std::string sha256 = {};
};

// The most a file that is not a regular file (a pipe, a device, a socket)
// may hold: its size is not known before reading, and a device such as
// /dev/zero never ends. Regular files are read whole, at their size.
constexpr std::size_t kStreamInputLimit = std::size_t{1} << 30;

// Reads a file from disk; throws InputError naming the path when it cannot,
// or when a file that is not a regular file goes on past `stream_limit` bytes.
TextInput read_text_input(const std::string& path, std::size_t stream_limit = kStreamInputLimit);

// The file name without directories, as shown in messages and reports.
std::string base_name(const std::string& path);

}  // namespace shoal
