#include "io/text_input.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "io/input_error.hpp"
#include "io/utf8.hpp"

namespace shoal {

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

TextInput read_text_input(const std::string& path) {
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
    input.content.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
  }
  if (stream.bad()) throw InputError(path, 0, "", "reading the file failed");
  return input;
}

}  // namespace shoal
