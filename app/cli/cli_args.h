#pragma once
// Minimal command-line parsing for factorscope-cli: positionals, `--key value` and `--flag`.
// Every option a command accepts is declared up front, so a typo is an error, not silently ignored.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs::cli {

/// Bad usage or bad input: printed as one `error: …` line, exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Args {
public:
    /// `valued`: options that take a value; `flags`: options that do not.
    Args(const std::vector<std::string> &argv, const std::set<std::string> &valued,
         const std::set<std::string> &flags);

    const std::vector<std::string> &positional() const { return m_positional; }
    bool flag(const std::string &name) const { return m_flags.count(name) > 0; }
    bool has(const std::string &name) const { return m_values.count(name) > 0; }
    std::optional<std::string> value(const std::string &name) const;
    std::string value(const std::string &name, const std::string &fallback) const;
    long long integer(const std::string &name, long long fallback, long long min, long long max) const;
    double real(const std::string &name, double fallback) const;
    /// `--name a` where a must be one of `choices`.
    std::string choice(const std::string &name, const std::string &fallback,
                       const std::vector<std::string> &choices) const;

private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
};

} // namespace fs::cli
