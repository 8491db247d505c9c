#pragma once
#include <string>
#include <vector>

namespace shoal::kit {

// The 199 words of the human word-colour study (Marti et al. 2023), the
// stimuli the paper asked its models about. Alphabetical order, which is also
// the order of the words in the study's per-word results; the spellings are
// the study's own ("inflamation", "noblity"), so replies join its human data.
const std::vector<std::string>& paper_color_words();

}  // namespace shoal::kit
