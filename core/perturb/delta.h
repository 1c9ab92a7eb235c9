#pragma once
// The change of a factor under a perturbation A ← A + δ(e_p e_qᵀ + e_q e_pᵀ) and its locality
// profile (brief §4), independent of how the two factors were obtained (CHOLMOD update/downdate,
// exact recurrence, IC(0), K-optimal ...).

#include "factor/cholesky.h"
#include "sparse/graph_hops.h"
#include "sparse/matrix.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <utility>
#include <vector>

namespace fs::perturb {

using sparse::Index;

/// Max |ΔL| and share of ‖ΔL‖²_F among the factor entries at one hop distance.
struct LocalityBin {
    int hops = 0;
    double max_abs = 0.0;
    double sq_share = 0.0;
    Index entries = 0; ///< changed entries at this distance
};

inline constexpr int kShareBeyondMax = 10;

struct LocalityProfile {
    /// One bin per hop distance 0..max (bins without changed entries included, with zeros).
    std::vector<LocalityBin> bins;
    /// share_beyond[k-1] = share of ‖ΔL‖² at hop distance > k (k = 1..10); entries in another
    /// connected component count as beyond every k.
    std::array<double, kShareBeyondMax> share_beyond{};
    double unreachable_sq_share = 0.0; ///< share in components not containing p or q
    double total_sq = 0.0;             ///< ‖ΔL‖²_F (shares are 0 when it is 0)
};

/// ΔL = L' - L with its summaries. Indices are those of the factor (rows of P A Pᵀ).
struct FactorDelta {
    sparse::Matrix delta_L;     ///< on the union of both patterns; exact zeros dropped
    sparse::Vector diag_diff;   ///< L'_kk - L_kk for every k
    Index changed_entries = 0;  ///< entries with ΔL ≠ 0
    double max_abs_change = 0.0;
    LocalityProfile profile;

    FactorDelta() = default;
    FactorDelta(const FactorDelta &) = default;
    FactorDelta &operator=(const FactorDelta &) = default;
    // Eigen 3.4's SparseMatrix has no move operations, so a defaulted move would copy ΔL (tens of
    // megabytes per slider step at 10^6 rows); these swap it instead.
    FactorDelta(FactorDelta &&other) noexcept { *this = std::move(other); }
    FactorDelta &operator=(FactorDelta &&other) noexcept
    {
        delta_L.swap(other.delta_L);
        diag_diff.swap(other.diag_diff);
        changed_entries = other.changed_entries;
        max_abs_change = other.max_abs_change;
        profile = std::move(other.profile);
        return *this;
    }
};

/// Hop distance of a factor entry from those of its row and column: the nearer of the two, or the
/// one that is reachable (sparse::kUnreachable when neither is).
inline int entry_hop(int hi, int hj)
{
    if (hi != sparse::kUnreachable && hj != sparse::kUnreachable)
        return std::min(hi, hj);
    return hi != sparse::kUnreachable ? hi : hj;
}

/// Running sums of a locality profile, one entry of ΔL at a time. Consecutive entries at one
/// distance (most of a factor column) form a run summed in two alternating registers, so that no
/// entry waits on the previous one's addition through memory (millions per slider step at 10^6
/// rows); a run is added to its bin when the distance changes. The profile depends only on the
/// sequence of entries.
class LocalityAccumulator {
public:
    /// An entry of value v at hop distance h (sparse::kUnreachable: another component).
    void add(int h, double v)
    {
        if (h != m_runHop)
            end_run(h);
        const double sq = v * v;
        m_runSq[m_runCount & 1] += sq;
        m_runMax[m_runCount & 1] = std::max(m_runMax[m_runCount & 1], std::abs(v));
        ++m_runCount;
    }
    /// The profile of the entries added so far; the accumulator is left empty.
    LocalityProfile finish();
    /// Bins of an earlier profile whose storage an empty accumulator fills again.
    void reuse(std::vector<LocalityBin> storage);

private:
    void end_run(int next);
    int m_runHop = sparse::kUnreachable;
    Index m_runCount = 0;
    std::array<double, 2> m_runSq{}, m_runMax{};
    double m_total = 0.0, m_unreachable = 0.0;
    std::vector<LocalityBin> m_bins; ///< capacity; bins 0..m_farthest are in use
    int m_farthest = -1;
};

/// Hop distance of a factor entry (i, j) in factor order is min(hop(perm[i]), hop(perm[j])) in the
/// graph of A, from {p, q} (rows of A, 0-based). Entries are given column-wise as in FactorColumns.
LocalityProfile locality_profile(const sparse::Matrix &A, Index p, Index q,
                                 std::span<const Index> entry_rows, std::span<const Index> entry_cols,
                                 std::span<const double> entry_values, std::span<const Index> perm);

/// locality_profile with the hop distance of every row of A from {p, q} given (sparse::hop_distances),
/// as a live engine keeps it for the entry being dragged.
LocalityProfile locality_profile(std::span<const int> hops, std::span<const Index> entry_rows,
                                 std::span<const Index> entry_cols, std::span<const double> entry_values,
                                 std::span<const Index> perm);

/// Receives each column of ΔL as it is assembled, together with the unperturbed factor's values at
/// the same rows (0 where it had no entry), while the column is still in cache: what a view derives
/// from ΔL and L (heat-map bins, sums by hop distance) then needs no second pass over either.
class DeltaColumnSink {
public:
    virtual ~DeltaColumnSink() = default;
    /// Called once, when a builder takes the sink (before any column).
    virtual void begin() = 0;
    /// Column j of ΔL: rows ascending, exact zeros left out; `before` = L(rows, j); `hops` = hop
    /// distance of each entry as the locality profile counts it (entry_hop).
    virtual void column(Index j, std::span<const Index> rows, std::span<const double> delta,
                        std::span<const double> before, std::span<const int> hops) = 0;
};

/// What a DeltaBuilder may be given besides the entries.
struct DeltaContext {
    /// Hop distance of every factor row k from {p, q} (hops[perm[k]] of sparse::hop_distances): the
    /// profile is then accumulated column by column. Empty: a search at finish().
    std::span<const int> factor_hops;
    DeltaColumnSink *sink = nullptr; ///< needs factor_hops
    /// A result no longer needed whose storage (ΔL, diagonal) the builder fills again, so that a
    /// dragged slider does not allocate and fault in tens of megabytes per step.
    FactorDelta storage;
};

/// Assembles ΔL column by column: each column merges the old and the new (row, value) runs of that
/// column (ascending rows); columns must come in ascending order. Columns never added are unchanged.
class DeltaBuilder {
public:
    explicit DeltaBuilder(Index n, DeltaContext context = {});
    /// Room for this many entries (more are still accepted).
    void reserve(std::size_t entries);
    void add_column(Index j, std::span<const Index> old_rows, std::span<const double> old_vals,
                    std::span<const Index> new_rows, std::span<const double> new_vals);
    /// One changed entry (i, j), i >= j, whose unperturbed value was `before`; entries of a column in
    /// ascending rows, columns ascending.
    void add(Index i, Index j, double v, double before = 0.0);
    /// The result. Without factor hops in the context, `hops` as for locality_profile (empty:
    /// computed by a search from {p, q} that stops once every changed entry is reached).
    FactorDelta finish(const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm,
                       std::span<const int> hops = {});

private:
    void start_column(Index j);
    void flush_column();
    void grow(std::size_t entries);       ///< room for `entries`, at least doubling
    void reallocate(std::size_t capacity); ///< room for exactly `capacity`
    void put(Index i, Index j, double v, double before)
    {
        if (i == j)
            m_diag[j] = v;
        if (v == 0.0)
            return;
        if (m_count == m_capacity)
            grow(m_count + 1);
        m_rows[m_count] = i;
        m_vals[m_count] = v;
        ++m_count;
        if (m_sink)
            m_before.push_back(before);
    }

    Index m_n;
    std::span<const int> m_factorHops;
    DeltaColumnSink *m_sink = nullptr;
    sparse::Matrix m_L; ///< ΔL's entries written into its storage (no copy at the end)
    sparse::Vector m_diag;
    Index *m_rows = nullptr;
    double *m_vals = nullptr;
    std::size_t m_count = 0, m_capacity = 0;
    Index m_current = -1; ///< column being added; the starts of columns up to it are in m_L
    std::vector<double> m_before;                        ///< L at the current column's entries (sink only)
    std::vector<int> m_entryHops;                        ///< hop distance of the current column's entries
    LocalityAccumulator m_profile; ///< accumulated column by column (with factor hops)
    double m_maxAbs = 0.0;
};

/// ΔL, diagonal difference and locality profile from two full factors of the same order
/// (the generic path for factors recomputed from scratch). `perm` as factor::Cholesky::permutation();
/// empty means the identity.
FactorDelta compute_delta(const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                          const sparse::Matrix &A, Index p, Index q,
                          std::span<const Index> perm = {}, std::span<const int> hops = {});
FactorDelta compute_delta(const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                          const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm,
                          DeltaContext context);

/// The same from the changed columns only (what factor::Cholesky::modify_symmetric returns); every other
/// column of the factor is unchanged. `n` is the order of the factor.
FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm, std::span<const int> hops = {});

/// The same with a live engine's context (factor hops, sink, storage to reuse).
FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm, DeltaContext context);

} // namespace fs::perturb
