#include "precond/fsai.h"

#include "precond/errors.h"
#include "precond/kcond.h"
#include "support/parallel.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs::precond {

sparse::Matrix fsai_pattern(const sparse::Matrix &Ain, int pattern_power)
{
    if (pattern_power != 1 && pattern_power != 2)
        throw std::invalid_argument("FSAI pattern power must be 1 or 2, got " + std::to_string(pattern_power));
    sparse::Matrix L = sparse::pattern_power(Ain, pattern_power).triangularView<Eigen::Lower>();
    L.makeCompressed();
    return L;
}

double fsai_work(const sparse::Matrix &pattern)
{
    // Row sizes = entries per row of the lower triangle = per column of its transpose.
    std::vector<double> m(std::size_t(pattern.rows()), 0.0);
    for (int j = 0; j < int(pattern.outerSize()); ++j)
        for (sparse::Matrix::InnerIterator it(pattern, j); it; ++it)
            m[std::size_t(it.row())] += 1.0;
    double work = 0.0;
    for (double r : m)
        work += r * r * r / 3.0 + r * r;
    return work;
}

namespace {

struct RowWork {
    std::vector<int> local; // global index -> position in s, -1 outside
    Eigen::MatrixXd As;
    Eigen::VectorXd rhs;
};

// Row i of G into column i of Gt (CSC of triu(P), so s = the rows of that column, i last). A is
// compressed and stored in full. A small dense solve per row: no library offers FSAI, and Eigen's
// LLT on the gathered block is what each row needs.
void solve_row(const sparse::Matrix &A, sparse::Matrix &Gt, int i, RowWork &w)
{
    const int *cp = A.outerIndexPtr();
    const int *ri = A.innerIndexPtr();
    const double *av = A.valuePtr();
    const int *gp = Gt.outerIndexPtr();
    const int *gi = Gt.innerIndexPtr();
    double *gv = Gt.valuePtr();
    const int p0 = gp[i];
    const int m = gp[i + 1] - p0;
    if (m == 0 || gi[p0 + m - 1] != i)
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                     "FSAI: diagonal entry " + std::to_string(i + 1) + " is not stored");
    for (int a = 0; a < m; ++a)
        w.local[std::size_t(gi[p0 + a])] = a;
    w.As.setZero(m, m);
    for (int a = 0; a < m; ++a) {
        const int j = gi[p0 + a];
        for (int p = cp[j]; p < cp[j + 1]; ++p)
            if (const int b = w.local[std::size_t(ri[p])]; b >= 0)
                w.As(b, a) = av[p];
    }
    for (int a = 0; a < m; ++a)
        w.local[std::size_t(gi[p0 + a])] = -1;
    Eigen::LLT<Eigen::MatrixXd> llt(w.As);
    w.rhs.setZero(m);
    w.rhs(m - 1) = 1.0;
    const Eigen::VectorXd y = llt.info() == Eigen::Success ? llt.solve(w.rhs) : Eigen::VectorXd();
    if (y.size() != m || !(y(m - 1) > 0.0) || !y.allFinite())
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                     "FSAI: the principal block of row " + std::to_string(i + 1) + " is not positive definite");
    const double scale = 1.0 / std::sqrt(y(m - 1));
    for (int a = 0; a < m; ++a)
        gv[p0 + a] = y(a) * scale;
}

// Recomputes the rows `rows` (all when empty) of Gt in place.
void solve_rows(const sparse::Matrix &A, sparse::Matrix &Gt, std::span<const sparse::Index> rows,
                const FsaiOptions &options)
{
    const int n = int(A.rows());
    const int count = rows.empty() ? n : int(rows.size());
    const int threads = std::min(support::resolve_threads(options.threads), std::max(1, count));
    std::vector<RowWork> ws(static_cast<std::size_t>(threads));
    for (auto &w : ws)
        w.local.assign(static_cast<std::size_t>(n), -1);
    support::parallel_for(
        count, threads,
        [&](int worker, int k) {
            solve_row(A, Gt, rows.empty() ? k : rows[std::size_t(k)], ws[static_cast<std::size_t>(worker)]);
        },
        64, options.cancel, options.progress);
}

} // namespace

sparse::Matrix fsai(const sparse::Matrix &Ain, const FsaiOptions &options)
{
    if (Ain.rows() != Ain.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "FSAI needs a square matrix");
    sparse::Matrix A = Ain;
    A.makeCompressed();
    const sparse::Matrix pattern = fsai_pattern(A, options.pattern_power);
    if (const double work = fsai_work(pattern); work > options.max_work)
        throw WorkRefused("FSAI on the pattern of tril(A" + std::string(options.pattern_power == 2 ? "²" : "") + ")",
                          work, options.max_work);
    // Column i of Gt = row i of G; the CSC columns of triu(P) list s = {j <= i} sorted, i last.
    sparse::Matrix Gt = sparse::Matrix(pattern.transpose());
    Gt.makeCompressed();
    solve_rows(A, Gt, {}, options);
    sparse::Matrix G = Gt.transpose(); // CSC of a lower triangle: diagonal first in each column
    G.makeCompressed();
    return G;
}

void fsai_rows(const sparse::Matrix &Ain, std::span<const sparse::Index> rows, sparse::Matrix &G,
               const FsaiOptions &options)
{
    if (Ain.rows() != Ain.cols() || G.rows() != Ain.rows() || G.cols() != Ain.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "FSAI rows need a square A and a G of its size");
    for (sparse::Index i : rows)
        if (i < 0 || i >= Ain.rows())
            throw std::out_of_range("FSAI row " + std::to_string(i) + " outside the matrix");
    if (rows.empty())
        return;
    sparse::Matrix A = Ain;
    A.makeCompressed();
    sparse::Matrix Gt = G.transpose();
    Gt.makeCompressed();
    solve_rows(A, Gt, rows, options);
    G = Gt.transpose();
    G.makeCompressed();
}

} // namespace fs::precond
