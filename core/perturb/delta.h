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
};

/// Hop distance of a factor entry (i, j) in factor order is min(hop(perm[i]), hop(perm[j])) in the
/// graph of A, from {p, q} (rows of A, 0-based). Entries are given column-wise as in FactorColumns.
LocalityProfile locality_profile(const sparse::Matrix &A, Index p, Index q,
                                 std::span<const Index> entry_rows, std::span<const Index> entry_cols,
                                 std::span<const double> entry_values, std::span<const Index> perm);

/// ΔL, diagonal difference and locality profile from two full factors of the same order
/// (the generic path for factors recomputed from scratch). `perm` as factor::Cholesky::permutation();
/// empty means the identity.
FactorDelta compute_delta(const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                          const sparse::Matrix &A, Index p, Index q,
                          std::span<const Index> perm = {});

/// The same from the changed columns only (what factor::Cholesky::modify_symmetric returns); every other
/// column of the factor is unchanged. `n` is the order of the factor.
FactorDelta compute_delta(const factor::FactorModification &mod, Index n, const sparse::Matrix &A, Index p,
                          Index q, std::span<const Index> perm);

} // namespace fs::perturb
