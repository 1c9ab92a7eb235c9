// PCG: exact preconditioner converges at once, the solution matches a dense solve, CG terminates
// within the number of distinct eigenvalues, and every failure is an outcome, not an exception.
#include "precond/errors.h"
#include "precond/ic0.h"
#include "precond/pcg.h"
#include "precond/spd.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <Eigen/IterativeLinearSolvers>
#include <QtTest>

#include <stop_token>

using fs::sparse::Matrix;
using fs::sparse::Triplet;
using fs::sparse::Vector;
namespace pc = fs::precond;

namespace {

Matrix loadBenchmark(const QString &name)
{
    return fs::sparse::read_matrix_market(
               (QStringLiteral(FS_BENCHMARK_DIR "/") + name + QStringLiteral(".mtx.gz")).toStdString())
        .matrix;
}

Matrix diagonal(const std::vector<double> &d)
{
    const int n = int(d.size());
    std::vector<Triplet> t;
    for (int i = 0; i < n; ++i)
        t.emplace_back(i, i, d[i]);
    Matrix D(n, n);
    D.setFromTriplets(t.begin(), t.end());
    D.makeCompressed();
    return D;
}

} // namespace

class TestPcg : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exactFactorConvergesAtOnce_data();
    void exactFactorConvergesAtOnce();
    void matchesDenseSolve();
    void distinctEigenvaluesBoundIterations();
    void iterationCountsMatchEigen_data();
    void iterationCountsMatchEigen();
    void indefiniteOperatorIsAFailure();
    void indefinitePreconditionerIsAFailure();
    void maxIterationsIsAFailure();
    void zeroRhs();
    void seededRhsIsReproducible();
    void cancelStops();
};

void TestPcg::exactFactorConvergesAtOnce_data()
{
    QTest::addColumn<QString>("name");
    for (const char *n : {"nos4", "bcsstk01", "494_bus", "gr_30_30", "1138_bus"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void TestPcg::exactFactorConvergesAtOnce()
{
    QFETCH(QString, name);
    const Matrix A = loadBenchmark(name);
    const pc::FactorPreconditioner M(pc::cholesky_natural(A));
    const auto r = pc::pcg(A, pc::make_rhs(int(A.rows()), false), M);
    QVERIFY(r.converged);
    QVERIFY2(r.iterations >= 1 && r.iterations <= 2, qPrintable(QString::number(r.iterations)));
}

void TestPcg::matchesDenseSolve()
{
    const Matrix A = loadBenchmark(QStringLiteral("mesh1e1"));
    const Vector b = pc::make_rhs(int(A.rows()), true, 7);
    pc::PcgOptions o;
    o.tol = 1e-12;
    const auto r = pc::pcg(A, b, pc::IdentityPreconditioner(), o);
    QVERIFY(r.converged);
    const Vector x = Eigen::MatrixXd(A).ldlt().solve(b);
    QVERIFY((r.x - x).norm() <= 1e-10 * x.norm());
    QVERIFY(pc::true_relres(A, b, r.x) < 1e-11);
    QCOMPARE(int(r.history.size()), r.iterations + 1);
    QCOMPARE(r.history.back(), r.relres);
}

void TestPcg::distinctEigenvaluesBoundIterations()
{
    // Exact-arithmetic CG needs at most (number of distinct eigenvalues) iterations.
    std::vector<double> d;
    for (int i = 0; i < 300; ++i)
        d.push_back(i % 3 == 0 ? 1.0 : (i % 3 == 1 ? 5.0 : 11.0));
    const auto r = pc::pcg(diagonal(d), pc::make_rhs(300, true, 3), pc::IdentityPreconditioner());
    QVERIFY(r.converged);
    QVERIFY(r.iterations <= 3);
    // Jacobi makes it the identity: one iteration.
    const Matrix D = diagonal(d);
    const auto j = pc::pcg(D, pc::make_rhs(300, true, 3), pc::JacobiPreconditioner(D));
    QCOMPARE(j.iterations, 1);
}

void TestPcg::iterationCountsMatchEigen_data()
{
    QTest::addColumn<QString>("name");
    for (const char *n : {"nos4", "mesh2e1", "gr_30_30", "g20"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void TestPcg::iterationCountsMatchEigen()
{
    QFETCH(QString, name);
    const Matrix A = loadBenchmark(name);
    const Vector b = pc::make_rhs(int(A.rows()), false);
    const auto r = pc::pcg(A, b, pc::JacobiPreconditioner(A));
    Eigen::ConjugateGradient<Matrix, Eigen::Lower | Eigen::Upper, Eigen::DiagonalPreconditioner<double>> cg(A);
    cg.setTolerance(1e-8);
    cg.setMaxIterations(10000);
    const Vector x = cg.solve(b);
    QVERIFY(r.converged);
    QVERIFY2(std::abs(r.iterations - int(cg.iterations())) <= 1,
             qPrintable(QStringLiteral("%1 vs Eigen %2").arg(r.iterations).arg(cg.iterations())));
    QVERIFY((r.x - x).norm() <= 1e-6 * x.norm());
}

void TestPcg::indefiniteOperatorIsAFailure()
{
    const Matrix A = diagonal({1.0, -1.0, 2.0});
    const auto r = pc::pcg(A, pc::make_rhs(3, false), pc::IdentityPreconditioner());
    QVERIFY(!r.converged);
    QCOMPARE(r.failure, pc::PcgFailure::IndefiniteOperator);
    QCOMPARE(QByteArray(pc::to_string(r.failure)), QByteArray("indefinite_operator"));
    // Curvature p^T A p < 0 already in the first step: b along the negative eigenvector.
    Vector b = Vector::Zero(3);
    b(1) = 1.0;
    const auto s = pc::pcg(A, b, pc::IdentityPreconditioner());
    QCOMPARE(s.failure, pc::PcgFailure::IndefiniteOperator);
    QCOMPARE(s.iterations, 0);
}

void TestPcg::indefinitePreconditionerIsAFailure()
{
    const Matrix A = diagonal({1.0, 2.0, 3.0});
    const pc::MatVecPreconditioner M(diagonal({1.0, -1.0, 1.0}));
    const auto r = pc::pcg(A, pc::make_rhs(3, false), M);
    QCOMPARE(r.failure, pc::PcgFailure::IndefinitePreconditioner);
    QVERIFY(!r.converged);
}

void TestPcg::maxIterationsIsAFailure()
{
    const Matrix A = loadBenchmark(QStringLiteral("494_bus"));
    pc::PcgOptions o;
    o.maxiter = 5;
    const auto r = pc::pcg(A, pc::make_rhs(int(A.rows()), false), pc::IdentityPreconditioner(), o);
    QVERIFY(!r.converged);
    QCOMPARE(r.iterations, 5);
    QCOMPARE(r.failure, pc::PcgFailure::MaxIterations);
    QVERIFY(r.relres > 1e-8);
}

void TestPcg::zeroRhs()
{
    const Matrix A = diagonal({1.0, 2.0});
    const auto r = pc::pcg(A, Vector::Zero(2), pc::IdentityPreconditioner());
    QVERIFY(r.converged);
    QCOMPARE(r.iterations, 0);
    QCOMPARE(r.x.norm(), 0.0);
}

void TestPcg::seededRhsIsReproducible()
{
    const Vector a = pc::make_rhs(1000, true, 42), b = pc::make_rhs(1000, true, 42);
    const Vector c = pc::make_rhs(1000, true, 43);
    QVERIFY(a == b);
    QVERIFY(a != c);
    QVERIFY(a.cwiseAbs().maxCoeff() <= 1.0);
    QVERIFY(std::abs(a.mean()) < 0.1); // centred on zero
    QVERIFY(pc::make_rhs(5, false) == Vector::Ones(5));
}

void TestPcg::cancelStops()
{
    const Matrix A = diagonal({1.0, 2.0, 3.0});
    std::stop_source cancel;
    cancel.request_stop();
    pc::PcgOptions o;
    o.cancel = cancel.get_token();
    QVERIFY_THROWS_EXCEPTION(pc::Cancelled, pc::pcg(A, pc::make_rhs(3, false), pc::IdentityPreconditioner(), o));
}

QTEST_APPLESS_MAIN(TestPcg)
#include "tst_pcg.moc"
