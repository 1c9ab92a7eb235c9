#pragma once
// SPD checks and the exact Cholesky factor the other preconditioners are compared with.

#include "sparse/matrix.h"

namespace fs::precond {

/// Throws NotSpd unless A is square, symmetric to `symmetry_tol` (relative to max|A|, as
/// sparse::symmetry_defect) and positive definite (a sparse Cholesky with AMD ordering succeeds).
void require_spd(const sparse::Matrix &A, double symmetry_tol = 1e-12);

/// Exact Cholesky factor of A in natural ordering (A = L L^T, lower triangle of A read), as a
/// compressed lower-triangular matrix with the diagonal first in each column. Throws NotSpd.
sparse::Matrix cholesky_natural(const sparse::Matrix &A);

/// log det A through a sparse Cholesky (AMD ordering; lower triangle read). Throws NotSpd.
double logdet_spd(const sparse::Matrix &A);

/// Sum of log|L_ii| of a triangular matrix (its log |det|).
double logabsdet_triangular(const sparse::Matrix &L);

} // namespace fs::precond
