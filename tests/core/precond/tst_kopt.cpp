// K-optimal factor: equals the Cholesky factor (up to scale) on tridiagonal matrices, is a local
// minimum of K(L^T A^{-1} L) over its pattern, and refuses sizes beyond its memory bound.
#include "precond/errors.h"
#include "precond/kcond.h"
#include "precond/kopt.h"
#include "precond/spd.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QtTest>

#include <atomic>
#include <random>
#include <stop_token>

using fs::sparse::Matrix;
using fs::sparse::Triplet;

namespace {

Matrix randomTridiagonal(int n, unsigned seed)
{
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    std::vector<Triplet> t;
    std::vector<double> off(n + 1, 0.0);
    for (int i = 1; i < n; ++i)
        off[i] = u(gen);
    for (int i = 0; i < n; ++i) {
        t.emplace_back(i, i, std::abs(off[i]) + std::abs(off[i + 1]) + 0.05 + std::abs(u(gen)));
        if (i > 0) {
            t.emplace_back(i, i - 1, off[i]);
            t.emplace_back(i - 1, i, off[i]);
        }
    }
    Matrix A(n, n);
    A.setFromTriplets(t.begin(), t.end());
    A.makeCompressed();
    return A;
}

// Random sparse SPD: a random symmetric pattern with ~deg neighbours per row, values of both
// signs, made positive definite by a diagonal shift that keeps it far from diagonal dominance.
Matrix randomSparseSpd(int n, int deg, unsigned seed)
{
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    std::uniform_int_distribution<int> col(0, n - 1);
    std::vector<Triplet> t;
    for (int i = 0; i < n; ++i)
        for (int k = 0; k < deg / 2; ++k) {
            const int j = col(gen);
            if (j == i)
                continue;
            const double v = u(gen);
            t.emplace_back(i, j, v);
            t.emplace_back(j, i, v);
        }
    Matrix S(n, n);
    S.setFromTriplets(t.begin(), t.end());
    const double lmin = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(Eigen::MatrixXd(S))
                            .eigenvalues()
                            .minCoeff();
    Matrix I(n, n);
    I.setIdentity();
    Matrix A = S + (0.3 - lmin) * I;
    A.makeCompressed();
    return A;
}

double cosine(const Matrix &X, const Matrix &Y)
{
    const Eigen::MatrixXd a = Eigen::MatrixXd(X), b = Eigen::MatrixXd(Y);
    return (a.array() * b.array()).sum() / (a.norm() * b.norm());
}

Matrix loadBenchmark(const char *name)
{
    return fs::sparse::read_matrix_market(QStringLiteral(FS_BENCHMARK_DIR "/%1.mtx.gz")
                                              .arg(QLatin1String(name))
                                              .toStdString())
        .matrix;
}

} // namespace

class TestKopt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tridiagonalEqualsCholesky_data();
    void tridiagonalEqualsCholesky();
    void localMinimumOfK_data();
    void localMinimumOfK();
    void inverseAccessorGivesSameFactor();
    void threadCountDoesNotChangeResult();
    void refusesBeyondMemoryBound();
    void rejectsIndefinite();
    void cancelStops();
};

void TestKopt::tridiagonalEqualsCholesky_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("n=2") << 2 << 1u;
    QTest::newRow("n=50") << 50 << 2u;
    QTest::newRow("n=300") << 300 << 3u;
    QTest::newRow("n=300b") << 300 << 4u;
}

void TestKopt::tridiagonalEqualsCholesky()
{
    QFETCH(int, n);
    QFETCH(unsigned, seed);
    const Matrix A = randomTridiagonal(n, seed);
    const Matrix K = fs::precond::kopt_dense(A).L;
    const Matrix C = fs::precond::cholesky_natural(A);
    const double c = cosine(K, C);
    QVERIFY2(c >= 1.0 - 1e-12, qPrintable(QString::number(1.0 - c, 'g', 3)));
}

void TestKopt::localMinimumOfK_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("random sparse n=40") << QStringLiteral("random40");
    QTest::newRow("random sparse n=80") << QStringLiteral("random80");
    QTest::newRow("bcsstk01") << QStringLiteral("bcsstk01");
    QTest::newRow("nos4") << QStringLiteral("nos4");
    QTest::newRow("mesh1e1") << QStringLiteral("mesh1e1");
}

void TestKopt::localMinimumOfK()
{
    QFETCH(QString, which);
    Matrix A;
    if (which == QLatin1String("random40"))
        A = randomSparseSpd(40, 6, 11);
    else if (which == QLatin1String("random80"))
        A = randomSparseSpd(80, 8, 12);
    else
        A = loadBenchmark(which.toLatin1().constData());
    const Matrix L = fs::precond::kopt_dense(A).L;
    const double k0 = fs::precond::kcond_paper(A, L).log_K;
    // Random directions E on the pattern of L, step 1e-3 of each entry's size: K is stationary at
    // the optimum, so any lowering would be first order and far above rounding (~1e-13).
    std::mt19937 gen(99);
    std::normal_distribution<double> g;
    double worst = 1e300;
    for (int trial = 0; trial < 60; ++trial) {
        Matrix P = L;
        for (int p = 0; p < P.nonZeros(); ++p)
            P.valuePtr()[p] *= 1.0 + 1e-3 * g(gen);
        const double k1 = fs::precond::kcond_paper(A, P).log_K;
        worst = std::min(worst, k1 - k0);
        QVERIFY2(k1 >= k0 - 1e-12, qPrintable(QStringLiteral("trial %1: log K %2 < %3")
                                                  .arg(trial)
                                                  .arg(k1, 0, 'g', 17)
                                                  .arg(k0, 0, 'g', 17)));
    }
    QVERIFY(worst > 0.0); // the test can fail: a non-optimal L would show negative differences
}

void TestKopt::inverseAccessorGivesSameFactor()
{
    const Matrix A = randomSparseSpd(60, 6, 5);
    const Eigen::MatrixXd B = Eigen::MatrixXd(A).inverse();
    const fs::precond::DenseInverse inverse(B);
    const Matrix L1 = fs::precond::kopt_from_inverse(A, inverse).L;
    const Matrix L2 = fs::precond::kopt_dense(A).L;
    QCOMPARE(L1.nonZeros(), L2.nonZeros());
    QVERIFY((Eigen::MatrixXd(L1) - Eigen::MatrixXd(L2)).norm() < 1e-10 * Eigen::MatrixXd(L2).norm());
}

void TestKopt::threadCountDoesNotChangeResult()
{
    const Matrix A = loadBenchmark("nos4");
    fs::precond::KoptOptions one, four;
    one.threads = 1;
    four.threads = 4;
    const Matrix L1 = fs::precond::kopt_dense(A, one).L;
    const Matrix L4 = fs::precond::kopt_dense(A, four).L;
    QVERIFY(Eigen::MatrixXd(L1) == Eigen::MatrixXd(L4));
}

void TestKopt::refusesBeyondMemoryBound()
{
    const Matrix A = randomTridiagonal(100, 1);
    fs::precond::KoptOptions o;
    o.max_dense_bytes = 1000;
    try {
        fs::precond::kopt_dense(A, o);
        QFAIL("no SizeRefused");
    } catch (const fs::precond::SizeRefused &e) {
        QCOMPARE(e.estimated_bytes(), fs::precond::kopt_dense_bytes(100));
        QCOMPARE(e.estimated_bytes(), std::int64_t(2 * 100 * 100 * 8));
        QCOMPARE(e.limit_bytes(), std::int64_t(1000));
        QVERIFY(QByteArray(e.what()).contains("156.2 KiB"));
    }
    // The default bound admits n = 5000 and refuses n = 20000 without allocating anything.
    QVERIFY(fs::precond::kopt_dense_bytes(5000) <= fs::precond::KoptOptions{}.max_dense_bytes);
    Matrix big(20000, 20000);
    QVERIFY_THROWS_EXCEPTION(fs::precond::SizeRefused, fs::precond::kopt_dense(big));
}

void TestKopt::rejectsIndefinite()
{
    const Matrix A = fs::sparse::read_matrix_market(FS_TEST_DATA_DIR "/suitesparse/s4.mtx").matrix;
    QVERIFY_THROWS_EXCEPTION(fs::precond::NotSpd, fs::precond::kopt_dense(A));
}

void TestKopt::cancelStops()
{
    const Matrix A = randomTridiagonal(500, 2);
    std::stop_source cancel;
    cancel.request_stop();
    fs::precond::KoptOptions o;
    o.cancel = cancel.get_token();
    QVERIFY_THROWS_EXCEPTION(fs::precond::Cancelled, fs::precond::kopt_dense(A, o));
    // Progress reaches 1 when not cancelled.
    std::stop_source keep;
    std::atomic<double> last{0.0};
    o.cancel = keep.get_token();
    o.progress = [&](double f) {
        double prev = last.load();
        while (f > prev && !last.compare_exchange_weak(prev, f)) {
        }
    };
    fs::precond::kopt_dense(A, o);
    QCOMPARE(last.load(), 1.0);
}

QTEST_APPLESS_MAIN(TestKopt)
#include "tst_kopt.moc"
