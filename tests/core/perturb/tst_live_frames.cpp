// The live shortcuts of the perturbation view equal recomputation from scratch: the tridiagonal
// recurrence continued from the first changed row, the exact factor kept at the δ last shown (one
// update/downdate per step, drift measured and refactorised), and the per-entry caches of a frame
// (hop distances, the factor's sums per hop distance for the cosine bound, the heat-map bins).
#include "dataset/locality_bound.h"
#include "perturb/live_frame.h"
#include "precond/spd.h"
#include "sparse/generators.h"
#include "sparse/graph_hops.h"
#include "sparse/pattern_bins.h"

#include <QtTest>

#include <Eigen/Dense>

using namespace fs;
using perturb::Index;
using precond::PrecondKind;

namespace {

constexpr double kTol = 1e-10;

double max_diff(const sparse::Matrix &X, const sparse::Matrix &Y)
{
    return (Eigen::MatrixXd(X) - Eigen::MatrixXd(Y)).cwiseAbs().maxCoeff();
}

// ΔL of the exact factor from two fresh factorisations in the engine's order.
sparse::Matrix reference_delta(const sparse::Matrix &A, Index p, Index q, double delta, std::span<const Index> perm)
{
    const auto f = [&](const sparse::Matrix &M) {
        if (perm.empty())
            return precond::cholesky_natural(M);
        Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, Index> P(static_cast<Index>(perm.size()));
        for (std::size_t k = 0; k < perm.size(); ++k)
            P.indices()[perm[k]] = static_cast<Index>(k); // row perm[k] of A goes to position k
        const sparse::Matrix B = P * M * P.transpose();
        return precond::cholesky_natural(B);
    };
    return sparse::Matrix(f(perturb::perturbed(A, p, q, delta)) - f(A));
}

// `counts`: the number of changed entries per hop distance too, where both sides do the same
// arithmetic on the changed entries (a different but equivalent formula turns some exact zeros into
// rounding, and back).
void compare_profiles(const perturb::LocalityProfile &a, const perturb::LocalityProfile &b, bool counts = true)
{
    if (counts)
        QCOMPARE(a.bins.size(), b.bins.size());
    const auto share = [](const perturb::LocalityProfile &p, std::size_t k) {
        return k < p.bins.size() ? p.bins[k].sq_share : 0.0;
    };
    for (std::size_t k = 0; k < std::max(a.bins.size(), b.bins.size()); ++k) {
        QVERIFY(std::abs(share(a, k) - share(b, k)) <= kTol);
        if (counts)
            QCOMPARE(a.bins[k].entries, b.bins[k].entries);
    }
    for (std::size_t k = 0; k < a.share_beyond.size(); ++k)
        QVERIFY(std::abs(a.share_beyond[k] - b.share_beyond[k]) <= kTol);
}

// What a DeltaColumnSink receives, entry by entry.
struct RecordingSink : perturb::DeltaColumnSink {
    bool begun = false;
    bool ascending = true;
    Index last = -1;
    std::vector<sparse::Triplet> delta, before;
    std::vector<int> hops;
    void begin() override { begun = true; }
    void column(Index j, std::span<const Index> rows, std::span<const double> d, std::span<const double> b,
                std::span<const int> h) override
    {
        ascending = ascending && j > last;
        last = j;
        QCOMPARE(d.size(), rows.size());
        QCOMPARE(b.size(), rows.size());
        QVERIFY(h.empty() || h.size() == rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k) {
            delta.emplace_back(rows[k], j, d[k]);
            before.emplace_back(rows[k], j, b[k]);
            if (!h.empty())
                hops.push_back(h[k]);
        }
    }
};

} // namespace

class TestLiveFrames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tridiagonalContinuesFromFirstChangedRow_data();
    void tridiagonalContinuesFromFirstChangedRow();
    void exactFactorKeptAtShownDeltaEqualsRefactorisation_data();
    void exactFactorKeptAtShownDeltaEqualsRefactorisation();
    void refusedStepChangesNothing();
    void ic0FromFirstChangedColumn();
    void koptByWoodburyEqualsNewInversion_data();
    void koptByWoodburyEqualsNewInversion();
    void longDragsLeaveNoRounding();
    void fillIsZeroedThenRefactorised();
    void frameEqualsItsReferences_data();
    void frameEqualsItsReferences();
    void sinkSeesEveryColumnOfTheChange_data();
    void sinkSeesEveryColumnOfTheChange();
    void recycledStorageGivesTheSameFrames();
};

void TestLiveFrames::tridiagonalContinuesFromFirstChangedRow_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("q");
    QTest::addColumn<double>("delta");
    for (int family = 0; family < 2; ++family) {
        const char *name = family == 0 ? "laplacian" : "counterexample";
        QTest::addRow("%s first diagonal", name) << family << 0 << 0 << 0.7;
        QTest::addRow("%s middle diagonal", name) << family << 17 << 17 << -0.3;
        QTest::addRow("%s subdiagonal", name) << family << 18 << 17 << 0.2;
        QTest::addRow("%s superdiagonal", name) << family << 17 << 18 << -0.1;
        QTest::addRow("%s last diagonal", name) << family << 39 << 39 << 2.0;
    }
}

void TestLiveFrames::tridiagonalContinuesFromFirstChangedRow()
{
    QFETCH(int, family);
    QFETCH(int, p);
    QFETCH(int, q);
    QFETCH(double, delta);
    const sparse::GeneratedMatrix g = family == 0 ? sparse::laplacian1d(40) : sparse::counterexample(40);
    perturb::LivePerturbation live(g.A, g.exact_L, PrecondKind::Cholesky, sparse::Ordering::Natural);
    QCOMPARE(live.path_for(p, q), perturb::LivePath::Tridiagonal);
    // The one-off recurrence from row 0 (or from the generator's exact factor) is the reference,
    // refusals included (the counterexample is violently ill-conditioned).
    std::optional<perturb::PerturbationResult> ref;
    const perturb::Outcome refOutcome = perturb::classified(PrecondKind::Cholesky, [&] {
        ref = perturb::perturb_tridiagonal(g.A, p, q, delta, g.exact_L ? &*g.exact_L : nullptr);
    });
    const perturb::Evaluation e = live.try_evaluate(p, q, delta);
    QCOMPARE(e.outcome.status, refOutcome.status);
    QCOMPARE(e.outcome.column, refOutcome.column);
    if (!ref)
        return;
    const perturb::PerturbationResult &r = *e.result;
    QVERIFY(max_diff(r.delta.delta_L, ref->delta.delta_L) <= kTol);
    QCOMPARE(r.delta.changed_entries, ref->delta.changed_entries);
    compare_profiles(r.delta.profile, ref->delta.profile);
    QCOMPARE(r.reliable, ref->reliable);
    if (family == 0) // the Laplacian's natural factor is what a fresh factorisation gives
        QVERIFY(max_diff(r.delta.delta_L, reference_delta(g.A, p, q, delta, {})) <= kTol);
    // Rows before max(p, q) are untouched.
    for (Eigen::Index j = 0; j < r.delta.delta_L.outerSize(); ++j)
        for (sparse::Matrix::InnerIterator it(r.delta.delta_L, j); it; ++it)
            QVERIFY(it.row() >= std::max(p, q));
}

void TestLiveFrames::exactFactorKeptAtShownDeltaEqualsRefactorisation_data()
{
    QTest::addColumn<int>("ordering");
    QTest::newRow("natural") << int(sparse::Ordering::Natural);
    QTest::newRow("amd") << int(sparse::Ordering::Amd);
}

void TestLiveFrames::exactFactorKeptAtShownDeltaEqualsRefactorisation()
{
    QFETCH(int, ordering);
    const sparse::Matrix A = sparse::poisson2d(12, 11).A;
    perturb::LivePerturbation live(A, std::nullopt, PrecondKind::Cholesky, sparse::Ordering(ordering));
    // A slider drag on a diagonal entry, back and forth and through zero, then an off-diagonal
    // entry, a structural zero (fill) and the first entry again.
    struct Step {
        Index p, q;
        double delta;
    };
    std::vector<Step> steps;
    for (int j = 1; j <= 10; ++j)
        steps.push_back({60, 60, 0.3 * j});
    for (double d : {2.0, -1.0, 0.0, 0.0, -2.5, 1.5})
        steps.push_back({60, 60, d});
    for (double d : {0.4, -0.6, 0.9})
        steps.push_back({61, 60, d});
    for (double d : {0.2, 0.5, -0.3})
        steps.push_back({100, 3, d});
    for (double d : {1.0, 1.0, 4.0})
        steps.push_back({60, 60, d});
    for (const Step &s : steps) {
        const perturb::PerturbationResult r = live.evaluate(s.p, s.q, s.delta);
        const sparse::Matrix ref = reference_delta(A, s.p, s.q, s.delta, r.perm);
        QVERIFY2(max_diff(r.delta.delta_L, ref) <= kTol,
                 qPrintable(QStringLiteral("entry (%1,%2), delta %3: %4").arg(s.p).arg(s.q).arg(s.delta)
                                .arg(max_diff(r.delta.delta_L, ref))));
        // The generic path (two modifications per step) agrees on everything else too.
        perturb::CholeskyPerturbation fresh(A, sparse::Ordering(ordering));
        const perturb::PerturbationResult f = fresh.perturb(s.p, s.q, s.delta);
        QCOMPARE(r.new_entries, f.new_entries);
        QCOMPARE(r.pattern_changed, f.pattern_changed);
        compare_profiles(r.delta.profile, f.delta.profile);
    }
    const perturb::LiveHealth &h = live.health();
    QCOMPARE(h.steps, std::int64_t(steps.size()));
    QVERIFY(h.restores >= h.steps - 8); // δ = 0 holds nothing to restore
}

void TestLiveFrames::refusedStepChangesNothing()
{
    const sparse::Matrix A = sparse::poisson2d(8, 8).A;
    perturb::LivePerturbation live(A, std::nullopt, PrecondKind::Cholesky, sparse::Ordering::Natural);
    (void)live.evaluate(20, 20, 0.5);
    const perturb::Evaluation refused = live.try_evaluate(20, 20, -10.0); // A_ii = 4: indefinite
    QCOMPARE(refused.outcome.status, perturb::Status::Refused);
    const perturb::PerturbationResult r = live.evaluate(20, 20, 0.25);
    QVERIFY(max_diff(r.delta.delta_L, reference_delta(A, 20, 20, 0.25, {})) <= kTol);
}

void TestLiveFrames::ic0FromFirstChangedColumn()
{
    const sparse::Matrix A = sparse::poisson2d(11, 9).A;
    perturb::LivePerturbation live(A, std::nullopt, PrecondKind::Ic0, sparse::Ordering::Natural);
    const perturb::FactorFunction ic0 = perturb::factor_function(PrecondKind::Ic0);
    for (auto [p, q, d] : {std::tuple<Index, Index, double>{40, 40, 0.7}, {41, 40, -0.4}, {40, 51, 0.3}, {0, 0, 2.0},
                           {98, 98, -1.5}}) {
        QCOMPARE(live.path_for(p, q), perturb::LivePath::Ic0Columns);
        const perturb::PerturbationResult r = live.evaluate(p, q, d);
        const perturb::PerturbationResult ref = perturb::perturb_from_scratch(A, p, q, d, ic0);
        // Bit for bit: the copied columns are what IC(0) of A' computes for them.
        QCOMPARE(max_diff(r.delta.delta_L, ref.delta.delta_L), 0.0);
        QCOMPARE(r.delta.changed_entries, ref.delta.changed_entries);
        compare_profiles(r.delta.profile, ref.delta.profile);
        QCOMPARE(r.reliable, ref.reliable);
    }
    QCOMPARE(live.path_for(0, 50), perturb::LivePath::FromScratch); // off the pattern
    // A breakdown is reported as by recomputation.
    const perturb::Evaluation e = live.try_evaluate(40, 40, -3.9);
    const perturb::Outcome ref = perturb::classified(PrecondKind::Ic0, [&] {
        (void)perturb::perturb_from_scratch(A, 40, 40, -3.9, ic0);
    });
    QCOMPARE(e.outcome.status, ref.status);
    QCOMPARE(e.outcome.column, ref.column);
}

void TestLiveFrames::koptByWoodburyEqualsNewInversion_data()
{
    QTest::addColumn<int>("matrix");
    QTest::newRow("poisson 2d") << 0;
    QTest::newRow("graph laplacian") << 1;
    QTest::newRow("poisson 3d") << 2;
}

void TestLiveFrames::koptByWoodburyEqualsNewInversion()
{
    QFETCH(int, matrix);
    const sparse::Matrix A = matrix == 0   ? sparse::poisson2d(9, 8).A
                             : matrix == 1 ? sparse::graph_laplacian(70, 4, 0.3, 11).A
                                           : sparse::poisson3d(4, 4, 4).A;
    perturb::LivePerturbation live(A, std::nullopt, PrecondKind::Kopt, sparse::Ordering::Natural);
    const perturb::FactorFunction kopt = perturb::factor_function(PrecondKind::Kopt);
    QCOMPARE(max_diff(live.base_factor(), kopt(A)), 0.0);
    // Diagonal and off-diagonal entries of the pattern, both signs, repeated entries.
    std::vector<std::tuple<Index, Index, double>> steps{{30, 30, 0.8}, {30, 30, -0.4}, {5, 5, 2.5}};
    for (sparse::Matrix::InnerIterator it(A, 30); it; ++it)
        if (it.row() > 30) {
            steps.emplace_back(Index(it.row()), 30, 0.3 * it.value());
            steps.emplace_back(30, Index(it.row()), -0.2 * it.value());
            break;
        }
    const double scale = Eigen::MatrixXd(live.base_factor()).cwiseAbs().maxCoeff();
    for (auto [p, q, d] : steps) {
        QCOMPARE(live.path_for(p, q), perturb::LivePath::KoptLowRank);
        const perturb::PerturbationResult r = live.evaluate(p, q, d);
        const perturb::PerturbationResult ref = perturb::perturb_from_scratch(A, p, q, d, kopt);
        const double err = max_diff(r.delta.delta_L, ref.delta.delta_L) / scale;
        QVERIFY2(err <= kTol, qPrintable(QStringLiteral("(%1,%2) += %3: %4").arg(p).arg(q).arg(d).arg(err)));
        compare_profiles(r.delta.profile, ref.delta.profile, false);
        QCOMPARE(r.reliable, ref.reliable);
    }
    // An indefinite A' is refused as a new inversion refuses it.
    const double aii = A.coeff(12, 12);
    const perturb::Evaluation e = live.try_evaluate(12, 12, -1.5 * aii);
    const perturb::Outcome ref =
        perturb::classified(PrecondKind::Kopt, [&] { (void)perturb::perturb_from_scratch(A, 12, 12, -1.5 * aii, kopt); });
    QCOMPARE(e.outcome.status, ref.status);
    QCOMPARE(e.outcome.status, perturb::Status::NotPositiveDefinite);
}

void TestLiveFrames::longDragsLeaveNoRounding()
{
    const sparse::Matrix A = sparse::poisson2d(7, 6).A;
    perturb::LivePerturbation live(A, std::nullopt, PrecondKind::Cholesky, sparse::Ordering::Amd);
    // Thousands of steps on one entry, then others: each step starts from the unperturbed factor
    // written back bit for bit, so the last step equals a single modification of a fresh factor
    // exactly, where undoing by downdates would have accumulated rounding.
    for (int j = 1; j <= 3000; ++j)
        (void)live.evaluate(14, 14, 0.5 + 0.4 * std::sin(0.1 * j));
    for (int j = 1; j <= 500; ++j)
        (void)live.evaluate(15, 14, 0.3 * std::cos(0.2 * j));
    for (auto [p, q, d] : {std::tuple<Index, Index, double>{14, 14, 0.77}, {15, 14, -0.21}, {20, 3, 0.4}}) {
        const perturb::PerturbationResult r = live.evaluate(p, q, d);
        perturb::CholeskyPerturbation fresh(A, sparse::Ordering::Amd);
        const perturb::PerturbationResult f = fresh.perturb(p, q, d);
        QCOMPARE(max_diff(r.delta.delta_L, f.delta.delta_L), 0.0);
        QCOMPARE(r.delta.changed_entries, f.delta.changed_entries);
    }
    QCOMPARE(live.health().refactorizations, 0);
}

void TestLiveFrames::fillIsZeroedThenRefactorised()
{
    // Structural zeros add fill, which restores keep as explicit zeros; many of them make the engine
    // factorise afresh, and results stay those of recomputation.
    const sparse::Matrix A = sparse::poisson2d(10, 10).A;
    perturb::LivePerturbation live(A, std::nullopt, PrecondKind::Cholesky, sparse::Ordering::Natural);
    for (Index k = 0; k < 40; ++k) {
        const Index p = 99 - k, q = k; // far outside the band: fill
        const perturb::PerturbationResult r = live.evaluate(p, q, 0.05);
        QVERIFY(r.pattern_changed);
        QVERIFY(max_diff(r.delta.delta_L, reference_delta(A, p, q, 0.05, {})) <= kTol);
    }
    QVERIFY(live.health().refactorizations >= 1);
    QVERIFY(live.health().explicit_zeros >= 0);
}

void TestLiveFrames::frameEqualsItsReferences_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("ordering");
    QTest::newRow("cholesky natural") << int(PrecondKind::Cholesky) << int(sparse::Ordering::Natural);
    QTest::newRow("cholesky amd") << int(PrecondKind::Cholesky) << int(sparse::Ordering::Amd);
    QTest::newRow("ic0") << int(PrecondKind::Ic0) << int(sparse::Ordering::Natural);
    QTest::newRow("kopt") << int(PrecondKind::Kopt) << int(sparse::Ordering::Natural);
    QTest::newRow("fsai") << int(PrecondKind::Fsai) << int(sparse::Ordering::Natural);
    QTest::newRow("spai") << int(PrecondKind::Spai) << int(sparse::Ordering::Natural);
}

void TestLiveFrames::frameEqualsItsReferences()
{
    QFETCH(int, kind);
    QFETCH(int, ordering);
    const sparse::Matrix A = sparse::poisson2d(9, 10).A;
    auto engine = std::make_shared<perturb::LivePerturbation>(A, std::nullopt, PrecondKind(kind),
                                                              sparse::Ordering(ordering));
    perturb::LiveFrames frames(engine, 32);
    QCOMPARE(frames.grid(), 32);
    for (auto [p, q, d] : {std::tuple<Index, Index, double>{44, 44, 0.8}, {44, 44, -0.5}, {45, 44, 0.3}, {3, 3, 1.0}}) {
        const perturb::LiveFrame f = frames.frame(p, q, d);
        const sparse::Matrix &dL = f.result.delta.delta_L;
        // Heat map: the bins of ΔL on the grid.
        const sparse::PatternBins bins = sparse::bin_pattern(dL, sparse::BinWindow::whole(dL), 32, 32);
        QCOMPARE(f.delta_bins.counts, bins.counts);
        QCOMPARE(f.delta_bins.max_abs, bins.max_abs);
        // Diagonal per row of A.
        for (Index k = 0; k < static_cast<Index>(A.rows()); ++k)
            QCOMPARE(f.diag_by_row[size_t(f.result.perm.empty() ? k : f.result.perm[size_t(k)])],
                     f.result.delta.diag_diff[k]);
        if (PrecondKind(kind) == PrecondKind::Spai) {
            QVERIFY(!f.pair_sums);
            continue;
        }
        QVERIFY(f.pair_sums);
        const std::vector<double> bound =
            dataset::bounds_from_hop_sums(f.pair_sums->ll, f.pair_sums->pp, f.pair_sums->lp);
        const std::vector<double> ref = dataset::factor_pair_bounds(A, {p, q, d}, engine->base_factor(), dL,
                                                                    f.result.perm, perturb::kShareBeyondMax);
        QCOMPARE(bound.size(), ref.size());
        for (std::size_t r = 0; r < ref.size(); ++r)
            QVERIFY2(std::abs(bound[r] - ref[r]) <= kTol,
                     qPrintable(QStringLiteral("radius %1: %2 vs %3").arg(r).arg(bound[r]).arg(ref[r])));
        // Hop distances are those of a fresh search.
        const Index sources[2] = {p, q};
        const std::vector<int> hops = sparse::hop_distances(A, std::span<const Index>(sources, 2));
        const std::span<const int> cached = engine->hops(p, q);
        QVERIFY(std::equal(hops.begin(), hops.end(), cached.begin(), cached.end()));
    }
}

void TestLiveFrames::sinkSeesEveryColumnOfTheChange_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("ordering");
    QTest::addColumn<bool>("tridiagonal");
    QTest::addColumn<bool>("fed");
    QTest::newRow("cholesky natural") << int(PrecondKind::Cholesky) << int(sparse::Ordering::Natural) << false << true;
    QTest::newRow("cholesky amd") << int(PrecondKind::Cholesky) << int(sparse::Ordering::Amd) << false << true;
    QTest::newRow("tridiagonal") << int(PrecondKind::Cholesky) << int(sparse::Ordering::Natural) << true << true;
    QTest::newRow("ic0") << int(PrecondKind::Ic0) << int(sparse::Ordering::Natural) << false << true;
    QTest::newRow("kopt") << int(PrecondKind::Kopt) << int(sparse::Ordering::Natural) << false << true;
    QTest::newRow("fsai (whole ΔG)") << int(PrecondKind::Fsai) << int(sparse::Ordering::Natural) << false << false;
}

void TestLiveFrames::sinkSeesEveryColumnOfTheChange()
{
    QFETCH(int, kind);
    QFETCH(int, ordering);
    QFETCH(bool, tridiagonal);
    QFETCH(bool, fed);
    const sparse::Matrix A = tridiagonal ? sparse::laplacian1d(60).A : sparse::poisson2d(8, 9).A;
    perturb::LivePerturbation engine(A, std::nullopt, PrecondKind(kind), sparse::Ordering(ordering));
    const sparse::Matrix L = engine.base_factor();
    for (auto [p, q, d] : {std::tuple<Index, Index, double>{30, 30, 0.7}, {31, 30, 0.2}, {30, 30, 0.4}}) {
        RecordingSink sink;
        const perturb::PerturbationResult r = engine.evaluate(p, q, d, &sink);
        QCOMPARE(sink.begun, fed);
        if (!fed)
            continue;
        QVERIFY(sink.ascending);
        // The columns as fed are ΔL exactly, with L's values at the same entries.
        sparse::Matrix fromSink(A.rows(), A.cols());
        fromSink.setFromTriplets(sink.delta.begin(), sink.delta.end());
        QCOMPARE(fromSink.nonZeros(), r.delta.delta_L.nonZeros());
        QCOMPARE(max_diff(fromSink, r.delta.delta_L), 0.0);
        for (const sparse::Triplet &t : sink.before)
            QCOMPARE(t.value(), L.coeff(t.row(), t.col()));
        // Hop distance of each entry: the nearer of its row and column, in the factor's order.
        const Index sources[2] = {p, q};
        const std::vector<int> hops = sparse::hop_distances(A, std::span<const Index>(sources, 2));
        const auto hop = [&](Index k) { return hops[size_t(r.perm.empty() ? k : r.perm[size_t(k)])]; };
        QCOMPARE(sink.hops.size(), sink.delta.size());
        for (std::size_t k = 0; k < sink.hops.size(); ++k)
            QCOMPARE(sink.hops[k], std::min(hop(sink.delta[k].row()), hop(sink.delta[k].col())));
        // The profile accumulated column by column is the one of all entries at once.
        std::vector<Index> rows, cols;
        std::vector<double> vals;
        for (Eigen::Index j = 0; j < r.delta.delta_L.outerSize(); ++j)
            for (sparse::Matrix::InnerIterator it(r.delta.delta_L, j); it; ++it) {
                rows.push_back(static_cast<Index>(it.row()));
                cols.push_back(static_cast<Index>(j));
                vals.push_back(it.value());
            }
        compare_profiles(r.delta.profile, perturb::locality_profile(hops, rows, cols, vals, r.perm));
        double maxAbs = 0.0;
        for (double v : vals)
            maxAbs = std::max(maxAbs, std::abs(v));
        QCOMPARE(r.delta.max_abs_change, maxAbs);
        QCOMPARE(r.delta.changed_entries, static_cast<Index>(vals.size()));
    }
}

void TestLiveFrames::recycledStorageGivesTheSameFrames()
{
    // Two engines on one matrix; one gets every frame back as the view hands them back. Storage
    // of another entry's larger or smaller change must not leak into a frame.
    const sparse::Matrix A = sparse::poisson2d(12, 11).A;
    auto recycled = std::make_shared<perturb::LivePerturbation>(A, std::nullopt, PrecondKind::Cholesky,
                                                                sparse::Ordering::Amd);
    auto fresh = std::make_shared<perturb::LivePerturbation>(A, std::nullopt, PrecondKind::Cholesky,
                                                             sparse::Ordering::Amd);
    perturb::LiveFrames a(recycled, 16), b(fresh, 16);
    int step = 0;
    for (auto [p, q] : {std::pair<Index, Index>{60, 60}, {0, 0}, {61, 60}, {131, 131}, {60, 60}})
        for (double d : {0.3, 0.6, -0.2, 0.9}) {
            perturb::LiveFrame x = a.frame(p, q, d);
            const perturb::LiveFrame y = b.frame(p, q, d);
            QCOMPARE(x.result.delta.delta_L.nonZeros(), y.result.delta.delta_L.nonZeros());
            QCOMPARE(max_diff(x.result.delta.delta_L, y.result.delta.delta_L), 0.0);
            QVERIFY(x.result.delta.diag_diff == y.result.delta.diag_diff);
            QCOMPARE(x.diag_by_row, y.diag_by_row);
            QCOMPARE(x.delta_bins.counts, y.delta_bins.counts);
            QCOMPARE(x.delta_bins.max_abs, y.delta_bins.max_abs);
            QCOMPARE(x.pair_sums->pp, y.pair_sums->pp);
            QCOMPARE(x.pair_sums->lp, y.pair_sums->lp);
            compare_profiles(x.result.delta.profile, y.result.delta.profile);
            a.recycle(std::move(x));
            ++step;
        }
    QCOMPARE(step, 20);
}

QTEST_GUILESS_MAIN(TestLiveFrames)
#include "tst_live_frames.moc"
