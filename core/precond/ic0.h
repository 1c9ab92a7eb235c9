#pragma once
// Incomplete Cholesky with zero fill: L has exactly the stored pattern of tril(A).

#include "sparse/matrix.h"

namespace fs::precond {

struct Ic0Result {
    /// Lower-triangular factor with the pattern of tril(A) (explicit zeros of A stay in the
    /// pattern). Empty (0 x 0) when the factorisation broke down.
    sparse::Matrix L;
    bool ok = false;
    /// 0-based column whose pivot failed, -1 when ok.
    int breakdown_column = -1;
    /// The failing pivot d = A_kk - sum_j L_kj^2 (before the square root): <= 0 or not finite.
    double pivot = 0.0;
};

/// IC(0) of the SPD matrix A. Only the lower triangle of A is read, so full symmetric or
/// lower-only storage both work. A breakdown (pivot <= 0 or not finite) is reported in the result,
/// never thrown. Throws NotSpd(NotSquare) for a non-square A. Cost O(sum_k |row k of L|^2).
Ic0Result ic0(const sparse::Matrix &A);

/// ic0(A) when columns 0..start-1 of the result are known: `base` is the IC(0) factor of a matrix
/// with the pattern of A that equals A in those columns of tril(A) (column k of IC(0) depends only
/// on columns 0..k of tril(A)). They are copied and the others recomputed: the result equals
/// ic0(A) bit for bit. What the live perturbation view uses after A(p, q) changes (start = min(p, q)).
/// Throws std::invalid_argument when base does not have the pattern of tril(A).
Ic0Result ic0_from_column(const sparse::Matrix &A, const sparse::Matrix &base, int start);

} // namespace fs::precond
