#include "stats/task_runner.hpp"

namespace shoal {

void run_in_order(const char*, std::size_t count, const IndexedTask& task) {
  for (std::size_t i = 0; i < count; ++i) task(i);
}

}  // namespace shoal
