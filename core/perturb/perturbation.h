#pragma once
// The perturbation engine (brief §3-4): A ← A + δ(e_p e_qᵀ + e_q e_pᵀ) (δ e_p e_pᵀ when p == q;
// p, q 0-based), the resulting change ΔL of a triangular factor, and its locality profile.
//
// Three ways to obtain the two factors share one result type:
//  - CholeskyPerturbation: a live exact Cholesky factor modified by CHOLMOD update/downdate
//    (only the columns on an elimination-tree path are touched and diffed);
//  - perturb_tridiagonal: the O(n) recurrence, optionally starting from a generator's exact factor
//    (the only correct unperturbed factor of the counterexample of [P1]);
//  - perturb_from_scratch: any factor function (IC(0), K-optimal, ...) applied to A and A'.

#include "factor/cholesky.h"
#include "perturb/delta.h"

#include <functional>
#include <string>

namespace fs::perturb {

using sparse::Ordering;

struct PerturbationResult {
    FactorDelta delta;           ///< ΔL, diagonal difference, locality profile (factor order)
    std::vector<Index> perm;     ///< factor row k = row perm[k] of A; empty means the identity
    Index new_entries = 0;       ///< structural entries added to L (fill from a structural zero)
    bool pattern_changed = false;///< the perturbed entry was a structural zero of A
    bool reliable = true;        ///< ΔL can be trusted to about the tolerance (1e-8)
    double error_estimate = 0.0; ///< estimated relative error of the factors
    std::string warning;         ///< why not reliable (empty when reliable)
};

/// True when A stores an entry (i, j) (possibly an explicit zero); false outside A.
bool is_stored(const sparse::Matrix &A, Index i, Index j);

/// The accuracy indicator of factors recomputed or updated without an exact condition estimate:
/// error_estimate = u·max(L_kk²)/min(L_kk²) over both factors (a lower bound of u·cond(A) for exact
/// Cholesky, a rough one for incomplete factors); unreliable with its warning above `tolerance`.
void assess_pivot_spread(PerturbationResult &r, const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                         double tolerance = 1e-8);

/// A + δ(e_p e_qᵀ + e_q e_pᵀ) (δ e_p e_pᵀ when p == q). Throws std::out_of_range for bad indices.
sparse::Matrix perturbed(const sparse::Matrix &A, Index p, Index q, double delta);

/// An accepted modification of the live factor with its accuracy assessment (no ΔL yet).
struct LiveModification {
    factor::FactorModification mod;
    bool reliable = true;
    double error_estimate = 0.0;
    std::string warning;
};

/// A matrix with its exact Cholesky factor, perturbed live by update/downdate.
class CholeskyPerturbation {
public:
    /// Factorises A (symmetric positive definite). Throws NotPositiveDefinite; for a tridiagonal A
    /// also when the recurrence finds it indefinite in quadruple precision, since a double-precision
    /// factorisation of such a matrix can "succeed" with a meaningless result.
    explicit CholeskyPerturbation(sparse::Matrix A, Ordering ordering = Ordering::Natural,
                                  double tolerance = 1e-8);

    /// Applies the perturbation to the matrix and the factor. A perturbation that would make the
    /// matrix indefinite (or singular to working precision) throws PerturbationRefused and leaves
    /// matrix and factor exactly as they were.
    PerturbationResult perturb(Index p, Index q, double delta);

    /// perturb() without ΔL: the changed columns before and after, for callers that diff against
    /// another state of the factor (the live engine diffs against the unperturbed factor).
    /// `reuse`: storage for the changed columns after (Cholesky::modify_symmetric).
    LiveModification modify(Index p, Index q, double delta, bool read_before = true,
                            factor::FactorColumns reuse = {});

    /// Replaces matrix and factor by a fresh factorisation of `A` (same ordering), discarding the
    /// rounding that many updates and downdates accumulate. Throws NotPositiveDefinite.
    void refactor(const sparse::Matrix &A);

    /// Undoes a modification exactly: the factor columns `saved` (FactorModification::saved) are
    /// written back, A(p, q) and its mirror get `value` again and the condition bound `cond`.
    void restore(const factor::SavedColumns &saved, Index p, Index q, double value, double cond);
    std::int64_t factor_nonzeros() const { return m_chol.factor_nonzeros(); }

    const sparse::Matrix &matrix() const { return m_A; }
    /// The current factor L of P A Pᵀ.
    sparse::Matrix factor() const { return m_chol.factor(); }
    const std::vector<Index> &permutation() const { return m_chol.permutation(); }
    /// Current bound on the 1-norm condition number of the matrix (estimate at factorisation,
    /// multiplied by the eigenvalue spread each accepted perturbation can cause, and estimated
    /// afresh whenever that bound alone would make results unreliable).
    double condition_estimate() const { return m_cond; }

private:
    void assess(LiveModification &r, double cond) const;

    sparse::Matrix m_A;
    factor::Cholesky m_chol;
    double m_tolerance;
    double m_cond = 1.0;
    int m_sinceEstimate = 0; ///< perturbations since the last fresh condition estimate
    double m_extraError = 0.0; ///< error estimate of a tridiagonal pre-check, when A is tridiagonal
    std::string m_extraWarning;
};

/// Perturbation of a tridiagonal A on its tridiagonal pattern (|p - q| <= 1) through the O(n)
/// recurrence with its error estimate and quadruple-precision cross-check. With `exact_L` (a
/// generator's exact bidiagonal factor of A), that factor is the unperturbed one and the perturbed
/// one continues the recurrence from it at row max(p, q). Throws std::invalid_argument off the
/// tridiagonal pattern and NotPositiveDefinite when A (without exact_L) or A' is indefinite.
PerturbationResult perturb_tridiagonal(const sparse::Matrix &A, Index p, Index q, double delta,
                                       const sparse::Matrix *exact_L = nullptr,
                                       double tolerance = 1e-8);

/// A factor recomputed from scratch: returns lower-triangular L (natural order) for a matrix.
using FactorFunction = std::function<sparse::Matrix(const sparse::Matrix &)>;

/// Applies `factor` to A and to A' and diffs the results. The error estimate is the indicator
/// u·max(L_kk²)/min(L_kk²) (a lower bound of u·cond(A) for exact Cholesky; a rough one for
/// incomplete factors).
PerturbationResult perturb_from_scratch(const sparse::Matrix &A, Index p, Index q, double delta,
                                        const FactorFunction &factor, double tolerance = 1e-8);

} // namespace fs::perturb
