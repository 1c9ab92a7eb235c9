#include "learn/reference_solvers.h"

#include <Eigen/Dense>
#include <Eigen/SparseCholesky>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace fs::learn {

using sparse::Matrix;
using sparse::Vector;

namespace {

bool all_finite(const Vector &v)
{
    return v.allFinite();
}

/// Row-major copy of tril(X): IC(0) and the dense K-optimal step both walk rows.
using RowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

} // namespace

namespace {

/// PCG on A x = 1 from x = 0 with z = apply(r). A non-positive rᵀz is reported as
/// `badPreconditioner`, a non-positive pᵀAp as "breakdown".
template <typename Apply>
PcgOutcome pcg_loop(const Matrix &A, const Apply &apply, double tol, int maxiter, const char *badPreconditioner)
{
    PcgOutcome out;
    const Eigen::Index n = A.rows();
    const Vector b = Vector::Ones(n);
    const double bnorm = b.norm();
    Vector x = Vector::Zero(n);
    Vector r = b;
    Vector z = apply(r);
    Vector p = z;
    double rz = r.dot(z);
    out.relres = 1.0;
    if (n == 0) {
        out.converged = true;
        return out;
    }
    for (int it = 1; it <= maxiter; ++it) {
        const Vector Ap = A * p;
        const double pAp = p.dot(Ap);
        if (!std::isfinite(pAp) || !std::isfinite(rz)) {
            out.failure = "not_finite";
            return out;
        }
        if (rz <= 0.0) {
            out.failure = badPreconditioner;
            return out;
        }
        if (pAp <= 0.0) {
            out.failure = "breakdown";
            return out;
        }
        const double alpha = rz / pAp;
        x += alpha * p;
        r -= alpha * Ap;
        out.iterations = it;
        out.relres = r.norm() / bnorm;
        if (!std::isfinite(out.relres)) {
            out.failure = "not_finite";
            return out;
        }
        if (out.relres <= tol) {
            out.converged = true;
            return out;
        }
        z = apply(r);
        if (!all_finite(z)) {
            out.failure = "not_finite";
            return out;
        }
        const double rzNew = r.dot(z);
        p = z + (rzNew / rz) * p;
        rz = rzNew;
    }
    out.failure = "max_iterations";
    return out;
}

} // namespace

PcgOutcome pcg_with_factor(const Matrix &A, const Matrix &L, double tol, int maxiter)
{
    const Eigen::Index n = A.rows();
    Matrix Lt;
    const bool precondition = L.rows() > 0;
    if (precondition) {
        Lt = Matrix(L.triangularView<Eigen::Lower>());
        for (Eigen::Index i = 0; i < n; ++i) {
            if (!(std::abs(Lt.coeff(i, i)) > 0.0)) {
                PcgOutcome out;
                out.failure = "singular_factor";
                return out;
            }
        }
    }
    auto apply = [&](const Vector &r) -> Vector {
        if (!precondition)
            return r;
        Vector y = Lt.triangularView<Eigen::Lower>().solve(r);
        return Lt.transpose().triangularView<Eigen::Upper>().solve(y);
    };
    // M = L Lᵀ with a non-singular L is positive definite: rᵀz <= 0 can only come from rounding.
    return pcg_loop(A, apply, tol, maxiter, "breakdown");
}

PcgOutcome pcg_with_inverse(const Matrix &A, const Matrix &Minv, double tol, int maxiter)
{
    if (Minv.rows() != A.rows() || Minv.cols() != A.cols())
        throw std::invalid_argument("preconditioner and matrix sizes differ");
    auto apply = [&](const Vector &r) -> Vector { return Minv * r; };
    return pcg_loop(A, apply, tol, maxiter, "indefinite_preconditioner");
}

nlohmann::json pcg_json(const PcgOutcome &o)
{
    nlohmann::json j = {{"iterations", o.iterations}, {"converged", o.converged}, {"relres", o.relres}};
    if (!o.failure.empty())
        j["failure"] = o.failure;
    return j;
}

nlohmann::json pcg_summary(std::vector<int> its)
{
    std::sort(its.begin(), its.end());
    return {{"converged", its.size()},
            {"median_iterations", its.empty() ? nlohmann::json(nullptr) : nlohmann::json(its[its.size() / 2])}};
}

Matrix symmetric_part(const Matrix &R)
{
    Matrix S = (R + Matrix(R.transpose())) * 0.5;
    S.makeCompressed();
    return S;
}

Matrix jacobi_inverse(const Matrix &A)
{
    Matrix D(A.rows(), A.cols());
    D.reserve(Eigen::VectorXi::Constant(A.cols(), 1));
    for (Eigen::Index i = 0; i < A.rows(); ++i)
        D.insert(i, i) = 1.0 / A.coeff(i, i);
    D.makeCompressed();
    return D;
}

double inverse_residual_fro(const Matrix &A, const Matrix &R)
{
    Matrix E = A * R;
    for (Eigen::Index i = 0; i < E.rows(); ++i)
        E.coeffRef(i, i) -= 1.0;
    return E.norm();
}

std::optional<Matrix> ic0_factor(const Matrix &A)
{
    RowMatrix L(Matrix(A.triangularView<Eigen::Lower>()));
    L.makeCompressed();
    const int n = static_cast<int>(L.rows());
    const int *outer = L.outerIndexPtr();
    const int *inner = L.innerIndexPtr();
    double *val = L.valuePtr();
    std::vector<int> diagPos(n, -1);
    for (int i = 0; i < n; ++i) {
        // Row i holds columns j <= i in ascending order; j = i must be stored.
        const int last = outer[i + 1] - 1;
        if (last < outer[i] || inner[last] != i)
            return std::nullopt;
        diagPos[i] = last;
        for (int p = outer[i]; p <= last; ++p) {
            const int j = inner[p];
            // L_ij = (a_ij - Σ_{m<j} L_im L_jm) / L_jj over the common pattern of rows i and j.
            double s = val[p];
            int q = outer[j];
            for (int pp = outer[i]; pp < p; ++pp) {
                const int m = inner[pp];
                while (q < outer[j + 1] && inner[q] < m)
                    ++q;
                if (q < outer[j + 1] && inner[q] == m && m < j)
                    s -= val[pp] * val[q];
            }
            if (j < i) {
                val[p] = s / val[diagPos[j]];
            } else {
                if (!(s > 0.0) || !std::isfinite(s))
                    return std::nullopt;
                val[p] = std::sqrt(s);
            }
        }
    }
    return Matrix(L);
}

std::optional<Matrix> kopt_factor_dense(const Matrix &A, int max_n)
{
    const int n = static_cast<int>(A.rows());
    if (n > max_n || A.cols() != n)
        return std::nullopt;
    const Eigen::MatrixXd dense = Eigen::MatrixXd(A).selfadjointView<Eigen::Lower>();
    Eigen::LLT<Eigen::MatrixXd> llt(dense);
    if (llt.info() != Eigen::Success)
        return std::nullopt;
    const Eigen::MatrixXd B = llt.solve(Eigen::MatrixXd::Identity(n, n));
    const Matrix lower = A.triangularView<Eigen::Lower>();
    std::vector<sparse::Triplet> triplets;
    triplets.reserve(static_cast<std::size_t>(lower.nonZeros()));
    std::vector<int> s;
    for (int i = 0; i < n; ++i) {
        s.assign(1, i);
        for (Matrix::InnerIterator it(lower, i); it; ++it)
            if (it.row() > i)
                s.push_back(static_cast<int>(it.row()));
        const int k = static_cast<int>(s.size());
        Eigen::MatrixXd Bs(k, k);
        for (int a = 0; a < k; ++a)
            for (int c = 0; c < k; ++c)
                Bs(a, c) = B(s[a], s[c]);
        Eigen::LLT<Eigen::MatrixXd> blk(Bs);
        if (blk.info() != Eigen::Success)
            return std::nullopt;
        const Eigen::VectorXd v = blk.solve(Eigen::VectorXd::Unit(k, 0));
        if (!(v(0) > 0.0))
            return std::nullopt;
        const double scale = 1.0 / std::sqrt(v(0));
        for (int a = 0; a < k; ++a)
            triplets.emplace_back(s[a], i, v(a) * scale);
    }
    Matrix L(n, n);
    L.setFromTriplets(triplets.begin(), triplets.end());
    return L;
}

std::optional<Matrix> cholesky_factor(const Matrix &A)
{
    Eigen::SimplicialLLT<Matrix, Eigen::Lower, Eigen::NaturalOrdering<int>> llt(A);
    if (llt.info() != Eigen::Success)
        return std::nullopt;
    Matrix L = llt.matrixL();
    L.makeCompressed();
    return L;
}

double factor_cosine(const Matrix &X, const Matrix &Y, const Matrix &P)
{
    double dot = 0.0, xx = 0.0, yy = 0.0;
    for (int j = 0; j < P.outerSize(); ++j) {
        for (Matrix::InnerIterator it(P, j); it; ++it) {
            if (it.row() < j)
                continue;
            const double x = X.coeff(it.row(), j);
            const double y = Y.coeff(it.row(), j);
            dot += x * y;
            xx += x * x;
            yy += y * y;
        }
    }
    if (xx <= 0.0 || yy <= 0.0)
        return 0.0;
    return dot / std::sqrt(xx * yy);
}

} // namespace fs::learn
