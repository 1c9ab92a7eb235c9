#include "perturb/live_perturbation.h"

#include "factor/tridiagonal.h"
#include "precond/ic0.h"
#include "precond/selected_inversion.h"
#include "precond/spai.h"
#include "perturb/spai_perturbation.h"

#include <cmath>

namespace fs::precond {

using factor::PerturbationResult;

factor::FactorFunction factor_function(FactorKind kind, int threads)
{
    switch (kind) {
    case FactorKind::Ic0:
        return [](const sparse::Matrix &M) {
            Ic0Result r = ic0(M);
            if (!r.ok)
                throw factor::NotPositiveDefinite("IC(0) broke down: pivot of row/column "
                                                      + std::to_string(r.breakdown_column + 1)
                                                      + " (1-based) is not positive",
                                                  r.breakdown_column);
            return r.L;
        };
    case FactorKind::Kopt:
        return [threads](const sparse::Matrix &M) {
            SelinvOptions o;
            o.threads = threads;
            return kopt_selinv(M, o).L;
        };
    case FactorKind::Spai:
        return [threads](const sparse::Matrix &M) {
            SpaiOptions o;
            o.threads = threads;
            return spai(M, o).M;
        };
    case FactorKind::Cholesky:
        break;
    }
    return [](const sparse::Matrix &M) {
        factor::Cholesky c;
        c.analyze(M);
        c.factorize(M);
        return c.factor();
    };
}

factor::Ordering recommended_ordering(const sparse::Matrix &A)
{
    const auto n = static_cast<Index>(A.rows());
    if (n < 5000 || factor::is_tridiagonal(A))
        return factor::Ordering::Natural;
    // The envelope (sum over columns of the distance to the farthest entry below the diagonal)
    // bounds the natural factor's size; a banded grid fills it completely.
    double envelope = 0;
    for (Index j = 0; j < n; ++j) {
        Index last = j;
        for (sparse::Matrix::InnerIterator it(A, j); it; ++it)
            last = std::max<Index>(last, static_cast<Index>(it.row()));
        envelope += double(last - j + 1);
    }
    return envelope > 10.0 * double(A.nonZeros()) ? factor::Ordering::Amd : factor::Ordering::Natural;
}

LivePerturbation::LivePerturbation(sparse::Matrix A, std::optional<sparse::Matrix> exact_L,
                                   FactorKind kind, factor::Ordering ordering, int threads)
    : m_A(std::move(A))
    , m_exactL(std::move(exact_L))
    , m_kind(kind)
    , m_ordering(kind == FactorKind::Cholesky ? ordering : factor::Ordering::Natural)
    , m_threads(threads)
    , m_tridiagonal(factor::is_tridiagonal(m_A))
{
    if (kind == FactorKind::Kopt) {
        const std::int64_t bytes = selinv_bytes(m_A, Ordering::Natural);
        if (bytes > kLiveKoptMaxBytes)
            throw SizeRefused("live K-optimal (selected inversion)", m_A.rows(), bytes, kLiveKoptMaxBytes);
    }
    if (kind == FactorKind::Cholesky && !(m_tridiagonal && m_ordering == factor::Ordering::Natural)) {
        m_engine = std::make_unique<factor::CholeskyPerturbation>(m_A, m_ordering);
        m_perm = m_engine->permutation();
    }
    if (kind == FactorKind::Spai)
        m_engine = std::make_unique<factor::CholeskyPerturbation>(m_A, recommended_ordering(m_A));
}

LivePerturbation::~LivePerturbation() = default;

LivePath LivePerturbation::path_for(Index p, Index q) const
{
    if (m_kind == FactorKind::Spai) {
        for (sparse::Matrix::InnerIterator it(m_A, q); it; ++it)
            if (it.row() == p)
                return LivePath::SpaiColumns;
        return LivePath::FromScratch;
    }
    if (m_kind != FactorKind::Cholesky)
        return LivePath::FromScratch;
    if (m_tridiagonal && m_ordering == factor::Ordering::Natural)
        return std::abs(p - q) <= 1 ? LivePath::Tridiagonal : LivePath::FromScratch;
    return LivePath::UpdateDowndate;
}

PerturbationResult LivePerturbation::evaluate(Index p, Index q, double delta)
{
    if (m_kind == FactorKind::Spai)
        return evaluate_spai(p, q, delta);
    switch (path_for(p, q)) {
    case LivePath::Tridiagonal:
        return factor::perturb_tridiagonal(m_A, p, q, delta, m_exactL ? &*m_exactL : nullptr);
    case LivePath::UpdateDowndate: {
        PerturbationResult r = m_engine->perturb(p, q, delta);
        // Undoing the update keeps every evaluation relative to the original factor; the reverse
        // step restores a matrix that was positive definite, so it is not refused.
        m_engine->perturb(p, q, -delta);
        return r;
    }
    case LivePath::FromScratch:
    case LivePath::SpaiColumns:
        break;
    }
    return factor::perturb_from_scratch(m_A, p, q, delta, factor_function(m_kind, m_threads));
}

PerturbationResult LivePerturbation::evaluate_spai(Index p, Index q, double delta)
{
    // The live Cholesky factor refuses an indefinite (or numerically singular) A' before anything
    // changes, as for the Cholesky kind, and bounds cond(A) and cond(A'). Every SPAI column problem
    // is a column subset of A', whose condition number is at most cond(A'); that bound decides
    // whether ΔR is trusted.
    const PerturbationResult check = m_engine->perturb(p, q, delta);
    m_engine->perturb(p, q, -delta);
    PerturbationResult r = perturb_spai(m_A, base_factor(), p, q, delta, m_threads);
    r.reliable = check.reliable;
    r.error_estimate = check.error_estimate;
    r.warning = check.warning;
    return r;
}

const sparse::Matrix &LivePerturbation::base_factor()
{
    if (!m_baseFactor) {
        if (m_kind == FactorKind::Spai)
            m_baseFactor = factor_function(m_kind, m_threads)(m_A);
        else if (m_engine)
            m_baseFactor = m_engine->factor();
        else if (m_kind == FactorKind::Cholesky && m_exactL)
            m_baseFactor = *m_exactL;
        else if (m_kind == FactorKind::Cholesky)
            m_baseFactor = factor::tridiagonal_cholesky(m_A).to_matrix();
        else
            m_baseFactor = factor_function(m_kind, m_threads)(m_A);
    }
    return *m_baseFactor;
}

} // namespace fs::precond
