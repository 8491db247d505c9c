#pragma once
#include <cstddef>
#include <functional>

namespace shoal {

// One task of a batch, known by its index in [0, count).
using IndexedTask = std::function<void(std::size_t index)>;

// Runs a batch of independent tasks: task(0) … task(count - 1), each exactly
// once, in any order and on any threads, returning when all have run. A task
// must own everything it changes (its random stream seeded from its key, its
// own slot of the result), so that the analysis is the same however the
// tasks were spread. When tasks throw, the exception of the lowest-indexed
// one reaches the caller, as it would in order; tasks above it may be
// skipped. `what` names
// the tasks in the plural ("chains", "words"), for a progress display.
//
// The analyses take one so that the command line can spread their work over
// every core; the browser module (which spreads chains over workers itself)
// and the default run the tasks in order on the calling thread.
using TaskRunner = std::function<void(const char* what, std::size_t count, const IndexedTask& task)>;

// The default runner: task(0), task(1), … on the calling thread.
void run_in_order(const char* what, std::size_t count, const IndexedTask& task);

}  // namespace shoal
