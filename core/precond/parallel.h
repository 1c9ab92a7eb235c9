#pragma once
// A minimal fork-join loop over independent work items (columns). Threads are started per call:
// the work items here cost far more than a thread start, and no state outlives the call.

#include <atomic>
#include <functional>

namespace fs::precond {

/// Number of threads to use for a request (0 = hardware concurrency, at least 1).
int resolve_threads(int requested);

/// Runs body(worker, i) for i in [0, count) on `threads` threads (worker in [0, threads)), handing
/// out items dynamically in chunks of `chunk`. The first exception thrown by a body is rethrown
/// after all workers stop. `cancel` (optional) stops the loop and throws Cancelled; `progress`
/// (optional) receives the fraction done, from some worker thread.
void parallel_for(int count, int threads, const std::function<void(int worker, int i)> &body,
                  int chunk = 16, const std::atomic<bool> *cancel = nullptr,
                  const std::function<void(double)> &progress = {});

} // namespace fs::precond
