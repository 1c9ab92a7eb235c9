#pragma once
// Which matrices of a benchmark folder one shard computes: shard K of N takes the positions
// i ≡ K − 1 (mod N) of the name-sorted list, so N shards cover every matrix exactly once.

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace fs::cli {

struct Shard {
    int index = 1; ///< K, 1-based
    int count = 1; ///< N
};

/// "K/N" with 1 <= K <= N. Throws UsageError.
Shard parse_shard(const std::string &text);

/// The shard of a Slurm array task: K = SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 and
/// N = SLURM_ARRAY_TASK_COUNT, read from `environment` (the process environment when empty);
/// nullopt when SLURM_ARRAY_TASK_ID is not set. Throws UsageError when the variables are not
/// consistent integers.
std::optional<Shard> slurm_array_shard(const std::map<std::string, std::string> *environment = nullptr);

inline bool in_shard(std::size_t position, const Shard &s)
{
    return position % static_cast<std::size_t>(s.count) == static_cast<std::size_t>(s.index - 1);
}

} // namespace fs::cli
