#include "support.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>

namespace shoal::test {

std::string shared_path(const std::string& relative) { return std::string(SHOAL_SHARED_DIR) + "/" + relative; }

TextInput shared_input(const std::string& relative) { return read_text_input(shared_path(relative)); }

nlohmann::json read_json(const std::string& path) {
  std::ifstream stream(path);
  return nlohmann::json::parse(stream);
}

std::string exact(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

bool close_relative(double actual, double expected, double tolerance) {
  return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

}  // namespace shoal::test
