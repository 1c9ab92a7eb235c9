#pragma once
// Sparse approximate inverse on the pattern of A (the SPAI baseline of [P2]): M minimises
// ||A M - I||_F with M(:,k) restricted to the stored pattern of A(:,k). The columns decouple into
// small dense least-squares problems over the rows they touch.
//
// M is not symmetric in general. For PCG, which needs a symmetric preconditioner, use
// spai_symmetric(): (M + M^T)/2. That matrix can still be indefinite for hard problems; PCG then
// reports PcgFailure::IndefinitePreconditioner instead of iterating on nonsense.

#include "sparse/matrix.h"

#include <functional>
#include <span>
#include <stop_token>

namespace fs::precond {

struct SpaiOptions {
    int threads = 0; ///< worker threads for the column problems; 0 = hardware concurrency
    /// The pattern of M: that of A (1) or of A² (2, the usual next level of SPAI patterns: more
    /// nonzeros, a smaller ||A M - I||_F since the feasible set grows).
    int pattern_power = 1;
    std::function<void(double)> progress;
    std::stop_token cancel; ///< a requested stop throws Cancelled
};

struct SpaiResult {
    sparse::Matrix M;        ///< the approximate inverse, pattern of A (or A², see pattern_power)
    double residual_fro = 0; ///< ||A M - I||_F
};

/// SPAI of a square A (any storage; the full stored pattern of each column is used). Each column
/// is solved by column-pivoted Householder QR, so a rank-deficient column problem still gets a
/// least-squares solution (a basic one, not the minimum-norm one). Throws NotSpd(NotSquare) for a
/// non-square A, std::invalid_argument for a pattern_power other than 1 or 2, Cancelled on cancel.
SpaiResult spai(const sparse::Matrix &A, const SpaiOptions &options = {});

/// Recomputes only the columns `columns` of an SPAI M of A in place; M must have the stored pattern
/// of A (as spai(A).M does). Column k of M depends only on the columns of A in the pattern of
/// A(:,k), so after a change of A that keeps its pattern, recomputing the columns whose pattern
/// meets the changed columns gives exactly spai(A).M. Throws std::invalid_argument when the
/// patterns differ, std::out_of_range for a bad column, NotSpd(NotSquare) and Cancelled as spai().
void spai_columns(const sparse::Matrix &A, std::span<const sparse::Index> columns, sparse::Matrix &M,
                  const SpaiOptions &options = {});

/// (M + M^T) / 2, the symmetric preconditioner PCG applies.
sparse::Matrix spai_symmetric(const sparse::Matrix &M);

/// ||I - A R||_F for any approximate inverse R of A (the quantity SPAI minimises column by column;
/// = ||I - R^T A||_F for symmetric A), by one sparse product.
double inverse_residual_fro(const sparse::Matrix &A, const sparse::Matrix &R);

} // namespace fs::precond
