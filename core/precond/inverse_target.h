#pragma once
// The targets of the generative model (GCVAE): a sparse approximate inverse of A on a fixed
// pattern, either SPAI's R (argmin ‖A R − I‖_F, not symmetric) or the FSAI factor G (lower
// triangular, M⁻¹ = GᵀG, SPD whenever A is).

#include "sparse/matrix.h"

#include <string_view>

namespace fs::precond {

/// target "spai" → spai(A).M, "fsai" → fsai(A) on the pattern of A (pattern 1) or A² (2), with
/// `threads` workers (0: all cores). Throws std::invalid_argument for another target or pattern,
/// and what spai() / fsai() throw.
sparse::Matrix inverse_target(const sparse::Matrix &A, std::string_view target, int pattern, int threads = 0);

} // namespace fs::precond
