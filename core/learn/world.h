#pragma once
// Where a trainer process stands in a data-parallel run, from the launcher's environment (no
// torch): torchrun sets RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT; srun sets
// SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID and SLURM_JOB_NODELIST, and the master is then the
// first host of the node list on a port derived from SLURM_JOB_ID (MASTER_ADDR / MASTER_PORT,
// when set, win). Neither, or a world of one: a single process.

#include <functional>
#include <optional>
#include <string>

namespace fs::learn {

struct WorldSpec {
    int rank = 0;
    int size = 1;
    int local_rank = 0;
    std::string master_addr = "127.0.0.1";
    int master_port = 29500;
    std::string launcher; ///< "torchrun", "srun" or "" (a single process)
    /// How long a rank waits for the others (joining, and every collective) before it fails.
    int timeout_seconds = 300;

    bool distributed() const { return size > 1; }
};

/// Reads the variables through `lookup` (the process environment when empty). Throws
/// std::invalid_argument naming the variable when one is set but not a valid number, or the rank
/// lies outside the world. FACTORSCOPE_DIST_TIMEOUT (seconds) sets timeout_seconds.
WorldSpec world_from_environment(const std::function<std::optional<std::string>(const char *)> &lookup = {});

/// The first host of a Slurm node list: "n[003-005,7],gpu1" → "n003", "a,b" → "a".
std::string first_slurm_host(const std::string &nodelist);

/// The master port of a Slurm job when MASTER_PORT is not set: 20000 + job id mod 20000.
int slurm_master_port(long long jobId);

} // namespace fs::learn
