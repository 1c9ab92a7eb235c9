#pragma once
// The rows of a benchmark run as a file that grows one line per finished matrix, so a run killed
// at any moment keeps every row it finished and a resumed run computes only the others.
//
//   line 1   {"format": "factorscope-bench-rows", "version": 1, "settings": settings_key(...)}
//   then     one to_json(outcome) object per line, in the order the matrices finished
//
// Each row is appended with one write and flushed before the next matrix is reported. On resume
// a last line cut short by the kill is dropped (the file is rewritten without it, under a part
// name), a row whose name repeats is kept once, and other settings than the file's are refused.

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>

namespace fs::bench {

class RowLogError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class RowLog {
public:
    /// Opens `path` for a run with `settings`. Without `resume` the file must not exist; with it,
    /// the rows already there are read (and kept), and `dropped` counts the damaged lines left out.
    RowLog(const std::string &path, const std::string &settings, bool resume);
    ~RowLog();
    RowLog(const RowLog &) = delete;
    RowLog &operator=(const RowLog &) = delete;

    /// Rows already in the file, by matrix name (JSON text of each).
    const std::map<std::string, std::string> &done() const { return m_done; }
    int dropped() const { return m_dropped; }
    /// Appends one row; throws RowLogError naming the file and the system's reason.
    void append(const std::string &name, const std::string &rowJson);

private:
    std::string m_path;
    std::FILE *m_file = nullptr;
    std::map<std::string, std::string> m_done;
    int m_dropped = 0;
};

} // namespace fs::bench
