// The command line's thread pool: every task runs once, whatever the number
// of threads, and a failing batch reports what a run in order would.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/task_threads.hpp"

namespace {

using shoal::cli::threaded_task_runner;

}  // namespace

TEST_CASE("task threads: every task runs exactly once, for any number of threads") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{1000}}) {
      std::vector<std::atomic<int>> runs(count);
      threaded_task_runner(threads, nullptr)("tasks", count, [&](std::size_t i) { ++runs[i]; });
      std::size_t once = 0;
      for (const auto& r : runs) once += r == 1 ? 1 : 0;
      CHECK_MESSAGE(once == count, threads << " threads, " << count << " tasks");
    }
  }
}

TEST_CASE("task threads: one thread runs the tasks in order") {
  std::vector<std::size_t> order;
  threaded_task_runner(1, nullptr)("tasks", 6, [&](std::size_t i) { order.push_back(i); });
  CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("task threads: the lowest failing task's exception reaches the caller, the tasks below it all run") {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<std::atomic<int>> runs(200);
    std::string message;
    try {
      threaded_task_runner(threads, nullptr)("tasks", runs.size(), [&](std::size_t i) {
        ++runs[i];
        if (i == 37 || i == 38 || i == 150) throw std::runtime_error("task " + std::to_string(i));
      });
    } catch (const std::runtime_error& e) {
      message = e.what();
    }
    CHECK_MESSAGE(message == "task 37", threads << " threads");
    for (std::size_t i = 0; i <= 37; ++i) CHECK(runs[i] == 1);
  }
}
