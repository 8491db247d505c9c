#pragma once
#include <nlohmann/json.hpp>

#include "analysis/input_settings.hpp"
#include "io/text_input.hpp"

namespace shoal {

// What the page shows about a dropped file before anything runs: its
// header and first rows, the task ("color" or "concept") and format it was
// recognised as, the column chosen for each role, the populations it holds
// and the problems reading it would meet. Never throws for bad content: a
// problem becomes the "error" field, with whatever could be read before it.
nlohmann::json inspect_input(const TextInput& input, const InputSettings& settings);

}  // namespace shoal
