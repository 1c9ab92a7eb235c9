// K-condition numbers against eigenvalue formulas: K(M) = mean(lambda) / geomean(lambda).
#include "precond/errors.h"
#include "precond/ic0.h"
#include "precond/kcond.h"
#include "precond/spai.h"
#include "precond/spd.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QtTest>

#include <random>

using fs::sparse::Matrix;
using fs::sparse::Triplet;

namespace {

// log K from the spectrum, independent of the trace/log-determinant route.
double logKFromEigenvalues(const Eigen::MatrixXd &M)
{
    const Eigen::VectorXd lam = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(M).eigenvalues();
    return std::log(lam.mean()) - lam.array().log().mean();
}

Eigen::MatrixXd randomSpdDense(int n, unsigned seed)
{
    std::mt19937 gen(seed);
    std::normal_distribution<double> g;
    Eigen::MatrixXd X(n, n);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            X(i, j) = g(gen);
    return X * X.transpose() / n + 1e-2 * Eigen::MatrixXd::Identity(n, n);
}

Matrix loadBenchmark(const char *name)
{
    return fs::sparse::read_matrix_market(QStringLiteral(FS_BENCHMARK_DIR "/%1.mtx.gz")
                                              .arg(QLatin1String(name))
                                              .toStdString())
        .matrix;
}

bool close(double a, double b, double rel) { return std::abs(a - b) <= rel * std::max(1.0, std::abs(b)); }

} // namespace

class TestKcond : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scaledIdentityIsOne();
    void hugeScaleDoesNotOverflow();
    void atLeastOneOnRandomSpd();
    void sparseMatchesSpectrum();
    void exactFactorGivesOne();
    void splitAndPaperMatchDense_data();
    void splitAndPaperMatchDense();
    void jacobiAndApproxInverseMatchDense();
    void refusesBeyondWorkBound();
    void rejectsIndefinite();
};

void TestKcond::scaledIdentityIsOne()
{
    Matrix I(50, 50);
    I.setIdentity();
    const auto k = fs::precond::kcond(Matrix(3.7 * I));
    QVERIFY(std::abs(k.log_K) < 1e-14);
    QVERIFY(std::abs(k.K - 1.0) < 1e-14);
    QVERIFY(std::abs(fs::precond::kcond_dense(3.7 * Eigen::MatrixXd::Identity(9, 9)).K - 1.0) < 1e-14);
}

void TestKcond::hugeScaleDoesNotOverflow()
{
    // det = 1e3000 overflows double; its logarithm does not.
    Matrix I(10, 10);
    I.setIdentity();
    const auto k = fs::precond::kcond(Matrix(1e300 * I));
    QVERIFY(std::abs(k.K - 1.0) < 1e-12); // log-det of 1e300 is ~690: rounding ~1e-13
    QVERIFY(std::isfinite(k.logdet));
}

void TestKcond::atLeastOneOnRandomSpd()
{
    for (unsigned s = 1; s <= 20; ++s) {
        const Eigen::MatrixXd M = randomSpdDense(5 + int(s), s);
        const auto k = fs::precond::kcond_dense(M);
        QVERIFY(k.K >= 1.0);
        QVERIFY(k.K > 1.0 + 1e-6); // random matrices are far from cI
        QVERIFY(close(k.log_K, logKFromEigenvalues(M), 1e-10));
    }
}

void TestKcond::sparseMatchesSpectrum()
{
    for (const char *name : {"nos4", "bcsstk01", "mesh1e1", "494_bus"}) {
        const Matrix A = loadBenchmark(name);
        QVERIFY2(close(fs::precond::kcond(A).log_K, logKFromEigenvalues(Eigen::MatrixXd(A)), 1e-9),
                 name);
    }
}

void TestKcond::exactFactorGivesOne()
{
    const Matrix A = loadBenchmark("nos4");
    const Matrix L = fs::precond::cholesky_natural(A);
    QVERIFY(std::abs(fs::precond::kcond_split(A, L).log_K) < 1e-9);
    QVERIFY(std::abs(fs::precond::kcond_paper(A, L).log_K) < 1e-9);
}

void TestKcond::splitAndPaperMatchDense_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("nos4") << QStringLiteral("nos4");
    QTest::newRow("mesh2e1") << QStringLiteral("mesh2e1");
    QTest::newRow("bcsstk01") << QStringLiteral("bcsstk01");
}

void TestKcond::splitAndPaperMatchDense()
{
    QFETCH(QString, name);
    const Matrix A = loadBenchmark(name.toLatin1().constData());
    const auto r = fs::precond::ic0(A);
    QVERIFY(r.ok);
    const Eigen::MatrixXd Ad = Eigen::MatrixXd(A), Ld = Eigen::MatrixXd(r.L);
    const Eigen::MatrixXd Li = Ld.triangularView<Eigen::Lower>().solve(
        Eigen::MatrixXd::Identity(A.rows(), A.cols()));
    const Eigen::MatrixXd split = Li * Ad * Li.transpose();
    const Eigen::MatrixXd paper = Ld.transpose() * Ad.llt().solve(Ld);
    QVERIFY(close(fs::precond::kcond_split(A, r.L).log_K, logKFromEigenvalues(0.5 * (split + split.transpose())), 1e-8));
    QVERIFY(close(fs::precond::kcond_paper(A, r.L).log_K, logKFromEigenvalues(0.5 * (paper + paper.transpose())), 1e-8));
}

void TestKcond::jacobiAndApproxInverseMatchDense()
{
    const Matrix A = loadBenchmark("mesh1e1");
    const Eigen::MatrixXd Ad = Eigen::MatrixXd(A);
    const Eigen::VectorXd s = Ad.diagonal().cwiseSqrt().cwiseInverse();
    const Eigen::MatrixXd scaled = s.asDiagonal() * Ad * s.asDiagonal();
    QVERIFY(close(fs::precond::kcond_jacobi(A).log_K, logKFromEigenvalues(scaled), 1e-9));

    const Matrix G = fs::precond::spai_symmetric(fs::precond::spai(A).M);
    const Eigen::MatrixXd Gd = Eigen::MatrixXd(G);
    Eigen::LLT<Eigen::MatrixXd> gl(Gd);
    QVERIFY(gl.info() == Eigen::Success);
    const Eigen::MatrixXd R = gl.matrixL();
    const Eigen::MatrixXd op = R.transpose() * Ad * R; // similar to G^{1/2} A G^{1/2}
    QVERIFY(close(fs::precond::kcond_approx_inverse(A, G).log_K,
                  logKFromEigenvalues(0.5 * (op + op.transpose())), 1e-9));
}

void TestKcond::refusesBeyondWorkBound()
{
    const Matrix A = loadBenchmark("nos4");
    const Matrix L = fs::precond::cholesky_natural(A);
    fs::precond::KcondOptions o;
    o.max_work = 10;
    QVERIFY_THROWS_EXCEPTION(fs::precond::WorkRefused, fs::precond::kcond_split(A, L, o));
    QVERIFY_THROWS_EXCEPTION(fs::precond::WorkRefused, fs::precond::kcond_paper(A, L, o));
}

void TestKcond::rejectsIndefinite()
{
    const Matrix A = fs::sparse::read_matrix_market(FS_TEST_DATA_DIR "/suitesparse/s4.mtx").matrix;
    QVERIFY_THROWS_EXCEPTION(fs::precond::NotSpd, fs::precond::kcond(A));
    QVERIFY_THROWS_EXCEPTION(fs::precond::NotSpd, fs::precond::kcond_dense(Eigen::MatrixXd(A)));
}

QTEST_APPLESS_MAIN(TestKcond)
#include "tst_kcond.moc"
