#include "bench/row_log.h"

#include "support/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs::bench {

using nlohmann::json;

namespace {

constexpr const char *kFormat = "factorscope-bench-rows";

std::string header_line(const std::string &settings)
{
    return json{{"format", kFormat}, {"version", 1}, {"settings", settings}}.dump() + "\n";
}

} // namespace

RowLog::RowLog(const std::string &path, const std::string &settings, bool resume) : m_path(path)
{
    const bool exists = std::filesystem::exists(path);
    if (exists && !resume)
        throw RowLogError(path + " already holds benchmark rows: --resume continues that run, or choose another --out");
    std::string text = header_line(settings);
    if (exists) {
        std::ifstream is(path, std::ios::binary);
        std::string line;
        if (!std::getline(is, line))
            throw RowLogError(path + " is empty or unreadable: not a benchmark row file");
        const json head = json::parse(line, nullptr, false);
        if (!head.is_object() || head.value("format", "") != kFormat)
            throw RowLogError(path + " is not a benchmark row file (its first line is not the "
                              + std::string(kFormat) + " header)");
        if (head.value("settings", "") != settings)
            throw RowLogError(path + " holds rows computed with other settings (" + head.value("settings", "")
                              + ", now " + settings + "): resume with those settings, or choose another --out");
        while (std::getline(is, line)) {
            if (line.empty())
                continue;
            const json row = json::parse(line, nullptr, false);
            if (!row.is_object() || !row.contains("name") || !row["name"].is_string()
                || !row.contains("category")) {
                ++m_dropped; // the line the kill cut short
                continue;
            }
            const std::string name = row["name"].get<std::string>();
            if (m_done.emplace(name, line).second)
                text += line + "\n";
        }
    }
    try {
        // The file starts (again) from its whole lines only.
        support::write_file_atomic(path, text);
    } catch (const support::WriteError &e) {
        throw RowLogError(e.what());
    }
    m_file = std::fopen(path.c_str(), "ab");
    if (!m_file)
        throw RowLogError(support::write_error_text(path, errno));
}

RowLog::~RowLog()
{
    if (m_file)
        std::fclose(m_file);
}

void RowLog::append(const std::string &name, const std::string &rowJson)
{
    if (m_done.count(name))
        return;
    // One line, one write: a kill leaves at most this line cut short. (to_json's compact dump
    // holds no newline.)
    const std::string line = rowJson + "\n";
    errno = 0;
    if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size() || std::fflush(m_file) != 0)
        throw RowLogError(support::write_error_text(m_path, errno ? errno : EIO)
                          + "; the rows written so far are kept and --resume continues");
    m_done.emplace(name, rowJson);
}

} // namespace fs::bench
