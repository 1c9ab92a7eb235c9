#include "learn/eval_report.h"

#include "precond/errors.h"
#include "precond/ic0.h"
#include "precond/kopt.h"
#include "precond/pcg.h"
#include "precond/preconditioner.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace fs::learn {

using sparse::Matrix;

namespace {

// One run of the evaluation protocol. `indefinitePreconditioner` is the schema's name for
// r^T z <= 0: for M = L Lᵀ with a non-singular L that can only come from rounding, so it counts as
// a breakdown there.
PcgOutcome run(const Matrix &A, const precond::Preconditioner &M, double tol, int maxiter,
               const char *indefinitePreconditioner)
{
    precond::PcgOptions options;
    options.tol = tol;
    options.maxiter = maxiter;
    options.record_history = false;
    const Matrix *op = &A;
    Matrix compressed;
    if (!A.isCompressed()) {
        compressed = A;
        compressed.makeCompressed();
        op = &compressed;
    }
    const precond::PcgResult r = precond::pcg(*op, precond::make_rhs(static_cast<int>(A.rows()), false), M, options);
    PcgOutcome out;
    out.iterations = r.iterations;
    out.converged = r.converged;
    out.relres = r.relres;
    switch (r.failure) {
    case precond::PcgFailure::None: break;
    case precond::PcgFailure::MaxIterations: out.failure = "max_iterations"; break;
    case precond::PcgFailure::IndefiniteOperator: out.failure = "breakdown"; break;
    case precond::PcgFailure::IndefinitePreconditioner: out.failure = indefinitePreconditioner; break;
    case precond::PcgFailure::NotFinite: out.failure = "not_finite"; break;
    }
    return out;
}

PcgOutcome failed(const char *failure)
{
    PcgOutcome out;
    out.failure = failure;
    return out;
}

} // namespace

PcgOutcome pcg_with_factor(const Matrix &A, const Matrix &L, double tol, int maxiter)
{
    if (L.rows() == 0)
        return run(A, precond::IdentityPreconditioner(), tol, maxiter, "breakdown");
    Matrix lower = sparse::lower_triangle(L);
    lower.makeCompressed();
    if (lower.rows() != A.rows() || lower.cols() != A.cols())
        throw std::invalid_argument("factor and matrix sizes differ");
    for (Eigen::Index j = 0; j < lower.cols(); ++j)
        if (!(std::abs(lower.coeff(j, j)) > 0.0) || !std::isfinite(lower.coeff(j, j)))
            return failed("singular_factor");
    return run(A, precond::FactorPreconditioner(std::move(lower)), tol, maxiter, "breakdown");
}

PcgOutcome pcg_with_inverse(const Matrix &A, const Matrix &Minv, double tol, int maxiter)
{
    if (Minv.rows() != A.rows() || Minv.cols() != A.cols())
        throw std::invalid_argument("preconditioner and matrix sizes differ");
    return run(A, precond::MatVecPreconditioner(Minv), tol, maxiter, "indefinite_preconditioner");
}

PcgOutcome pcg_with_jacobi(const Matrix &A, double tol, int maxiter)
{
    try {
        return run(A, precond::JacobiPreconditioner(A), tol, maxiter, "indefinite_preconditioner");
    } catch (const precond::NotSpd &) {
        return failed("indefinite_preconditioner");
    }
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

std::optional<Matrix> reference_ic0(const Matrix &A)
{
    precond::Ic0Result r = precond::ic0(A);
    if (!r.ok)
        return std::nullopt;
    return std::move(r.L);
}

std::optional<Matrix> reference_kopt(const Matrix &A, int max_n)
{
    if (A.rows() > max_n || A.cols() != A.rows())
        return std::nullopt;
    try {
        return precond::kopt_dense(A).L;
    } catch (const precond::NotSpd &) {
        return std::nullopt;
    }
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
