#pragma once
// Files that are either wholly old or wholly new: everything FactorScope writes for later reading
// (run folders, datasets, CLI outputs) goes through a temporary sibling that is renamed over the
// target only once it is complete, so a process killed at any moment leaves no half-written file
// under the real name. (The kernel keeps the written pages of a killed process; surviving a power
// cut would also need fsync, which these writers leave out for speed.)

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fs::support {

/// A file could not be written; what() names the file and the system's reason
/// ("No space left on device", "Read-only file system", "Permission denied", ...).
class WriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The temporary sibling used for `target` by this process: "<target>.part-<pid>".
std::filesystem::path part_path(const std::filesystem::path &target);

/// Renames a complete temporary file over `target`; on failure removes `part` and throws WriteError.
void commit_part(const std::filesystem::path &part, const std::filesystem::path &target);

/// Writes `bytes` to `target` through its part file. Throws WriteError.
void write_file_atomic(const std::filesystem::path &target, std::string_view bytes);

/// A stdio stream on the part file of `target`; commit() closes it and renames it into place,
/// the destructor of an uncommitted one removes the part file.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    std::FILE *get() const { return m_file; }
    /// Writes and throws WriteError if the device refuses the bytes.
    void write(std::string_view bytes);
    void commit();

private:
    std::filesystem::path m_target, m_part;
    std::FILE *m_file = nullptr;
};

/// "cannot write <path>: <strerror(err)>".
std::string write_error_text(const std::filesystem::path &path, int err);

} // namespace fs::support
