#pragma once
// The change of a factor under a perturbation A ← A + δ(e_p e_qᵀ + e_q e_pᵀ) and its locality
// profile (brief §4), independent of how the two factors were obtained (CHOLMOD update/downdate,
// exact recurrence, IC(0), K-optimal ...).

#include "factor/cholesky.h"
#include "sparse/matrix.h"

#include <array>
#include <span>
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

/// Assembles ΔL column by column: each column merges the old and the new (row, value) runs of that
/// column (ascending rows); columns must come in ascending order. Columns never added are unchanged.
class DeltaBuilder {
public:
    explicit DeltaBuilder(Index n);
    void reserve(std::size_t entries);
    void add_column(Index j, std::span<const Index> old_rows, std::span<const double> old_vals,
                    std::span<const Index> new_rows, std::span<const double> new_vals);
    /// One changed entry (i, j), i >= j; entries of a column in ascending rows, columns ascending.
    void add(Index i, Index j, double v);
    /// The result. `hops` as for locality_profile (empty: computed by a search from {p, q} that
    /// stops once every changed entry is reached).
    FactorDelta finish(const sparse::Matrix &A, Index p, Index q, std::span<const Index> perm,
                       std::span<const int> hops = {});

private:
    Index m_n;
    sparse::Matrix m_L;          ///< ΔL's entries appended to its storage (no copy at the end)
    std::vector<Index> m_cols;   ///< column of each entry
    sparse::Vector m_diag;
};

/// ΔL, diagonal difference and locality profile from two full factors of the same order
/// (the generic path for factors recomputed from scratch). `perm` as factor::Cholesky::permutation();
/// empty means the identity.
FactorDelta compute_delta(const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                          const sparse::Matrix &A, Index p, Index q,
                          std::span<const Index> perm = {}, std::span<const int> hops = {});

/// The same from the changed columns only (what factor::Cholesky::modify_symmetric returns); every other
/// column of the factor is unchanged. `n` is the order of the factor.
FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm, std::span<const int> hops = {});

} // namespace fs::perturb
