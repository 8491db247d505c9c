#pragma once
#include <cstddef>
#include <functional>
#include <vector>

#include "concept/responses.hpp"
#include "io/text_input.hpp"

namespace shoal {

// As load_concept_inputs_reporting, with each input's text read only when its
// turn comes: `read(i, input)` fills the content of input i (given with its
// name alone) just before it is parsed, so that a study of hundreds of
// megabytes holds one input's text at a time rather than all of them (the
// browser module's memory never shrinks below the most it held).
ConceptDataset load_concept_inputs_in_turn(std::vector<TextInput> inputs, const std::vector<ConceptInputOptions>& options,
                                           const std::function<void(std::size_t, TextInput&)>& read,
                                           const std::function<void(std::size_t)>& input_read);

}  // namespace shoal
