#include "support/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <unistd.h>

namespace fs::support {

namespace fsys = std::filesystem;

std::string write_error_text(const fsys::path &path, int err)
{
    return "cannot write " + path.string() + ": " + std::strerror(err);
}

fsys::path part_path(const fsys::path &target)
{
    return fsys::path(target.string() + ".part-" + std::to_string(::getpid()));
}

void commit_part(const fsys::path &part, const fsys::path &target)
{
    std::error_code ec;
    fsys::rename(part, target, ec);
    if (ec) {
        std::error_code ignored;
        fsys::remove(part, ignored);
        throw WriteError("cannot write " + target.string() + ": " + ec.message());
    }
}

void write_file_atomic(const fsys::path &target, std::string_view bytes)
{
    AtomicFile file(target);
    file.write(bytes);
    file.commit();
}

AtomicFile::AtomicFile(fsys::path target) : m_target(std::move(target)), m_part(part_path(m_target))
{
    m_file = std::fopen(m_part.c_str(), "wb");
    if (!m_file)
        throw WriteError(write_error_text(m_target, errno));
}

AtomicFile::~AtomicFile()
{
    if (!m_file)
        return;
    std::fclose(m_file);
    std::error_code ignored;
    fsys::remove(m_part, ignored);
}

void AtomicFile::write(std::string_view bytes)
{
    if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
        throw WriteError(write_error_text(m_target, errno ? errno : EIO));
}

void AtomicFile::commit()
{
    // A full device often shows only when the buffer is flushed, so both results count.
    errno = 0;
    const bool flushed = std::fflush(m_file) == 0;
    const int flushErr = errno;
    const bool closed = std::fclose(m_file) == 0;
    const int closeErr = errno;
    m_file = nullptr;
    if (!flushed || !closed) {
        std::error_code ignored;
        fsys::remove(m_part, ignored);
        throw WriteError(write_error_text(m_target, !flushed ? (flushErr ? flushErr : EIO) : (closeErr ? closeErr : EIO)));
    }
    commit_part(m_part, m_target);
}

} // namespace fs::support
