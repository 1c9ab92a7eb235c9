#pragma once
// Selected inversion: the entries of B = A^{-1} on the pattern of the Cholesky factor of A, from the
// factor itself by the Takahashi recurrences, in memory O(nnz(L)). This is what makes K-optimal
// factors (Algorithm 1 needs B only on blocks s_i × s_i, which lie on the factor's pattern) feasible
// for millions of rows instead of the few thousand a dense inverse allows.
//
// Why a simplicial LDLᵀ factor: the recurrence runs column by column over the factor's pattern, and
// CHOLMOD's simplicial form exposes exactly that (one sorted row list per column, D separate). The
// numeric factorisation itself is done supernodally (BLAS-speed) and then converted, which costs a
// copy of L.

#include "precond/kopt.h"
#include "precond/ordering.h"
#include "sparse/matrix.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <vector>

namespace fs::precond {

/// A needed entry of A^{-1} is not on the pattern the inverse subset was computed for — typically
/// because the factor and the preconditioner are in different orderings.
class PatternMismatch : public std::runtime_error {
public:
    PatternMismatch(int row, int col);
    int row() const noexcept { return m_row; }
    int col() const noexcept { return m_col; }

private:
    int m_row;
    int m_col;
};

struct SelinvOptions {
    Ordering ordering = Ordering::Natural;
    int threads = 0; ///< 0 = hardware concurrency
    std::function<void(double)> progress;
    std::stop_token cancel; ///< a requested stop throws Cancelled
};

/// A^{-1} on the pattern of the Cholesky factor of P A Pᵀ (P from the chosen ordering). Entries are
/// addressed in the permuted ordering by default (what K-optimal in that ordering needs).
class SelectedInverse final : public InverseEntries {
public:
    /// Factorises A (SPD, both triangles or the lower one stored) and runs the selected inversion.
    /// Throws NotSpd when A is not positive definite, Cancelled on cancel.
    static SelectedInverse compute(const sparse::Matrix &A, const SelinvOptions &options = {});

    int size() const { return m_n; }
    std::int64_t nonZeros() const { return static_cast<std::int64_t>(m_rows.size()); }
    Ordering ordering() const { return m_ordering; }
    /// perm()[k] = original index of the k-th row/column in the factor's ordering.
    const std::vector<int> &perm() const { return m_perm; }
    /// A permuted into the factor's ordering (P A Pᵀ), as used by K-optimal in that ordering.
    sparse::Matrix permuted(const sparse::Matrix &A) const;
    /// Seconds spent in the symbolic analysis (ordering), the numeric factorisation and the
    /// inversion proper.
    double analyzeSeconds() const { return m_analyzeSeconds; }
    double factorSeconds() const { return m_factorSeconds; }
    double inversionSeconds() const { return m_inversionSeconds; }

    /// B(i, j) in the factor's ordering; throws PatternMismatch when (i, j) is not on the pattern.
    double entry(int i, int j) const;
    /// Lower triangle of B on the pattern, in the factor's ordering, as a sparse matrix.
    sparse::Matrix toSparse() const;

    /// gather() in the factor's (permuted) ordering.
    void gather(std::span<const int> rows, Eigen::MatrixXd &out) const override;

    /// An adapter that takes indices in the matrix's original ordering and translates them; the
    /// pairs K-optimal needs in the original ordering are generally *not* on a reordered factor's
    /// pattern, and the adapter reports that with PatternMismatch instead of reading zero.
    std::unique_ptr<InverseEntries> inOriginalIndices() const;

    SelectedInverse(SelectedInverse &&) noexcept = default;
    SelectedInverse &operator=(SelectedInverse &&) noexcept = default;

private:
    SelectedInverse() = default;
    /// Position of row i within column j's storage, or -1.
    std::int64_t find(int i, int j) const;

    int m_n = 0;
    Ordering m_ordering = Ordering::Natural;
    std::vector<int> m_perm;
    std::vector<std::int64_t> m_colPtr; ///< column starts (diagonal first, rows ascending)
    std::vector<int> m_rows;
    std::vector<double> m_values; ///< B on the pattern
    double m_analyzeSeconds = 0;
    double m_factorSeconds = 0;
    double m_inversionSeconds = 0;
};

/// K-optimal factor computed from the selected inverse, in the given ordering.
struct OrderedKopt {
    sparse::Matrix L;      ///< lower triangular with the pattern of tril(P A Pᵀ)
    std::vector<int> perm; ///< perm[k] = original index of position k (identity for Natural)
    Ordering ordering = Ordering::Natural;
    std::int64_t factor_nonzeros = 0; ///< nnz of the Cholesky factor the inverse subset lives on
    double analyze_seconds = 0;
    double factor_seconds = 0;
    double inversion_seconds = 0;
    double kopt_seconds = 0;
};

/// Bytes the selected-inversion route needs, estimated from the symbolic analysis alone (factor,
/// inverse subset and workspace). Throws NotSpd for a non-square matrix.
std::int64_t selinv_bytes(const sparse::Matrix &A, Ordering ordering, std::int64_t *factor_nnz = nullptr);

/// K-optimal by Algorithm 1 with A^{-1} from selected inversion, in `options.ordering`.
OrderedKopt kopt_selinv(const sparse::Matrix &A, const SelinvOptions &options = {});

} // namespace fs::precond
