#include "dataset/checkpoints.h"

#include "support/atomic_file.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <system_error>

namespace fs::dataset {

namespace fsys = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char *kPrefix = "epoch-";

std::string folder_name(int epoch)
{
    char name[32];
    std::snprintf(name, sizeof name, "epoch-%06d", epoch);
    return name;
}

/// The epoch of a complete checkpoint folder's name, or -1 (part folders and anything else).
int epoch_of(const std::string &name)
{
    const std::string prefix = kPrefix;
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0)
        return -1;
    int epoch = -1;
    const char *first = name.data() + prefix.size(), *last = name.data() + name.size();
    const auto [end, ec] = std::from_chars(first, last, epoch);
    return ec == std::errc() && end == last && epoch >= 0 ? epoch : -1;
}

std::vector<std::pair<int, fsys::path>> complete_folders(const fsys::path &checkpoints)
{
    std::vector<std::pair<int, fsys::path>> found;
    std::error_code ec;
    for (fsys::directory_iterator it(checkpoints, ec), end; !ec && it != end; it.increment(ec))
        if (const int e = epoch_of(it->path().filename().string()); e >= 0 && it->is_directory())
            found.emplace_back(e, it->path());
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    return found;
}

} // namespace

std::uint64_t file_digest(const fsys::path &path)
{
    std::ifstream is(path, std::ios::binary);
    std::uint64_t h = 0xcbf29ce484222325ULL;
    char buf[1 << 16];
    while (is) {
        is.read(buf, sizeof buf);
        for (std::streamsize k = 0; k < is.gcount(); ++k)
            h = (h ^ static_cast<unsigned char>(buf[k])) * 0x100000001b3ULL;
    }
    return h;
}

fsys::path begin_checkpoint(const fsys::path &checkpoints, int epoch)
{
    const fsys::path part = support::part_path(checkpoints / folder_name(epoch));
    std::error_code ec;
    fsys::remove_all(part, ec);
    fsys::create_directories(part, ec);
    if (ec)
        throw support::WriteError("cannot write " + part.string() + ": " + ec.message());
    return part;
}

fsys::path commit_checkpoint(const fsys::path &checkpoints, const fsys::path &part, int epoch, const json &state,
                             int keep)
{
    json files = json::object();
    std::error_code ec;
    for (fsys::directory_iterator it(part, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file())
            files[it->path().filename().string()] = {{"bytes", it->file_size()},
                                                     {"fnv1a", std::to_string(file_digest(it->path()))}};
    json stored = state;
    stored["files"] = files;
    support::write_file_atomic(part / "state.json", stored.dump(2) + "\n");

    const fsys::path target = checkpoints / folder_name(epoch);
    fsys::remove_all(target, ec); // a checkpoint of the same epoch from a run that was cut short
    fsys::rename(part, target, ec);
    if (ec)
        throw support::WriteError("cannot write " + target.string() + ": " + ec.message());
    support::write_file_atomic(checkpoints / "latest.json", state.dump(2) + "\n");

    const auto folders = complete_folders(checkpoints);
    for (std::size_t k = static_cast<std::size_t>(std::max(keep, 1)); k < folders.size(); ++k)
        fsys::remove_all(folders[k].second, ec);
    return target;
}

std::vector<Checkpoint> good_checkpoints(const fsys::path &checkpoints, std::vector<std::string> &rejected)
{
    std::vector<Checkpoint> good;
    for (const auto &[epoch, dir] : complete_folders(checkpoints)) {
        const std::string name = dir.filename().string();
        std::ifstream is(dir / "state.json");
        json state = is ? json::parse(is, nullptr, false) : json();
        if (!state.is_object() || !state.contains("files") || !state["files"].is_object()) {
            rejected.push_back(name + ": state.json is missing or unreadable");
            continue;
        }
        std::string why;
        for (const auto &[file, meta] : state["files"].items()) {
            const fsys::path p = dir / file;
            std::error_code ec;
            const auto bytes = fsys::file_size(p, ec);
            if (ec) {
                why = file + " is missing";
                break;
            }
            if (!meta.is_object() || !meta.contains("bytes") || !meta["bytes"].is_number_unsigned()
                || !meta.contains("fnv1a") || !meta["fnv1a"].is_string()) {
                why = "state.json does not describe " + file;
                break;
            }
            const auto expected = meta["bytes"].get<std::uintmax_t>();
            if (bytes != expected) {
                why = file + " has " + std::to_string(bytes) + " bytes instead of " + std::to_string(expected)
                      + " (truncated or overwritten)";
                break;
            }
            if (std::to_string(file_digest(p)) != meta["fnv1a"].get<std::string>()) {
                why = file + " does not match its recorded digest (damaged)";
                break;
            }
        }
        if (!why.empty()) {
            rejected.push_back(name + ": " + why);
            continue;
        }
        state.erase("files");
        good.push_back({dir, epoch, std::move(state)});
    }
    return good;
}

} // namespace fs::dataset
