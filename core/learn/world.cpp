#include "learn/world.h"

#include <charconv>
#include <limits>
#include <cstdlib>
#include <stdexcept>

namespace fs::learn {

namespace {

long long number(const std::optional<std::string> &text, const char *name, long long min, long long max)
{
    long long v = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size() || v < min || v > max)
        throw std::invalid_argument(std::string(name) + " is '" + *text + "', not an integer in " + std::to_string(min)
                                    + ".." + std::to_string(max));
    return v;
}

} // namespace

std::string first_slurm_host(const std::string &nodelist)
{
    // Up to the first comma outside brackets; a bracket range keeps its prefix and first number.
    std::string first;
    int depth = 0;
    for (char c : nodelist) {
        if (c == '[')
            ++depth;
        else if (c == ']')
            --depth;
        if (c == ',' && depth == 0)
            break;
        first += c;
    }
    const auto open = first.find('[');
    if (open == std::string::npos)
        return first;
    const std::string prefix = first.substr(0, open);
    const std::string inside = first.substr(open + 1);
    const auto stop = inside.find_first_of("-,]");
    return prefix + inside.substr(0, stop);
}

int slurm_master_port(long long jobId)
{
    return 20000 + static_cast<int>(jobId % 20000);
}

WorldSpec world_from_environment(const std::function<std::optional<std::string>(const char *)> &lookupIn)
{
    const auto lookup = lookupIn ? lookupIn : [](const char *name) -> std::optional<std::string> {
        const char *v = std::getenv(name);
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    WorldSpec w;
    if (const auto t = lookup("FACTORSCOPE_DIST_TIMEOUT"))
        w.timeout_seconds = int(number(t, "FACTORSCOPE_DIST_TIMEOUT", 1, 86400));
    if (const auto rank = lookup("RANK"); rank && lookup("WORLD_SIZE")) {
        w.launcher = "torchrun";
        w.size = int(number(lookup("WORLD_SIZE"), "WORLD_SIZE", 1, 1 << 20));
        w.rank = int(number(rank, "RANK", 0, w.size - 1));
        if (const auto local = lookup("LOCAL_RANK"))
            w.local_rank = int(number(local, "LOCAL_RANK", 0, 1 << 20));
        if (const auto addr = lookup("MASTER_ADDR"))
            w.master_addr = *addr;
        if (const auto port = lookup("MASTER_PORT"))
            w.master_port = int(number(port, "MASTER_PORT", 1, 65535));
    } else if (const auto procid = lookup("SLURM_PROCID"); procid && lookup("SLURM_NTASKS")) {
        w.launcher = "srun";
        w.size = int(number(lookup("SLURM_NTASKS"), "SLURM_NTASKS", 1, 1 << 20));
        w.rank = int(number(procid, "SLURM_PROCID", 0, w.size - 1));
        if (const auto local = lookup("SLURM_LOCALID"))
            w.local_rank = int(number(local, "SLURM_LOCALID", 0, 1 << 20));
        if (const auto addr = lookup("MASTER_ADDR"))
            w.master_addr = *addr;
        else if (const auto nodes = lookup("SLURM_JOB_NODELIST"))
            w.master_addr = first_slurm_host(*nodes);
        if (const auto port = lookup("MASTER_PORT"))
            w.master_port = int(number(port, "MASTER_PORT", 1, 65535));
        else if (const auto job = lookup("SLURM_JOB_ID"))
            w.master_port = slurm_master_port(number(job, "SLURM_JOB_ID", 0, std::numeric_limits<long long>::max()));
    }
    return w;
}

} // namespace fs::learn
