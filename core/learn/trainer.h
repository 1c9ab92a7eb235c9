#pragma once
// One training run of a factor-predicting GNN, as factorscope-train performs it. Torch-free
// interface: the executable and the tests include only this.
//
// Run directory:
//   config.json     the TrainConfig (re-usable as --config)
//   metrics.jsonl   one epoch record per line (the lines printed on stdout)
//   log.txt         one line per epoch in words, notes, and the final status object
//   checkpoints/    epoch-N/ (model.pt, optimizer.pt, state.json with file digests) for the two
//                   newest epochs, latest.json (state of the newest), best.pt + best.json (best
//                   test cosine so far); see dataset/checkpoints.h. Every file is written under a
//                   part name and renamed, so a kill leaves the last complete epoch; --resume
//                   passes over a checkpoint that fails its digests, with a warning on stderr
//                   and in log.txt, and continues from the one before
//   eval.json       after a finished run: per test matrix the cosine similarity of the predicted
//                   L (best checkpoint) and PCG iterations with it, K-optimal, IC(0) and none
//
// Stdout: one JSON object per line — epoch records {"epoch", "train_cos", "test_cos", "loss",
// "lr", "seconds", "elapsed", "device"} and a final {"status": "finished" | "stopped" | "failed",
// ...}. "stopped" means the stop flag was raised (SIGTERM): the unfinished epoch is discarded and
// the latest checkpoint is the last completed epoch, so --resume continues exactly.
//
// Data-parallel (RunOptions::world): under torchrun or srun every rank joins a c10d group (Gloo,
// learn/distributed.h), takes rank 0's parameters, and sums its weighted gradients with the
// others' after each backward pass; a rank that dies makes the others fail within the timeout
// (FACTORSCOPE_DIST_TIMEOUT, default 300 s) with a "failed" status naming the collective.

#include "learn/train_config.h"
#include "learn/world.h"

#include <atomic>
#include <cstdint>
#include <ostream>
#include <string>

namespace fs::learn {

struct RunOptions {
    std::string run_dir;
    bool resume = false;   ///< continue from the newest good checkpoint of run_dir; config from run_dir
    /// Not a std::stop_token: a signal handler raises it, and request_stop is not async-signal-safe.
    const std::atomic<bool> *stop = nullptr;
    std::ostream *log = nullptr; ///< where the JSON lines go (stdout in factorscope-train)
    /// Stop (as if signalled) after this many epochs of this invocation; -1 = never. For tests.
    int stop_after_epochs = -1;
    /// This process's place in a data-parallel run (world_from_environment); one process by
    /// default. Every rank runs run_training with the same config; each global batch is split
    /// across the ranks and their gradients summed, so the results do not depend on the number
    /// of ranks; only rank 0 writes the stream, the run folder and the checkpoints.
    WorldSpec world;
};

/// Trains, evaluates and writes the run directory. Returns the exit status: 0 finished,
/// 3 stopped, 1 failed (the final JSON line then carries "error").
int run_training(const TrainConfig &config, const RunOptions &options);

/// The configuration stored in run_dir/config.json. Throws ConfigError.
TrainConfig load_run_config(const std::string &runDir);

/// Writes a tiny graph, every layer's parameters and outputs (float64) as JSON, for
/// tests/reference/compare_pyg.py. Throws std::runtime_error on I/O errors.
void dump_layer_reference(const std::string &path, std::uint64_t seed);

} // namespace fs::learn
