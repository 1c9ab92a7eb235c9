#pragma once
// How much of a PCG iteration count is rounding noise. On ill-conditioned matrices two factors
// that agree to 1e-12 can take visibly different iteration counts; a comparison decided by such a
// difference is not a finding. This reruns PCG with the preconditioner's stored values multiplied
// by (1 + rel ξ), ξ uniform in [-1, 1] from a seeded generator (symmetric entries of a symmetric
// preconditioner keep their symmetry), and reports the range of counts.

#include "precond/pcg.h"
#include "precond/setup.h"

#include <cstdint>
#include <memory>

namespace fs::precond {

struct NoiseOptions {
    int runs = 4;              ///< perturbed reruns (the unperturbed count is always included)
    double relative = 1e-12;   ///< size of the perturbation of each stored value
    std::uint64_t seed = 1;
};

struct NoiseRange {
    int min = 0;
    int max = 0;
    int runs = 0;              ///< perturbed reruns performed
    bool all_converged = true; ///< every rerun (and the unperturbed run) converged
};

/// A copy of `built`'s preconditioner with its values perturbed as described above; null when
/// there is nothing to perturb (no preconditioner, or a construction that broke down). `A` gives
/// the diagonal for Jacobi.
std::unique_ptr<Preconditioner> perturbed_preconditioner(const sparse::Matrix &A, const BuiltPreconditioner &built,
                                                         double relative, std::uint64_t seed);

/// Range of iteration counts of PCG on A x = b over the unperturbed run `base` and options.runs
/// perturbed reruns (seeds options.seed, options.seed + 1, ...). For kind None the range is the
/// base count alone. Throws Cancelled from pcg.
NoiseRange noise_range(const sparse::Matrix &A, const sparse::Vector &b, const BuiltPreconditioner &built,
                       const PcgResult &base, const PcgOptions &pcg_options, const NoiseOptions &options = {});

} // namespace fs::precond
