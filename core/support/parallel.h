#pragma once
// The one thread count and fork-join loop of core: columns of K-optimal, SPAI and selected
// inversion, chunks of a Matrix Market file, matrices of a benchmark run. Threads are started per
// call: the work items here cost far more than a thread start, and no state outlives the call.

#include <functional>
#include <stdexcept>
#include <stop_token>

namespace fs::support {

/// A stop was requested on the caller's cancel token.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// Number of threads to use for a request (0 = hardware concurrency, at least 1).
int resolve_threads(int requested);

/// Runs body(worker, i) for i in [0, count) on `threads` threads (worker in [0, threads)), handing
/// out items dynamically in chunks of `chunk`. The first exception thrown by a body is rethrown
/// after all workers stop. A stop requested on `cancel` ends the loop with Cancelled; `progress`
/// (optional) receives the fraction done, from some worker thread.
void parallel_for(int count, int threads, const std::function<void(int worker, int i)> &body,
                  int chunk = 16, std::stop_token cancel = {},
                  const std::function<void(double)> &progress = {});

} // namespace fs::support
