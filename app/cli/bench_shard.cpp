#include "cli/bench_shard.h"

#include "cli/cli_args.h"

#include <cstdlib>

namespace fs::cli {

namespace {

std::optional<std::string> lookup(const std::map<std::string, std::string> *env, const char *name)
{
    if (env) {
        const auto it = env->find(name);
        return it == env->end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    const char *v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

} // namespace

Shard parse_shard(const std::string &text)
{
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        throw UsageError("--shard wants K/N (shard K of N, 1 <= K <= N), got '" + text + "'");
    Shard s;
    s.count = int(parse_integer("--shard N", text.substr(slash + 1), 1, 1'000'000));
    s.index = int(parse_integer("--shard K", text.substr(0, slash), 1, s.count));
    return s;
}

std::optional<Shard> slurm_array_shard(const std::map<std::string, std::string> *env)
{
    const auto id = lookup(env, "SLURM_ARRAY_TASK_ID");
    if (!id)
        return std::nullopt;
    const auto min = lookup(env, "SLURM_ARRAY_TASK_MIN"), count = lookup(env, "SLURM_ARRAY_TASK_COUNT");
    if (!min || !count)
        throw UsageError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN or SLURM_ARRAY_TASK_COUNT is not");
    const long long task = parse_integer("SLURM_ARRAY_TASK_ID", *id, 0, 100'000'000);
    const long long first = parse_integer("SLURM_ARRAY_TASK_MIN", *min, 0, task);
    Shard s;
    s.count = int(parse_integer("SLURM_ARRAY_TASK_COUNT", *count, 1, 1'000'000));
    // Arrays with a step (--array=1-9:2) number their tasks sparsely; shards need 1..N.
    if (task - first >= s.count)
        throw UsageError("SLURM_ARRAY_TASK_ID " + *id + " lies beyond MIN + COUNT − 1 (" + *min + " + " + *count
                         + " − 1): submit the shards as one contiguous array, --array=1-N");
    s.index = int(task - first + 1);
    return s;
}

} // namespace fs::cli
