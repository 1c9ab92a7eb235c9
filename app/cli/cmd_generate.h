#pragma once
// Shared by `generate` and `perturb --generator`: builds a generated matrix from CLI options.

#include "cli/cli_args.h"
#include "sparse/generators.h"

#include <set>
#include <string>

namespace fs::cli {

/// The valued options generated_from_args() reads.
const std::set<std::string> &generator_options();

/// The generator KIND with parameters from args (--n, --nx/--ny/--nz, --seed, --degree, --shift,
/// --growth, --spread, --sigma, --length; --n is the grid side of diffusion2d and biharmonic2d).
/// Throws UsageError for an unknown kind or a missing/invalid parameter.
sparse::GeneratedMatrix generated_from_args(const std::string &kind, const Args &args);

} // namespace fs::cli
