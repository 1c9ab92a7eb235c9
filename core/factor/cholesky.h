#pragma once
// Sparse Cholesky factorisation through CHOLMOD: analyse a pattern once, factorise many times, and
// modify the factor in place by symmetric single-entry perturbations (update/downdate).

#include "factor/factor_error.h"
#include "sparse/matrix.h"
#include "sparse/ordering.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace fs::factor {

/// Natural: the factor of A itself, L rows/columns in the order of A. Amd, NestedDissection: the
/// factor of P A Pᵀ with P from that ordering (plus postordering).
using sparse::Ordering;

struct CholeskyOptions {
    Ordering ordering = Ordering::Natural;
    /// Keep the factor as a simplicial LDLᵀ after each numeric factorisation, the only form
    /// CHOLMOD can update/downdate. Off: CHOLMOD's choice (supernodal LLᵀ for large fill),
    /// which is the fastest to factorise.
    bool modifiable = false;
};

/// Some columns of a factor, in factor order: column cols[k] has the row indices
/// rows[ptr[k] .. ptr[k+1]) (ascending, diagonal first) and the matching values, scaled as LLᵀ.
struct FactorColumns {
    std::vector<Index> cols;
    std::vector<Index> ptr{0};
    std::vector<Index> rows;
    std::vector<double> vals;
};

/// Columns of the modifiable factor as CHOLMOD stores them (simplicial LDLᵀ: D_j first, then the
/// unit-lower entries), in storage order, for Cholesky::restore_columns.
struct SavedColumns {
    std::vector<Index> cols;
    std::vector<Index> ptr{0};
    std::vector<Index> rows;
    std::vector<double> vals;
    std::uint64_t state = 0; ///< the factor state they were read from (private to Cholesky)
};

/// What modify_symmetric() changed: the affected columns before and after.
struct FactorModification {
    FactorColumns before;
    FactorColumns after;
    SavedColumns saved;     ///< the affected columns before, as stored (to undo the change exactly)
    Index new_entries = 0;  ///< structural entries the perturbation added to L (fill)
    double margin = 1.0;    ///< smallest eigenvalue of I + S Uᵀ A⁻¹ U (see PerturbationRefused)
    double max_eig = 1.0;   ///< largest eigenvalue of the same 2x2 (bounds the growth of cond A)
};

/// Eigenvalue range of I + S G for A' = A + U S Uᵀ, U = [e_p e_q], S = δ[[0,1],[1,0]] (δ for p = q)
/// and G = Uᵀ A⁻¹ U = [[gpp, gpq], [gpq, gqq]]: A' is positive definite iff `margin` > 0, and
/// cond(A') <= cond(A) · max_eig / margin.
struct PerturbationMargin {
    double margin = 1.0;
    double max_eig = 1.0;
};
PerturbationMargin perturbation_margin(double delta, double gpp, double gqq, double gpq, bool diagonal);

class Cholesky {
public:
    explicit Cholesky(CholeskyOptions options = {});
    ~Cholesky();
    Cholesky(Cholesky &&) noexcept;
    Cholesky &operator=(Cholesky &&) noexcept;
    Cholesky(const Cholesky &) = delete;
    Cholesky &operator=(const Cholesky &) = delete;

    /// Symbolic analysis of the pattern of A (square, symmetric; only its lower triangle is read).
    /// Throws FactorError.
    void analyze(const sparse::Matrix &A);

    /// Numeric factorisation of A, which must have the pattern given to analyze() (analyses first
    /// when nothing was analysed). Throws NotPositiveDefinite naming the failing column; the object
    /// then holds no factor.
    void factorize(const sparse::Matrix &A);

    /// True after a successful factorize().
    bool has_factor() const;

    /// Order of the factorised matrix.
    Index size() const;

    /// The factor L (lower triangular, positive diagonal) with P A Pᵀ = L Lᵀ.
    sparse::Matrix factor() const;

    /// perm[k] = row of A that is row k of P A Pᵀ (the identity for Ordering::Natural).
    const std::vector<Index> &permutation() const;

    /// Nonzeros in L (structural, diagonal included).
    std::int64_t factor_nonzeros() const;

    /// Estimate of the 1-norm condition number of A (Hager/Higham estimator, a few solves with
    /// the factor). `A` must be the matrix that was factorised. With `scaled` (the default) it is
    /// the condition number of D^-1/2 A D^-1/2, D = diag(A): the quantity that bounds the error of
    /// a Cholesky factor (Demmel 1989), blind to harmless diagonal scaling such as diag(1e99, 1e-99).
    double condition_estimate(const sparse::Matrix &A, bool scaled = true) const;

    /// Solves A x = b with the current factor.
    sparse::Vector solve(const sparse::Vector &b) const;

    /// Changes the factor from that of A to that of A + δ(e_p e_qᵀ + e_q e_pᵀ) (δ e_p e_pᵀ when
    /// p == q; p, q 0-based rows of A) by CHOLMOD update/downdate, touching only the columns on
    /// the elimination-tree paths from p and q. A perturbation that would leave the matrix
    /// indefinite, or shrink an eigenvalue by more than a factor `min_margin`, is refused with
    /// PerturbationRefused before the factor is touched. Throws FactorError if CHOLMOD fails
    /// midway (the factor is then invalid and must be recomputed).
    /// With `read_before` false, `before` and `saved` stay empty (a caller that keeps the columns
    /// from an earlier modification of the same state saves two passes over them). `reuse`: the
    /// `after` of an earlier modification, whose storage is filled again. The definiteness test of
    /// a state is kept, so modifying the same entry of a restored state again skips its solves.
    FactorModification modify_symmetric(Index p, Index q, double delta, double min_margin = 1e-12,
                                        bool read_before = true, FactorColumns reuse = {});

    /// Writes columns saved by modify_symmetric back, bit for bit: a saved entry gets its saved
    /// value, an entry fill has added since gets zero (it stays in the pattern). Undoes a
    /// modification exactly, where a reverse update/downdate would leave rounding behind.
    void restore_columns(const SavedColumns &saved);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fs::factor
