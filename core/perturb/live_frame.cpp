#include "perturb/live_frame.h"

#include <algorithm>
#include <stdexcept>

namespace fs::perturb {

LiveFrames::LiveFrames(std::shared_ptr<LivePerturbation> engine, int grid, int max_radius)
    : m_engine(std::move(engine))
    , m_grid(grid)
    , m_maxRadius(max_radius)
{
    if (!m_engine)
        throw std::invalid_argument("live frames need an engine");
    if (grid < 1 || max_radius < 0)
        throw std::invalid_argument("live frames: grid must be >= 1 and the radius >= 0");
    m_grid = static_cast<int>(std::min<Index>(grid, std::max<Index>(1, static_cast<Index>(m_engine->matrix().rows()))));
}

int LiveFrames::bin_of(std::span<const int> hops, std::span<const Index> perm, Index i, Index j) const
{
    const int hi = hops[static_cast<std::size_t>(perm.empty() ? i : perm[i])];
    const int hj = hops[static_cast<std::size_t>(perm.empty() ? j : perm[j])];
    const int h = hi < 0 ? hj : hj < 0 ? hi : std::min(hi, hj);
    return h < 0 || h > m_maxRadius ? m_maxRadius + 1 : h;
}

LiveFrame LiveFrames::frame(Index p, Index q, double delta)
{
    LivePerturbation &engine = *m_engine;
    LiveFrame f;
    f.result = engine.evaluate(p, q, delta);
    const auto n = static_cast<Index>(engine.matrix().rows());
    const PerturbationResult &r = f.result;
    f.diag_by_row.assign(static_cast<std::size_t>(n), 0.0);
    for (Index k = 0; k < n && k < r.delta.diag_diff.size(); ++k)
        f.diag_by_row[static_cast<std::size_t>(r.perm.empty() ? k : r.perm[k])] = r.delta.diag_diff[k];
    const sparse::Matrix &dL = r.delta.delta_L;
    f.delta_bins = sparse::bin_pattern(dL, sparse::BinWindow::whole(dL), m_grid, m_grid);
    if (engine.kind() == PrecondKind::Spai)
        return f;

    // Σ L'² = Σ L² + Σ_ΔL (2 L ΔL + ΔL²) and Σ L L' = Σ L² + Σ_ΔL L ΔL: only the changed entries
    // and the factor columns they lie in are read per step.
    const sparse::Matrix &L = engine.base_factor();
    const std::span<const int> hops = engine.hops(p, q);
    const std::span<const Index> perm = r.perm;
    const auto bins = static_cast<std::size_t>(m_maxRadius) + 2;
    if (p != m_p || q != m_q || m_baseSq.size() != bins) {
        m_baseSq.assign(bins, 0.0);
        for (Index j = 0; j < static_cast<Index>(L.outerSize()); ++j)
            for (sparse::Matrix::InnerIterator it(L, j); it; ++it)
                m_baseSq[static_cast<std::size_t>(bin_of(hops, perm, static_cast<Index>(it.row()), j))] +=
                    it.value() * it.value();
        m_p = p;
        m_q = q;
    }
    HopPairSums s{m_baseSq, m_baseSq, m_baseSq};
    for (Index j = 0; j < static_cast<Index>(dL.outerSize()); ++j) {
        sparse::Matrix::InnerIterator d(dL, j);
        if (!d)
            continue;
        sparse::Matrix::InnerIterator l(L, j);
        for (; d; ++d) {
            while (l && l.row() < d.row())
                ++l;
            const double lv = l && l.row() == d.row() ? l.value() : 0.0;
            const double dv = d.value();
            const auto b = static_cast<std::size_t>(bin_of(hops, perm, static_cast<Index>(d.row()), j));
            s.pp[b] += 2.0 * lv * dv + dv * dv;
            s.lp[b] += lv * dv;
        }
    }
    f.pair_sums = std::move(s);
    return f;
}

FrameEvaluation LiveFrames::try_frame(Index p, Index q, double delta)
{
    FrameEvaluation e;
    e.outcome = classified(m_engine->kind(), [&] { e.frame = frame(p, q, delta); });
    return e;
}

} // namespace fs::perturb
