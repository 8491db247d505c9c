#include "io/text_input.hpp"

#include <filesystem>
#include <fstream>
#include <string>

#include "io/input_error.hpp"
#include "io/utf8.hpp"

namespace shoal {

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

TextInput read_text_input(const std::string& path, std::size_t stream_limit) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw InputError(path, 0, "", "this is a directory; give the files in it instead");
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw InputError(path, 0, "", "cannot open the file for reading");
  TextInput input;
  // Names go into reports, which must be UTF-8 whatever the file system holds.
  input.name = to_valid_utf8(base_name(path));
  // One allocation of the file's size, not a string doubled as it grows.
  const auto size = std::filesystem::is_regular_file(path, error) ? std::filesystem::file_size(path, error) : 0;
  if (!error && size > 0) {
    input.content.resize(size);
    stream.read(input.content.data(), static_cast<std::streamsize>(size));
    input.content.resize(static_cast<std::size_t>(stream.gcount()));
  } else {
    // Read in blocks and stop one byte past the limit, so that an endless
    // device is refused instead of filling memory.
    std::string block(std::size_t{1} << 16, '\0');
    while (stream) {
      stream.read(block.data(), static_cast<std::streamsize>(block.size()));
      input.content.append(block.data(), static_cast<std::size_t>(stream.gcount()));
      if (input.content.size() > stream_limit) {
        throw InputError(path, 0, "",
                         "this is not a regular file and holds more than " + std::to_string(stream_limit) +
                             " bytes; save the data to a file and give that file");
      }
    }
  }
  if (stream.bad()) throw InputError(path, 0, "", "reading the file failed");
  return input;
}

}  // namespace shoal
