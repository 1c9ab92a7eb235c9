#include "archive_member.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>

namespace fs::sources {

namespace {

struct ReaderDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};
using Reader = std::unique_ptr<archive, ReaderDeleter>;

struct FileCloser {
    void operator()(std::FILE *f) const
    {
        if (f)
            std::fclose(f);
    }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string_view normalized(std::string_view name)
{
    while (name.substr(0, 2) == "./")
        name.remove_prefix(2);
    return name;
}

std::string reader_error(archive *a)
{
    const char *text = archive_error_string(a);
    return text ? text : "unknown archive error";
}

void remove_quietly(const std::string &path)
{
    std::error_code ec;
    std::filesystem::remove(path, ec);
}

} // namespace

ArchiveResult extract_member(const std::string &archivePath, const std::string &member,
                             const std::string &destination, const std::function<bool()> &cancelled)
{
    Reader reader(archive_read_new());
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_gnutar(reader.get());

    File probe(std::fopen(archivePath.c_str(), "rb"));
    if (!probe)
        return {ArchiveErrorCode::CannotOpen, archivePath};
    probe.reset();
    if (archive_read_open_filename(reader.get(), archivePath.c_str(), 64 * 1024) != ARCHIVE_OK)
        return {ArchiveErrorCode::Corrupt, reader_error(reader.get())};

    const std::string partPath = destination + ".part";
    bool found = false;
    ArchiveResult result;
    const auto fail = [&](ArchiveErrorCode code, std::string detail) {
        remove_quietly(partPath);
        return ArchiveResult{code, std::move(detail)};
    };

    for (;;) {
        if (cancelled && cancelled())
            return fail(ArchiveErrorCode::Cancelled, {});
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN)
            return fail(ArchiveErrorCode::Corrupt, reader_error(reader.get()));

        const char *rawName = archive_entry_pathname(entry);
        const bool wanted = !found && rawName && archive_entry_filetype(entry) == AE_IFREG
                            && normalized(rawName) == member;
        if (!wanted) {
            // Skipping still decompresses, which is what exposes a truncated stream.
            if (archive_read_data_skip(reader.get()) < ARCHIVE_WARN)
                return fail(ArchiveErrorCode::Corrupt, reader_error(reader.get()));
            continue;
        }

        File out(std::fopen(partPath.c_str(), "wb"));
        if (!out)
            return fail(ArchiveErrorCode::CannotWrite, partPath);
        const void *block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        for (;;) {
            if (cancelled && cancelled()) {
                out.reset();
                return fail(ArchiveErrorCode::Cancelled, {});
            }
            const int r = archive_read_data_block(reader.get(), &block, &size, &offset);
            if (r == ARCHIVE_EOF)
                break;
            if (r < ARCHIVE_WARN) {
                out.reset();
                return fail(ArchiveErrorCode::Corrupt, reader_error(reader.get()));
            }
            // Sparse tar entries come with offsets; seek so holes read back as zeros.
            if (std::fseek(out.get(), static_cast<long>(offset), SEEK_SET) != 0
                || std::fwrite(block, 1, size, out.get()) != size) {
                out.reset();
                return fail(ArchiveErrorCode::CannotWrite, partPath);
            }
        }
        if (std::fclose(out.release()) != 0)
            return fail(ArchiveErrorCode::CannotWrite, partPath);
        found = true;
    }

    if (!found)
        return fail(ArchiveErrorCode::MemberMissing, member);

    std::error_code ec;
    std::filesystem::rename(partPath, destination, ec);
    if (ec)
        return fail(ArchiveErrorCode::CannotWrite, ec.message());
    return result;
}

} // namespace fs::sources
