// SPAI on the pattern of A: exact on diagonal matrices, optimal per column (normal equations),
// never worse than the Jacobi inverse (which lies in the same feasible set).
#include "precond/errors.h"
#include "precond/spai.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QtTest>

#include <random>

using fs::sparse::Matrix;
using fs::sparse::Triplet;

namespace {

Matrix loadBenchmark(const char *name)
{
    return fs::sparse::read_matrix_market(QStringLiteral(FS_BENCHMARK_DIR "/%1.mtx.gz")
                                              .arg(QLatin1String(name))
                                              .toStdString())
        .matrix;
}

double residualFro(const Matrix &A, const Matrix &M)
{
    Matrix I(A.rows(), A.cols());
    I.setIdentity();
    return Matrix(A * M - I).norm();
}

} // namespace

class TestSpai : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void diagonalIsExactInverse();
    void columnsSatisfyNormalEquations_data();
    void columnsSatisfyNormalEquations();
    void symmetrised();
    void rejectsNonSquare();
};

void TestSpai::diagonalIsExactInverse()
{
    const int n = 30;
    Matrix D(n, n);
    std::vector<Triplet> t;
    for (int i = 0; i < n; ++i)
        t.emplace_back(i, i, std::pow(10.0, (i % 7) - 3) * (1 + i));
    D.setFromTriplets(t.begin(), t.end());
    const auto r = fs::precond::spai(D);
    for (int i = 0; i < n; ++i)
        QVERIFY(std::abs(r.M.coeff(i, i) * D.coeff(i, i) - 1.0) < 1e-15);
    QCOMPARE(r.M.nonZeros(), D.nonZeros());
    QVERIFY(r.residual_fro < 1e-14);
}

void TestSpai::columnsSatisfyNormalEquations_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("nos4") << QStringLiteral("nos4");
    QTest::newRow("bcsstk01") << QStringLiteral("bcsstk01");
    QTest::newRow("mesh2e1") << QStringLiteral("mesh2e1");
}

void TestSpai::columnsSatisfyNormalEquations()
{
    QFETCH(QString, name);
    const Matrix A = loadBenchmark(name.toLatin1().constData());
    const auto r = fs::precond::spai(A);
    QCOMPARE(r.M.nonZeros(), A.nonZeros());
    // The reported residual is ||A M - I||_F computed independently.
    const double direct = residualFro(A, r.M);
    QVERIFY(std::abs(r.residual_fro - direct) <= 1e-10 * std::max(1.0, direct));
    // Least-squares optimality: for each column k with pattern J, A(:,J)^T (A m_k - e_k) = 0.
    Matrix I(A.rows(), A.cols());
    I.setIdentity();
    const Eigen::MatrixXd R = Eigen::MatrixXd(A * r.M - I);
    const Eigen::MatrixXd Ad = Eigen::MatrixXd(A);
    double worst = 0.0;
    for (int k = 0; k < A.cols(); ++k)
        for (Matrix::InnerIterator it(A, k); it; ++it) {
            const double g = Ad.col(it.row()).dot(R.col(k));
            worst = std::max(worst, std::abs(g) / Ad.col(it.row()).norm());
        }
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
    // Jacobi's inverse diagonal is feasible, so SPAI can only do better.
    Matrix J(A.rows(), A.cols());
    std::vector<Triplet> t;
    for (int i = 0; i < A.rows(); ++i)
        t.emplace_back(i, i, 1.0 / A.coeff(i, i));
    J.setFromTriplets(t.begin(), t.end());
    QVERIFY(r.residual_fro <= residualFro(A, J) * (1 + 1e-12));
}

void TestSpai::symmetrised()
{
    const Matrix A = loadBenchmark("nos4");
    const Matrix M = fs::precond::spai(A).M;
    const Matrix S = fs::precond::spai_symmetric(M);
    const Eigen::MatrixXd Sd = Eigen::MatrixXd(S), Md = Eigen::MatrixXd(M);
    QCOMPARE((Sd - Sd.transpose()).norm(), 0.0);
    QVERIFY((Sd - 0.5 * (Md + Md.transpose())).norm() < 1e-15 * Md.norm());
}

void TestSpai::rejectsNonSquare()
{
    Matrix A(4, 3);
    QVERIFY_THROWS_EXCEPTION(fs::precond::NotSpd, fs::precond::spai(A));
}

QTEST_APPLESS_MAIN(TestSpai)
#include "tst_spai.moc"
