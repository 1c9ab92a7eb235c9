#include "precond/spai.h"

#include "precond/errors.h"
#include "support/parallel.h"

#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs::precond {

namespace {
struct Workspace {
    std::vector<int> local; // global row -> local row, -1 when untouched
    std::vector<int> rows;  // touched rows I
    Eigen::MatrixXd Ahat;
    Eigen::VectorXd rhs;
};

constexpr double kDenseQrFlops = 5e7;

// The least-squares problem of a large pattern (touched rows in w.rows / w.local) by corrected
// semi-normal equations: SᵀS m = Sᵀ b with the Gram matrix formed sparsely, then one refinement
// step with the residual, which restores QR's accuracy while cond(S)²·u < 1 (Björck). Returns
// false, writing nothing, when the Gram matrix is not numerically positive definite.
bool solve_semi_normal(const sparse::Matrix &A, const sparse::Matrix &P, int k, double *mv, const Workspace &w,
                       double &residual)
{
    const int *cp = A.outerIndexPtr();
    const int *ri = A.innerIndexPtr();
    const double *av = A.valuePtr();
    const int *pj = P.innerIndexPtr();
    const int j0 = P.outerIndexPtr()[k];
    const int nj = P.outerIndexPtr()[k + 1] - j0;
    const int ni = int(w.rows.size());
    std::vector<Eigen::Triplet<double, int>> t;
    for (int a = 0; a < nj; ++a) {
        const int j = pj[j0 + a];
        for (int p = cp[j]; p < cp[j + 1]; ++p)
            t.emplace_back(w.local[ri[p]], a, av[p]);
    }
    Eigen::SparseMatrix<double, Eigen::ColMajor, int> S(ni, nj);
    S.setFromTriplets(t.begin(), t.end());
    const Eigen::SparseMatrix<double, Eigen::ColMajor, int> St = S.transpose();
    const Eigen::LLT<Eigen::MatrixXd> llt(Eigen::MatrixXd(St * S));
    if (llt.info() != Eigen::Success)
        return false;
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(ni);
    if (w.local[k] >= 0)
        rhs(w.local[k]) = 1.0;
    Eigen::VectorXd m = llt.solve(St * rhs);
    m += llt.solve(St * (rhs - S * m));
    residual = (S * m - rhs).squaredNorm() + (w.local[k] >= 0 ? 0.0 : 1.0);
    for (int a = 0; a < nj; ++a)
        mv[j0 + a] = m(a);
    return true;
}

// Solves the least-squares problem of column k of M (pattern P(:,k)) into mv and returns its
// squared residual ||A M(:,k) - e_k||². A and P are compressed; M shares P's column pointers.
double solve_column(const sparse::Matrix &A, const sparse::Matrix &P, int k, double *mv, Workspace &w)
{
    const int *cp = A.outerIndexPtr();
    const int *ri = A.innerIndexPtr();
    const double *av = A.valuePtr();
    const int *pj = P.innerIndexPtr();
    const int j0 = P.outerIndexPtr()[k];
    const int nj = P.outerIndexPtr()[k + 1] - j0;
    w.rows.clear();
    for (int a = 0; a < nj; ++a) {
        const int j = pj[j0 + a];
        for (int p = cp[j]; p < cp[j + 1]; ++p)
            if (w.local[ri[p]] < 0) {
                w.local[ri[p]] = int(w.rows.size());
                w.rows.push_back(ri[p]);
            }
    }
    const int ni = int(w.rows.size());
    // A column whose pattern is large (a dense row/column of A makes it all of A) would need a dense
    // QR of ni × nj, O(ni·nj²): 10^12 flops for one hub column of a 10^4-row matrix. Its columns are
    // as sparse as A's: their Gram matrix is formed sparsely and the problem solved through it.
    double residual = 1.0;
    if (double(ni) * double(nj) * double(nj) > kDenseQrFlops && solve_semi_normal(A, P, k, mv, w, residual)) {
        for (int r : w.rows)
            w.local[r] = -1;
        return residual;
    }
    w.Ahat.setZero(ni, nj);
    for (int a = 0; a < nj; ++a) {
        const int j = pj[j0 + a];
        for (int p = cp[j]; p < cp[j + 1]; ++p)
            w.Ahat(w.local[ri[p]], a) = av[p];
    }
    w.rhs.setZero(ni);
    double outside = 0.0; // e_k outside the touched rows cannot be matched at all
    if (w.local[k] >= 0)
        w.rhs(w.local[k]) = 1.0;
    else
        outside = 1.0;
    if (nj > 0) {
        Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(w.Ahat);
        const Eigen::VectorXd m = qr.solve(w.rhs);
        residual = (w.Ahat * m - w.rhs).squaredNorm() + outside;
        for (int a = 0; a < nj; ++a)
            mv[j0 + a] = m(a);
    }
    for (int r : w.rows)
        w.local[r] = -1;
    return residual;
}

std::vector<Workspace> workspaces(int threads, int n)
{
    std::vector<Workspace> ws(static_cast<std::size_t>(threads));
    for (auto &w : ws)
        w.local.assign(static_cast<std::size_t>(n), -1);
    return ws;
}

} // namespace

SpaiResult spai(const sparse::Matrix &Ain, const SpaiOptions &options)
{
    if (Ain.rows() != Ain.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "SPAI needs a square matrix");
    if (options.pattern_power != 1 && options.pattern_power != 2)
        throw std::invalid_argument("SPAI pattern power must be 1 (pattern of A) or 2 (pattern of A²)");
    sparse::Matrix A = Ain;
    A.makeCompressed();
    const int n = int(A.cols());
    // The pattern of A² from |A|·|A|: no entry of it can vanish by cancellation.
    sparse::Matrix M = A; // the pattern of M; values overwritten
    if (options.pattern_power == 2) {
        const sparse::Matrix absA = A.cwiseAbs();
        M = absA * absA;
        M.makeCompressed();
    }
    double *mv = M.valuePtr();
    const int threads = support::resolve_threads(options.threads);
    std::vector<Workspace> ws = workspaces(threads, n);
    std::vector<double> colResidual(n, 0.0);

    support::parallel_for(
        n, threads, [&](int wi, int k) { colResidual[k] = solve_column(A, M, k, mv, ws[wi]); }, 16,
        options.cancel, options.progress);

    double total = 0.0;
    for (double c : colResidual)
        total += c;
    return SpaiResult{std::move(M), std::sqrt(total)};
}

void spai_columns(const sparse::Matrix &Ain, std::span<const sparse::Index> columns, sparse::Matrix &M,
                  const SpaiOptions &options)
{
    if (Ain.rows() != Ain.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "SPAI needs a square matrix");
    sparse::Matrix A = Ain;
    A.makeCompressed();
    M.makeCompressed();
    const int n = int(A.cols());
    const bool samePattern = M.rows() == A.rows() && M.cols() == A.cols() && M.nonZeros() == A.nonZeros()
                             && std::equal(A.outerIndexPtr(), A.outerIndexPtr() + n + 1, M.outerIndexPtr())
                             && std::equal(A.innerIndexPtr(), A.innerIndexPtr() + A.nonZeros(), M.innerIndexPtr());
    if (!samePattern)
        throw std::invalid_argument("spai_columns: M must have the stored pattern of A");
    for (sparse::Index k : columns)
        if (k < 0 || k >= n)
            throw std::out_of_range("spai_columns: column " + std::to_string(k) + " outside the matrix");
    const int count = int(columns.size());
    const int threads = std::max(1, std::min(support::resolve_threads(options.threads), count / 16));
    std::vector<Workspace> ws = workspaces(threads, n);
    double *mv = M.valuePtr();
    support::parallel_for(
        count, threads, [&](int wi, int c) { solve_column(A, A, int(columns[c]), mv, ws[wi]); }, 16,
        options.cancel, options.progress);
}

sparse::Matrix spai_symmetric(const sparse::Matrix &M)
{
    sparse::Matrix Mt = M.transpose();
    sparse::Matrix S = 0.5 * (M + Mt);
    S.makeCompressed();
    return S;
}

double inverse_residual_fro(const sparse::Matrix &A, const sparse::Matrix &R)
{
    sparse::Matrix E = A * R;
    for (Eigen::Index i = 0; i < E.rows(); ++i)
        E.coeffRef(i, i) -= 1.0;
    return E.norm();
}

} // namespace fs::precond
