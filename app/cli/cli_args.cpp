#include "cli/cli_args.h"

#include <charconv>
#include <cmath>

namespace fs::cli {

Args::Args(const std::vector<std::string> &argv, const std::set<std::string> &valued,
           const std::set<std::string> &flags)
{
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string &a = argv[i];
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name.resize(eq);
            }
            if (flags.count(name)) {
                if (inlineValue)
                    throw UsageError("option --" + name + " takes no value");
                m_flags.insert(name);
            } else if (valued.count(name)) {
                if (inlineValue) {
                    m_values[name] = *inlineValue;
                } else {
                    if (i + 1 >= argv.size())
                        throw UsageError("option --" + name + " needs a value");
                    m_values[name] = argv[++i];
                }
            } else {
                throw UsageError("unknown option --" + name);
            }
        } else {
            m_positional.push_back(a);
        }
    }
}

std::optional<std::string> Args::value(const std::string &name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::string Args::value(const std::string &name, const std::string &fallback) const
{
    return value(name).value_or(fallback);
}

long long Args::integer(const std::string &name, long long fallback, long long min, long long max) const
{
    auto v = value(name);
    if (!v)
        return fallback;
    long long out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size())
        throw UsageError("--" + name + " expects an integer, got '" + *v + "'");
    if (out < min || out > max)
        throw UsageError("--" + name + " must lie in " + std::to_string(min) + ".." + std::to_string(max));
    return out;
}

double Args::real(const std::string &name, double fallback) const
{
    auto v = value(name);
    if (!v)
        return fallback;
    double out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size() || !std::isfinite(out))
        throw UsageError("--" + name + " expects a finite number, got '" + *v + "'");
    return out;
}

std::string Args::choice(const std::string &name, const std::string &fallback,
                         const std::vector<std::string> &choices) const
{
    const std::string v = value(name, fallback);
    for (const auto &c : choices)
        if (c == v)
            return v;
    std::string list;
    for (const auto &c : choices)
        list += (list.empty() ? "" : "|") + c;
    throw UsageError("--" + name + " must be one of " + list + ", got '" + v + "'");
}

} // namespace fs::cli
