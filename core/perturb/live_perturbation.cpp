#include "perturb/live_perturbation.h"

#include "factor/tridiagonal.h"
#include "perturb/fsai_perturbation.h"
#include "perturb/spai_perturbation.h"
#include "precond/ic0.h"
#include "precond/selected_inversion.h"
#include "precond/setup.h"
#include "sparse/graph_hops.h"

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
    // Off the pattern of A the pattern of every approximate factor changes: recomputed.
    const bool onPattern = is_stored(m_A, p, q);
    switch (m_kind) {
    case PrecondKind::Spai:
        return onPattern ? LivePath::SpaiColumns : LivePath::FromScratch;
    case PrecondKind::Fsai:
        return onPattern ? LivePath::FsaiRows : LivePath::FromScratch;
    case PrecondKind::Ic0:
        return onPattern ? LivePath::Ic0Columns : LivePath::FromScratch;
    case PrecondKind::Kopt:
        return onPattern ? LivePath::KoptLowRank : LivePath::FromScratch;
    default:
        break;
    }
    if (m_kind != PrecondKind::Cholesky)
        return LivePath::FromScratch;
    if (recurrence_applies() && std::abs(p - q) <= 1)
        return LivePath::Tridiagonal;
    return LivePath::UpdateDowndate;
}

PerturbationResult LivePerturbation::evaluate(Index p, Index q, double delta, DeltaColumnSink *sink)
{
    const auto n = static_cast<Index>(m_A.rows());
    if (p < 0 || q < 0 || p >= n || q >= n)
        throw std::out_of_range("perturbation entry (" + std::to_string(p + 1) + "," + std::to_string(q + 1) +
                                ") outside the " + std::to_string(n) + "x" + std::to_string(n) + " matrix");
    if (m_kind == PrecondKind::Spai)
        return evaluate_spai(p, q, delta);
    switch (path_for(p, q)) {
    case LivePath::Tridiagonal:
        return evaluate_tridiagonal(p, q, delta, sink);
    case LivePath::UpdateDowndate:
        return evaluate_cholesky(p, q, delta, sink);
    case LivePath::FsaiRows:
        return perturb_fsai(m_A, base_factor(), p, q, delta, m_options.threads);
    case LivePath::Ic0Columns:
        return evaluate_ic0(p, q, delta, sink);
    case LivePath::KoptLowRank: {
        if (!m_kopt)
            m_kopt = std::make_unique<KoptLowRank>(m_A, m_options.threads);
        return m_kopt->perturb(m_A, p, q, delta, context(p, q, sink));
    }
    case LivePath::FromScratch:
    case LivePath::SpaiColumns:
        break;
    }
    return perturb_from_scratch(m_A, p, q, delta, factor_function(m_kind, m_options.threads));
}

std::span<const int> LivePerturbation::hops(Index p, Index q)
{
    if (p != m_hopP || q != m_hopQ || m_hops.empty()) {
        // Hop distances from {p, q} are the same in the graph of A and of A': an edge p–q joins
        // two sources.
        const Index sources[2] = {p, q};
        m_hops = sparse::hop_distances(m_A, std::span<const Index>(sources, p == q ? 1 : 2));
        m_hopP = p;
        m_hopQ = q;
        m_factorHops.clear();
    }
    return m_hops;
}

std::span<const int> LivePerturbation::factor_hops(Index p, Index q)
{
    const std::span<const int> h = hops(p, q);
    // Only the exact factor is permuted; every other kind is in the order of A.
    if (m_kind != PrecondKind::Cholesky || !m_engine)
        return h;
    if (m_factorHops.empty()) {
        const std::vector<Index> &perm = m_engine->permutation();
        m_factorHops.resize(h.size());
        for (std::size_t k = 0; k < h.size(); ++k)
            m_factorHops[k] = h[static_cast<std::size_t>(perm[k])];
    }
    return m_factorHops;
}

void LivePerturbation::recycle(FactorDelta &&done)
{
    const std::lock_guard lock(m_spareMutex);
    m_spare = std::move(done);
}

DeltaContext LivePerturbation::context(Index p, Index q, DeltaColumnSink *sink)
{
    DeltaContext c;
    c.factor_hops = factor_hops(p, q);
    c.sink = sink;
    const std::lock_guard lock(m_spareMutex);
    c.storage = std::move(m_spare);
    return c;
}

LivePerturbation::TridiagonalBase &LivePerturbation::tridiagonal_base()
{
    if (!m_triBase) {
        TridiagonalBase b;
        const auto n = static_cast<Index>(m_A.rows());
        b.a_diag = m_A.diagonal();
        b.a_sub = sparse::Vector::Zero(std::max<Index>(0, n - 1));
        for (Index i = 0; i + 1 < n; ++i)
            b.a_sub[i] = m_A.coeff(i + 1, i);
        if (m_exactL) {
            if (m_exactL->rows() != n || m_exactL->cols() != n)
                throw std::invalid_argument("exact factor has the wrong size");
            b.L.diag = m_exactL->diagonal();
            b.L.sub = sparse::Vector::Zero(std::max<Index>(0, n - 1));
            for (Index i = 0; i + 1 < n; ++i)
                b.L.sub[i] = m_exactL->coeff(i + 1, i);
        } else {
            b.L = factor::tridiagonal_cholesky(b.a_diag, b.a_sub); // quadruple-precision check, once
        }
        m_triBase = std::move(b);
    }
    return *m_triBase;
}

PerturbationResult LivePerturbation::evaluate_tridiagonal(Index p, Index q, double delta, DeltaColumnSink *sink)
{
    const auto n = static_cast<Index>(m_A.rows());
    TridiagonalBase &base = tridiagonal_base();
    // Rows before k = max(p, q) of the factor do not depend on the perturbed entries; the
    // recurrence continues from L_{k-1,k-1}, cross-checked in double-double on every step. The
    // perturbed entry is changed in place and given back its exact value afterwards.
    const Index k = std::max(p, q);
    double &entry = p == q ? base.a_diag[p] : base.a_sub[std::min(p, q)];
    const double original = entry;
    entry += delta;
    factor::TridiagonalFactor t;
    try {
        t = factor::tridiagonal_cholesky(base.a_diag, base.a_sub, k, k > 0 ? base.L.diag[k - 1] : 0.0, 1e-8,
                                         factor::CrossCheck::DoubleDouble);
    } catch (...) {
        entry = original;
        throw;
    }
    entry = original;
    DeltaBuilder d(n, context(p, q, sink));
    d.reserve(2 * static_cast<std::size_t>(n - k + 1));
    for (Index j = std::max<Index>(0, k - 1); j < n; ++j) {
        if (j >= k)
            d.add(j, j, t.diag[j] - base.L.diag[j], base.L.diag[j]);
        // L_{k,k-1} = A_{k,k-1}/L_{k-1,k-1} changes only when A_{k,k-1} itself is perturbed.
        if (j + 1 < n && (j >= k || p != q))
            d.add(j + 1, j, t.sub[j] - base.L.sub[j], base.L.sub[j]);
    }
    PerturbationResult r;
    r.pattern_changed = !is_stored(m_A, p, q);
    r.delta = d.finish(m_A, p, q, {});
    r.error_estimate = std::max({base.L.error_estimate, base.L.quad_discrepancy, t.error_estimate, t.quad_discrepancy});
    r.reliable = base.L.reliable && t.reliable;
    r.warning = !base.L.reliable ? "unperturbed factor: " + base.L.warning
                                 : (!t.reliable ? "perturbed factor: " + t.warning : "");
    return r;
}

PerturbationResult LivePerturbation::evaluate_ic0(Index p, Index q, double delta, DeltaColumnSink *sink)
{
    const auto n = static_cast<Index>(m_A.rows());
    const sparse::Matrix &L = base_factor();
    const sparse::Matrix Ap = perturbed(m_A, p, q, delta);
    const Index c = std::min(p, q);
    precond::Ic0Result f = precond::ic0_from_column(Ap, L, static_cast<int>(c));
    if (!f.ok)
        throw factor::NotPositiveDefinite("IC(0) broke down: pivot of row/column " +
                                              std::to_string(f.breakdown_column + 1) + " (1-based) is not positive",
                                          f.breakdown_column);
    DeltaBuilder d(n, context(p, q, sink));
    const auto column = [](const sparse::Matrix &M, Index j) {
        const auto b = static_cast<std::size_t>(M.outerIndexPtr()[j]), e = static_cast<std::size_t>(M.outerIndexPtr()[j + 1]);
        return std::pair(std::span<const Index>(M.innerIndexPtr() + b, e - b), std::span<const double>(M.valuePtr() + b, e - b));
    };
    for (Index j = c; j < n; ++j) {
        const auto [oldRows, oldVals] = column(L, j);
        const auto [newRows, newVals] = column(f.L, j);
        d.add_column(j, oldRows, oldVals, newRows, newVals);
    }
    PerturbationResult r;
    r.delta = d.finish(m_A, p, q, {});
    assess_pivot_spread(r, L, f.L);
    return r;
}

PerturbationResult LivePerturbation::evaluate_cholesky(Index p, Index q, double delta, DeltaColumnSink *sink)
{
    CholeskyPerturbation &live = engine();
    const auto n = static_cast<Index>(m_A.rows());
    if (m_factorEntries == 0)
        m_factorEntries = live.factor_nonzeros();
    if (m_undo && (m_undo->p != p || m_undo->q != q))
        return_to_base();
    // A repeated δ is computed again like any other: keeping a copy of each result for it would
    // cost more per step than the rare repeat.
    std::optional<Undo> previous = undo_live(); // of this entry: its unperturbed columns serve again
    // The factor is the unperturbed one again (bit for bit): one modification takes it to A + δ.
    const double cond = live.condition_estimate();
    LiveModification m;
    try {
        m = live.modify(p, q, delta, !previous, std::move(m_afterSpare));
        if (previous && delta != 0.0) {
            if (m.mod.after.cols == previous->before.cols) {
                m.mod.before = std::move(previous->before);
                m.mod.saved = std::move(previous->saved);
            } else {
                // The same entry on the same pattern changes the same columns (Davis & Hager);
                // should it not, the change cannot be undone exactly: start from a fresh factor.
                refactor_live();
                m = live.modify(p, q, delta);
            }
        }
    } catch (const factor::FactorError &) {
        // CHOLMOD failed midway; the engine refactorised its (unperturbed) matrix.
        ++m_health.refactorizations;
        throw;
    }
    ++m_health.steps;
    // New entries count against the unperturbed factor: fill kept as explicit zeros counts again.
    const factor::FactorColumns &before = m.mod.before, &after = m.mod.after;
    const auto key = [n](Index i, Index j) { return std::int64_t(j) * n + i; };
    Index added = m.mod.new_entries;
    if (!m_explicitZeros.empty())
        for (std::size_t k = 0; k < after.cols.size(); ++k)
            for (auto t = after.ptr[k]; t < after.ptr[k + 1]; ++t)
                if (after.vals[t] != 0.0 && m_explicitZeros.count(key(after.rows[t], after.cols[k])))
                    ++added;
    if (m.mod.new_entries > 0) {
        for (std::size_t k = 0; k < after.cols.size(); ++k) {
            const auto b0 = before.rows.begin() + before.ptr[k], b1 = before.rows.begin() + before.ptr[k + 1];
            for (auto t = after.ptr[k]; t < after.ptr[k + 1]; ++t)
                if (!std::binary_search(b0, b1, after.rows[t]))
                    m_explicitZeros.insert(key(after.rows[t], after.cols[k]));
        }
    }
    PerturbationResult r;
    r.pattern_changed = !is_stored(m_A, p, q);
    r.new_entries = added;
    r.perm = live.permutation();
    r.delta = compute_delta(m.mod, n, m_A, p, q, r.perm, context(p, q, sink));
    r.reliable = m.reliable;
    r.error_estimate = m.error_estimate;
    r.warning = std::move(m.warning);
    if (delta != 0.0)
        m_undo = Undo{p, q, delta, m_A.coeff(p, q), cond, std::move(m.mod.saved), std::move(m.mod.before)};
    m_afterSpare = std::move(m.mod.after);
    return r;
}

std::optional<LivePerturbation::Undo> LivePerturbation::undo_live()
{
    if (!m_undo)
        return std::nullopt;
    engine().restore(m_undo->saved, m_undo->p, m_undo->q, m_undo->value, m_undo->cond);
    ++m_health.restores;
    std::optional<Undo> undone = std::move(m_undo);
    m_undo.reset();
    return undone;
}

void LivePerturbation::refactor_live()
{
    engine().refactor(m_A);
    ++m_health.refactorizations;
    m_factorEntries = engine().factor_nonzeros();
    m_explicitZeros.clear();
}

void LivePerturbation::return_to_base()
{
    if (!undo_live())
        return;
    // Fill that structural zeros added stays in the pattern as explicit zeros; once it has grown
    // the factor by a tenth, a fresh factorisation gives the memory and the speed back.
    if (std::int64_t(m_explicitZeros.size()) > m_factorEntries / 10)
        refactor_live();
}

LiveHealth LivePerturbation::health() const
{
    LiveHealth h = m_health;
    h.explicit_zeros = static_cast<std::int64_t>(m_explicitZeros.size());
    return h;
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
    // The check modifies the factor and writes it back exactly; no ΔL of L is needed.
    const double cond = m_engine->condition_estimate();
    const LiveModification check = m_engine->modify(p, q, delta);
    if (delta != 0.0)
        m_engine->restore(check.mod.saved, p, q, m_A.coeff(p, q), cond);
    PerturbationResult r = perturb_spai(m_A, base_factor(), p, q, delta, m_options.threads);
    r.reliable = check.reliable;
    r.error_estimate = check.error_estimate;
    r.warning = check.warning;
    return r;
}

const sparse::Matrix &LivePerturbation::base_factor()
{
    if (m_kind == PrecondKind::Kopt) {
        // The live K-optimal engine computes the factor as its first step anyway.
        if (!m_kopt)
            m_kopt = std::make_unique<KoptLowRank>(m_A, m_options.threads);
        return m_kopt->base_factor();
    }
    if (!m_baseFactor) {
        if (m_kind != PrecondKind::Cholesky) {
            m_baseFactor = factor_function(m_kind, m_options.threads)(m_A);
        } else if (!recurrence_applies()) {
            return_to_base(); // the live factor may hold a perturbation
            m_baseFactor = m_engine->factor();
        } else if (m_exactL) {
            m_baseFactor = *m_exactL;
        } else {
            m_baseFactor = tridiagonal_base().L.to_matrix(); // the recurrence runs once
        }
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
