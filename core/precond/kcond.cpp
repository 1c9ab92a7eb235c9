#include "precond/kcond.h"

#include "precond/errors.h"
#include "support/parallel.h"
#include "precond/preconditioner.h"
#include "precond/spd.h"

#include <Eigen/SparseCholesky>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace fs::precond {

WorkRefused::WorkRefused(const std::string &what_for, double estimated_flops, double limit)
    : std::runtime_error([&] {
        std::ostringstream os;
        os << what_for << " needs about " << estimated_flops << " flops, more than the limit of "
           << limit;
        return os.str();
    }())
    , m_estimate(estimated_flops)
{
}

Kcond kcond_from(double trace, double logdet, int n)
{
    Kcond k;
    k.n = n;
    k.trace = trace;
    k.logdet = logdet;
    if (n == 0)
        return k;
    k.log_K = std::log(trace / n) - logdet / n;
    k.K = std::exp(k.log_K);
    return k;
}

Kcond kcond_dense(const Eigen::MatrixXd &M)
{
    Eigen::LLT<Eigen::MatrixXd> llt(M);
    if (llt.info() != Eigen::Success)
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite, "matrix is not positive definite");
    const double logdet = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
    return kcond_from(M.trace(), logdet, int(M.rows()));
}

Kcond kcond(const sparse::Matrix &A)
{
    return kcond_from(A.diagonal().sum(), logdet_spd(A), int(A.rows()));
}

Kcond kcond_jacobi(const sparse::Matrix &A)
{
    const sparse::Vector d = A.diagonal();
    if (!(d.minCoeff() > 0.0))
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite, "diagonal is not positive");
    return kcond_from(double(A.rows()), logdet_spd(A) - d.array().log().sum(), int(A.rows()));
}

Kcond kcond_approx_inverse(const sparse::Matrix &A, const sparse::Matrix &G)
{
    // tr(G A) = sum_ij G_ij A_ji = sum_ij G_ij A_ij for symmetric A.
    const double trace = G.cwiseProduct(A).sum();
    double logdetG = 0.0;
    try {
        logdetG = logdet_spd(G);
    } catch (const NotSpd &) {
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                     "the approximate inverse is not positive definite");
    }
    return kcond_from(trace, logdetG + logdet_spd(A), int(A.rows()));
}

Kcond kcond_fsai(const sparse::Matrix &A, const sparse::Matrix &G)
{
    return kcond_fsai(A, G, logdet_spd(A));
}

Kcond kcond_fsai(const sparse::Matrix &A, const sparse::Matrix &G, double logdetA)
{
    const sparse::Matrix Gt = G.transpose();
    const sparse::Matrix AGt = A * Gt; // column i = A g_i
    const double trace = Gt.cwiseProduct(AGt).sum();
    const double logdetG = logabsdet_triangular(G);
    if (!std::isfinite(logdetG))
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite, "FSAI factor is singular");
    return kcond_from(trace, logdetA + 2.0 * logdetG, int(A.rows()));
}

double kcond_split_work(const sparse::Matrix &A, const sparse::Matrix &L)
{
    return double(A.rows()) * (double(L.nonZeros()) + double(A.nonZeros()));
}

std::vector<double> kcond_split_diagonal(const sparse::Matrix &Ain, const sparse::Matrix &Lin,
                                         const KcondOptions &options)
{
    sparse::Matrix A = Ain, L = Lin;
    A.makeCompressed();
    L.makeCompressed();
    const int n = int(A.rows());
    const int *lp = L.outerIndexPtr();
    const int *li = L.innerIndexPtr();
    const double *lv = L.valuePtr();
    const int *ap = A.outerIndexPtr();
    const int *ai = A.innerIndexPtr();
    const double *av = A.valuePtr();

    // (L^{-1} A L^{-T})_ii = y_i^T A y_i with L^T y_i = e_i. y_i vanishes below i, so the
    // backward solve and the quadratic form run over indices 0..i only.
    const int threads = support::resolve_threads(options.threads);
    std::vector<std::vector<double>> ys(threads, std::vector<double>(n, 0.0));
    std::vector<double> d(n, 0.0);
    support::parallel_for(
        n, threads,
        [&](int w, int i) {
            std::vector<double> &y = ys[w];
            for (int j = i; j >= 0; --j) {
                double s = (j == i) ? 1.0 : 0.0;
                for (int p = lp[j] + 1; p < lp[j + 1]; ++p) {
                    if (li[p] > i)
                        break;
                    s -= lv[p] * y[li[p]];
                }
                y[j] = s / lv[lp[j]];
            }
            double q = 0.0;
            for (int c = 0; c <= i; ++c) {
                if (y[c] == 0.0)
                    continue;
                double s = 0.0;
                for (int p = ap[c]; p < ap[c + 1]; ++p)
                    if (ai[p] <= i)
                        s += av[p] * y[ai[p]];
                q += y[c] * s;
            }
            d[i] = q;
            std::fill(y.begin(), y.begin() + i + 1, 0.0);
        },
        4, options.cancel);
    return d;
}

Kcond kcond_split(const sparse::Matrix &A, const sparse::Matrix &L, const KcondOptions &options)
{
    const double work = kcond_split_work(A, L);
    if (work > options.max_work)
        throw WorkRefused("K(L^-1 A L^-T)", work, options.max_work);
    const double logdetA = logdet_spd(A);
    double trace = 0.0;
    for (double t : kcond_split_diagonal(A, L, options))
        trace += t;
    return kcond_from(trace, logdetA - 2.0 * logabsdet_triangular(L), int(A.rows()));
}

Kcond kcond_paper(const sparse::Matrix &A, const sparse::Matrix &Lin, const KcondOptions &options)
{
    if (A.rows() != A.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "matrix is not square");
    Eigen::SimplicialLLT<sparse::Matrix, Eigen::Lower> llt(A);
    if (llt.info() != Eigen::Success)
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                     "matrix is not positive definite (Cholesky factorisation failed)");
    sparse::Matrix R = llt.matrixL();
    R.makeCompressed();
    const double work = 2.0 * double(A.rows()) * double(R.nonZeros());
    if (work > options.max_work)
        throw WorkRefused("K(L^T A^-1 L)", work, options.max_work);
    double logdetA = 0.0;
    for (int j = 0; j < R.cols(); ++j)
        logdetA += 2.0 * std::log(R.coeff(j, j));

    // P A P^T = R R^T, so l^T A^{-1} l = ||R^{-1} P l||^2: one forward solve per column of L.
    const sparse::Matrix L = Lin;
    const int n = int(A.rows());
    const auto &perm = llt.permutationP();
    const int threads = support::resolve_threads(options.threads);
    std::vector<sparse::Vector> ws(threads, sparse::Vector::Zero(n));
    std::vector<double> partial(n, 0.0);
    support::parallel_for(
        n, threads,
        [&](int w, int i) {
            sparse::Vector &x = ws[w];
            int first = n;
            for (sparse::Matrix::InnerIterator it(L, i); it; ++it) {
                const int pr = perm.indices()(it.row());
                x(pr) = it.value();
                first = std::min(first, pr);
            }
            // Forward solve from the first nonzero on; entries before it stay zero.
            const int *rp = R.outerIndexPtr();
            const int *rr = R.innerIndexPtr();
            const double *rv = R.valuePtr();
            double q = 0.0;
            for (int j = first; j < n; ++j) {
                const double xj = x(j) / rv[rp[j]];
                x(j) = 0.0; // leave the workspace zeroed for the next column
                if (xj == 0.0)
                    continue;
                q += xj * xj;
                for (int p = rp[j] + 1; p < rp[j + 1]; ++p)
                    x(rr[p]) -= rv[p] * xj;
            }
            partial[i] = q;
        },
        4, options.cancel);
    double trace = 0.0;
    for (double t : partial)
        trace += t;
    return kcond_from(trace, 2.0 * logabsdet_triangular(L) - logdetA, n);
}

} // namespace fs::precond
