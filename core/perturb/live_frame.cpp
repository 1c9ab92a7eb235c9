#include "perturb/live_frame.h"

#include <algorithm>
#include <array>
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

int LiveFrames::bin_of_hop(int h) const
{
    return h < 0 || h > m_maxRadius ? m_maxRadius + 1 : h;
}

int LiveFrames::bin_of(std::span<const int> factor_hops, Index i, Index j) const
{
    return bin_of_hop(entry_hop(factor_hops[static_cast<std::size_t>(i)], factor_hops[static_cast<std::size_t>(j)]));
}

namespace {

// The changes Σ (2 L ΔL + ΔL²) and Σ L ΔL per bin of the bound, added to Σ L² at the end. As in
// perturb::LocalityAccumulator, a run of entries in one bin is summed in two alternating registers.
class PairSumRuns {
public:
    explicit PairSumRuns(std::size_t bins) : m_pp(bins, 0.0), m_lp(bins, 0.0) {}
    void add(std::size_t bin, double lv, double dv)
    {
        if (bin != m_bin)
            end_run(bin);
        const std::size_t r = m_count++ & 1;
        m_runPp[r] += 2.0 * lv * dv + dv * dv;
        m_runLp[r] += lv * dv;
    }
    HopPairSums sums(const std::vector<double> &base)
    {
        end_run(m_bin);
        HopPairSums s{base, base, base};
        for (std::size_t b = 0; b < base.size() && b < m_pp.size(); ++b) {
            s.pp[b] += m_pp[b];
            s.lp[b] += m_lp[b];
        }
        return s;
    }

private:
    void end_run(std::size_t next)
    {
        if (m_count > 0) {
            m_pp[m_bin] += m_runPp[0] + m_runPp[1];
            m_lp[m_bin] += m_runLp[0] + m_runLp[1];
        }
        m_bin = next;
        m_count = 0;
        m_runPp = {};
        m_runLp = {};
    }
    std::vector<double> m_pp, m_lp;
    std::size_t m_bin = 0, m_count = 0;
    std::array<double, 2> m_runPp{}, m_runLp{};
};

} // namespace

// Bins |ΔL| and adds the change of the sums per column, as the engine assembles ΔL.
class LiveFrames::Sink : public DeltaColumnSink {
public:
    Sink(const LiveFrames &frames, Index n, PairSumRuns *sums)
        : m_frames(frames), m_sums(sums), m_binner(n, n, frames.m_grid, frames.m_grid)
    {
    }
    void begin() override { m_begun = true; }
    void column(Index j, std::span<const Index> rows, std::span<const double> delta,
                std::span<const double> before, std::span<const int> hops) override
    {
        m_binner.add_column(j, rows, delta);
        if (!m_sums)
            return;
        for (std::size_t k = 0; k < rows.size(); ++k)
            m_sums->add(static_cast<std::size_t>(m_frames.bin_of_hop(hops[k])), before[k], delta[k]);
    }
    bool begun() const { return m_begun; }
    sparse::PatternBins take_bins() { return m_binner.take(); }

private:
    const LiveFrames &m_frames;
    PairSumRuns *m_sums;
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
    PairSumRuns changes(bins);
    Sink sink(*this, n, sums ? &changes : nullptr);

    LiveFrame f;
    f.result = engine.evaluate(p, q, delta, &sink);
    const PerturbationResult &r = f.result;
    f.diag_by_row.assign(static_cast<std::size_t>(n), 0.0);
    for (Index k = 0; k < n && k < r.delta.diag_diff.size(); ++k)
        f.diag_by_row[static_cast<std::size_t>(r.perm.empty() ? k : r.perm[k])] = r.delta.diag_diff[k];
    if (sink.begun()) {
        f.delta_bins = sink.take_bins();
        if (sums)
            f.pair_sums = changes.sums(m_baseSq);
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
            changes.add(static_cast<std::size_t>(bin_of(hops, static_cast<Index>(d.row()), j)), lv, d.value());
        }
    }
    f.pair_sums = changes.sums(m_baseSq);
    return f;
}

FrameEvaluation LiveFrames::try_frame(Index p, Index q, double delta)
{
    FrameEvaluation e;
    e.outcome = classified(m_engine->kind(), [&] { e.frame = frame(p, q, delta); });
    return e;
}

} // namespace fs::perturb
