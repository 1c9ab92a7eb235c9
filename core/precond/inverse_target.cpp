#include "precond/inverse_target.h"

#include "precond/fsai.h"
#include "precond/spai.h"

#include <stdexcept>
#include <string>

namespace fs::precond {

sparse::Matrix inverse_target(const sparse::Matrix &A, std::string_view target, int pattern, int threads)
{
    if (pattern != 1 && pattern != 2)
        throw std::invalid_argument("the target pattern must be 1 (A) or 2 (A²), got " + std::to_string(pattern));
    if (target == "spai") {
        SpaiOptions o;
        o.threads = threads;
        o.pattern_power = pattern;
        return spai(A, o).M;
    }
    if (target == "fsai") {
        FsaiOptions o;
        o.threads = threads;
        o.pattern_power = pattern;
        return fsai(A, o);
    }
    throw std::invalid_argument("unknown target '" + std::string(target) + "' (spai, fsai)");
}

} // namespace fs::precond
