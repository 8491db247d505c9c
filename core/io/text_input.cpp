#include "io/text_input.hpp"

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
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw InputError(path, 0, "", "cannot open the file for reading");
  TextInput input;
  // Names go into reports, which must be UTF-8 whatever the file system holds.
  input.name = to_valid_utf8(base_name(path));
  input.content.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
  if (stream.bad()) throw InputError(path, 0, "", "reading the file failed");
  return input;
}

}  // namespace shoal
