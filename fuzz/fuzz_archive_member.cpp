// Archive member extraction on fuzzed archive bytes (tar, gzip-compressed or not, and whatever
// else libarchive recognises): either the member is written or a failure code comes back and
// nothing is left at the destination.
#include "sources/archive_member.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    namespace fsys = std::filesystem;
    static const fsys::path dir = fsys::temp_directory_path() / ("fs_fuzz_archive_" + std::to_string(::getpid()));
    fsys::create_directories(dir);
    const fsys::path archive = dir / "input.tar.gz";
    const fsys::path out = dir / "LFAT5.mtx";
    {
        std::ofstream os(archive, std::ios::binary | std::ios::trunc);
        os.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    }
    std::error_code ec;
    fsys::remove(out, ec);
    const fs::sources::ArchiveResult r = fs::sources::extract_member(archive.string(), "LFAT5/LFAT5.mtx", out.string());
    if (!r.ok() && fsys::exists(out))
        std::abort(); // a failed extraction left a file behind
    fsys::remove(out, ec);
    return 0;
}
