#pragma once
// Shared by `generate` and `perturb --generator`: builds a generated matrix from CLI options.

#include "cli/cli_args.h"
#include "sparse/generators.h"

#include <cstdint>
#include <optional>
#include <string>

namespace fs::cli {

/// The generator parameters as given on the command line (an absent size: see generated_from_args).
struct GeneratorArgs {
    std::optional<sparse::Index> n, nx, ny, nz;
    std::uint64_t seed = 1;
    int degree = 4;
    double shift = 1.0;
    sparse::SemiseparableParams semiseparable; ///< --growth, --spread
    sparse::RandomFieldParams field;           ///< --sigma, --length
};

/// Declares --n, --nx/--ny/--nz, --seed, --degree, --shift, --growth, --spread, --sigma, --length.
void add_generator_options(Options &opts, GeneratorArgs &g);

/// The generator KIND with the parameters of g (--n is the grid side of diffusion2d and
/// biharmonic2d; --ny and --nz default to --nx, which defaults to --n). Throws UsageError for an
/// unknown kind or a missing/invalid parameter.
sparse::GeneratedMatrix generated_from_args(const std::string &kind, const GeneratorArgs &g);

} // namespace fs::cli
