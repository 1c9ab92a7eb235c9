// SPAI on the pattern of A: exact on diagonal matrices, optimal per column (normal equations),
// never worse than the Jacobi inverse (which lies in the same feasible set).
#include "precond/errors.h"
#include "precond/spai.h"
#include "sparse/generators.h"
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
    static void checkAgainstSvd(const Matrix &A);
private Q_SLOTS:
    void diagonalIsExactInverse();
    void columnsSatisfyNormalEquations_data();
    void columnsSatisfyNormalEquations();
    void symmetrised();
    void rejectsNonSquare();
    void matchesDenseLeastSquares();
    void largePatternsMatchDenseLeastSquares();
    void squarePatternIsOptimalOnItsPattern();
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

void TestSpai::matchesDenseLeastSquares()
{
    checkAgainstSvd(fs::sparse::diffusion2d(8, 17, {1.5, 0.15, 64}).A);
}

void TestSpai::largePatternsMatchDenseLeastSquares()
{
    // A hub joined to every other row: its column's problem is 400 × 400, past the size where
    // spai.cpp leaves the dense QR for the (corrected) semi-normal equations.
    const Matrix P = fs::sparse::poisson2d(20, 20).A;
    const int n = int(P.rows());
    std::vector<Triplet> t;
    for (int j = 0; j < P.outerSize(); ++j)
        for (Matrix::InnerIterator it(P, j); it; ++it)
            t.emplace_back(int(it.row()), j, it.value() + (it.row() == 0 && j == 0 ? 40.0 : 0.0));
    for (int j = 1; j < n; ++j)
        if (P.coeff(0, j) == 0.0) {
            t.emplace_back(0, j, 0.05 * std::sin(j));
            t.emplace_back(j, 0, 0.05 * std::sin(j));
        }
    Matrix A(n, n);
    A.setFromTriplets(t.begin(), t.end());
    checkAgainstSvd(A);
}

void TestSpai::checkAgainstSvd(const Matrix &A)
{
    // Column k of M solves min ||A(:,J) m - e_k|| over the pattern J of A(:,k). Solved here on the
    // dense A (all n rows, not only the touched ones) by SVD, unlike the QR of spai.cpp.
    const int n = int(A.rows());
    const Eigen::MatrixXd Ad(A);
    const auto r = fs::precond::spai(A);
    QCOMPARE(r.M.nonZeros(), A.nonZeros());
    double residual2 = 0.0;
    for (int k = 0; k < n; ++k) {
        std::vector<int> J;
        for (Matrix::InnerIterator it(A, k); it; ++it)
            J.push_back(int(it.row()));
        Eigen::MatrixXd AJ(n, Eigen::Index(J.size()));
        for (std::size_t a = 0; a < J.size(); ++a)
            AJ.col(Eigen::Index(a)) = Ad.col(J[a]);
        const Eigen::VectorXd ek = Eigen::VectorXd::Unit(n, k);
        Eigen::BDCSVD<Eigen::MatrixXd> svd(AJ, Eigen::ComputeThinU | Eigen::ComputeThinV);
        const Eigen::VectorXd m = svd.solve(ek);
        Eigen::VectorXd mine(Eigen::Index(J.size()));
        for (std::size_t a = 0; a < J.size(); ++a)
            mine(Eigen::Index(a)) = r.M.coeff(J[a], k);
        QVERIFY2((mine - m).norm() <= 1e-10 * m.norm(),
                 qPrintable(QStringLiteral("column %1: %2").arg(k).arg((mine - m).norm() / m.norm())));
        residual2 += (AJ * m - ek).squaredNorm();
    }
    QVERIFY(std::abs(r.residual_fro - std::sqrt(residual2)) <= 1e-10 * r.residual_fro);
}

QTEST_APPLESS_MAIN(TestSpai)
void TestSpai::squarePatternIsOptimalOnItsPattern()
{
    // pattern_power = 2: M lives on the pattern of A², each column is the least-squares optimum
    // there (against an SVD of the dense A(:,J)), and the larger feasible set can only lower
    // ||A M - I||_F.
    const Matrix A = fs::sparse::biharmonic2d(6, 5, {1.0, 0.2, 64}).A;
    const int n = int(A.rows());
    const Eigen::MatrixXd Ad(A);
    fs::precond::SpaiOptions o;
    o.pattern_power = 2;
    const auto r2 = fs::precond::spai(A, o);
    const Eigen::MatrixXd A2 = Ad.cwiseAbs() * Ad.cwiseAbs();
    QCOMPARE(r2.M.nonZeros(), Eigen::Index((A2.array() != 0.0).count()));
    for (int k = 0; k < n; ++k) {
        std::vector<int> J;
        for (Matrix::InnerIterator it(r2.M, k); it; ++it) {
            QVERIFY(A2(it.row(), k) != 0.0);
            J.push_back(int(it.row()));
        }
        Eigen::MatrixXd AJ(n, Eigen::Index(J.size()));
        for (std::size_t a = 0; a < J.size(); ++a)
            AJ.col(Eigen::Index(a)) = Ad.col(J[a]);
        const Eigen::VectorXd m = Eigen::BDCSVD<Eigen::MatrixXd>(AJ, Eigen::ComputeThinU | Eigen::ComputeThinV)
                                      .solve(Eigen::VectorXd::Unit(n, k));
        for (std::size_t a = 0; a < J.size(); ++a)
            QVERIFY2(std::abs(r2.M.coeff(J[a], k) - m(Eigen::Index(a))) <= 1e-9 * std::max(1.0, m.cwiseAbs().maxCoeff()),
                     qPrintable(QStringLiteral("column %1").arg(k)));
    }
    const auto r1 = fs::precond::spai(A);
    QVERIFY(r2.residual_fro < r1.residual_fro);
    QVERIFY(std::abs(r2.residual_fro - residualFro(A, r2.M)) <= 1e-10 * r2.residual_fro);
    o.pattern_power = 3;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fs::precond::spai(A, o));
}

#include "tst_spai.moc"
