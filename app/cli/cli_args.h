#pragma once
// The options of one factorscope-cli command, declared on a CLI11 app with the conventions of the
// program: `--name value` or `--name=value` (the last one given wins), flags take no value,
// integers and reals are read strictly (decimal, the whole text), and every bad usage is a
// UsageError, which main() prints as one `error: …` line with exit status 2.

#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace fs::cli {

/// Bad usage or bad input: printed as one `error: …` line, exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The text of --name as a finite number; UsageError otherwise.
double parse_real(const std::string &name, const std::string &text);
/// The text of --name as an integer in min..max; UsageError otherwise.
long long parse_integer(const std::string &name, const std::string &text, long long min, long long max);
/// The non-empty items of a comma-separated list ("a,b,,c" → a, b, c).
std::vector<std::string> split_list(const std::string &text);
/// `s` in single quotes for a POSIX shell, quotes inside escaped.
std::string shell_quote(const std::string &s);
/// min <= value <= max, else UsageError "--name must lie in min..max".
void check_range(const std::string &name, long long value, long long min, long long max);

class Options {
public:
    /// `command` as typed after factorscope-cli ("info", "dataset spai"); `summary` heads --help.
    Options(const std::string &command, const std::string &summary);

    /// Every positional argument, in order; the command checks how many it got.
    const std::vector<std::string> &positionals(const std::string &name, const std::string &help);

    // Each of these sets `target` when --name is given and leaves it alone otherwise; a target that
    // is not an optional is shown in --help as the default.
    CLI::Option *flag(const std::string &name, bool &target, const std::string &help);
    CLI::Option *text(const std::string &name, std::optional<std::string> &target, const std::string &help);
    /// A text option that may be given several times; each occurrence is appended to `target`.
    CLI::Option *texts(const std::string &name, std::vector<std::string> &target, const std::string &help);
    /// An integer in min..max (T integral, or an optional of one).
    template <typename T>
    CLI::Option *integer(const std::string &name, T &target, long long min, long long max, const std::string &help);
    /// A finite number.
    CLI::Option *real(const std::string &name, double &target, const std::string &help);
    CLI::Option *real(const std::string &name, std::optional<double> &target, const std::string &help);
    /// One of `choices`.
    CLI::Option *choice(const std::string &name, std::string &target, const std::vector<std::string> &choices,
                        const std::string &help);

    /// Whether --name was given.
    bool given(const std::string &name) const;

    /// Reads `args` (the words after the command). False when --help was asked for: the help is on
    /// stdout and the command returns 0. Bad usage throws UsageError.
    [[nodiscard]] bool parse(const Argv &args);

private:
    CLI::Option *add(const std::string &name, std::function<void(const std::string &)> assign,
                     const std::string &help);

    CLI::App m_app;
    std::vector<std::string> m_positionals;
};

namespace detail {
template <typename T> struct Unwrap {
    using type = T;
    static constexpr bool optional = false;
};
template <typename T> struct Unwrap<std::optional<T>> {
    using type = T;
    static constexpr bool optional = true;
};
} // namespace detail

template <typename T>
CLI::Option *Options::integer(const std::string &name, T &target, long long min, long long max,
                              const std::string &help)
{
    using Value = typename detail::Unwrap<T>::type;
    static_assert(std::is_integral_v<Value>);
    CLI::Option *o = add(
        name, [&target, name, min, max](const std::string &v) { target = Value(parse_integer(name, v, min, max)); },
        help);
    o->type_name("INT");
    if constexpr (!detail::Unwrap<T>::optional)
        o->default_str(std::to_string(target));
    return o;
}

} // namespace fs::cli
