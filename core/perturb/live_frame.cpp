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

int LiveFrames::bin_of(std::span<const int> factor_hops, Index i, Index j) const
{
    const int hi = factor_hops[static_cast<std::size_t>(i)];
    const int hj = factor_hops[static_cast<std::size_t>(j)];
    const int h = hi < 0 ? hj : hj < 0 ? hi : std::min(hi, hj);
    return h < 0 || h > m_maxRadius ? m_maxRadius + 1 : h;
}

// Bins |ΔL| and adds the change of the sums per column, as the engine assembles ΔL.
class LiveFrames::Sink : public DeltaColumnSink {
public:
    Sink(const LiveFrames &frames, Index n, std::span<const int> factor_hops, HopPairSums *sums)
        : m_frames(frames), m_hops(factor_hops), m_sums(sums), m_binner(n, n, frames.m_grid, frames.m_grid)
    {
    }
    void begin() override { m_begun = true; }
    void column(Index j, std::span<const Index> rows, std::span<const double> delta,
                std::span<const double> before, std::span<const int> hops) override
    {
        m_binner.add_column(j, rows, delta);
        if (!m_sums)
            return;
        const int far = m_frames.m_maxRadius + 1;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const double lv = before[k], dv = delta[k];
            int h = 0;
            if (hops.empty()) {
                h = m_frames.bin_of(m_hops, rows[k], j);
            } else {
                h = hops[k];
                h = h < 0 || h > far - 1 ? far : h;
            }
            const auto b = static_cast<std::size_t>(h);
            m_sums->pp[b] += 2.0 * lv * dv + dv * dv;
            m_sums->lp[b] += lv * dv;
        }
    }
    bool begun() const { return m_begun; }
    sparse::PatternBins take_bins() { return m_binner.take(); }

private:
    const LiveFrames &m_frames;
    std::span<const int> m_hops;
    HopPairSums *m_sums;
    sparse::PatternBinner m_binner;
    bool m_begun = false;
};

LiveFrame LiveFrames::frame(Index p, Index q, double delta)
{
    LivePerturbation &engine = *m_engine;
    const auto n = static_cast<Index>(engine.matrix().rows());
    const bool sums = engine.kind() != PrecondKind::Spai; // R is not a factor a GNN predicts
    const std::span<const int> hops = engine.factor_hops(p, q);
    // Σ L'² = Σ L² + Σ_ΔL (2 L ΔL + ΔL²) and Σ L L' = Σ L² + Σ_ΔL L ΔL: Σ L² per bin once per entry,
    // then only the changed entries per step.
    const auto bins = static_cast<std::size_t>(m_maxRadius) + 2;
    if (sums && (p != m_p || q != m_q || m_baseSq.size() != bins)) {
        const sparse::Matrix &L = engine.base_factor();
        m_baseSq.assign(bins, 0.0);
        for (Index j = 0; j < static_cast<Index>(L.outerSize()); ++j)
            for (sparse::Matrix::InnerIterator it(L, j); it; ++it)
                m_baseSq[static_cast<std::size_t>(bin_of(hops, static_cast<Index>(it.row()), j))] +=
                    it.value() * it.value();
        m_p = p;
        m_q = q;
    }
    HopPairSums s;
    if (sums)
        s = HopPairSums{m_baseSq, m_baseSq, m_baseSq};
    Sink sink(*this, n, hops, sums ? &s : nullptr);

    LiveFrame f;
    f.result = engine.evaluate(p, q, delta, &sink);
    const PerturbationResult &r = f.result;
    f.diag_by_row.assign(static_cast<std::size_t>(n), 0.0);
    for (Index k = 0; k < n && k < r.delta.diag_diff.size(); ++k)
        f.diag_by_row[static_cast<std::size_t>(r.perm.empty() ? k : r.perm[k])] = r.delta.diag_diff[k];
    if (sink.begun()) {
        f.delta_bins = sink.take_bins();
        if (sums)
            f.pair_sums = std::move(s);
        return f;
    }

    // A path that computed ΔL as a whole: bins and sums from it and L.
    const sparse::Matrix &dL = r.delta.delta_L;
    f.delta_bins = sparse::bin_pattern(dL, sparse::BinWindow::whole(dL), m_grid, m_grid);
    if (!sums)
        return f;
    const sparse::Matrix &L = engine.base_factor();
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
            const auto b = static_cast<std::size_t>(bin_of(hops, static_cast<Index>(d.row()), j));
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
