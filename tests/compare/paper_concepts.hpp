#pragma once
// The paper's 48 LLM concept-task files analysed as one dataset with the
// paper's settings (α 0.16, simplicity prior, 500 iterations, one chain,
// every concept kept):
// about ten seconds natively. Shared by the alignment check and the
// comparison table.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/text_input.hpp"

namespace shoal::paper {

inline std::filesystem::path concept_task(const std::filesystem::path& shared) {
  return shared / "paper-data" / "concept-task";
}

inline ConceptAnalysis analyse_paper_concepts(const std::filesystem::path& shared) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(concept_task(shared) / "llm-responses")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<TextInput> inputs;
  for (const auto& file : files) inputs.push_back(read_text_input(file.string()));
  const ConceptDataset dataset = load_concept_inputs(inputs, {ConceptInputOptions{}});
  ConceptOptions options;
  // The paper averaged every concept, however few people it had.
  options.min_people = 1;
  return analyse_concepts(dataset, options);
}

}  // namespace shoal::paper
