#pragma once
#include <string>

namespace shoal {

// The paper's two domains: "animals" (finch, robin, chicken, eagle, ostrich,
// penguin, salmon, seal, dolphin, whale) and "politicians" (Lincoln, Obama,
// Sanders, Trump, Warren, Bush, Clinton, Biden, Nixon, Reagan), recognised in
// the spellings the data use ("a finch", "Hillary Clinton", "Obama"); any
// other concept is "other".
std::string concept_category(const std::string& concept);

}  // namespace shoal
