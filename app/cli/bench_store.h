#pragma once
// Benchmark results in the GUI's SQLite store (ui/bench/benchstore.h) from the command line: the
// rows of `bench DIR --store FILE` (a shard, typically), `bench merge` of several stores, and
// `bench show`, which prints a store as `bench DIR --json` prints a run. Needs the GUI library
// (Qt SQL); a build without it says so.

#include "bench/outcome.h"
#include "cli/commands.h"

#include <memory>
#include <string>

namespace fs::cli {

/// Writes results into a store, one committed row per call. Throws std::runtime_error when the
/// store cannot be opened or written (the message names the file).
class StoreSink {
public:
    explicit StoreSink(const std::string &path);
    ~StoreSink();
    StoreSink(const StoreSink &) = delete;
    StoreSink &operator=(const StoreSink &) = delete;

    /// The row of `outcome` for the matrix file `file` (hashed here) under `settings`.
    void write(const std::string &file, const std::string &settings, const bench::MatrixOutcome &outcome);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// bench merge --into STORE SHARD... [--json]
int bench_merge(const Argv &argv);
/// bench show STORE [--settings S] [--json]
int bench_show(const Argv &argv);

} // namespace fs::cli
