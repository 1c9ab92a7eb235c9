#pragma once
// The wording of CLI11's parse errors in FactorScope's programs: one line that names the option
// or argument at fault, like the messages of their own checks.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace fs::app {

/// The message for e, thrown by app.parse(args); `args` in command-line order.
inline std::string parse_error_message(const CLI::App &app, const std::vector<std::string> &args,
                                       const CLI::ParseError &e)
{
    const auto nameOf = [](const std::string &word) { return word.substr(0, word.find('=')); };
    const auto optionOf = [&](const std::string &word) -> const CLI::Option * {
        return word.rfind("--", 0) == 0 ? app.get_option_no_throw(nameOf(word)) : nullptr;
    };
    if (dynamic_cast<const CLI::ExtrasError *>(&e)) {
        const std::vector<std::string> rest = app.remaining();
        if (!rest.empty()) {
            const std::string &word = rest.front();
            if (word.size() > 1 && word[0] == '-')
                return "unknown option " + nameOf(word);
            return "unexpected argument '" + word + "'";
        }
    } else if (dynamic_cast<const CLI::ArgumentMismatch *>(&e)) {
        // Either a valued option came last (its value is missing) or a flag was given `=value`.
        if (!args.empty()) {
            const CLI::Option *o = optionOf(args.back());
            if (o && o->get_items_expected_max() > 0)
                return "option " + nameOf(args.back()) + " needs a value";
        }
        for (const std::string &word : args) {
            const CLI::Option *o = optionOf(word);
            if (o && o->get_items_expected_max() == 0 && word.find('=') != std::string::npos)
                return "option " + nameOf(word) + " takes no value";
        }
    }
    return e.what();
}

} // namespace fs::app
