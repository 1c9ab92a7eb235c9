// ΔR of the sparse approximate inverse: the column-subset update equals a full recomputation, ΔR
// equals spai(A') - spai(A) computed from scratch, and its locality follows from the column
// dependency of SPAI.
#include "perturb/perturbation.h"
#include "perturb/live_perturbation.h"
#include "precond/spai.h"
#include "perturb/spai_perturbation.h"
#include "sparse/generators.h"

#include <Eigen/Dense>
#include <QtTest>

#include <deque>

using namespace fs;
using fs::sparse::Index;

namespace {

Eigen::MatrixXd dense(const sparse::Matrix &A) { return Eigen::MatrixXd(A); }

// Breadth-first hop distances in the graph of A from {p, q} (-1 when unreachable).
std::vector<int> hops_from(const sparse::Matrix &A, Index p, Index q)
{
    std::vector<int> d(size_t(A.rows()), -1);
    std::deque<Index> queue{p, q};
    d[size_t(p)] = d[size_t(q)] = 0;
    while (!queue.empty()) {
        const Index v = queue.front();
        queue.pop_front();
        for (sparse::Matrix::InnerIterator it(A, v); it; ++it)
            if (d[size_t(it.row())] < 0) {
                d[size_t(it.row())] = d[size_t(v)] + 1;
                queue.push_back(Index(it.row()));
            }
    }
    return d;
}

double max_abs_diff(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b) { return (a - b).cwiseAbs().maxCoeff(); }

} // namespace

class TestSpaiPerturbation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnSubsetEqualsFull();
    void deltaEqualsScratchDifference_data();
    void deltaEqualsScratchDifference();
    void poissonLocality();
    void indefiniteIsRefused();
};

// On a variable-coefficient problem, recomputing only the affected columns after a perturbation on
// the pattern gives spai(A').
void TestSpaiPerturbation::columnSubsetEqualsFull()
{
    const sparse::Matrix A = sparse::diffusion2d(12, 7).A;
    const sparse::Matrix R = precond::spai(A).M;
    const Index n = Index(A.rows());
    for (auto [p, q, d] : {std::tuple{Index(0), Index(0), 3.0}, std::tuple{Index(65), Index(66), -0.4},
                           std::tuple{Index(70), Index(82), 0.25}, std::tuple{n - 1, n - 1, 1e3}}) {
        const sparse::Matrix Anew = perturb::perturbed(A, p, q, d);
        QCOMPARE(Anew.nonZeros(), A.nonZeros()); // on the pattern
        sparse::Matrix Rcols = R;
        const std::vector<Index> cols = perturb::spai_affected_columns(A, p, q);
        QVERIFY(cols.size() < size_t(n) / 4);
        precond::spai_columns(Anew, cols, Rcols);
        const Eigen::MatrixXd full = dense(precond::spai(Anew).M);
        QVERIFY2(max_abs_diff(dense(Rcols), full) <= 1e-12,
                 qPrintable(QString("(%1,%2): %3").arg(p).arg(q).arg(max_abs_diff(dense(Rcols), full))));
    }
    // A column list on another pattern is rejected.
    sparse::Matrix other = sparse::laplacian1d(n).A;
    const std::vector<Index> one{0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precond::spai_columns(A, one, other));
}

void TestSpaiPerturbation::deltaEqualsScratchDifference_data()
{
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("q");
    QTest::addColumn<double>("delta");
    QTest::addColumn<bool>("structuralZero");
    QTest::newRow("diagonal") << 40 << 40 << 1.5 << false;
    QTest::newRow("off-diagonal") << 40 << 41 << -0.3 << false;
    QTest::newRow("structural zero") << 40 << 53 << 0.2 << true;
}

void TestSpaiPerturbation::deltaEqualsScratchDifference()
{
    QFETCH(int, p);
    QFETCH(int, q);
    QFETCH(double, delta);
    QFETCH(bool, structuralZero);
    const sparse::Matrix A = sparse::poisson2d(9, 10).A;
    perturb::LivePerturbation engine(A, std::nullopt, precond::PrecondKind::Spai, factor::Ordering::Natural);
    QCOMPARE(engine.path_for(p, q),
             structuralZero ? perturb::LivePath::FromScratch : perturb::LivePath::SpaiColumns);
    const perturb::PerturbationResult r = engine.evaluate(p, q, delta);

    // Reference: both approximate inverses from scratch, subtracted densely.
    Eigen::MatrixXd Ad = dense(A);
    Ad(p, q) += delta;
    if (p != q)
        Ad(q, p) += delta;
    const sparse::Matrix Anew = Ad.sparseView();
    const Eigen::MatrixXd ref = dense(precond::spai(Anew).M) - dense(precond::spai(A).M);
    QVERIFY(max_abs_diff(dense(r.delta.delta_L), ref) <= 1e-12);
    for (Index i = 0; i < Index(A.rows()); ++i)
        QVERIFY(std::abs(r.delta.diag_diff[i] - ref(i, i)) <= 1e-12);
    QCOMPARE(r.pattern_changed, structuralZero);
    QCOMPARE(r.new_entries, Index(structuralZero ? 2 : 0));
    QVERIFY(r.perm.empty());
    QVERIFY(r.reliable);
    // The profile covers every entry of ΔR, upper triangle included.
    QVERIFY(std::abs(r.delta.profile.total_sq - ref.squaredNorm()) <= 1e-12 * ref.squaredNorm());
    QVERIFY(std::abs(r.delta.max_abs_change - ref.cwiseAbs().maxCoeff()) <= 1e-12);
    bool upper = false;
    for (Index j = 0; j < r.delta.delta_L.outerSize(); ++j)
        for (sparse::Matrix::InnerIterator it(r.delta.delta_L, j); it; ++it)
            upper = upper || it.row() < j;
    QVERIFY(upper);
}

// Column k of R depends only on the columns of A in the pattern of A(:,k); the perturbation changes
// columns p and q of A. So ΔR(r, k) ≠ 0 only for hop(k) <= 1 and r in the pattern of A'(:,k), i.e.
// hop(r) <= hop(k) + 1 <= 2. The hop distance of an entry is min(hop(r), hop(k)) <= 1: exactly no
// part of ‖ΔR‖² lies beyond 1 hop (so none beyond 2). The exact Cholesky factor fills the band of the
// grid and its change reaches much farther.
void TestSpaiPerturbation::poissonLocality()
{
    const int side = 15;
    const sparse::Matrix A = sparse::poisson2d(side, side).A;
    const Index centre = side / 2 + side * (side / 2);
    for (Index q : {centre, centre + 1}) {
        perturb::LivePerturbation spai(A, std::nullopt, precond::PrecondKind::Spai, factor::Ordering::Natural);
        const perturb::PerturbationResult r = spai.evaluate(centre, q, 1.0);
        const std::vector<int> hop = hops_from(A, centre, q);
        for (Index j = 0; j < r.delta.delta_L.outerSize(); ++j)
            for (sparse::Matrix::InnerIterator it(r.delta.delta_L, j); it; ++it) {
                QVERIFY(hop[size_t(j)] <= 1);
                QVERIFY(hop[size_t(it.row())] <= 2);
            }
        QCOMPARE(r.delta.profile.share_beyond[0], 0.0);
        QCOMPARE(r.delta.profile.share_beyond[1], 0.0);
        QCOMPARE(r.delta.profile.unreachable_sq_share, 0.0);
        QVERIFY(r.delta.profile.bins.size() == 2 && r.delta.profile.bins[1].sq_share > 0.0);

        perturb::LivePerturbation chol(A, std::nullopt, precond::PrecondKind::Cholesky, factor::Ordering::Natural);
        const perturb::PerturbationResult c = chol.evaluate(centre, q, 1.0);
        QVERIFY(c.delta.profile.share_beyond[1] > 0.0);
    }
}

// An indefinite A' is refused as for the Cholesky kind, and the engine stays usable.
void TestSpaiPerturbation::indefiniteIsRefused()
{
    const sparse::Matrix A = sparse::poisson2d(8, 8).A;
    perturb::LivePerturbation engine(A, std::nullopt, precond::PrecondKind::Spai, factor::Ordering::Natural);
    const perturb::PerturbationResult before = engine.evaluate(20, 21, 0.5);
    QVERIFY_THROWS_EXCEPTION(factor::PerturbationRefused, engine.evaluate(20, 20, -10.0));
    QVERIFY_THROWS_EXCEPTION(factor::PerturbationRefused, engine.evaluate(20, 40, 5.0));
    const perturb::PerturbationResult after = engine.evaluate(20, 21, 0.5);
    QCOMPARE(max_abs_diff(dense(after.delta.delta_L), dense(before.delta.delta_L)), 0.0);
}

QTEST_APPLESS_MAIN(TestSpaiPerturbation)
#include "tst_spai_perturbation.moc"
