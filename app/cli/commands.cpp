#include "cli/commands.h"

namespace fs::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {"info", "size, nonzeros and symmetry of a Matrix Market file", &cmd_info},
    };
    return table;
}

} // namespace fs::cli
