#include "precond/preconditioner.h"

#include "precond/errors.h"

#include <stdexcept>
#include <string>

namespace fs::precond {

JacobiPreconditioner::JacobiPreconditioner(const sparse::Matrix &A)
{
    const sparse::Vector d = A.diagonal();
    for (Eigen::Index i = 0; i < d.size(); ++i)
        if (!(d(i) > 0.0))
            throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                         "diagonal entry " + std::to_string(i + 1) + " is not positive");
    m_invDiag = d.cwiseInverse();
}

void JacobiPreconditioner::apply(const sparse::Vector &r, sparse::Vector &z) const
{
    z = m_invDiag.cwiseProduct(r);
}

double JacobiPreconditioner::apply_dot(const sparse::Vector &r, sparse::Vector &z) const
{
    const Eigen::Index n = r.size();
    z.resize(n);
    double dot = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        z[i] = m_invDiag[i] * r[i];
        dot += r[i] * z[i];
    }
    return dot;
}

FactorPreconditioner::FactorPreconditioner(sparse::Matrix L)
    : m_L(std::move(L))
{
    m_L.makeCompressed();
    if (m_L.rows() != m_L.cols())
        throw std::invalid_argument("triangular preconditioner: factor is not square");
    const int *cp = m_L.outerIndexPtr();
    const int *ri = m_L.innerIndexPtr();
    const double *v = m_L.valuePtr();
    for (int j = 0; j < m_L.cols(); ++j) {
        if (cp[j] == cp[j + 1] || ri[cp[j]] != j || v[cp[j]] == 0.0)
            throw std::invalid_argument("triangular preconditioner: missing or zero diagonal in column "
                                        + std::to_string(j + 1));
        // Sorted row indices with the diagonal first imply nothing above the diagonal.
    }
    m_Lt = m_L.transpose();
    m_Lt.makeCompressed();
}

namespace {
// Forward solve L y = r by rows (columns of Lt, diagonal last), y written once per entry.
void forward_rows(const sparse::Matrix &Lt, const double *r, double *y)
{
    const int n = int(Lt.cols());
    const int *cp = Lt.outerIndexPtr();
    const int *ri = Lt.innerIndexPtr();
    const double *v = Lt.valuePtr();
    for (int j = 0; j < n; ++j) {
        const int last = cp[j + 1] - 1;
        double s = r[j];
        for (int p = cp[j]; p < last; ++p)
            s -= v[p] * y[ri[p]];
        y[j] = s / v[last];
    }
}

// Backward solve L^T z = y in place by columns of L (diagonal first), returning r^T z.
double backward_dot(const sparse::Matrix &L, const double *r, double *z)
{
    const int n = int(L.cols());
    const int *cp = L.outerIndexPtr();
    const int *ri = L.innerIndexPtr();
    const double *v = L.valuePtr();
    double dot = 0.0;
    for (int j = n - 1; j >= 0; --j) {
        const int p0 = cp[j];
        double s = z[j];
        for (int p = p0 + 1; p < cp[j + 1]; ++p)
            s -= v[p] * z[ri[p]];
        const double zj = s / v[p0];
        z[j] = zj;
        dot += r[j] * zj;
    }
    return dot;
}
} // namespace

void FactorPreconditioner::apply(const sparse::Vector &r, sparse::Vector &z) const
{
    apply_dot(r, z);
}

double FactorPreconditioner::apply_dot(const sparse::Vector &r, sparse::Vector &z) const
{
    z.resize(r.size());
    forward_rows(m_Lt, r.data(), z.data());
    return backward_dot(m_L, r.data(), z.data());
}

MatVecPreconditioner::MatVecPreconditioner(sparse::Matrix G)
    : m_G(std::move(G))
{
    m_G.makeCompressed();
    m_symmetric = sparse::is_symmetric(m_G);
}

void MatVecPreconditioner::apply(const sparse::Vector &r, sparse::Vector &z) const
{
    if (m_symmetric)
        spmv_symmetric(m_G, r, z);
    else
        z.noalias() = m_G * r;
}

double MatVecPreconditioner::apply_dot(const sparse::Vector &r, sparse::Vector &z) const
{
    if (m_symmetric)
        return spmv_symmetric_dot(m_G, r, z);
    z.noalias() = m_G * r;
    return r.dot(z);
}

namespace {
// out_j = column j of M · x for a CSC M: the gather form of Mᵀx, one store per entry of out.
void gather_columns(const sparse::Matrix &M, const double *x, double *out)
{
    const int *cp = M.outerIndexPtr();
    const int *ri = M.innerIndexPtr();
    const double *v = M.valuePtr();
    for (int j = 0; j < int(M.cols()); ++j) {
        double s = 0.0;
        for (int p = cp[j]; p < cp[j + 1]; ++p)
            s += v[p] * x[ri[p]];
        out[j] = s;
    }
}
} // namespace

FsaiPreconditioner::FsaiPreconditioner(sparse::Matrix G)
    : m_G(std::move(G))
{
    if (m_G.rows() != m_G.cols())
        throw std::invalid_argument("FSAI factor must be square");
    m_G.makeCompressed();
    for (int j = 0; j < int(m_G.cols()); ++j)
        for (sparse::Matrix::InnerIterator it(m_G, j); it; ++it)
            if (it.row() < j)
                throw std::invalid_argument("FSAI factor must be lower triangular");
    m_Gt = m_G.transpose();
    m_Gt.makeCompressed();
}

void FsaiPreconditioner::apply(const sparse::Vector &r, sparse::Vector &z) const
{
    apply_dot(r, z);
}

double FsaiPreconditioner::apply_dot(const sparse::Vector &r, sparse::Vector &z) const
{
    thread_local sparse::Vector y; // reused across PCG iterations of this thread
    y.resize(m_G.rows());
    z.resize(m_G.rows());
    gather_columns(m_Gt, r.data(), y.data()); // y = G r
    gather_columns(m_G, y.data(), z.data());  // z = Gᵀ y
    return y.squaredNorm();
}

double spmv_symmetric_dot(const sparse::Matrix &A, const sparse::Vector &x, sparse::Vector &y)
{
    // Row i of a symmetric A equals column i, so y_i = A(:,i)·x: a gather loop with one store per
    // row, which beats the scatter form of a CSC product (no read-modify-write of y).
    const int n = int(A.cols());
    y.resize(n);
    const int *cp = A.outerIndexPtr();
    const int *ri = A.innerIndexPtr();
    const double *v = A.valuePtr();
    const double *xv = x.data();
    double *yv = y.data();
    double dot = 0.0;
    for (int i = 0; i < n; ++i) {
        double s = 0.0;
        for (int p = cp[i]; p < cp[i + 1]; ++p)
            s += v[p] * xv[ri[p]];
        yv[i] = s;
        dot += xv[i] * s;
    }
    return dot;
}

void spmv_symmetric(const sparse::Matrix &A, const sparse::Vector &x, sparse::Vector &y)
{
    // The fused kernel's dot product costs one multiply-add per row: not worth a second copy.
    (void)spmv_symmetric_dot(A, x, y);
}

void lower_solve_in_place(const sparse::Matrix &L, sparse::Vector &x)
{
    const int n = int(L.cols());
    const int *cp = L.outerIndexPtr();
    const int *ri = L.innerIndexPtr();
    const double *v = L.valuePtr();
    double *xv = x.data();
    for (int j = 0; j < n; ++j) {
        const int p0 = cp[j];
        const double xj = xv[j] / v[p0];
        xv[j] = xj;
        for (int p = p0 + 1; p < cp[j + 1]; ++p)
            xv[ri[p]] -= v[p] * xj;
    }
}

void lower_transpose_solve_in_place(const sparse::Matrix &L, sparse::Vector &x)
{
    const int n = int(L.cols());
    const int *cp = L.outerIndexPtr();
    const int *ri = L.innerIndexPtr();
    const double *v = L.valuePtr();
    double *xv = x.data();
    for (int j = n - 1; j >= 0; --j) {
        const int p0 = cp[j];
        double s = xv[j];
        for (int p = p0 + 1; p < cp[j + 1]; ++p)
            s -= v[p] * xv[ri[p]];
        xv[j] = s / v[p0];
    }
}

} // namespace fs::precond
