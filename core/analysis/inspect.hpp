#pragma once
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>

#include "analysis/input_settings.hpp"
#include "io/text_input.hpp"

namespace shoal {

// What the page shows about a dropped file before anything runs: its
// header and first rows, the task ("color" or "concept") and format it was
// recognised as, the column chosen for each role, the populations it holds
// and the problems reading it would meet. Never throws for bad content: a
// problem becomes the "error" field, with whatever could be read before it.
//
// With `sample_bytes` > 0 a longer input is judged on its first rows only
// (up to the last line end within that many bytes): the page checks large
// files this way in a fraction of a full parse, and the analysis reads every
// row anyway. The result then has "sampled_bytes"; its "rows" and
// "populations" are those of the sample, and it lists no issues, since a cut
// individual would look incomplete. A sample that cannot be read (a quoted
// field spanning the cut, a JSON document) is not trusted: the whole input
// is inspected instead.
nlohmann::json inspect_input(const TextInput& input, const InputSettings& settings, std::size_t sample_bytes = 0);

// The sample's judgement from the first bytes of an input alone (`head`, of
// an input of `input_bytes` in all; the sample ends at its last line end),
// for a reader that has not loaded the rest: the page reads 256 KB of a
// 2 MB file this way. nullopt when the sample cannot be trusted and the
// whole input must be inspected.
std::optional<nlohmann::json> inspect_head(const TextInput& head, std::size_t input_bytes,
                                           const InputSettings& settings);

}  // namespace shoal
