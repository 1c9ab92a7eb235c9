#include "cli/cli_args.h"

#include "common/parse_error.h"

#include <charconv>
#include <cmath>
#include <iostream>
#include <sstream>

namespace fs::cli {

double parse_real(const std::string &name, const std::string &text)
{
    double out = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(out))
        throw UsageError("--" + name + " expects a finite number, got '" + text + "'");
    return out;
}

std::vector<std::string> split_list(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

std::string shell_quote(const std::string &s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

long long parse_integer(const std::string &name, const std::string &text, long long min, long long max)
{
    long long out = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || p != text.data() + text.size())
        throw UsageError("--" + name + " expects an integer, got '" + text + "'");
    check_range(name, out, min, max);
    return out;
}

void check_range(const std::string &name, long long value, long long min, long long max)
{
    if (value < min || value > max)
        throw UsageError("--" + name + " must lie in " + std::to_string(min) + ".." + std::to_string(max));
}

Options::Options(const std::string &command, const std::string &summary)
    : m_app(summary, "factorscope-cli " + command)
{
    // Values are checked by the callbacks below (UsageError), so CLI11 only splits the words.
    m_app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)->disable_flag_override();
    m_app.footer("Indices are 1-based. Bad input: one 'error: ...' line on stderr, exit status 2.");
}

const std::vector<std::string> &Options::positionals(const std::string &name, const std::string &help)
{
    m_app.add_option(name, m_positionals, help)->type_name("");
    return m_positionals;
}

CLI::Option *Options::add(const std::string &name, std::function<void(const std::string &)> assign,
                          const std::string &help)
{
    return m_app.add_option(
        "--" + name,
        [assign = std::move(assign)](const CLI::results_t &values) {
            assign(values.back());
            return true;
        },
        help);
}

CLI::Option *Options::flag(const std::string &name, bool &target, const std::string &help)
{
    return m_app.add_flag("--" + name, target, help);
}

CLI::Option *Options::text(const std::string &name, std::optional<std::string> &target, const std::string &help)
{
    return add(name, [&target](const std::string &v) { target = v; }, help)->type_name("TEXT");
}

CLI::Option *Options::texts(const std::string &name, std::vector<std::string> &target, const std::string &help)
{
    CLI::Option *o = m_app.add_option(
        "--" + name,
        [&target](const CLI::results_t &values) {
            target.insert(target.end(), values.begin(), values.end());
            return true;
        },
        help);
    return o->type_name("TEXT")->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
}

CLI::Option *Options::real(const std::string &name, double &target, const std::string &help)
{
    CLI::Option *o = add(name, [&target, name](const std::string &v) { target = parse_real(name, v); }, help);
    o->type_name("X");
    std::ostringstream os;
    os << target;
    return o->default_str(os.str());
}

CLI::Option *Options::real(const std::string &name, std::optional<double> &target, const std::string &help)
{
    return add(name, [&target, name](const std::string &v) { target = parse_real(name, v); }, help)
        ->type_name("X");
}

CLI::Option *Options::choice(const std::string &name, std::string &target, const std::vector<std::string> &choices,
                             const std::string &help)
{
    std::string list;
    for (const auto &c : choices)
        list += (list.empty() ? "" : "|") + c;
    CLI::Option *o = add(
        name,
        [&target, name, choices, list](const std::string &v) {
            for (const auto &c : choices)
                if (c == v) {
                    target = v;
                    return;
                }
            throw UsageError("--" + name + " must be one of " + list + ", got '" + v + "'");
        },
        help);
    o->type_name(list);
    if (!target.empty())
        o->default_str(target);
    return o;
}

bool Options::given(const std::string &name) const
{
    return m_app.count("--" + name) > 0;
}

bool Options::parse(const Argv &args)
{
    try {
        m_app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
        return true;
    } catch (const CLI::CallForHelp &) {
        std::cout << m_app.help();
        return false;
    } catch (const CLI::ParseError &e) {
        throw UsageError(app::parse_error_message(m_app, args, e));
    }
}

} // namespace fs::cli
