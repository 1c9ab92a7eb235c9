#pragma once
// The sparse matrix type shared by every core library.
//
// Eigen's compressed-column matrix is used directly rather than a home-grown CSR/CSC class: it
// interoperates with Eigen's solvers and its arrays can be viewed by CHOLMOD without a copy.

#include <Eigen/SparseCore>

#include <cstdint>
#include <vector>

namespace fs::sparse {

using Index = int; ///< Row/column index type (CHOLMOD's int interface).
using Matrix = Eigen::SparseMatrix<double, Eigen::ColMajor, Index>;
using Triplet = Eigen::Triplet<double, Index>;
using Vector = Eigen::VectorXd;

/// True when A is square and A(i,j) == A(j,i) up to `rel_tol * max|A|` for every stored entry.
bool is_symmetric(const Matrix &A, double rel_tol = 0.0);

/// Largest |A(i,j) - A(j,i)| relative to max|A| (0 for an empty matrix; +inf when not square).
double symmetry_defect(const Matrix &A);

/// Lower triangle (diagonal included) of A.
Matrix lower_triangle(const Matrix &A);

/// The structural pattern of A (power 1) or of A² (power 2) with every value 1, compressed: the
/// product is taken of the all-ones pattern, so no entry vanishes by cancellation. Throws
/// std::invalid_argument for another power or a non-square A with power 2.
Matrix pattern_power(const Matrix &A, int power);

/// P A Pᵀ for perm[k] = original index of the row/column placed at position k (both triangles
/// kept, compressed).
Matrix permute_symmetric(const Matrix &A, const std::vector<Index> &perm);

/// x_perm[k] = x[perm[k]], and its inverse, for moving vectors between orderings.
Vector permute_vector(const Vector &x, const std::vector<Index> &perm);
Vector unpermute_vector(const Vector &xp, const std::vector<Index> &perm);

} // namespace fs::sparse
