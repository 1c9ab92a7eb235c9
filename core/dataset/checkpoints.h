#pragma once
// The checkpoints of a run folder, written so that a kill at any moment leaves the last complete
// one usable (torch-free: the trainer fills the files, this decides where they go and which of
// them can be trusted on resume).
//
//   checkpoints/epoch-000012/   model.pt, optimizer.pt, state.json (the training state and the
//                               size and FNV-1a digest of every other file of the folder)
//   checkpoints/latest.json     the state of the newest complete checkpoint (marks a run folder)
//
// A checkpoint is assembled in "epoch-N.part-<pid>" and renamed into place once complete; the two
// newest are kept, so a damaged newest one still leaves one to fall back to.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fs::dataset {

struct Checkpoint {
    std::filesystem::path dir;
    int epoch = 0;
    nlohmann::json state; ///< what the trainer stored (without the file digests)
};

/// The folder a checkpoint of `epoch` is assembled in (created, empty).
std::filesystem::path begin_checkpoint(const std::filesystem::path &checkpoints, int epoch);

/// Records sizes and digests of the files in `part`, renames it to epoch-N, writes latest.json
/// and removes all but the `keep` newest complete checkpoints. Throws support::WriteError.
std::filesystem::path commit_checkpoint(const std::filesystem::path &checkpoints, const std::filesystem::path &part,
                                        int epoch, const nlohmann::json &state, int keep = 2);

/// The complete checkpoints whose files all match their recorded size and digest, newest first.
/// Each one passed over is described in `rejected` ("epoch-000012: model.pt is truncated ...").
std::vector<Checkpoint> good_checkpoints(const std::filesystem::path &checkpoints,
                                         std::vector<std::string> &rejected);

/// 64-bit FNV-1a of a file's bytes (for telling a damaged checkpoint file from a good one).
std::uint64_t file_digest(const std::filesystem::path &path);

} // namespace fs::dataset
