// FSAI G (M^{-1} = G^T G): rows against dense solves, the Kolotilina–Yeremin characterisation
// through the dense Cholesky factor, K-optimality over its pattern, SPD on every bundled SPD
// matrix with PCG converging, and its K-condition number against a dense evaluation.
#include "precond/errors.h"
#include "precond/fsai.h"
#include "precond/kcond.h"
#include "precond/pcg.h"
#include "precond/preconditioner.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <Eigen/SparseCholesky>
#include <QtTest>

#include <fstream>
#include <random>
#include <sstream>

using fs::sparse::Matrix;
using fs::sparse::Triplet;
namespace pc = fs::precond;

namespace {

// A random SPD matrix with an irregular pattern: a random graph Laplacian plus a positive shift.
Matrix randomSpd(int n, double density, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<Triplet> t;
    std::vector<double> deg(static_cast<std::size_t>(n), 0.0);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < i; ++j)
            if (u(rng) < density) {
                const double w = 0.1 + u(rng);
                t.emplace_back(i, j, -w);
                t.emplace_back(j, i, -w);
                deg[std::size_t(i)] += w;
                deg[std::size_t(j)] += w;
            }
    for (int i = 0; i < n; ++i)
        t.emplace_back(i, i, deg[std::size_t(i)] + 0.05 + u(rng));
    Matrix A(n, n);
    A.setFromTriplets(t.begin(), t.end());
    A.makeCompressed();
    return A;
}

// Indices j <= i of row i of G's pattern (column i of the transposed pattern), ascending.
std::vector<int> rowSupport(const Matrix &pattern, int i)
{
    std::vector<int> s;
    const Matrix Pt = pattern.transpose();
    for (Matrix::InnerIterator it(Pt, i); it; ++it)
        s.push_back(int(it.row()));
    return s;
}

double kOf(const Eigen::MatrixXd &M)
{
    return pc::kcond_dense(M).K;
}

std::vector<std::string> spdBenchmarkNames()
{
    std::ifstream in(FS_BENCHMARK_DIR "/INDEX.csv");
    std::string line;
    std::getline(in, line);
    std::vector<std::string> names;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::vector<std::string> f;
        std::string cell;
        for (int k = 0; k < 7 && std::getline(ss, cell, ','); ++k)
            f.push_back(cell);
        if (f.size() == 7 && f[6] == "1")
            names.push_back(f[0]);
    }
    return names;
}

} // namespace

class TestFsai : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsMatchDenseSolves_data();
    void rowsMatchDenseSolves();
    void equalsScaledFrobeniusOptimumOfCholeskyFactor();
    void tridiagonalIsKOptimalOnItsPattern();
    void squarePatternNeverRaisesK();
    void spdAndConvergesOnEveryBundledSpdMatrix();
    void kcondMatchesDense();
    void preconditionerAppliesGtG();
    void rejectsBadInput();
};

void TestFsai::rowsMatchDenseSolves_data()
{
    QTest::addColumn<int>("power");
    QTest::newRow("tril(A)") << 1;
    QTest::newRow("tril(A^2)") << 2;
}

void TestFsai::rowsMatchDenseSolves()
{
    QFETCH(int, power);
    const Matrix A = randomSpd(80, 0.06, 11);
    pc::FsaiOptions o;
    o.pattern_power = power;
    o.threads = 2;
    const Matrix G = pc::fsai(A, o);
    const Matrix P = pc::fsai_pattern(A, power);
    QCOMPARE(G.nonZeros(), P.nonZeros());
    const Eigen::MatrixXd Ad(A);
    const Eigen::MatrixXd Gd(G);
    for (int i = 0; i < A.rows(); ++i) {
        const std::vector<int> s = rowSupport(P, i);
        QCOMPARE(s.back(), i);
        const int m = int(s.size());
        Eigen::MatrixXd As(m, m);
        for (int a = 0; a < m; ++a)
            for (int b = 0; b < m; ++b)
                As(a, b) = Ad(s[a], s[b]);
        const Eigen::VectorXd y = As.fullPivLu().solve(Eigen::VectorXd::Unit(m, m - 1));
        const Eigen::VectorXd g = y / std::sqrt(y(m - 1));
        double rowOutside = 0.0;
        for (int j = 0; j < A.cols(); ++j)
            rowOutside += std::abs(Gd(i, j));
        for (int a = 0; a < m; ++a) {
            QVERIFY2(std::abs(Gd(i, s[a]) - g(a)) <= 1e-12 * std::max(1.0, std::abs(g(a))),
                     qPrintable(QStringLiteral("row %1 col %2").arg(i).arg(s[a])));
            rowOutside -= std::abs(Gd(i, s[a]));
        }
        QVERIFY(std::abs(rowOutside) < 1e-12); // nothing stored outside the pattern
    }
    // G A G^T has a unit diagonal.
    const Eigen::MatrixXd M = Gd * Ad * Gd.transpose();
    QVERIFY((M.diagonal().array() - 1.0).abs().maxCoeff() < 1e-12);
}

void TestFsai::equalsScaledFrobeniusOptimumOfCholeskyFactor()
{
    // Kolotilina–Yeremin: row i of FSAI is, up to a positive factor, the minimiser of
    // ||e_i^T - g^T L||_2 over g supported on s (L the exact Cholesky factor of A). This solves
    // those least-squares problems with the dense factor, never forming A[s,s].
    const Matrix A = randomSpd(60, 0.08, 5);
    const Matrix G = pc::fsai(A);
    const Eigen::MatrixXd Ad(A);
    const Eigen::MatrixXd L = Ad.llt().matrixL();
    const Matrix P = pc::fsai_pattern(A, 1);
    const Eigen::MatrixXd Gd(G);
    for (int i = 0; i < A.rows(); ++i) {
        const std::vector<int> s = rowSupport(P, i);
        const int m = int(s.size());
        Eigen::MatrixXd Ls(int(A.rows()), m); // columns = rows s of L, so g^T L = (Ls g)^T
        for (int a = 0; a < m; ++a)
            Ls.col(a) = L.row(s[a]).transpose();
        const Eigen::VectorXd g = Ls.colPivHouseholderQr().solve(Eigen::VectorXd::Unit(A.rows(), i));
        Eigen::VectorXd full = Eigen::VectorXd::Zero(A.rows());
        for (int a = 0; a < m; ++a)
            full(s[a]) = g(a);
        const double scale = 1.0 / std::sqrt(full.dot(Ad * full));
        QVERIFY(g(m - 1) > 0.0);
        QVERIFY2((Gd.row(i).transpose() - scale * full).lpNorm<Eigen::Infinity>() <
                     1e-10 * full.lpNorm<Eigen::Infinity>() * scale,
                 qPrintable(QStringLiteral("row %1").arg(i)));
    }
}

void TestFsai::tridiagonalIsKOptimalOnItsPattern()
{
    // A tridiagonal matrix with varying coefficients: FSAI on the bidiagonal pattern satisfies
    // the optimality condition (G A)_{i,i-1} = 0, and no random change of G on that pattern lowers
    // K(G A G^T); the dense inverse factor W = L^{-1} (full lower triangle) reaches K = 1.
    const auto gen = fs::sparse::weighted_path_laplacian(40, 3, 0.8);
    Matrix A = gen.A;
    for (int i = 0; i < A.rows(); ++i)
        A.coeffRef(i, i) += 0.01; // strictly positive definite
    A.makeCompressed();
    const Eigen::MatrixXd Ad(A);
    const Matrix G = pc::fsai(A);
    const Eigen::MatrixXd Gd(G);
    const double k0 = kOf(Gd * Ad * Gd.transpose());

    const Eigen::MatrixXd W = Eigen::MatrixXd(Ad.llt().matrixL()).inverse();
    QVERIFY((W * Ad * W.transpose() - Eigen::MatrixXd::Identity(A.rows(), A.cols())).norm() < 1e-8);
    const Eigen::MatrixXd GA = Gd * Ad;
    for (int i = 1; i < A.rows(); ++i)
        QVERIFY(std::abs(GA(i, i - 1)) < 1e-12 * GA.row(i).norm());
    QVERIFY(k0 >= 1.0);
    QVERIFY(k0 > kOf(W * Ad * W.transpose()) - 1e-12); // the full inverse factor reaches K = 1

    std::mt19937_64 rng(17);
    std::normal_distribution<double> nd(0.0, 1.0);
    for (int trial = 0; trial < 200; ++trial) {
        Eigen::MatrixXd Gp = Gd;
        const double eps = trial < 100 ? 1e-3 : 1e-1;
        for (int i = 0; i < A.rows(); ++i) {
            Gp(i, i) *= 1.0 + eps * nd(rng);
            if (i > 0)
                Gp(i, i - 1) += eps * nd(rng) * std::abs(Gd(i, i));
        }
        QVERIFY2(kOf(Gp * Ad * Gp.transpose()) >= k0 * (1.0 - 1e-12),
                 qPrintable(QStringLiteral("trial %1").arg(trial)));
    }
}

void TestFsai::squarePatternNeverRaisesK()
{
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const Matrix A = randomSpd(120, 0.03, seed);
        pc::FsaiOptions o2;
        o2.pattern_power = 2;
        const Matrix G1 = pc::fsai(A);
        const Matrix G2 = pc::fsai(A, o2);
        QVERIFY(G2.nonZeros() > G1.nonZeros());
        const double k1 = pc::kcond_fsai(A, G1).log_K;
        const double k2 = pc::kcond_fsai(A, G2).log_K;
        QVERIFY2(k2 <= k1 + 1e-12, qPrintable(QStringLiteral("seed %1: %2 > %3").arg(seed).arg(k2).arg(k1)));
    }
}

void TestFsai::spdAndConvergesOnEveryBundledSpdMatrix()
{
    const std::vector<std::string> names = spdBenchmarkNames();
    QVERIFY(names.size() >= 25);
    int converged = 0;
    for (const std::string &name : names) {
        const Matrix A = fs::sparse::read_matrix_market(std::string(FS_BENCHMARK_DIR "/") + name + ".mtx.gz").matrix;
        for (int power : {1, 2}) {
            if (power == 2 && A.rows() > 2000)
                continue; // the square pattern of the largest ones is covered by the CLI's table
            pc::FsaiOptions o;
            o.pattern_power = power;
            const Matrix G = pc::fsai(A, o);
            // G^T G is SPD: its Cholesky factorisation succeeds.
            const Matrix M = Matrix(G.transpose()) * G;
            Eigen::SimplicialLLT<Matrix> llt(M);
            QVERIFY2(llt.info() == Eigen::Success, name.c_str());
            const pc::FsaiPreconditioner pre(G);
            pc::PcgOptions po;
            po.maxiter = 20000;
            const auto r = pc::pcg(A, pc::make_rhs(int(A.rows()), true, 1), pre, po);
            QVERIFY2(r.failure == pc::PcgFailure::None || r.failure == pc::PcgFailure::MaxIterations,
                     (name + ": " + pc::to_string(r.failure)).c_str());
            QVERIFY2(r.converged, (name + " power " + std::to_string(power) + ": " + pc::to_string(r.failure)).c_str());
            ++converged;
        }
    }
    qInfo("FSAI: PCG converged on %d matrix/pattern pairs", converged);
}

void TestFsai::kcondMatchesDense()
{
    const Matrix A = randomSpd(90, 0.05, 21);
    pc::FsaiOptions o;
    o.pattern_power = 2;
    const Matrix G = pc::fsai(A, o);
    const Eigen::MatrixXd Gd(G);
    const pc::Kcond dense = pc::kcond_dense(Gd * Eigen::MatrixXd(A) * Gd.transpose());
    const pc::Kcond k = pc::kcond_fsai(A, G);
    QVERIFY(std::abs(k.log_K - dense.log_K) < 1e-10 * std::max(1.0, dense.log_K));
    QVERIFY(std::abs(k.trace - A.rows()) < 1e-9); // unit diagonal
}

void TestFsai::preconditionerAppliesGtG()
{
    const Matrix A = randomSpd(70, 0.07, 2);
    const Matrix G = pc::fsai(A);
    const pc::FsaiPreconditioner pre(G);
    const Eigen::VectorXd r = pc::make_rhs(70, true, 9);
    Eigen::VectorXd z;
    const double dot = pre.apply_dot(r, z);
    const Eigen::MatrixXd Gd(G);
    const Eigen::VectorXd ref = Gd.transpose() * (Gd * r);
    QVERIFY((z - ref).norm() < 1e-13 * ref.norm());
    QVERIFY(std::abs(dot - r.dot(ref)) < 1e-12 * std::abs(dot));
    Matrix upper = Matrix(G.transpose());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pc::FsaiPreconditioner{upper});
}

void TestFsai::rejectsBadInput()
{
    Matrix rect(3, 4);
    rect.insert(0, 0) = 1.0;
    QVERIFY_THROWS_EXCEPTION(pc::NotSpd, pc::fsai(rect));
    // Indefinite: [[1, 2], [2, 1]] — row 2's block is A itself.
    Matrix B(2, 2);
    B.insert(0, 0) = 1.0;
    B.insert(1, 0) = 2.0;
    B.insert(0, 1) = 2.0;
    B.insert(1, 1) = 1.0;
    B.makeCompressed();
    try {
        pc::fsai(B);
        QFAIL("indefinite matrix accepted");
    } catch (const pc::NotSpd &e) {
        QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("row 2")));
    }
    // A missing diagonal entry.
    Matrix C(2, 2);
    C.insert(1, 0) = 1.0;
    C.insert(0, 1) = 1.0;
    C.insert(0, 0) = 1.0;
    C.makeCompressed();
    QVERIFY_THROWS_EXCEPTION(pc::NotSpd, pc::fsai(C));
    // A work bound: the estimate is the sum of m³/3 + m² over the row sizes, refused beyond it.
    const Matrix R = randomSpd(40, 0.2, 4);
    pc::FsaiOptions bounded;
    bounded.pattern_power = 2;
    const double work = pc::fsai_work(pc::fsai_pattern(R, 2));
    QVERIFY(work > pc::fsai_work(pc::fsai_pattern(R, 1)));
    bounded.max_work = work * 0.99;
    QVERIFY_THROWS_EXCEPTION(pc::WorkRefused, pc::fsai(R, bounded));
    bounded.max_work = work;
    QCOMPARE(pc::fsai(R, bounded).nonZeros(), pc::fsai_pattern(R, 2).nonZeros());
    pc::FsaiOptions bad;
    bad.pattern_power = 3;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pc::fsai(randomSpd(5, 0.5, 1), bad));
}

QTEST_APPLESS_MAIN(TestFsai)
#include "tst_fsai.moc"
