// The perturbation engine: update/downdate equals refactorisation, refusals leave the state intact,
// and the locality profile measures what it claims.
#include "perturb/perturbation.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"
#include "precond/ic0.h"

#include <Eigen/Dense>
#include <QtTest>

#include <random>

using namespace fs;
using fs::sparse::Index;

namespace {

Eigen::MatrixXd dense(const sparse::Matrix &A) { return Eigen::MatrixXd(A); }


// Factor of P A Pᵀ by a fresh natural-order factorisation: the reference for update/downdate.
sparse::Matrix reference_factor(const sparse::Matrix &A, const std::vector<Index> &perm)
{
    factor::Cholesky c;
    c.factorize(sparse::permute_symmetric(A, perm));
    return c.factor();
}

double max_abs(const sparse::Matrix &M)
{
    double m = 0;
    for (Index j = 0; j < M.outerSize(); ++j)
        for (sparse::Matrix::InnerIterator it(M, j); it; ++it)
            m = std::max(m, std::abs(it.value()));
    return m;
}

sparse::Matrix load(const QString &source)
{
    if (source == "poisson2d")
        return sparse::poisson2d(15, 12).A;
    return sparse::read_matrix_market(FS_BENCHMARK_DIR "/" + source.toStdString() + ".mtx.gz").matrix;
}

bool stored(const sparse::Matrix &A, Index i, Index j)
{
    for (sparse::Matrix::InnerIterator it(A, j); it; ++it)
        if (it.row() == i)
            return true;
    return false;
}

} // namespace

class TestPerturbation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void updownEqualsRefactorisation_data();
    void updownEqualsRefactorisation();
    void refusedLeavesStateIntact();
    void profileOnPathGraph();
    void profileSharesSumToOne();
    void disconnectedComponentUntouched();
    void fromScratchIc0();
    void illConditionedIsFlagged();
};

void TestPerturbation::updownEqualsRefactorisation_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("ordering");
    // Benchmark matrices with cond2 <= 1e7 (INDEX.csv): the comparison is about update/downdate,
    // and the rounding of both sides grows with the condition number.
    for (const char *m : {"poisson2d", "bcsstk01", "mesh1e1", "nos4", "pts5ldd03", "mesh2e1", "g20", "gr_30_30", "494_bus"}) {
        QTest::newRow(qPrintable(QString("%1 natural").arg(m))) << QString(m) << 0;
        QTest::newRow(qPrintable(QString("%1 amd").arg(m))) << QString(m) << 1;
    }
}

void TestPerturbation::updownEqualsRefactorisation()
{
    QFETCH(QString, source);
    QFETCH(int, ordering);
    const sparse::Matrix A0 = load(source);
    const auto n = static_cast<Index>(A0.rows());
    perturb::CholeskyPerturbation engine(A0, ordering ? factor::Ordering::Amd : factor::Ordering::Natural);
    std::mt19937_64 rng(1234 + n);
    int accepted = 0, structural = 0, negative = 0;
    for (int trial = 0; trial < 12; ++trial) {
        const sparse::Matrix &A = engine.matrix();
        Index p = static_cast<Index>(rng() % n), q = p;
        if (trial % 3 == 1) { // a stored off-diagonal entry
            const Index j = static_cast<Index>(rng() % n);
            std::vector<Index> rows;
            for (sparse::Matrix::InnerIterator it(A, j); it; ++it)
                if (it.row() != j)
                    rows.push_back(it.row());
            if (!rows.empty()) {
                p = rows[rng() % rows.size()];
                q = j;
            }
        } else if (trial % 3 == 2) { // a structural zero
            for (int tries = 0; tries < 100; ++tries) {
                q = static_cast<Index>(rng() % n);
                if (q != p && !stored(A, p, q))
                    break;
            }
        }
        const double scale = std::sqrt(A.coeff(p, p) * A.coeff(q, q));
        double delta = (trial % 2 ? -1.0 : 1.0) * 0.05 * scale * (1 + int(rng() % 4));
        const sparse::Matrix Lold = engine.factor();
        const bool wasZero = !stored(A, p, q);
        perturb::PerturbationResult r;
        bool done = false;
        // Ill-conditioned matrices tolerate only small changes: shrink δ after each refusal.
        for (int attempt = 0; attempt < 12 && !done; ++attempt, delta /= 4) {
            try {
                r = engine.perturb(p, q, delta);
                done = true;
            } catch (const factor::PerturbationRefused &) {
                // Must be genuinely indefinite (or numerically singular): the eigenvalues agree.
                Eigen::MatrixXd Ad = dense(A);
                Ad(p, q) += delta;
                if (p != q)
                    Ad(q, p) += delta;
                QVERIFY(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(Ad).eigenvalues().minCoeff()
                        <= 1e-10 * Ad.cwiseAbs().maxCoeff());
            }
        }
        if (!done)
            continue;
        ++accepted;
        structural += wasZero;
        negative += delta < 0;
        QCOMPARE(r.pattern_changed, wasZero);
        const sparse::Matrix Lud = engine.factor();
        const sparse::Matrix Lref = reference_factor(engine.matrix(), engine.permutation());
        const double err = max_abs(sparse::Matrix(Lud - Lref));
        QVERIFY2(err <= 1e-10 * std::max(1.0, max_abs(Lref)),
                 qPrintable(QString("trial %1 (%2,%3) delta %4: error %5").arg(trial).arg(p).arg(q).arg(delta).arg(err)));
        // ΔL from the changed columns alone equals the full difference.
        const perturb::FactorDelta full = perturb::compute_delta(Lold, Lud, engine.matrix(), p, q, engine.permutation());
        QCOMPARE(r.delta.changed_entries, full.changed_entries);
        QVERIFY(max_abs(sparse::Matrix(r.delta.delta_L - full.delta_L)) == 0.0);
        QVERIFY((r.delta.diag_diff - full.diag_diff).cwiseAbs().maxCoeff() == 0.0);
        if (wasZero && ordering == 0)
            QVERIFY(r.new_entries >= 0);
    }
    QVERIFY(accepted >= 8);
    QVERIFY(negative >= 2);
    QVERIFY(structural >= 1);
}

void TestPerturbation::refusedLeavesStateIntact()
{
    perturb::CholeskyPerturbation engine(sparse::poisson2d(10, 10).A, factor::Ordering::Amd);
    (void)engine.perturb(3, 4, 0.5); // a structural zero first, so the factor has been modified
    const Eigen::MatrixXd A0 = dense(engine.matrix());
    const Eigen::MatrixXd L0 = dense(engine.factor());
    const double cond0 = engine.condition_estimate();
    // Diagonal far below zero, and an off-diagonal entry larger than the diagonal can support.
    QVERIFY_THROWS_EXCEPTION(factor::PerturbationRefused, engine.perturb(17, 17, -10.0));
    QVERIFY_THROWS_EXCEPTION(factor::PerturbationRefused, engine.perturb(17, 18, 5.0));
    QVERIFY_THROWS_EXCEPTION(factor::PerturbationRefused, engine.perturb(17, 60, -5.0));
    try {
        engine.perturb(5, 5, -4.0);
        QFAIL("singular perturbation accepted"); // A_55 = 4 exactly
    } catch (const factor::PerturbationRefused &e) {
        QCOMPARE(e.column(), 5);
        QVERIFY(e.margin() <= 0.0);
    }
    QVERIFY(dense(engine.matrix()) == A0);
    QVERIFY(dense(engine.factor()) == L0);
    QCOMPARE(engine.condition_estimate(), cond0);
    // And the engine still works.
    const perturb::PerturbationResult r = engine.perturb(17, 17, 1.0);
    QVERIFY(r.delta.changed_entries > 0);
}

void TestPerturbation::profileOnPathGraph()
{
    // 1D Laplacian, perturb A(10,10) (0-based 9): column j changes for j >= 9; entry (j,j) is 
    // j-9 hops away, entry (j+1,j) also j-9 (its nearer end is j).
    const int n = 30, k = 9;
    const sparse::Matrix A = sparse::laplacian1d(n).A;
    perturb::CholeskyPerturbation engine(A);
    const sparse::Matrix Lold = engine.factor();
    const perturb::PerturbationResult r = engine.perturb(k, k, 0.7);
    const sparse::Matrix D = sparse::Matrix(engine.factor() - Lold);
    const auto &bins = r.delta.profile.bins;
    QCOMPARE(int(bins.size()), n - k);
    double total = 0;
    for (int j = k; j < n; ++j) {
        total += D.coeff(j, j) * D.coeff(j, j) + (j + 1 < n ? D.coeff(j + 1, j) * D.coeff(j + 1, j) : 0.0);
    }
    for (int h = 0; h < n - k; ++h) {
        const int j = k + h;
        const double a = std::abs(D.coeff(j, j)), b = j + 1 < n ? std::abs(D.coeff(j + 1, j)) : 0.0;
        QCOMPARE(bins[h].hops, h);
        QCOMPARE(bins[h].entries, Index(j + 1 < n ? 2 : 1));
        QCOMPARE(bins[h].max_abs, std::max(a, b));
        QVERIFY(std::abs(bins[h].sq_share - (a * a + b * b) / total) < 1e-12);
    }
    // Nothing above row k changed.
    for (int j = 0; j < k; ++j)
        QCOMPARE(r.delta.diag_diff[j], 0.0);
    // Share beyond k hops equals the tail sum.
    for (int kk = 1; kk <= 10; ++kk) {
        double tail = 0;
        for (const auto &b : bins)
            if (b.hops > kk)
                tail += b.sq_share;
        QVERIFY(std::abs(r.delta.profile.share_beyond[kk - 1] - tail) < 1e-14);
    }
}

void TestPerturbation::profileSharesSumToOne()
{
    perturb::CholeskyPerturbation engine(sparse::poisson2d(25, 25).A, factor::Ordering::Amd);
    for (auto [p, q, d] : {std::tuple{0, 0, 2.0}, std::tuple{300, 301, -0.3}, std::tuple{10, 500, 0.2}}) {
        const perturb::PerturbationResult r = engine.perturb(p, q, d);
        double s = r.delta.profile.unreachable_sq_share;
        for (const auto &b : r.delta.profile.bins)
            s += b.sq_share;
        QVERIFY(std::abs(s - 1.0) < 1e-12);
        for (int k = 1; k < 10; ++k)
            QVERIFY(r.delta.profile.share_beyond[k] <= r.delta.profile.share_beyond[k - 1]);
        QVERIFY(r.delta.profile.bins.front().max_abs > 0);
        QVERIFY(r.reliable);
    }
}

void TestPerturbation::disconnectedComponentUntouched()
{
    // LFAT5_two: two decoupled copies of LFAT5 (rows 1-14 and 15-28).
    const sparse::Matrix A = load("LFAT5_two");
    perturb::CholeskyPerturbation engine(A);
    const perturb::PerturbationResult r = engine.perturb(2, 2, 1e3);
    QCOMPARE(r.delta.profile.unreachable_sq_share, 0.0);
    for (int i = 14; i < 28; ++i)
        QCOMPARE(r.delta.diag_diff[i], 0.0);
    // The generic diff between two unrelated factors does see the other component.
    const sparse::Matrix L0 = engine.factor();
    sparse::Matrix L1 = L0;
    L1.coeffRef(20, 20) += 1.0;
    const perturb::FactorDelta d = perturb::compute_delta(L0, L1, A, 2, 2);
    QCOMPARE(d.profile.unreachable_sq_share, 1.0);
    QCOMPARE(d.profile.share_beyond[9], 1.0);
}

void TestPerturbation::fromScratchIc0()
{
    const sparse::Matrix A = sparse::poisson2d(12, 12).A;
    auto ic0 = [](const sparse::Matrix &M) {
        precond::Ic0Result r = precond::ic0(M);
        if (!r.ok)
            throw std::runtime_error("IC(0) breakdown");
        return r.L;
    };
    const perturb::PerturbationResult r = perturb::perturb_from_scratch(A, 0, 0, 1.0, ic0);
    QVERIFY(r.delta.changed_entries > 0);
    QCOMPARE(r.new_entries, Index(0)); // IC(0) keeps the pattern of tril(A)
    double s = 0;
    for (const auto &b : r.delta.profile.bins)
        s += b.sq_share;
    QVERIFY(std::abs(s - 1.0) < 1e-12);
    // The first row and column of IC(0) depend on A_11: hop 0 carries the largest change.
    QVERIFY(r.delta.profile.bins[0].max_abs >= r.delta.profile.bins.back().max_abs);
}

void TestPerturbation::illConditionedIsFlagged()
{
    // A graph Laplacian shifted by 1e-11: condition number ~1e12, beyond what double precision can
    // deliver to 1e-8. The engine must say so; the well-shifted one must not.
    perturb::CholeskyPerturbation bad(sparse::graph_laplacian(200, 4, 1e-11, 5).A, factor::Ordering::Amd);
    const perturb::PerturbationResult r = bad.perturb(3, 3, 0.5);
    QVERIFY(!r.reliable);
    QVERIFY(r.error_estimate > 1e-8);
    QVERIFY(!r.warning.empty());
    perturb::CholeskyPerturbation good(sparse::graph_laplacian(200, 4, 1.0, 5).A, factor::Ordering::Amd);
    const perturb::PerturbationResult g = good.perturb(3, 3, 0.5);
    QVERIFY(g.reliable);
    QVERIFY(g.warning.empty());
}

QTEST_APPLESS_MAIN(TestPerturbation)
#include "tst_perturbation.moc"
