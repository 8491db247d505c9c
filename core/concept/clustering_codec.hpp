#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "concept/responses.hpp"

namespace shoal {

// What the chains of a dataset need, and no more, as bytes: per population
// its name and the label fields pairs by family read, per concept its name,
// its question labels, each question's options and the complete
// individuals' answers. One browser worker parses
// the files once and hands this to the others (a few MB for the paper's
// 100 MB of text), so no file is parsed twice; plan_chain_tasks and run_chain_task give the same tasks
// and results on the decoded dataset as on the parsed one.
std::vector<std::uint8_t> encode_clustering_inputs(const ConceptDataset& dataset);

// The dataset encode_clustering_inputs described: labels hold the name,
// model, prompt, temperature, family, alignment and whether human; individual
// ids are empty, and there are no inputs,
// issues or answer counts. Throws std::invalid_argument for any other bytes.
ConceptDataset decode_clustering_inputs(const std::uint8_t* data, std::size_t size);

}  // namespace shoal
