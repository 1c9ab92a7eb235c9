#pragma once
// Where factorscope-cli finds its siblings and its data: next to its own executable (an
// installation, or the build tree), else PATH; the bundled benchmark in ../share/factorscope or
// the source tree.

#include <string>

namespace fs::cli {

/// The executable `name` next to factorscope-cli (same folder, ../, ../train/, ../app/) or on
/// PATH; empty when there is none.
std::string find_tool(const std::string &name);

/// prefix/share/factorscope/benchmark when installed, else the source tree's resources/benchmark.
std::string bundled_benchmark_dir();

} // namespace fs::cli
