#pragma once
// Everything the perturbation view shows for one slider position, computed by one call so that the
// view and `factorscope-cli perturb --sweep` measure the same work: ΔL with its locality profile,
// the diagonal difference per row of A, |ΔL| binned on the heat map's grid, and the sums from which
// the cosine bound of every receptive radius follows (dataset::bounds_from_hop_sums).
//
// What depends only on the selected entry (hop distances, the unperturbed factor's share of each
// hop distance) is computed once per entry; each step then costs O(changed entries + the factor
// columns they lie in + the grid).

#include "perturb/live_perturbation.h"
#include "sparse/pattern_bins.h"

#include <memory>
#include <optional>
#include <vector>

namespace fs::perturb {

/// Sums over the entries of the factor pair (L, L' = L + ΔL) by hop distance h = 0..max_radius of
/// the entry, then one bin for farther and unreachable entries: Σ L², Σ L'², Σ L·L'.
struct HopPairSums {
    std::vector<double> ll, pp, lp;
};

struct LiveFrame {
    PerturbationResult result;
    std::vector<double> diag_by_row; ///< L'_ii − L_ii per row i of A
    sparse::PatternBins delta_bins;  ///< |ΔL| on a grid × grid image of the factor
    std::optional<HopPairSums> pair_sums; ///< absent for Spai (R is not a factor a GNN predicts)
};

struct FrameEvaluation {
    Outcome outcome;
    std::optional<LiveFrame> frame; ///< set exactly when outcome.ok()
};

class LiveFrames {
public:
    /// `grid`: bins per side of the heat map (at most the order of A); `max_radius` as in
    /// dataset::factor_pair_bounds.
    LiveFrames(std::shared_ptr<LivePerturbation> engine, int grid, int max_radius = kShareBeyondMax);

    /// The frame for A + δ(e_p e_qᵀ + e_q e_pᵀ); throws as LivePerturbation::evaluate.
    LiveFrame frame(Index p, Index q, double delta);
    FrameEvaluation try_frame(Index p, Index q, double delta);
    /// Hands a frame no longer shown back to the engine (LivePerturbation::recycle); any thread.
    void recycle(LiveFrame &&done) { m_engine->recycle(std::move(done.result.delta)); }

    LivePerturbation &engine() { return *m_engine; }
    int grid() const { return m_grid; }

private:
    class Sink;
    /// The bin of the bound for an entry at hop distance h (entry_hop): h itself up to the largest
    /// radius, one bin for farther and unreachable entries.
    int bin_of_hop(int h) const;
    /// The bin of a factor entry (i, j) from the hop distances of the factor's rows.
    int bin_of(std::span<const int> factor_hops, Index i, Index j) const;

    std::shared_ptr<LivePerturbation> m_engine;
    int m_grid;
    int m_maxRadius;
    Index m_p = -1, m_q = -1;
    std::vector<double> m_baseSq; ///< Σ L² per bin for the entry (m_p, m_q)
};

} // namespace fs::perturb
