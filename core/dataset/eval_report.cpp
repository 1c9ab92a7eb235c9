#include "dataset/eval_report.h"

#include "precond/errors.h"
#include "precond/ic0.h"
#include "precond/kopt.h"
#include "precond/pcg.h"
#include "precond/preconditioner.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace fs::dataset {

using nlohmann::json;
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

double number(const json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_number() ? it->get<double>() : std::numeric_limits<double>::quiet_NaN();
}

const json &member(const json &o, const char *key)
{
    static const json none;
    const auto it = o.find(key);
    return it != o.end() ? *it : none;
}

PcgOutcome pcg_outcome(const json &o)
{
    PcgOutcome p;
    const json &it = member(o, "iterations");
    if (it.is_number())
        p.iterations = static_cast<int>(it.get<double>());
    const json &conv = member(o, "converged");
    p.converged = conv.is_boolean() && conv.get<bool>();
    p.relres = number(o, "relres");
    const json &failure = member(o, "failure");
    if (failure.is_string())
        p.failure = failure.get<std::string>();
    return p;
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

PcgOutcome pcg_with_fsai(const Matrix &A, const Matrix &G, double tol, int maxiter)
{
    if (G.rows() != A.rows() || G.cols() != A.cols())
        throw std::invalid_argument("preconditioner and matrix sizes differ");
    return run(A, precond::FsaiPreconditioner(G), tol, maxiter, "indefinite_preconditioner");
}

PcgOutcome pcg_with_jacobi(const Matrix &A, double tol, int maxiter)
{
    try {
        return run(A, precond::JacobiPreconditioner(A), tol, maxiter, "indefinite_preconditioner");
    } catch (const precond::NotSpd &) {
        return failed("indefinite_preconditioner");
    }
}

json pcg_json(const PcgOutcome &o)
{
    json j = {{"iterations", o.iterations}, {"converged", o.converged}, {"relres", o.relres}};
    if (!o.failure.empty())
        j["failure"] = o.failure;
    return j;
}

json pcg_summary(std::vector<int> its)
{
    std::sort(its.begin(), its.end());
    return {{"converged", its.size()},
            {"median_iterations", its.empty() ? json(nullptr) : json(its[its.size() / 2])}};
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

EvalReport parse_eval(const json &j)
{
    if (!j.is_object())
        throw EvalError("eval.json is not a JSON object");
    EvalReport r;
    const json &kind = member(j, "kind");
    r.kind = kind.is_string() && kind.get<std::string>() == "gcvae" ? EvalKind::Gcvae : EvalKind::Factor;
    if (const json &target = member(j, "target"); target.is_string())
        r.target = target.get<std::string>();
    if (const json &pattern = member(j, "pattern"); pattern.is_number_integer())
        r.pattern = pattern.get<int>() == 2 ? 2 : 1;
    const json &summary = member(j, "summary");
    if (summary.is_object())
        r.mean_cos = number(summary, "mean_cos");
    const json &samples = member(j, "samples");
    if (!samples.is_array())
        return r;
    for (const json &o : samples) {
        EvalSample s;
        if (o.is_object()) {
            const json &name = member(o, "name");
            if (name.is_string())
                s.name = name.get<std::string>();
            const json &n = member(o, "n");
            if (n.is_number())
                s.n = static_cast<int>(n.get<double>());
            s.cos = number(o, "cos");
            s.cos_kopt = number(o, "cos_kopt");
            s.cos_ic0 = number(o, "cos_ic0");
            const json &residual = member(o, r.target == "fsai" ? "kcond" : "residual");
            if (residual.is_object())
                for (const auto &[method, value] : residual.items())
                    s.residual[method] = value.is_number() ? value.get<double>() : EvalSample::nan;
            const json &pcg = member(o, "pcg");
            if (pcg.is_object())
                for (const auto &[method, value] : pcg.items())
                    if (value.is_object())
                        s.pcg[method] = pcg_outcome(value);
            const json &nnz = member(o, "nnz");
            if (nnz.is_object())
                for (const auto &[method, value] : nnz.items())
                    if (value.is_number())
                        s.nnz[method] = static_cast<std::int64_t>(value.get<double>());
        }
        r.samples.push_back(std::move(s));
    }
    return r;
}

EvalReport parse_eval_text(std::string_view text)
{
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded())
        throw EvalError("eval.json is not valid JSON");
    return parse_eval(j);
}

} // namespace fs::dataset
