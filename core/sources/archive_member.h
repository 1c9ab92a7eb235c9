#pragma once
// Takes one named file out of a downloaded (compressed) tar archive, through libarchive.

#include <functional>
#include <string>

namespace fs::sources {

enum class ArchiveErrorCode {
    None,
    CannotOpen,    ///< The archive file cannot be read at all.
    Corrupt,       ///< libarchive rejected the data: truncated, not an archive, bad checksum, …
    MemberMissing, ///< The archive is sound but holds no regular file of that name.
    CannotWrite,   ///< The destination cannot be written.
    Cancelled,
};

struct ArchiveResult {
    ArchiveErrorCode code = ArchiveErrorCode::None;
    std::string detail; ///< libarchive's or the OS's own words, for the log and the error message.
    bool ok() const { return code == ArchiveErrorCode::None; }
};

/// Extracts the regular file `member` ("Name/Name.mtx"; a leading "./" in the archive is ignored)
/// of `archivePath` to `destination`. The member's name is only compared, never used as a path, so
/// no entry of the archive can write elsewhere. The whole archive is read, so a truncation past
/// the member still fails. On any failure nothing is left at `destination` (it is written to a
/// ".part" file first). `cancelled` is polled between blocks.
ArchiveResult extract_member(const std::string &archivePath, const std::string &member,
                             const std::string &destination, const std::function<bool()> &cancelled = {});

} // namespace fs::sources
