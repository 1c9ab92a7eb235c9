#pragma once
// The O(n) Cholesky recurrence for SPD tridiagonal matrices (brief §2), with a forward-error
// estimate and a cross-check in extended precision: quadruple (__float128, 113 bits) by default,
// or double-double (QD's dd_real, 106 bits, several times faster) where the recurrence runs on every
// step of a dragged slider.
//
// d_1 = A_11, d_i = A_ii - A_{i,i-1}² / d_{i-1}, L_ii = sqrt(d_i), L_{i,i-1} = A_{i,i-1} / L_{i-1,i-1}.

#include "factor/factor_error.h"
#include "sparse/matrix.h"

#include <string>

namespace fs::factor {

/// A lower-bidiagonal factor with its accuracy assessment.
struct TridiagonalFactor {
    sparse::Vector diag; ///< L_ii
    sparse::Vector sub;  ///< L_{i+1,i} (length n-1)
    /// Estimated relative forward error of the pivots d_i (max over the rows computed), propagated
    /// along the recurrence: the error of d_{i-1} is amplified by A_{i,i-1}²/(d_{i-1} d_i) per step,
    /// and each step adds the rounding of the data (A is known only to double precision) and of
    /// the arithmetic. First order: values above ~1 mean "no correct digit".
    double error_estimate = 0.0;
    /// Largest relative difference between the double and the extended-precision pivots.
    double quad_discrepancy = 0.0;
    bool reliable = true; ///< error_estimate and quad_discrepancy both within the tolerance
    std::string warning;  ///< why the result is not reliable (empty when it is)

    /// L as a sparse lower-bidiagonal matrix.
    sparse::Matrix to_matrix() const;
};

/// True when A is square with no nonzero farther than one place from the diagonal.
bool is_tridiagonal(const sparse::Matrix &A);

/// The extended precision of the cross-check.
enum class CrossCheck { Quadruple, DoubleDouble };

/// Runs the recurrence on the tridiagonal matrix with diagonal `a_diag` and subdiagonal `a_sub`
/// (a_sub[i] = A_{i+1,i}), in double and in the extended precision `check`. Rows from `start` (0-based) on are computed;
/// when start > 0, `prev_diag` is the known L_{start-1,start-1} the recurrence continues from, and
/// rows before `start` of the result are left 0 for the caller to fill. Throws NotPositiveDefinite
/// when a pivot is not positive even in the extended precision; when only the double recurrence
/// breaks down, the extended-precision values are returned, flagged unreliable.
TridiagonalFactor tridiagonal_cholesky(const sparse::Vector &a_diag, const sparse::Vector &a_sub,
                                       Index start = 0, double prev_diag = 0.0,
                                       double tolerance = 1e-8, CrossCheck check = CrossCheck::Quadruple);

/// Convenience overload for a tridiagonal sparse matrix (throws std::invalid_argument otherwise).
TridiagonalFactor tridiagonal_cholesky(const sparse::Matrix &A, double tolerance = 1e-8);

} // namespace fs::factor
