// What the convergence benchmarks share: the clock they time with and the
// paper's 48 LLM similarity files they run on.
#pragma once

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "concept/diversity.hpp"
#include "io/text_input.hpp"

namespace shoal::benchmark {

// This process's processor time, not the wall clock's: other processes on a
// shared machine weigh less.
inline double processor_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// The shared LLM similarity files, in name order, loaded as one study.
inline ConceptDataset shared_llm_dataset() {
  const std::filesystem::path dir = std::filesystem::path(SHOAL_SHARED_DIR) / "paper-data/concept-task/llm-responses";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<TextInput> inputs;
  for (const auto& f : files) inputs.push_back(read_text_input(f.string()));
  return load_concept_inputs(std::move(inputs), {ConceptInputOptions{}});
}

}  // namespace shoal::benchmark
