#pragma once
// The benchmark runner: one matrix file in, one MatrixOutcome out, and a driver that runs a list
// of files on several worker threads. The CLI and the GUI both call these, so their numbers agree.

#include "bench/outcome.h"
#include "precond/kopt_scaling.h"
#include "precond/ordering.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace fs::bench {

struct RunOptions {
    precond::Ordering ordering = precond::Ordering::Natural;
    double tol = 1e-8;
    int maxiter = 10000;
    /// Threads in total. The driver runs min(threads, files) matrices at once, one thread each.
    int threads = 0;
    /// Wall-time limit (seconds) of each preconditioner on one matrix: its set-up, PCG and
    /// K-condition together; <= 0 = none. A whole matrix thus takes at most about 5x this.
    double budget_seconds = 0.0;
    /// Memory bound for dense or selected-inversion work and for reading (0 = the library defaults).
    std::int64_t max_bytes = 0;
    bool record_history = true;
    bool compute_kcond = true;
    precond::KoptScaling kopt_scaling = precond::KoptScaling::Paper;
    int fsai_pattern_power = 1;
    /// PCG reruns per preconditioner with its values perturbed at 1e-12, for iteration ranges
    /// (0 = none). Part of the settings key.
    int noise_runs = 0;
};

/// Identifies the settings that change results (not threads), for caching stored outcomes.
std::string settings_key(const RunOptions &options);

struct BenchInput {
    std::string file;
    std::string name;  ///< defaults to the file name without .mtx / .mtx.gz
    std::string group;
};

/// .mtx and .mtx.gz files of `directory` (sorted by name), with groups from INDEX.csv when present
/// (its columns `name` and `group_or_source_path`, or `group`).
std::vector<BenchInput> list_directory(const std::string &directory);

/// Runs every preconditioner on one matrix. Numerical failures, refusals and budget overruns are
/// outcomes; only the user's cancel (a stop requested on `cancel`) throws precond::Cancelled.
MatrixOutcome run_matrix(const BenchInput &input, const RunOptions &options, std::stop_token cancel = {});

struct RunCallbacks {
    /// Called once per finished matrix, from a worker thread, serialised (never concurrently).
    std::function<void(std::size_t index, const MatrixOutcome &)> result;
    /// Called when a matrix starts, from a worker thread, serialised.
    std::function<void(std::size_t index)> started;
};

/// Runs all inputs; returns how many finished. Stops early (without throwing) when a stop is
/// requested on `cancel`: matrices in progress are abandoned, finished ones have been reported.
std::size_t run_benchmark(const std::vector<BenchInput> &inputs, const RunOptions &options,
                          const RunCallbacks &callbacks, std::stop_token cancel = {});

} // namespace fs::bench
