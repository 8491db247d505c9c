#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "io/text_input.hpp"

namespace shoal::test {

// Path under the shared folder (paper data and reference numbers).
std::string shared_path(const std::string& relative);
TextInput shared_input(const std::string& relative);
nlohmann::json read_json(const std::string& path);

// A number's exact decimal expansion (%.17g), for tests that pin numbers
// bit for bit.
std::string exact(double value);

// |actual - expected| <= tolerance · max(1, |expected|).
bool close_relative(double actual, double expected, double tolerance);

}  // namespace shoal::test
