#include "perturb/delta.h"

#include "sparse/graph_hops.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace fs::perturb {

LocalityProfile locality_profile(const sparse::Matrix &A, Index p, Index q,
                                 std::span<const Index> entry_rows, std::span<const Index> entry_cols,
                                 std::span<const double> entry_values, std::span<const Index> perm)
{
    const auto n = static_cast<Index>(A.rows());
    auto original = [&](Index k) { return perm.empty() ? k : perm[k]; };
    std::vector<Index> targets;
    targets.reserve(2 * entry_rows.size());
    for (std::size_t k = 0; k < entry_rows.size(); ++k) {
        targets.push_back(original(entry_rows[k]));
        targets.push_back(original(entry_cols[k]));
    }
    for (Index t : targets)
        if (t < 0 || t >= n)
            throw std::out_of_range("locality profile: factor entry outside the matrix");
    const Index sources[2] = {p, q};
    const std::vector<int> hop = sparse::hop_distances_to(A, std::span<const Index>(sources, 2), targets);
    return locality_profile(hop, entry_rows, entry_cols, entry_values, perm);
}

void LocalityAccumulator::end_run(int next)
{
    if (m_runCount > 0) {
        const double sq = m_runSq[0] + m_runSq[1];
        m_total += sq;
        if (m_runHop == sparse::kUnreachable) {
            m_unreachable += sq;
        } else {
            const auto h = static_cast<std::size_t>(m_runHop);
            if (h >= m_bins.size())
                m_bins.resize(std::max(h + 1, 2 * m_bins.size()));
            LocalityBin &bin = m_bins[h];
            bin.sq_share += sq; // normalised by finish()
            bin.max_abs = std::max({bin.max_abs, m_runMax[0], m_runMax[1]});
            bin.entries += m_runCount;
            m_farthest = std::max(m_farthest, m_runHop);
        }
    }
    m_runHop = next;
    m_runCount = 0;
    m_runSq = {};
    m_runMax = {};
}

void LocalityAccumulator::reuse(std::vector<LocalityBin> storage)
{
    if (m_farthest >= 0 || m_runCount > 0)
        return; // only an empty accumulator takes storage
    m_bins = std::move(storage);
    m_bins.clear();
}

LocalityProfile LocalityAccumulator::finish()
{
    end_run(sparse::kUnreachable);
    LocalityProfile prof;
    m_bins.resize(static_cast<std::size_t>(m_farthest + 1));
    prof.bins = std::move(m_bins);
    for (std::size_t h = 0; h < prof.bins.size(); ++h)
        prof.bins[h].hops = static_cast<int>(h);
    m_bins = {};
    m_farthest = -1;
    prof.total_sq = m_total;
    const double unreachable = m_unreachable;
    m_total = m_unreachable = 0.0;
    if (prof.total_sq > 0.0) {
        for (auto &bin : prof.bins)
            bin.sq_share /= prof.total_sq;
        prof.unreachable_sq_share = unreachable / prof.total_sq;
        // share_beyond[k-1] = unreachable + Σ_{h > k} share(h), from the far end inwards.
        double tail = prof.unreachable_sq_share;
        for (std::size_t h = prof.bins.size(); h-- > 0;) {
            if (h <= static_cast<std::size_t>(kShareBeyondMax) && h >= 1)
                prof.share_beyond[h - 1] = tail;
            tail += prof.bins[h].sq_share;
        }
        for (std::size_t h = prof.bins.size(); h <= static_cast<std::size_t>(kShareBeyondMax); ++h)
            if (h >= 1)
                prof.share_beyond[h - 1] = prof.unreachable_sq_share;
    } else {
        for (auto &bin : prof.bins)
            bin.sq_share = 0.0;
    }
    return prof;
}

LocalityProfile locality_profile(std::span<const int> hop, std::span<const Index> entry_rows,
                                 std::span<const Index> entry_cols, std::span<const double> entry_values,
                                 std::span<const Index> perm)
{
    const auto n = static_cast<Index>(hop.size());
    auto original = [&](Index k) { return perm.empty() ? k : perm[k]; };
    for (std::size_t k = 0; k < entry_rows.size(); ++k)
        if (entry_rows[k] < 0 || entry_rows[k] >= n || entry_cols[k] < 0 || entry_cols[k] >= n)
            throw std::out_of_range("locality profile: factor entry outside the matrix");
    LocalityAccumulator sums;
    for (std::size_t k = 0; k < entry_values.size(); ++k)
        sums.add(entry_hop(hop[original(entry_rows[k])], hop[original(entry_cols[k])]), entry_values[k]);
    return sums.finish();
}

DeltaBuilder::DeltaBuilder(Index n, DeltaContext context)
    : m_n(n), m_factorHops(context.factor_hops), m_sink(context.sink)
{
    if (!m_factorHops.empty() && static_cast<Index>(m_factorHops.size()) != n)
        throw std::invalid_argument("delta builder: factor hops have the wrong length");
    if (m_sink && m_factorHops.empty())
        throw std::invalid_argument("delta builder: a column sink needs the factor hops");
    m_L.swap(context.storage.delta_L);
    m_diag.swap(context.storage.diag_diff);
    m_profile.reuse(std::move(context.storage.profile.bins));
    if (m_L.rows() != n || m_L.cols() != n || !m_L.isCompressed())
        m_L = sparse::Matrix(n, n);
    m_capacity = static_cast<std::size_t>(m_L.data().allocatedSize());
    m_L.data().resize(static_cast<Eigen::Index>(m_capacity));
    m_rows = m_L.innerIndexPtr();
    m_vals = m_L.valuePtr();
    if (m_diag.size() == n)
        m_diag.setZero();
    else
        m_diag = sparse::Vector::Zero(n);
    if (m_sink)
        m_sink->begin();
}

void DeltaBuilder::reserve(std::size_t entries)
{
    if (entries > m_capacity)
        reallocate(entries);
}

void DeltaBuilder::grow(std::size_t entries)
{
    reallocate(std::max({entries, 2 * m_capacity, std::size_t(1024)}));
}

void DeltaBuilder::reallocate(std::size_t capacity)
{
    // Eigen's storage keeps its first m_count entries when it reallocates.
    m_L.data().resize(static_cast<Eigen::Index>(m_count));
    m_L.data().resize(static_cast<Eigen::Index>(capacity));
    m_capacity = capacity;
    m_rows = m_L.innerIndexPtr();
    m_vals = m_L.valuePtr();
}

void DeltaBuilder::start_column(Index j)
{
    if (j == m_current)
        return;
    if (j < m_current || j < 0 || j >= m_n)
        throw std::invalid_argument("delta builder: columns must come in ascending order inside the matrix");
    flush_column();
    // Columns arrive in ascending order, so the column starts are written as they come: j and every
    // column skipped since the last one start here.
    Index *outer = m_L.outerIndexPtr();
    for (Index c = m_current + 1; c <= j; ++c)
        outer[c] = static_cast<Index>(m_count);
    m_current = j;
}

void DeltaBuilder::flush_column()
{
    if (m_current < 0)
        return;
    const auto begin = static_cast<std::size_t>(m_L.outerIndexPtr()[m_current]);
    const std::size_t count = m_count - begin;
    const std::span<const Index> rows(m_rows + begin, count);
    const std::span<const double> vals(m_vals + begin, count);
    double maxAbs = m_maxAbs;
    for (double v : vals)
        maxAbs = std::max(maxAbs, std::abs(v));
    m_maxAbs = maxAbs;
    std::span<const int> entryHops;
    if (!m_factorHops.empty()) {
        const std::span<const int> hop = m_factorHops;
        const int hj = hop[static_cast<std::size_t>(m_current)];
        m_entryHops.resize(count);
        for (std::size_t k = 0; k < count; ++k) {
            if (rows[k] < 0 || rows[k] >= m_n)
                throw std::out_of_range("locality profile: factor entry outside the matrix");
            const int h = entry_hop(hop[static_cast<std::size_t>(rows[k])], hj);
            m_entryHops[k] = h;
            m_profile.add(h, vals[k]);
        }
        entryHops = m_entryHops;
    }
    if (m_sink) {
        m_sink->column(m_current, rows, vals, m_before, entryHops);
        m_before.clear();
    }
}

void DeltaBuilder::add(Index i, Index j, double v, double before)
{
    start_column(j);
    put(i, j, v, before);
}

void DeltaBuilder::add_column(Index j, std::span<const Index> old_rows, std::span<const double> old_vals,
                              std::span<const Index> new_rows, std::span<const double> new_vals)
{
    start_column(j);
    const std::size_t na = old_rows.size(), nb = new_rows.size();
    if (m_count + na + nb > m_capacity) {
        // The column may still fit: its merged length is usually that of the longer side.
        std::size_t merged = 0;
        for (std::size_t a = 0, b = 0; a < na || b < nb; ++merged) {
            if (b == nb || (a < na && old_rows[a] < new_rows[b]))
                ++a;
            else if (a == na || new_rows[b] < old_rows[a])
                ++b;
            else {
                ++a;
                ++b;
            }
        }
        if (m_count + merged > m_capacity)
            grow(m_count + merged);
    }
    // The merge writes straight into the reserved storage: this loop runs over every changed entry
    // of a factor (millions per slider step at 10^6 rows).
    Index *rows = m_rows;
    double *vals = m_vals;
    std::size_t c = m_count;
    const bool keepBefore = m_sink != nullptr;
    std::size_t kb = m_before.size();
    if (keepBefore)
        m_before.resize(kb + na + nb);
    double *before = keepBefore ? m_before.data() : nullptr;
    const auto emit = [&](Index i, double v, double old) {
        if (i == j)
            m_diag[j] = v;
        if (v == 0.0)
            return;
        rows[c] = i;
        vals[c] = v;
        ++c;
        if (keepBefore)
            before[kb++] = old;
    };
    std::size_t a = 0, b = 0;
    while (a < na && b < nb) {
        const Index ia = old_rows[a], ib = new_rows[b];
        if (ia == ib) {
            emit(ia, new_vals[b] - old_vals[a], old_vals[a]);
            ++a;
            ++b;
        } else if (ia < ib) {
            emit(ia, -old_vals[a], old_vals[a]);
            ++a;
        } else {
            emit(ib, new_vals[b], 0.0);
            ++b;
        }
    }
    for (; a < na; ++a)
        emit(old_rows[a], -old_vals[a], old_vals[a]);
    for (; b < nb; ++b)
        emit(new_rows[b], new_vals[b], 0.0);
    m_count = c;
    if (keepBefore)
        m_before.resize(kb);
}

FactorDelta DeltaBuilder::finish(const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm,
                                 std::span<const int> hops)
{
    flush_column();
    FactorDelta out;
    const Index n = m_n;
    m_L.data().resize(static_cast<Eigen::Index>(m_count));
    out.changed_entries = static_cast<Index>(m_count);
    out.max_abs_change = m_maxAbs;
    // Entries arrive column by column with ascending rows, so the compressed arrays are complete
    // once the starts of the columns after the last one are set (no triplet sort).
    Index *outer = m_L.outerIndexPtr();
    for (Index c = m_current + 1; c <= n; ++c)
        outer[c] = static_cast<Index>(m_count);
    if (!m_factorHops.empty()) {
        out.profile = m_profile.finish();
    } else {
        std::vector<Index> cols(m_count);
        for (Index j = 0; j < n; ++j)
            std::fill(cols.begin() + outer[j], cols.begin() + outer[j + 1], j);
        const std::span<const double> vals(m_L.valuePtr(), m_count);
        const std::span<const Index> rows(m_L.innerIndexPtr(), m_count);
        out.profile = hops.empty() ? locality_profile(A, p, q, rows, cols, vals, perm)
                                   : locality_profile(hops, rows, cols, vals, perm);
    }
    out.diag_diff.swap(m_diag);
    out.delta_L.swap(m_L); // no copy (Eigen 3.4's SparseMatrix cannot be moved)
    return out;
}

namespace {

// The context of a caller that has the hop distances of the rows of A (or none): in factor order,
// permuted into `storage` when the factor is.
DeltaContext hop_context(std::span<const int> hops, std::span<const Index> perm, Index n, std::vector<int> &storage)
{
    DeltaContext context;
    if (hops.empty())
        return context;
    if (static_cast<Index>(hops.size()) != n || (!perm.empty() && static_cast<Index>(perm.size()) != n))
        throw std::invalid_argument("compute_delta: permutation or hop distances have the wrong length");
    if (perm.empty()) {
        context.factor_hops = hops;
        return context;
    }
    storage.resize(static_cast<std::size_t>(n));
    for (Index k = 0; k < n; ++k)
        storage[static_cast<std::size_t>(k)] = hops[static_cast<std::size_t>(perm[k])];
    context.factor_hops = storage;
    return context;
}

void column_of(const sparse::Matrix &L, Index j, std::vector<Index> &rows, std::vector<double> &vals)
{
    rows.clear();
    vals.clear();
    for (sparse::Matrix::InnerIterator it(L, j); it; ++it) {
        rows.push_back(static_cast<Index>(it.row()));
        vals.push_back(it.value());
    }
}

} // namespace

FactorDelta compute_delta(const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                          const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm,
                          DeltaContext context)
{
    const auto n = static_cast<Index>(L_old.rows());
    if (L_old.rows() != L_old.cols() || L_new.rows() != n || L_new.cols() != n || A.rows() != n)
        throw std::invalid_argument("compute_delta: factors and matrix must have the same order");
    if (!perm.empty() && static_cast<Index>(perm.size()) != n)
        throw std::invalid_argument("compute_delta: permutation has the wrong length");
    DeltaBuilder d(n, std::move(context));
    std::vector<Index> ra, rb;
    std::vector<double> va, vb;
    for (Index j = 0; j < n; ++j) {
        column_of(L_old, j, ra, va);
        column_of(L_new, j, rb, vb);
        d.add_column(j, ra, va, rb, vb);
    }
    return d.finish(A, p, q, perm);
}

FactorDelta compute_delta(const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                          const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm,
                          std::span<const int> hops)
{
    std::vector<int> storage;
    return compute_delta(L_old, L_new, A, p, q, perm,
                         hop_context(hops, perm, static_cast<Index>(L_old.rows()), storage));
}

FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm, DeltaContext context)
{
    if (mod.before.cols != mod.after.cols)
        throw std::invalid_argument("compute_delta: before/after columns differ");
    DeltaBuilder d(n, std::move(context));
    d.reserve(std::max(mod.before.rows.size(), mod.after.rows.size()));
    for (std::size_t k = 0; k < mod.before.cols.size(); ++k) {
        const auto b0 = static_cast<std::size_t>(mod.before.ptr[k]), b1 = static_cast<std::size_t>(mod.before.ptr[k + 1]);
        const auto a0 = static_cast<std::size_t>(mod.after.ptr[k]), a1 = static_cast<std::size_t>(mod.after.ptr[k + 1]);
        d.add_column(mod.before.cols[k], std::span(mod.before.rows).subspan(b0, b1 - b0),
                     std::span(mod.before.vals).subspan(b0, b1 - b0), std::span(mod.after.rows).subspan(a0, a1 - a0),
                     std::span(mod.after.vals).subspan(a0, a1 - a0));
    }
    return d.finish(A, p, q, perm);
}

FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm, std::span<const int> hops)
{
    std::vector<int> storage;
    return compute_delta(mod, n, A, p, q, perm, hop_context(hops, perm, n, storage));
}

} // namespace fs::perturb
