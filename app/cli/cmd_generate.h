#pragma once
// Shared by `generate` and `perturb --generator`: builds a generated matrix from CLI options.

#include "cli/cli_args.h"
#include "sparse/generators.h"

#include <map>
#include <optional>
#include <string>

namespace fs::cli {

/// The generator options as typed, by option name; read against the chosen generator's spec.
struct GeneratorArgs {
    std::map<std::string, std::optional<std::string>> given;
};

/// Declares one option per parameter of sparse::generator_parameters() (and each alias).
void add_generator_options(Options &opts, GeneratorArgs &g);

/// The generator KIND (sparse::find_generator: a canonical name or an alias) with its parameters
/// from g (--n is the grid side of diffusion2d and biharmonic2d), defaults and ranges from its
/// spec. Throws UsageError for an unknown kind or a missing/invalid parameter.
sparse::GeneratedMatrix generated_from_args(const std::string &kind, const GeneratorArgs &g);

} // namespace fs::cli
