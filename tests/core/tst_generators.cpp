// Generators: SPD, deterministic, and their exact factors are what they claim to be.
#include "sparse/generators.h"
#include "sparse/graph_hops.h"

#include <Eigen/Dense>
#include <QtTest>

using namespace fs::sparse;

namespace {
Eigen::MatrixXd dense(const Matrix &A) { return Eigen::MatrixXd(A); }

double min_eigenvalue(const Matrix &A)
{
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(dense(A));
    return es.eigenvalues().minCoeff();
}
} // namespace

class TestGenerators : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spd_data();
    void spd();
    void deterministic();
    void exactFactors_data();
    void exactFactors();
    void semiseparableInverseIsRankOne();
    void poissonStructure();
    void graphLaplacianRowSums();
    void invalidArguments();
    void hopsOnPathAndComponents();
};

void TestGenerators::spd_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("laplacian1d") << 0;
    QTest::newRow("counterexample n=8") << 1;
    QTest::newRow("semiseparable") << 2;
    QTest::newRow("poisson2d") << 3;
    QTest::newRow("poisson3d") << 4;
    QTest::newRow("graph_laplacian") << 5;
}

void TestGenerators::spd()
{
    QFETCH(int, which);
    GeneratedMatrix g;
    switch (which) {
    case 0: g = laplacian1d(40); break;
    case 1: g = counterexample(8); break;
    case 2: g = semiseparable(30, 7, {1.1, 2.0}); break;
    case 3: g = poisson2d(7, 5); break;
    case 4: g = poisson3d(4, 3, 5); break;
    default: g = graph_laplacian(60, 4, 0.5, 3); break;
    }
    QVERIFY(is_symmetric(g.A));
    QVERIFY(!g.description.empty());
    Eigen::LLT<Eigen::MatrixXd> llt(dense(g.A));
    QCOMPARE(llt.info(), Eigen::Success);
    QVERIFY(min_eigenvalue(g.A) > 0);
}

void TestGenerators::deterministic()
{
    const Matrix a = semiseparable(50, 42).A, b = semiseparable(50, 42).A, c = semiseparable(50, 43).A;
    QVERIFY(dense(a) == dense(b));
    QVERIFY(dense(a) != dense(c));
    const Matrix g1 = graph_laplacian(200, 6, 1.0, 9).A, g2 = graph_laplacian(200, 6, 1.0, 9).A;
    const Matrix g3 = graph_laplacian(200, 6, 1.0, 10).A;
    QVERIFY(dense(g1) == dense(g2));
    QVERIFY(dense(g1) != dense(g3));
}

void TestGenerators::exactFactors_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("laplacian1d") << 0;
    QTest::newRow("counterexample") << 1;
    QTest::newRow("semiseparable") << 2;
}

void TestGenerators::exactFactors()
{
    QFETCH(int, which);
    const GeneratedMatrix g = which == 0 ? laplacian1d(25) : which == 1 ? counterexample(25) : semiseparable(25, 5);
    QVERIFY(g.exact_L.has_value());
    const Eigen::MatrixXd L = dense(*g.exact_L);
    QVERIFY(L.isLowerTriangular());
    QVERIFY((L.diagonal().array() > 0).all());
    const Eigen::MatrixXd R = L * L.transpose() - dense(g.A);
    QVERIFY(R.cwiseAbs().maxCoeff() <= 1e-14 * dense(g.A).cwiseAbs().maxCoeff());
    if (which == 1) // Theorem 2.1 literally: L_ii = 1/i, L_{i,i-1} = 1
        for (int i = 0; i < 25; ++i) {
            QCOMPARE(L(i, i), 1.0 / (i + 1));
            if (i > 0)
                QCOMPARE(L(i, i - 1), 1.0);
        }
    if (which == 0)
        for (int i = 1; i <= 25; ++i)
            QVERIFY(std::abs(L(i - 1, i - 1) - std::sqrt(double(i + 1) / i)) < 1e-15);
}

void TestGenerators::semiseparableInverseIsRankOne()
{
    // L = T⁻¹ with T = tril(u vᵀ): every 2x2 minor inside the lower triangle of L⁻¹ vanishes, and
    // L itself is bidiagonal.
    const GeneratedMatrix g = semiseparable(10, 11, {1.25, 2.0});
    const Eigen::MatrixXd L = dense(*g.exact_L);
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j + 1 < i; ++j)
            QCOMPARE(L(i, j), 0.0);
    const Eigen::MatrixXd T = L.inverse();
    for (int i = 1; i < 10; ++i)
        for (int j = 0; j < i; ++j) {
            const double minor = T(i, j) * T(j, 0) - T(i, 0) * T(j, j);
            QVERIFY2(std::abs(minor) <= 1e-10 * std::abs(T(i, j) * T(j, 0)),
                     qPrintable(QString("minor %1 at %2,%3").arg(minor).arg(i).arg(j)));
        }
}

void TestGenerators::poissonStructure()
{
    const Matrix A = poisson2d(10, 7).A;
    QCOMPARE(A.rows(), 70);
    QCOMPARE(A.nonZeros(), 5 * 70 - 2 * (10 + 7));
    QCOMPARE(A.coeff(0, 0), 4.0);
    QCOMPARE(A.coeff(0, 10), -1.0);
    QCOMPARE(A.coeff(9, 10), 0.0); // row ends do not wrap around
    const Matrix B = poisson3d(3, 4, 5).A;
    QCOMPARE(B.rows(), 60);
    QCOMPARE(B.nonZeros(), 7 * 60 - 2 * (4 * 5 + 3 * 5 + 3 * 4));
    QCOMPARE(B.coeff(0, 12), -1.0);
}

void TestGenerators::graphLaplacianRowSums()
{
    const Matrix A = graph_laplacian(300, 5, 0.25, 1).A;
    const Eigen::VectorXd sums = dense(A).rowwise().sum();
    for (int i = 0; i < sums.size(); ++i)
        QVERIFY(std::abs(sums[i] - 0.25) < 1e-12);
    const double meanDegree = (A.nonZeros() - 300) / 300.0;
    QVERIFY(meanDegree > 4.5 && meanDegree <= 5.0); // draws minus merged duplicates
}

void TestGenerators::invalidArguments()
{
    QVERIFY_THROWS_EXCEPTION(GeneratorError, laplacian1d(0));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, counterexample(-3));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, poisson2d(0, 4));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, graph_laplacian(10, 3, 0.0, 1));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, graph_laplacian(10, 10, 1.0, 1));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, semiseparable(10, 1, {0.0, 2.0}));
}

void TestGenerators::hopsOnPathAndComponents()
{
    const Matrix A = laplacian1d(12).A;
    const Index src[] = {4};
    const std::vector<int> h = hop_distances(A, src);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(h[i], std::abs(i - 4));
    const Index two[] = {2, 9};
    const std::vector<int> h2 = hop_distances(A, two);
    QCOMPARE(h2[0], 2);
    QCOMPARE(h2[6], 3);
    QCOMPARE(h2[11], 2);
    // Two disconnected paths: the second is unreachable.
    Matrix D(6, 6);
    std::vector<Triplet> t{{0, 0, 2}, {1, 1, 2}, {2, 2, 2}, {3, 3, 2}, {4, 4, 2}, {5, 5, 2},
                           {0, 1, -1}, {1, 0, -1}, {3, 4, -1}, {4, 3, -1}};
    D.setFromTriplets(t.begin(), t.end());
    const Index s0[] = {0};
    const std::vector<int> hd = hop_distances(D, s0);
    QCOMPARE(hd[1], 1);
    QCOMPARE(hd[2], kUnreachable);
    QCOMPARE(hd[4], kUnreachable);
    // The early-stopping variant agrees on its targets.
    const Matrix P = poisson2d(30, 30).A;
    const Index s1[] = {0};
    const Index targets[] = {1, 31, 62};
    const std::vector<int> full = hop_distances(P, s1), part = hop_distances_to(P, s1, targets);
    for (Index t1 : targets)
        QCOMPARE(part[t1], full[t1]);
    QCOMPARE(full[62], 4);
    QCOMPARE(part[899], kUnreachable); // never explored: the search stopped early
}

QTEST_APPLESS_MAIN(TestGenerators)
#include "tst_generators.moc"
