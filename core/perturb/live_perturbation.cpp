#include "perturb/live_perturbation.h"

#include "factor/tridiagonal.h"
#include "perturb/fsai_perturbation.h"
#include "perturb/spai_perturbation.h"
#include "precond/selected_inversion.h"
#include "precond/setup.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace fs::perturb {

FactorFunction factor_function(PrecondKind kind, int threads)
{
    precond::BuildOptions options;
    options.threads = threads;
    // The live engine checks the memory of K-optimal once, in its constructor; a factor function
    // of its own has no bound. Selected inversion whatever the size, so that small and large
    // matrices get the same K-optimal factor.
    options.kopt_method = precond::KoptMethod::Selinv;
    options.max_selinv_bytes = std::numeric_limits<std::int64_t>::max();
    options.spai_symmetric = false; // ΔR is the change of R itself
    return [kind, options](const sparse::Matrix &M) {
        precond::BuiltPreconditioner b = precond::build_preconditioner(M, kind, options);
        if (!b.ok)
            throw factor::NotPositiveDefinite("IC(0) broke down: pivot of row/column "
                                                  + std::to_string(b.breakdown_column + 1)
                                                  + " (1-based) is not positive",
                                              b.breakdown_column);
        return std::move(b.matrix);
    };
}

Ordering recommended_ordering(const sparse::Matrix &A)
{
    const auto n = static_cast<Index>(A.rows());
    if (n < 5000 || factor::is_tridiagonal(A))
        return Ordering::Natural;
    // The envelope (sum over columns of the distance to the farthest entry below the diagonal)
    // bounds the natural factor's size; a banded grid fills it completely.
    double envelope = 0;
    for (Index j = 0; j < n; ++j) {
        Index last = j;
        for (sparse::Matrix::InnerIterator it(A, j); it; ++it)
            last = std::max<Index>(last, static_cast<Index>(it.row()));
        envelope += double(last - j + 1);
    }
    return envelope > 10.0 * double(A.nonZeros()) ? Ordering::Amd : Ordering::Natural;
}

LivePerturbation::LivePerturbation(sparse::Matrix A, std::optional<sparse::Matrix> exact_L, PrecondKind kind,
                                   Ordering ordering, const LiveOptions &options)
    : m_A(std::move(A))
    , m_exactL(std::move(exact_L))
    , m_kind(kind)
    , m_ordering(kind == PrecondKind::Cholesky ? ordering : Ordering::Natural)
    , m_options(options)
    , m_tridiagonal(factor::is_tridiagonal(m_A))
{
    if (std::find(kPerturbKinds.begin(), kPerturbKinds.end(), kind) == kPerturbKinds.end())
        throw std::invalid_argument(std::string("the perturbation engine has no kind ") + precond::to_string(kind));
    if (kind == PrecondKind::Kopt && options.max_kopt_bytes > 0) {
        const std::int64_t bytes = precond::selinv_bytes(m_A, Ordering::Natural);
        if (bytes > options.max_kopt_bytes)
            throw precond::SizeRefused("live K-optimal (selected inversion)", m_A.rows(), bytes,
                                       options.max_kopt_bytes);
    }
    if (kind == PrecondKind::Cholesky && !recurrence_applies()) {
        m_engine = std::make_unique<CholeskyPerturbation>(m_A, m_ordering);
        m_perm = m_engine->permutation();
    }
    if (kind == PrecondKind::Spai)
        m_engine = std::make_unique<CholeskyPerturbation>(m_A, recommended_ordering(m_A));
}

LivePerturbation::~LivePerturbation() = default;

bool LivePerturbation::recurrence_applies() const
{
    return m_tridiagonal && m_ordering == Ordering::Natural;
}

CholeskyPerturbation &LivePerturbation::engine()
{
    // A tridiagonal matrix needs a CHOLMOD factor only for an entry off its pattern; the factor
    // is natural, so its ΔL stays in the order of the recurrence's.
    if (!m_engine)
        m_engine = std::make_unique<CholeskyPerturbation>(m_A, m_ordering);
    return *m_engine;
}

LivePath LivePerturbation::path_for(Index p, Index q) const
{
    if (m_kind == PrecondKind::Spai) {
        for (sparse::Matrix::InnerIterator it(m_A, q); it; ++it)
            if (it.row() == p)
                return LivePath::SpaiColumns;
        return LivePath::FromScratch;
    }
    if (m_kind == PrecondKind::Fsai) {
        for (sparse::Matrix::InnerIterator it(m_A, q); it; ++it)
            if (it.row() == p)
                return LivePath::FsaiRows;
        return LivePath::FromScratch;
    }
    if (m_kind != PrecondKind::Cholesky)
        return LivePath::FromScratch;
    if (recurrence_applies() && std::abs(p - q) <= 1)
        return LivePath::Tridiagonal;
    return LivePath::UpdateDowndate;
}

PerturbationResult LivePerturbation::evaluate(Index p, Index q, double delta)
{
    if (m_kind == PrecondKind::Spai)
        return evaluate_spai(p, q, delta);
    switch (path_for(p, q)) {
    case LivePath::Tridiagonal:
        return perturb_tridiagonal(m_A, p, q, delta, m_exactL ? &*m_exactL : nullptr);
    case LivePath::UpdateDowndate: {
        CholeskyPerturbation &live = engine();
        PerturbationResult r = live.perturb(p, q, delta);
        // Undoing the update keeps every evaluation relative to the original factor; the reverse
        // step restores a matrix that was positive definite, so it is not refused.
        live.perturb(p, q, -delta);
        return r;
    }
    case LivePath::FsaiRows:
        return perturb_fsai(m_A, base_factor(), p, q, delta, m_options.threads);
    case LivePath::FromScratch:
    case LivePath::SpaiColumns:
        break;
    }
    return perturb_from_scratch(m_A, p, q, delta, factor_function(m_kind, m_options.threads));
}

Evaluation LivePerturbation::try_evaluate(Index p, Index q, double delta)
{
    Evaluation e;
    e.outcome = classified(m_kind, [&] { e.result = evaluate(p, q, delta); });
    return e;
}

PerturbationResult LivePerturbation::evaluate_spai(Index p, Index q, double delta)
{
    // The live Cholesky factor refuses an indefinite (or numerically singular) A' before anything
    // changes, as for the Cholesky kind, and bounds cond(A) and cond(A'). Every SPAI column problem
    // is a column subset of A', whose condition number is at most cond(A'); that bound decides
    // whether ΔR is trusted.
    const PerturbationResult check = m_engine->perturb(p, q, delta);
    m_engine->perturb(p, q, -delta);
    PerturbationResult r = perturb_spai(m_A, base_factor(), p, q, delta, m_options.threads);
    r.reliable = check.reliable;
    r.error_estimate = check.error_estimate;
    r.warning = check.warning;
    return r;
}

const sparse::Matrix &LivePerturbation::base_factor()
{
    if (!m_baseFactor) {
        if (m_kind != PrecondKind::Cholesky)
            m_baseFactor = factor_function(m_kind, m_options.threads)(m_A);
        else if (!recurrence_applies())
            m_baseFactor = m_engine->factor();
        else if (m_exactL)
            m_baseFactor = *m_exactL;
        else
            m_baseFactor = factor::tridiagonal_cholesky(m_A).to_matrix();
    }
    return *m_baseFactor;
}

LiveSetup prepare_live(sparse::Matrix A, std::optional<sparse::Matrix> exact_L, PrecondKind kind, Ordering ordering,
                       const LiveOptions &options)
{
    LiveSetup s;
    s.outcome = classified(kind, [&] {
        s.engine = std::make_shared<LivePerturbation>(std::move(A), std::move(exact_L), kind, ordering, options);
    });
    return s;
}

} // namespace fs::perturb
