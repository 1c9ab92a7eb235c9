#include "perturb/delta.h"

#include "sparse/graph_hops.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace fs::perturb {

namespace {

// Column-wise entries of ΔL, accumulated by merging old and new columns.
struct DeltaEntries {
    std::vector<Index> rows, cols;
    std::vector<double> vals;
    void add(Index i, Index j, double v)
    {
        if (v == 0.0)
            return;
        rows.push_back(i);
        cols.push_back(j);
        vals.push_back(v);
    }
};

// Merges two ascending (row, value) runs of column j into ΔL entries; returns ΔL_jj.
template <class OldIt, class NewIt>
double merge_column(Index j, OldIt oldBegin, OldIt oldEnd, NewIt newBegin, NewIt newEnd,
                    DeltaEntries &out)
{
    double diag = 0.0;
    auto a = oldBegin;
    auto b = newBegin;
    while (a != oldEnd || b != newEnd) {
        Index i;
        double v;
        if (b == newEnd || (a != oldEnd && a->first < b->first)) {
            i = a->first;
            v = -a->second;
            ++a;
        } else if (a == oldEnd || b->first < a->first) {
            i = b->first;
            v = b->second;
            ++b;
        } else {
            i = a->first;
            v = b->second - a->second;
            ++a;
            ++b;
        }
        if (i == j)
            diag = v;
        out.add(i, j, v);
    }
    return diag;
}

std::vector<std::pair<Index, double>> column_of(const sparse::Matrix &L, Index j)
{
    std::vector<std::pair<Index, double>> c;
    for (sparse::Matrix::InnerIterator it(L, j); it; ++it)
        c.emplace_back(it.row(), it.value());
    return c;
}

FactorDelta finish(DeltaEntries &e, sparse::Vector diag, Index n, const sparse::Matrix &A, Index p,
                   Index q, std::span<const Index> perm)
{
    FactorDelta out;
    out.diag_diff = std::move(diag);
    out.changed_entries = static_cast<Index>(e.vals.size());
    for (double v : e.vals)
        out.max_abs_change = std::max(out.max_abs_change, std::abs(v));
    // Entries arrive column by column with ascending rows, so the compressed arrays are built
    // directly (no triplet sort: on large factors this dominates otherwise).
    out.delta_L.resize(n, n);
    out.delta_L.resizeNonZeros(static_cast<Eigen::Index>(e.vals.size()));
    Index *outer = out.delta_L.outerIndexPtr();
    std::fill(outer, outer + n + 1, 0);
    for (Index j : e.cols)
        ++outer[j + 1];
    for (Index j = 0; j < n; ++j)
        outer[j + 1] += outer[j];
    std::copy(e.rows.begin(), e.rows.end(), out.delta_L.innerIndexPtr());
    std::copy(e.vals.begin(), e.vals.end(), out.delta_L.valuePtr());
    out.profile = locality_profile(A, p, q, e.rows, e.cols, e.vals, perm);
    return out;
}

} // namespace

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

    LocalityProfile prof;
    double unreachable = 0.0;
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
        if (static_cast<std::size_t>(h) >= prof.bins.size()) {
            const auto old = prof.bins.size();
            prof.bins.resize(static_cast<std::size_t>(h) + 1);
            for (std::size_t b = old; b < prof.bins.size(); ++b)
                prof.bins[b].hops = static_cast<int>(b);
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
        for (int k = 1; k <= kShareBeyondMax; ++k) {
            double s = prof.unreachable_sq_share;
            for (const auto &bin : prof.bins)
                if (bin.hops > k)
                    s += bin.sq_share;
            prof.share_beyond[static_cast<std::size_t>(k - 1)] = s;
        }
    } else {
        for (auto &bin : prof.bins)
            bin.sq_share = 0.0;
    }
    return prof;
}

FactorDelta compute_delta(const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                          const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm)
{
    const auto n = static_cast<Index>(L_old.rows());
    if (L_old.rows() != L_old.cols() || L_new.rows() != n || L_new.cols() != n || A.rows() != n)
        throw std::invalid_argument("compute_delta: factors and matrix must have the same order");
    if (!perm.empty() && static_cast<Index>(perm.size()) != n)
        throw std::invalid_argument("compute_delta: permutation has the wrong length");
    DeltaEntries e;
    sparse::Vector diag = sparse::Vector::Zero(n);
    for (Index j = 0; j < n; ++j) {
        const auto a = column_of(L_old, j);
        const auto b = column_of(L_new, j);
        diag[j] = merge_column(j, a.begin(), a.end(), b.begin(), b.end(), e);
    }
    return finish(e, std::move(diag), n, A, p, q, perm);
}

FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm)
{
    DeltaEntries e;
    sparse::Vector diag = sparse::Vector::Zero(n);
    if (mod.before.cols != mod.after.cols)
        throw std::invalid_argument("compute_delta: before/after columns differ");
    std::vector<std::pair<Index, double>> a, b;
    for (std::size_t k = 0; k < mod.before.cols.size(); ++k) {
        const Index j = mod.before.cols[k];
        a.clear();
        b.clear();
        for (Index t = mod.before.ptr[k]; t < mod.before.ptr[k + 1]; ++t)
            a.emplace_back(mod.before.rows[t], mod.before.vals[t]);
        for (Index t = mod.after.ptr[k]; t < mod.after.ptr[k + 1]; ++t)
            b.emplace_back(mod.after.rows[t], mod.after.vals[t]);
        diag[j] = merge_column(j, a.begin(), a.end(), b.begin(), b.end(), e);
    }
    return finish(e, std::move(diag), n, A, p, q, perm);
}

} // namespace fs::perturb
