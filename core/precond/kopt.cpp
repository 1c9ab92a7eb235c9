#include "precond/kopt.h"

#include "support/parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>
#include <vector>

namespace fs::precond {

void DenseInverse::gather(std::span<const int> rows, Eigen::MatrixXd &out) const
{
    const Eigen::Index m = Eigen::Index(rows.size());
    out.resize(m, m);
    // rows is ascending, so B(rows[a], rows[b]) with a >= b is in the stored lower triangle.
    for (Eigen::Index b = 0; b < m; ++b) {
        const double *col = m_B.data() + std::ptrdiff_t(rows[b]) * m_B.rows();
        for (Eigen::Index a = b; a < m; ++a)
            out(a, b) = out(b, a) = col[rows[a]];
    }
}

std::int64_t kopt_dense_bytes(std::int64_t n)
{
    // The dense copy of A (overwritten by its Cholesky factor) and the inverse B.
    return 2 * n * n * std::int64_t(sizeof(double));
}

bool kopt_column(const Eigen::MatrixXd &Bs, Eigen::VectorXd &values)
{
    const Eigen::Index m = Bs.rows();
    Eigen::LLT<Eigen::MatrixXd> llt(Bs);
    if (llt.info() != Eigen::Success)
        return false;
    values = Eigen::VectorXd::Unit(m, 0);
    llt.solveInPlace(values);
    const double v1 = values(0);
    if (!(v1 > 0.0) || !std::isfinite(v1))
        return false;
    values /= std::sqrt(v1);
    return true;
}

KoptResult kopt_from_inverse(const sparse::Matrix &A, const InverseEntries &B,
                             const KoptOptions &options)
{
    if (A.rows() != A.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "K-optimal factor needs a square matrix");
    sparse::Matrix L = sparse::lower_triangle(A);
    L.makeCompressed();
    const int n = int(L.cols());
    const int *colPtr = L.outerIndexPtr();
    const int *rowIdx = L.innerIndexPtr();
    double *val = L.valuePtr();
    for (int i = 0; i < n; ++i)
        if (colPtr[i] == colPtr[i + 1] || rowIdx[colPtr[i]] != i)
            throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                         "diagonal entry " + std::to_string(i + 1) + " is not stored");

    const int threads = support::resolve_threads(options.threads);
    std::vector<Eigen::MatrixXd> blocks(threads);
    std::vector<Eigen::VectorXd> vecs(threads);
    std::atomic<int> failed{-1};
    support::parallel_for(
        n, threads,
        [&](int w, int i) {
            const int begin = colPtr[i];
            const int m = colPtr[i + 1] - begin;
            B.gather(std::span<const int>(rowIdx + begin, std::size_t(m)), blocks[w]);
            if (!kopt_column(blocks[w], vecs[w])) {
                int expected = -1;
                failed.compare_exchange_strong(expected, i);
                return;
            }
            for (int a = 0; a < m; ++a)
                val[begin + a] = vecs[w](a);
        },
        8, options.cancel, options.progress);
    if (failed >= 0)
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                     "the inverse block of column " + std::to_string(failed + 1)
                         + " is not positive definite");
    return KoptResult{std::move(L)};
}

KoptResult kopt_dense(const sparse::Matrix &A, const KoptOptions &options)
{
    if (A.rows() != A.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "K-optimal factor needs a square matrix");
    const std::int64_t n = A.rows();
    const std::int64_t need = kopt_dense_bytes(n);
    if (need > options.max_dense_bytes)
        throw SizeRefused("the dense inverse of the K-optimal factor", n, need,
                          options.max_dense_bytes);

    Eigen::MatrixXd dense = Eigen::MatrixXd(sparse::lower_triangle(A));
    Eigen::LLT<Eigen::Ref<Eigen::MatrixXd>, Eigen::Lower> llt(dense); // factorises in place
    if (llt.info() != Eigen::Success)
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                     "the matrix is not positive definite (dense Cholesky failed)");

    // B = A^{-1} by blocks of identity columns, solved in parallel. DenseInverse reads only the
    // lower triangle, and rows >= c0 of A^{-1} e_c (c >= c0) depend only on the trailing block
    // L22 of the factor: B22 = L22^{-T} L22^{-1}. Solving just that block costs ~2n^3/3 in all.
    Eigen::MatrixXd Binv(n, n);
    const Eigen::Index blockCols = 64;
    const int nBlocks = int((n + blockCols - 1) / blockCols);
    support::parallel_for(
        nBlocks, options.threads,
        [&](int, int blk) {
            const Eigen::Index c0 = Eigen::Index(blk) * blockCols;
            const Eigen::Index w = std::min<Eigen::Index>(blockCols, n - c0);
            const Eigen::Index m = n - c0;
            auto X = Binv.block(c0, c0, m, w);
            X.setZero();
            for (Eigen::Index c = 0; c < w; ++c)
                X(c, c) = 1.0;
            const auto L22 = dense.bottomRightCorner(m, m).triangularView<Eigen::Lower>();
            L22.solveInPlace(X);
            L22.transpose().solveInPlace(X);
        },
        1, options.cancel);

    DenseInverse inverse(Binv);
    return kopt_from_inverse(A, inverse, options);
}

} // namespace fs::precond
