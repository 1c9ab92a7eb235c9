#include "precond/errors.h"

#include <cstdio>

namespace fs::precond {

std::string format_bytes(std::int64_t bytes)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 5) {
        v /= 1024.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    return buf;
}

SizeRefused::SizeRefused(const std::string &what_for, std::int64_t n, std::int64_t estimated_bytes,
                         std::int64_t limit_bytes)
    : std::runtime_error(what_for + " for n = " + std::to_string(n) + " needs about "
                         + format_bytes(estimated_bytes) + ", more than the limit of "
                         + format_bytes(limit_bytes))
    , m_n(n)
    , m_estimated(estimated_bytes)
    , m_limit(limit_bytes)
{
}

NotSpd::NotSpd(Reason reason, const std::string &detail)
    : std::runtime_error(detail)
    , m_reason(reason)
{
}

} // namespace fs::precond
