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

LocalityProfile locality_profile(std::span<const int> hop, std::span<const Index> entry_rows,
                                 std::span<const Index> entry_cols, std::span<const double> entry_values,
                                 std::span<const Index> perm)
{
    const auto n = static_cast<Index>(hop.size());
    auto original = [&](Index k) { return perm.empty() ? k : perm[k]; };
    for (std::size_t k = 0; k < entry_rows.size(); ++k)
        if (entry_rows[k] < 0 || entry_rows[k] >= n || entry_cols[k] < 0 || entry_cols[k] >= n)
            throw std::out_of_range("locality profile: factor entry outside the matrix");
    LocalityProfile prof;
    double unreachable = 0.0;
    int farthest = -1;
    for (std::size_t k = 0; k < entry_values.size(); ++k) {
        const int hi = hop[original(entry_rows[k])], hj = hop[original(entry_cols[k])];
        farthest = std::max(farthest, hi == sparse::kUnreachable ? hj : hj == sparse::kUnreachable ? hi : std::min(hi, hj));
    }
    prof.bins.resize(static_cast<std::size_t>(farthest + 1));
    for (std::size_t b = 0; b < prof.bins.size(); ++b)
        prof.bins[b].hops = static_cast<int>(b);
    for (std::size_t k = 0; k < entry_values.size(); ++k) {
        const int hi = hop[original(entry_rows[k])], hj = hop[original(entry_cols[k])];
        const double v = entry_values[k];
        prof.total_sq += v * v;
        int h = sparse::kUnreachable;
        if (hi != sparse::kUnreachable && hj != sparse::kUnreachable)
            h = std::min(hi, hj);
        else
            h = hi != sparse::kUnreachable ? hi : hj;
        if (h == sparse::kUnreachable) {
            unreachable += v * v;
            continue;
        }
        LocalityBin &bin = prof.bins[static_cast<std::size_t>(h)];
        bin.max_abs = std::max(bin.max_abs, std::abs(v));
        bin.sq_share += v * v; // normalised below
        ++bin.entries;
    }
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

DeltaBuilder::DeltaBuilder(Index n)
    : m_n(n), m_L(n, n), m_diag(sparse::Vector::Zero(n))
{
}

void DeltaBuilder::reserve(std::size_t entries)
{
    m_L.data().reserve(static_cast<Eigen::Index>(entries));
    m_cols.reserve(entries);
}

void DeltaBuilder::add(Index i, Index j, double v)
{
    if (i == j)
        m_diag[j] = v;
    if (v == 0.0)
        return;
    m_L.data().append(v, i);
    m_cols.push_back(j);
}

void DeltaBuilder::add_column(Index j, std::span<const Index> old_rows, std::span<const double> old_vals,
                              std::span<const Index> new_rows, std::span<const double> new_vals)
{
    std::size_t a = 0, b = 0;
    while (a < old_rows.size() || b < new_rows.size()) {
        if (b == new_rows.size() || (a < old_rows.size() && old_rows[a] < new_rows[b])) {
            add(old_rows[a], j, -old_vals[a]);
            ++a;
        } else if (a == old_rows.size() || new_rows[b] < old_rows[a]) {
            add(new_rows[b], j, new_vals[b]);
            ++b;
        } else {
            add(old_rows[a], j, new_vals[b] - old_vals[a]);
            ++a;
            ++b;
        }
    }
}

FactorDelta DeltaBuilder::finish(const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm,
                                 std::span<const int> hops)
{
    FactorDelta out;
    const Index n = m_n;
    out.diag_diff = std::move(m_diag);
    const auto count = static_cast<std::size_t>(m_L.data().size());
    out.changed_entries = static_cast<Index>(count);
    const std::span<const double> vals(m_L.valuePtr(), count);
    const std::span<const Index> rows(m_L.innerIndexPtr(), count);
    for (double v : vals)
        out.max_abs_change = std::max(out.max_abs_change, std::abs(v));
    // Entries arrive column by column with ascending rows, so the compressed arrays are complete
    // once the column starts are set (no triplet sort: on large factors this dominates otherwise).
    Index *outer = m_L.outerIndexPtr();
    std::fill(outer, outer + n + 1, 0);
    for (Index j : m_cols)
        ++outer[j + 1];
    for (Index j = 0; j < n; ++j)
        outer[j + 1] += outer[j];
    out.profile = hops.empty() ? locality_profile(A, p, q, rows, m_cols, vals, perm)
                               : locality_profile(hops, rows, m_cols, vals, perm);
    out.delta_L.swap(m_L); // no copy (Eigen 3.4's SparseMatrix cannot be moved)
    return out;
}

namespace {

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
                          std::span<const int> hops)
{
    const auto n = static_cast<Index>(L_old.rows());
    if (L_old.rows() != L_old.cols() || L_new.rows() != n || L_new.cols() != n || A.rows() != n)
        throw std::invalid_argument("compute_delta: factors and matrix must have the same order");
    if (!perm.empty() && static_cast<Index>(perm.size()) != n)
        throw std::invalid_argument("compute_delta: permutation has the wrong length");
    DeltaBuilder d(n);
    std::vector<Index> ra, rb;
    std::vector<double> va, vb;
    for (Index j = 0; j < n; ++j) {
        column_of(L_old, j, ra, va);
        column_of(L_new, j, rb, vb);
        d.add_column(j, ra, va, rb, vb);
    }
    return d.finish(A, p, q, perm, hops);
}

FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm, std::span<const int> hops)
{
    if (mod.before.cols != mod.after.cols)
        throw std::invalid_argument("compute_delta: before/after columns differ");
    DeltaBuilder d(n);
    d.reserve(std::max(mod.before.rows.size(), mod.after.rows.size()));
    for (std::size_t k = 0; k < mod.before.cols.size(); ++k) {
        const auto b0 = static_cast<std::size_t>(mod.before.ptr[k]), b1 = static_cast<std::size_t>(mod.before.ptr[k + 1]);
        const auto a0 = static_cast<std::size_t>(mod.after.ptr[k]), a1 = static_cast<std::size_t>(mod.after.ptr[k + 1]);
        d.add_column(mod.before.cols[k], std::span(mod.before.rows).subspan(b0, b1 - b0),
                     std::span(mod.before.vals).subspan(b0, b1 - b0), std::span(mod.after.rows).subspan(a0, a1 - a0),
                     std::span(mod.after.vals).subspan(a0, a1 - a0));
    }
    return d.finish(A, p, q, perm, hops);
}

} // namespace fs::perturb
