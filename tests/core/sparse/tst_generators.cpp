// Generators: SPD, deterministic, and their exact factors are what they claim to be.
#include "sparse/generators.h"
#include "sparse/graph_hops.h"

#include <Eigen/Dense>
#include <Eigen/SparseCholesky>
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
    void randomCoefficientsZeroSigma();
    void randomCoefficientsSpd_data();
    void randomCoefficientsSpd();
    void diffusionIsMMatrix();
    void randomCoefficientsDeterministic();
    void biharmonicIsLKL();
    void fieldStatistics();
    void randomCoefficientPatterns();
    void randomCoefficientInvalidArguments();
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

namespace {
// k at the interior nodes, recovered from B = L diag(k) L as diag(L⁻¹ B L⁻¹) by dense solves;
// `offDiagonal` receives max |(L⁻¹ B L⁻¹)_ij|, i != j, relative to max k.
Eigen::VectorXd nodeCoefficients(Index side, std::uint64_t seed, const RandomFieldParams &p,
                                  double *offDiagonal = nullptr)
{
    const Eigen::MatrixXd L = dense(poisson2d(side, side).A);
    const Eigen::MatrixXd B = dense(biharmonic2d(side, seed, p).A);
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(L);
    const Eigen::MatrixXd K = lu.solve(lu.solve(B).transpose());
    const Eigen::VectorXd k = K.diagonal();
    if (offDiagonal) {
        Eigen::MatrixXd off = K;
        off.diagonal().setZero();
        *offDiagonal = off.cwiseAbs().maxCoeff() / k.maxCoeff();
    }
    return k;
}
} // namespace

void TestGenerators::randomCoefficientsZeroSigma()
{
    RandomFieldParams flat;
    flat.sigma = 0.0;
    for (Index side : {1, 2, 7}) {
        const Matrix P = poisson2d(side, side).A;
        const Matrix D = diffusion2d(side, 3, flat).A;
        QCOMPARE(D.nonZeros(), P.nonZeros());
        QVERIFY(dense(D) == dense(P));
        const Matrix PP = P * P;
        const Matrix B = biharmonic2d(side, 3, flat).A;
        QCOMPARE(B.nonZeros(), PP.nonZeros());
        QVERIFY(dense(B) == dense(PP));
    }
}

void TestGenerators::randomCoefficientsSpd_data()
{
    QTest::addColumn<bool>("biharmonic");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<double>("length");
    QTest::newRow("diffusion sigma=1") << false << 1.0 << 0.1;
    QTest::newRow("diffusion sigma=3 rough") << false << 3.0 << 0.02;
    QTest::newRow("biharmonic sigma=1") << true << 1.0 << 0.1;
    QTest::newRow("biharmonic sigma=2 smooth") << true << 2.0 << 0.5;
}

void TestGenerators::randomCoefficientsSpd()
{
    QFETCH(bool, biharmonic);
    QFETCH(double, sigma);
    QFETCH(double, length);
    const RandomFieldParams p{sigma, length, 64};
    const GeneratedMatrix g = biharmonic ? biharmonic2d(12, 4, p) : diffusion2d(12, 4, p);
    QVERIFY(is_symmetric(g.A)); // exactly
    QVERIFY(!g.description.empty());
    QVERIFY(!g.exact_L);
    Eigen::SimplicialLLT<Matrix> llt(g.A);
    QCOMPARE(llt.info(), Eigen::Success);
    QVERIFY(min_eigenvalue(g.A) > 0);
}

void TestGenerators::diffusionIsMMatrix()
{
    const Matrix A = diffusion2d(15, 8, {2.0, 0.1, 64}).A;
    const Eigen::MatrixXd D = dense(A);
    const Eigen::VectorXd sums = D.rowwise().sum();
    for (Index i = 0; i < A.rows(); ++i) {
        QVERIFY(D(i, i) > 0);
        for (Index j = 0; j < A.cols(); ++j)
            if (j != i)
                QVERIFY(D(i, j) <= 0);
        QVERIFY2(sums[i] >= -1e-14 * D(i, i), qPrintable(QString::number(sums[i])));
        const Index x = i % 15, y = i / 15;
        const bool edge = x == 0 || y == 0 || x == 14 || y == 14;
        if (edge) // a boundary face carries a positive coefficient
            QVERIFY(sums[i] > 1e-6 * D(i, i));
        else // interior rows conserve flux
            QVERIFY(std::abs(sums[i]) <= 1e-13 * D(i, i));
    }
}

void TestGenerators::randomCoefficientsDeterministic()
{
    for (bool bi : {false, true}) {
        const auto make = [bi](std::uint64_t seed) {
            return dense(bi ? biharmonic2d(10, seed).A : diffusion2d(10, seed).A);
        };
        QVERIFY(make(5) == make(5));
        QVERIFY(make(5) != make(6));
    }
}

void TestGenerators::biharmonicIsLKL()
{
    // B = L diag(k) L with positive k, and k is the field whose harmonic means diffusion2d uses on
    // the faces between interior nodes.
    const RandomFieldParams p{1.5, 0.15, 32};
    const Index side = 9;
    double off = 1.0;
    const Eigen::VectorXd k = nodeCoefficients(side, 21, p, &off);
    QVERIFY2(off < 1e-12, qPrintable(QString::number(off)));
    QVERIFY((k.array() > 0).all());
    QVERIFY(k.maxCoeff() / k.minCoeff() > 1.5); // the field varies
    const Matrix A = diffusion2d(side, 21, p).A;
    for (Index y = 0; y < side; ++y)
        for (Index x = 0; x + 1 < side; ++x) {
            const Index a = x + side * y, b = a + 1, c = x + side * (y + 1);
            const double hb = 2 * k[a] * k[b] / (k[a] + k[b]);
            QVERIFY(std::abs(-A.coeff(a, b) - hb) <= 1e-11 * hb);
            if (y + 1 < side) {
                const double hc = 2 * k[a] * k[c] / (k[a] + k[c]);
                QVERIFY(std::abs(-A.coeff(a, c) - hc) <= 1e-11 * hc);
            }
        }
}

void TestGenerators::fieldStatistics()
{
    // log k = sigma g with g of mean 0 and variance 1 at every point: pooled over 300 seeds the
    // sample mean and standard deviation of log k approach 0 and sigma.
    const double sigma = 0.7;
    const Index side = 6;
    Eigen::ArrayXd logs(300 * side * side);
    for (int s = 0; s < 300; ++s)
        logs.segment(s * side * side, side * side) = nodeCoefficients(side, 1000 + s, {sigma, 0.1, 64}).array().log();
    const double mean = logs.mean();
    const double sd = std::sqrt((logs - mean).square().sum() / double(logs.size() - 1));
    QVERIFY2(std::abs(mean) < 0.05, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(sd / sigma - 1.0) < 0.05, qPrintable(QString::number(sd)));
    // A longer correlation length makes neighbouring nodes more alike.
    const auto neighbourCorrelation = [&](double length) {
        double sxy = 0, sxx = 0;
        for (int s = 0; s < 100; ++s) {
            const Eigen::ArrayXd g = nodeCoefficients(side, 5000 + s, {1.0, length, 64}).array().log();
            for (Index i = 0; i + 1 < side * side; ++i)
                if ((i + 1) % side != 0) {
                    sxy += g[i] * g[i + 1];
                    sxx += 0.5 * (g[i] * g[i] + g[i + 1] * g[i + 1]);
                }
        }
        return sxy / sxx;
    };
    // Spacing h = 1/7: exp(-h²/(2 length²)) is 0.97 for length 0.6 and 0.08 for length 0.064.
    const double smooth = neighbourCorrelation(0.6), rough = neighbourCorrelation(0.064);
    QVERIFY2(smooth > 0.9 && rough < 0.3, qPrintable(QStringLiteral("%1 %2").arg(smooth).arg(rough)));
}

void TestGenerators::randomCoefficientPatterns()
{
    const Index side = 9, centre = 4 + side * 4, corner = 0;
    const Matrix D = diffusion2d(side, 2).A, B = biharmonic2d(side, 2).A;
    const auto count = [](const Matrix &M, Index col) {
        int c = 0;
        for (Matrix::InnerIterator it(M, col); it; ++it)
            c += it.value() != 0.0;
        return c;
    };
    QCOMPARE(count(D, centre), 5);
    QCOMPARE(count(B, centre), 13);
    QCOMPARE(count(D, corner), 3);
    QCOMPARE(count(B, corner), 6); // itself, 2 neighbours, 1 diagonal, 2 at distance two
    QCOMPARE(D.nonZeros(), poisson2d(side, side).A.nonZeros());
    // The 13 entries of the centre row are exactly the offsets |dx| + |dy| <= 2.
    for (Matrix::InnerIterator it(B, centre); it; ++it) {
        const Index dx = it.row() % side - 4, dy = it.row() / side - 4;
        QVERIFY(std::abs(dx) + std::abs(dy) <= 2);
    }
}

void TestGenerators::randomCoefficientInvalidArguments()
{
    QVERIFY_THROWS_EXCEPTION(GeneratorError, diffusion2d(0, 1));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, biharmonic2d(-2, 1));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, diffusion2d(5, 1, {-1.0, 0.1, 64}));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, diffusion2d(5, 1, {1.0, 0.0, 64}));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, biharmonic2d(5, 1, {1.0, 0.1, 0}));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, diffusion2d(5, 1, {std::nan(""), 0.1, 64}));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, diffusion2d(5, 1, {1e6, 0.1, 64})); // k overflows
    QVERIFY_THROWS_EXCEPTION(GeneratorError, diffusion2d(100000, 1));            // too large
}

QTEST_APPLESS_MAIN(TestGenerators)
#include "tst_generators.moc"
