#pragma once
// K-optimal sparse triangular factor (Algorithm 1 of "Message-Passing GNNs Fail to Approximate
// Sparse Triangular Factorizations"): L with the pattern of tril(A) minimising K(L^T A^{-1} L).
//
// Column i has rows s_i = {i} ∪ {j > i : A_ji stored}. With B = A^{-1}, solve B[s_i,s_i] v = e_1
// and set L[s_i,i] = v / sqrt(v_1). Only entries of B inside the blocks s_i × s_i are needed, and
// those lie on the pattern of the exact Cholesky factor, so B can come from a dense inverse
// (kopt_dense, n up to a few thousand) or from a sparse inverse subset (InverseEntries).

#include "precond/errors.h"
#include "sparse/matrix.h"

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <span>
#include <stop_token>

namespace fs::precond {

struct KoptOptions {
    /// Worker threads for the column solves (and the dense inverse); 0 = hardware concurrency.
    int threads = 0;
    /// kopt_dense refuses when its dense working set (kopt_dense_bytes) exceeds this.
    std::int64_t max_dense_bytes = std::int64_t(2) << 30;
    /// Called from worker threads with the fraction of columns done (0..1); may be empty.
    std::function<void(double)> progress;
    /// A stop requested here ends the computation with Cancelled.
    std::stop_token cancel;
};

struct KoptResult {
    sparse::Matrix L; ///< lower triangular, pattern of tril(A), positive diagonal
};

/// Source of entries of B = A^{-1}. Implementations must allow concurrent gather() calls.
class InverseEntries {
public:
    virtual ~InverseEntries() = default;
    /// Fills out(a,b) = B(rows[a], rows[b]) for the ascending index list `rows` (out is resized).
    virtual void gather(std::span<const int> rows, Eigen::MatrixXd &out) const = 0;
};

/// InverseEntries backed by a dense symmetric inverse (only its lower triangle is read).
class DenseInverse final : public InverseEntries {
public:
    explicit DenseInverse(const Eigen::MatrixXd &B) : m_B(B) {}
    void gather(std::span<const int> rows, Eigen::MatrixXd &out) const override;

private:
    const Eigen::MatrixXd &m_B;
};

/// Memory (bytes) kopt_dense needs for an n x n problem: the dense matrix and its inverse.
std::int64_t kopt_dense_bytes(std::int64_t n);

/// K-optimal factor of the SPD matrix A using its dense inverse (lower triangle of A read).
/// Throws SizeRefused beyond options.max_dense_bytes, NotSpd when the dense Cholesky of A fails,
/// Cancelled on cancel.
KoptResult kopt_dense(const sparse::Matrix &A, const KoptOptions &options = {});

/// K-optimal factor with the pattern of tril(A), inverse entries supplied by B. Throws NotSpd when
/// a block B[s_i,s_i] is not positive definite (B is then not the inverse of an SPD matrix).
KoptResult kopt_from_inverse(const sparse::Matrix &A, const InverseEntries &B,
                             const KoptOptions &options = {});

/// One column of Algorithm 1: given Bs = B[s,s] (s ascending, column index first), the values
/// L[s,i]. Returns false when Bs is not positive definite. Exposed for incremental recomputation.
bool kopt_column(const Eigen::MatrixXd &Bs, Eigen::VectorXd &values);

} // namespace fs::precond
