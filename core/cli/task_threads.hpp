#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>

#include "stats/task_runner.hpp"

namespace shoal::cli {

// The cores this machine offers (std::thread::hardware_concurrency), at
// least 1: the default of --threads.
unsigned default_thread_count();

// One line on standard error, rewritten in place as the batches of tasks
// run: what they are, how many are done of how many, the time since the run
// began and, once a task has finished, an estimate of the time the batch has
// left (from its pace so far). Only ever drawn on a terminal: with standard
// error redirected it writes nothing.
class ProgressLine {
 public:
  // `enabled` false: never draws (--quiet).
  explicit ProgressLine(bool enabled);
  bool enabled() const { return enabled_; }
  // Called as a batch begins (done 0) and as each task ends; redrawn at most
  // a few times a second.
  void show(const char* what, std::size_t done, std::size_t total, std::chrono::steady_clock::time_point batch_start);
  // Erases the line, so that what follows on standard error starts clean.
  void clear();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_drawn_{};
  std::mutex mutex_;
};

// A TaskRunner that spreads each batch over `threads` threads (the calling
// one among them), each taking the next task not yet taken, so that long
// and short tasks even out; with 1 the tasks run in order on the calling
// thread. `progress` (may be null) is shown as the tasks end.
TaskRunner threaded_task_runner(unsigned threads, std::shared_ptr<ProgressLine> progress);

}  // namespace shoal::cli
