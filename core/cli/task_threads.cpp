#include "cli/task_threads.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "cli/output.hpp"

namespace shoal::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::string clock_text(double seconds) {
  const auto s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return formatted("%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return formatted("%ld:%02ld", s / 60, s % 60);
}

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

unsigned default_thread_count() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO) == 1), start_(Clock::now()) {}

void ProgressLine::show(const char* what, std::size_t done, std::size_t total, Clock::time_point batch_start) {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  const Clock::time_point now = Clock::now();
  // A few times a second at most: short batches pass without a line.
  if (now - last_drawn_ < std::chrono::milliseconds(200)) return;
  last_drawn_ = now;
  drawn_ = true;
  std::string line = formatted("shoal: %s %zu/%zu, %s elapsed", what, done, total,
                               clock_text(seconds_between(start_, now)).c_str());
  if (done > 0 && done < total) {
    const double left = seconds_between(batch_start, now) / static_cast<double>(done) * static_cast<double>(total - done);
    line += ", about " + clock_text(left) + " left";
  }
  // \r back to the line's start, ESC[K erases what a longer line left.
  std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
  std::fflush(stderr);
}

void ProgressLine::clear() {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

TaskRunner threaded_task_runner(unsigned threads, std::shared_ptr<ProgressLine> progress) {
  if (threads == 0) threads = 1;
  return [threads, progress](const char* what, std::size_t count, const IndexedTask& task) {
    if (count == 0) return;
    const Clock::time_point batch_start = Clock::now();
    std::atomic<std::size_t> next{0}, done{0};
    // The lowest index of a task that threw, and its exception: the tasks
    // below it still run (as they would have, in order), those above it that
    // have not started are skipped, so the error reported is the one a run
    // in order meets first, whatever the number of threads.
    std::atomic<std::size_t> failed_at{count};
    std::exception_ptr error;
    std::mutex error_mutex;
    if (progress) progress->show(what, 0, count, batch_start);
    const auto work = [&] {
      for (std::size_t i = next++; i < failed_at; i = next++) {
        try {
          task(i);
        } catch (...) {
          const std::lock_guard<std::mutex> lock(error_mutex);
          if (i < failed_at) {
            failed_at = i;
            error = std::current_exception();
          }
        }
        const std::size_t finished = ++done;
        if (progress) progress->show(what, finished, count, batch_start);
      }
    };
    const std::size_t helpers = std::min<std::size_t>(threads, count) - 1;
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
    work();
    for (auto& thread : pool) thread.join();
    if (progress) progress->clear();
    if (error) std::rethrow_exception(error);
  };
}

}  // namespace shoal::cli
