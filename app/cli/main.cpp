// factorscope-cli: the numerics of FactorScope from the command line.
#include "cli/cli_args.h"
#include "cli/commands.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

namespace {

void usage(std::ostream &os)
{
    os << "usage: factorscope-cli <command> [options] [--json]\n\ncommands:\n";
    for (const auto &c : fs::cli::commands())
        os << "  " << c.name << std::string(12 - std::min<std::size_t>(11, std::strlen(c.name)), ' ')
           << c.summary << '\n';
    os << "\n'factorscope-cli COMMAND --help' lists the options of a command.\n"
          "Indices are 1-based. Bad input: one 'error: ...' line on stderr, exit status 2.\n";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(std::cerr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(std::cout);
        return 0;
    }
    for (const auto &c : fs::cli::commands()) {
        if (name != c.name)
            continue;
        try {
            return c.run(fs::cli::Argv(argv + 2, argv + argc));
        } catch (const std::bad_alloc &) {
            std::cerr << "error: out of memory\n";
            return 2;
        } catch (const std::exception &e) {
            std::cerr << "error: " << e.what() << '\n';
            return 2;
        }
    }
    std::cerr << "error: unknown command '" << name << "' (try factorscope-cli --help)\n";
    return 2;
}
