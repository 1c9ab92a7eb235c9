#pragma once
// The subcommands of factorscope-cli. Each lives in its own cmd_<name>.cpp and returns the exit
// status; bad input is thrown as UsageError or a core error and turned into `error: …` by main.

#include <string>
#include <vector>

namespace fs::cli {

using Argv = std::vector<std::string>;

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const Argv &args);
};

int cmd_info(const Argv &args);
int cmd_generate(const Argv &args);
int cmd_perturb(const Argv &args);
int cmd_factor(const Argv &args);
int cmd_pcg(const Argv &args);
int cmd_dataset(const Argv &args);
int cmd_bench(const Argv &args);
int cmd_experiment(const Argv &args);
int cmd_bound(const Argv &args);
int cmd_submit(const Argv &args);

/// The table main() dispatches on (defined in commands.cpp).
const std::vector<Command> &commands();

} // namespace fs::cli
