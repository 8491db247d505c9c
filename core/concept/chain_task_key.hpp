#pragma once
#include <string>
#include <vector>

#include "concept/diversity.hpp"

namespace shoal {

// Everything a planned chain's result depends on besides the options, as a
// SHA-256 (hex): its seed (from the population, concept, subset and chain
// labels), the iteration it is tempered from if any (see ChainTask), the
// subset's answers and each question's number of options. A
// task with the same key in two datasets has the same result in both, so a
// browser worker that parsed only some of the files can run their chains for
// an analysis of all of them, and a population that those files alone
// describe differently is told apart.
std::string chain_task_key(const ConceptDataset& dataset, const ChainTask& task);

// The keys of all the tasks, each concept's answers read once.
std::vector<std::string> chain_task_keys(const ConceptDataset& dataset, const std::vector<ChainTask>& tasks);

}  // namespace shoal
