// IC(0): equals the exact Cholesky factor when the factor has no fill, reproduces A on its
// pattern, and reports a breakdown (Kershaw's matrix) as an outcome.
#include "precond/errors.h"
#include "precond/ic0.h"
#include "precond/spd.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QtTest>

#include <random>

using fs::sparse::Matrix;
using fs::sparse::Triplet;

namespace {

Matrix fromTriplets(int n, const std::vector<Triplet> &t)
{
    Matrix A(n, n);
    A.setFromTriplets(t.begin(), t.end());
    A.makeCompressed();
    return A;
}

// Random SPD tridiagonal matrix: strictly diagonally dominant with random signs off the diagonal.
Matrix randomTridiagonal(int n, unsigned seed)
{
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    std::vector<Triplet> t;
    std::vector<double> off(n, 0.0);
    for (int i = 1; i < n; ++i)
        off[i] = u(gen);
    for (int i = 0; i < n; ++i) {
        const double right = i + 1 < n ? std::abs(off[i + 1]) : 0.0;
        t.emplace_back(i, i, std::abs(off[i]) + right + 0.1 + std::abs(u(gen)));
        if (i > 0) {
            t.emplace_back(i, i - 1, off[i]);
            t.emplace_back(i - 1, i, off[i]);
        }
    }
    return fromTriplets(n, t);
}

// Weighted tree whose every node i < n-1 has its parent at a larger index: eliminating in natural
// order never creates fill, so the exact Cholesky factor has the pattern of tril(A).
Matrix randomTree(int n, unsigned seed)
{
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> w(0.2, 2.0);
    std::vector<double> diag(n, 0.05);
    std::vector<Triplet> t;
    for (int i = 0; i + 1 < n; ++i) {
        std::uniform_int_distribution<int> parent(i + 1, n - 1);
        const int p = parent(gen);
        const double wi = w(gen);
        t.emplace_back(i, p, -wi);
        t.emplace_back(p, i, -wi);
        diag[i] += wi;
        diag[p] += wi;
    }
    for (int i = 0; i < n; ++i)
        t.emplace_back(i, i, diag[i]);
    return fromTriplets(n, t);
}

Matrix laplacian2d(int g)
{
    std::vector<Triplet> t;
    const int n = g * g;
    for (int y = 0; y < g; ++y)
        for (int x = 0; x < g; ++x) {
            const int i = y * g + x;
            t.emplace_back(i, i, 4.0);
            if (x + 1 < g) {
                t.emplace_back(i, i + 1, -1.0);
                t.emplace_back(i + 1, i, -1.0);
            }
            if (y + 1 < g) {
                t.emplace_back(i, i + g, -1.0);
                t.emplace_back(i + g, i, -1.0);
            }
        }
    return fromTriplets(n, t);
}

double maxRelDiff(const Matrix &X, const Matrix &Y)
{
    const Eigen::MatrixXd d = Eigen::MatrixXd(X) - Eigen::MatrixXd(Y);
    return d.cwiseAbs().maxCoeff() / Eigen::MatrixXd(Y).cwiseAbs().maxCoeff();
}

} // namespace

class TestIc0 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void equalsCholeskyWithoutFill_data();
    void equalsCholeskyWithoutFill();
    void reproducesAOnPattern();
    void kershawBreaksDown();
    void missingDiagonalIsZeroPivot();
    void rejectsNonSquare();
};

void TestIc0::equalsCholeskyWithoutFill_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("n");
    QTest::addColumn<unsigned>("seed");
    for (unsigned s = 1; s <= 3; ++s) {
        QTest::addRow("tridiagonal n=200 seed=%u", s) << 0 << 200 << s;
        QTest::addRow("tree n=300 seed=%u", s) << 1 << 300 << s;
    }
    QTest::addRow("tridiagonal n=1") << 0 << 1 << 7u;
    QTest::addRow("tree n=2") << 1 << 2 << 7u;
}

void TestIc0::equalsCholeskyWithoutFill()
{
    QFETCH(int, kind);
    QFETCH(int, n);
    QFETCH(unsigned, seed);
    const Matrix A = kind == 0 ? randomTridiagonal(n, seed) : randomTree(n, seed);
    const fs::precond::Ic0Result r = fs::precond::ic0(A);
    QVERIFY(r.ok);
    QCOMPARE(r.breakdown_column, -1);
    const Matrix C = fs::precond::cholesky_natural(A);
    QCOMPARE(C.nonZeros(), r.L.nonZeros()); // the no-fill premise itself
    QVERIFY2(maxRelDiff(r.L, C) < 1e-13, qPrintable(QString::number(maxRelDiff(r.L, C))));
}

void TestIc0::reproducesAOnPattern()
{
    // The defining property of IC(0): (L L^T)_ij = A_ij for every (i, j) in the pattern of A,
    // although L L^T != A elsewhere (the 2D Laplacian does fill).
    const Matrix A = laplacian2d(12);
    const auto r = fs::precond::ic0(A);
    QVERIFY(r.ok);
    QCOMPARE(r.L.nonZeros(), fs::sparse::lower_triangle(A).nonZeros());
    const Eigen::MatrixXd LLt = Eigen::MatrixXd(r.L) * Eigen::MatrixXd(r.L).transpose();
    const Eigen::MatrixXd Ad = Eigen::MatrixXd(A);
    double onPattern = 0.0, offPattern = 0.0;
    for (int j = 0; j < A.cols(); ++j)
        for (int i = 0; i < A.rows(); ++i) {
            const double e = std::abs(LLt(i, j) - Ad(i, j));
            if (Ad(i, j) != 0.0)
                onPattern = std::max(onPattern, e);
            else
                offPattern = std::max(offPattern, e);
        }
    QVERIFY(onPattern < 1e-13);
    QVERIFY(offPattern > 1e-3);
}

void TestIc0::kershawBreaksDown()
{
    // Kershaw (1978): SPD, yet IC(0) meets a negative pivot. By hand: pivots 3, 5/3, 3/5 and then
    // 3 - 4/3 - 4/(3/5) = -5 in the last column.
    const double k[4][4] = {{3, -2, 0, 2}, {-2, 3, -2, 0}, {0, -2, 3, -2}, {2, 0, -2, 3}};
    std::vector<Triplet> t;
    Eigen::Matrix4d dense;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            dense(i, j) = k[i][j];
            if (k[i][j] != 0)
                t.emplace_back(i, j, k[i][j]);
        }
    QVERIFY(Eigen::SelfAdjointEigenSolver<Eigen::Matrix4d>(dense).eigenvalues().minCoeff() > 0.1);
    const Matrix A = fromTriplets(4, t);
    fs::precond::require_spd(A); // does not throw
    const auto r = fs::precond::ic0(A);
    QVERIFY(!r.ok);
    QCOMPARE(r.breakdown_column, 3);
    QVERIFY(std::abs(r.pivot - (-5.0)) < 1e-12);
    QCOMPARE(r.L.rows(), Eigen::Index(0));
}

void TestIc0::missingDiagonalIsZeroPivot()
{
    const Matrix A = fromTriplets(3, {{0, 0, 1.0}, {2, 2, 1.0}, {1, 2, 0.5}, {2, 1, 0.5}});
    const auto r = fs::precond::ic0(A);
    QVERIFY(!r.ok);
    QCOMPARE(r.breakdown_column, 1);
    QCOMPARE(r.pivot, 0.0);
}

void TestIc0::rejectsNonSquare()
{
    Matrix A(3, 2);
    QVERIFY_THROWS_EXCEPTION(fs::precond::NotSpd, fs::precond::ic0(A));
}

QTEST_APPLESS_MAIN(TestIc0)
#include "tst_ic0.moc"
