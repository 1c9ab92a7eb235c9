#pragma once
// Shared by `generate` and `perturb --generator`: builds a generated matrix from CLI options.

#include "cli/cli_args.h"
#include "sparse/generators.h"

#include <set>
#include <string>

namespace fs::cli {

/// The valued options generated_from_args() reads: every parameter of sparse::generator_specs().
const std::set<std::string> &generator_options();

/// The generator KIND (sparse::find_generator: a canonical name or an alias) with its parameters
/// from args (--n, --nx/--ny/--nz, --seed, --degree, --shift, --growth, --spread, --sigma,
/// --length; --n is the grid side of diffusion2d and biharmonic2d), defaults and ranges from its
/// spec. Throws UsageError for an unknown kind or a missing/invalid parameter.
sparse::GeneratedMatrix generated_from_args(const std::string &kind, const Args &args);

} // namespace fs::cli
