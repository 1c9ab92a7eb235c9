#include "cli/tool_paths.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace fs::cli {

namespace fsys = std::filesystem;

namespace {

fsys::path own_folder()
{
    std::error_code ec;
    const fsys::path self = fsys::read_symlink("/proc/self/exe", ec);
    return ec ? fsys::current_path() : self.parent_path();
}

bool executable(const fsys::path &p)
{
    std::error_code ec;
    return fsys::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

} // namespace

std::string find_tool(const std::string &name)
{
    const fsys::path here = own_folder();
    for (const fsys::path &candidate : {here / name, here / ".." / name, here / ".." / "train" / name,
                                        here / ".." / "app" / name})
        if (executable(candidate))
            return fsys::weakly_canonical(candidate).string();
    if (const char *path = std::getenv("PATH")) {
        std::stringstream ss(path);
        std::string dir;
        while (std::getline(ss, dir, ':'))
            if (!dir.empty() && executable(fsys::path(dir) / name))
                return (fsys::path(dir) / name).string();
    }
    return {};
}

std::string bundled_benchmark_dir()
{
    const fsys::path installed = own_folder() / ".." / "share" / "factorscope" / "benchmark";
    std::error_code ec;
    if (fsys::exists(installed / "INDEX.csv", ec))
        return fsys::weakly_canonical(installed).string();
    return FS_SOURCE_BENCHMARK_DIR;
}

} // namespace fs::cli
