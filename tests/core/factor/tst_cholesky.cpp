// Cholesky through CHOLMOD: closed forms, orderings, structured failure.
#include "factor/cholesky.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QtTest>

using namespace fs;
using fs::sparse::Index;

namespace {
Eigen::MatrixXd dense(const sparse::Matrix &A) { return Eigen::MatrixXd(A); }

} // namespace

class TestCholesky : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void laplacianClosedForm_data();
    void laplacianClosedForm();
    void amdFactorsPermutedMatrix_data();
    void amdFactorsPermutedMatrix();
    void symbolicReuse();
    void notPositiveDefinite_data();
    void notPositiveDefinite();
    void solveAndCondition();
    void scaledConditionIgnoresDiagonalScaling();
    void definitenessTestFollowsTheFactorState();
};

void TestCholesky::laplacianClosedForm_data()
{
    QTest::addColumn<int>("n");
    for (int n : {1, 2, 5, 100, 2000})
        QTest::newRow(qPrintable(QString("n=%1").arg(n))) << n;
}

void TestCholesky::laplacianClosedForm()
{
    QFETCH(int, n);
    factor::Cholesky chol;
    chol.factorize(sparse::laplacian1d(n).A);
    const sparse::Matrix L = chol.factor();
    QCOMPARE(L.nonZeros(), Eigen::Index(2 * n - 1));
    for (int i = 1; i <= n; ++i) {
        const double lii = std::sqrt(double(i + 1) / i);
        QVERIFY(std::abs(L.coeff(i - 1, i - 1) - lii) <= 1e-14 * lii);
        if (i < n) {
            const double sub = -std::sqrt(double(i) / (i + 1));
            QVERIFY(std::abs(L.coeff(i, i - 1) - sub) <= 1e-14);
        }
    }
    for (int k = 0; k < n; ++k)
        QCOMPARE(chol.permutation()[k], k);
}

void TestCholesky::amdFactorsPermutedMatrix_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("poisson2d 30x30") << QString("poisson2d");
    QTest::newRow("bcsstk01") << QString(FS_BENCHMARK_DIR "/bcsstk01.mtx.gz");
    QTest::newRow("494_bus") << QString(FS_BENCHMARK_DIR "/494_bus.mtx.gz");
}

void TestCholesky::amdFactorsPermutedMatrix()
{
    QFETCH(QString, source);
    const sparse::Matrix A = source == "poisson2d" ? sparse::poisson2d(30, 30).A
                                                   : sparse::read_matrix_market(source.toStdString()).matrix;
    factor::Cholesky natural, amd(factor::CholeskyOptions{factor::Ordering::Amd});
    natural.factorize(A);
    amd.factorize(A);
    const auto &perm = amd.permutation();
    std::vector<Index> sorted = perm;
    std::sort(sorted.begin(), sorted.end());
    for (Index k = 0; k < A.rows(); ++k)
        QCOMPARE(sorted[k], k);
    const sparse::Matrix L = amd.factor();
    const Eigen::MatrixXd R = dense(L) * dense(L).transpose() - dense(sparse::permute_symmetric(A, perm));
    QVERIFY(R.cwiseAbs().maxCoeff() <= 1e-12 * dense(A).cwiseAbs().maxCoeff());
    // The point of the ordering: less fill.
    QVERIFY(amd.factor_nonzeros() <= natural.factor_nonzeros());
    if (source == "poisson2d")
        QVERIFY(amd.factor_nonzeros() < natural.factor_nonzeros() * 3 / 4);
}

void TestCholesky::symbolicReuse()
{
    sparse::Matrix A = sparse::poisson2d(12, 9).A;
    factor::Cholesky chol;
    chol.analyze(A);
    chol.factorize(A);
    const Eigen::MatrixXd L1 = dense(chol.factor());
    A *= 4.0; // same pattern, new values: the factor scales by 2
    chol.factorize(A);
    const Eigen::MatrixXd L2 = dense(chol.factor());
    QVERIFY((L2 - 2.0 * L1).cwiseAbs().maxCoeff() < 1e-13);
}

void TestCholesky::notPositiveDefinite_data()
{
    QTest::addColumn<int>("ordering");
    QTest::newRow("natural") << 0;
    QTest::newRow("amd") << 1;
}

void TestCholesky::notPositiveDefinite()
{
    QFETCH(int, ordering);
    // Laplacian with A(8,8) = 0.5 (1-based): the leading 7x7 block is SPD, and the eighth pivot is
    // 0.5 - 7/8 < 0, so natural elimination fails exactly at 0-based column 7.
    sparse::Matrix A = sparse::laplacian1d(15).A;
    A.coeffRef(7, 7) = 0.5;
    factor::Cholesky chol(factor::CholeskyOptions{ordering ? factor::Ordering::Amd : factor::Ordering::Natural});
    try {
        chol.factorize(A);
        QFAIL("indefinite matrix was factorised");
    } catch (const factor::NotPositiveDefinite &e) {
        if (!ordering)
            QCOMPARE(e.column(), 7);
        QVERIFY(e.column() >= 0 && e.column() < 15);
        QVERIFY(std::string(e.what()).find("not positive definite") != std::string::npos);
    }
    QVERIFY(!chol.has_factor());
    QVERIFY_THROWS_EXCEPTION(factor::FactorError, (void)chol.factor());
    // The object stays usable.
    chol.factorize(sparse::laplacian1d(15).A);
    QVERIFY(chol.has_factor());
}

void TestCholesky::definitenessTestFollowsTheFactorState()
{
    // A + δ e_p e_pᵀ is positive definite iff 1 + δ (A⁻¹)_pp > 0. The test of a state is kept for
    // the next modification of the same entry; it must never outlive the state it was made in.
    const sparse::Matrix A = sparse::poisson2d(6, 6).A;
    const Index p = 14, q = 21;
    const Eigen::MatrixXd inv = dense(A).inverse();
    const double g = inv(p, p);
    const double d1 = -0.6 / g, d2 = -0.6 / g;
    factor::Cholesky c(factor::CholeskyOptions{factor::Ordering::Natural, true});
    c.factorize(A);
    const auto factorOf = [&](const factor::Cholesky &f) {
        const Eigen::MatrixXd L = dense(f.factor());
        return Eigen::MatrixXd(L * L.transpose());
    };
    Eigen::MatrixXd A1 = dense(A);
    A1(p, p) += d1;
    const factor::FactorModification m1 = c.modify_symmetric(p, p, d1);
    QVERIFY(std::abs(m1.margin - (1.0 + d1 * g)) <= 1e-12);
    QVERIFY((factorOf(c) - A1).cwiseAbs().maxCoeff() <= 1e-12);
    // On A + δ1: (A1⁻¹)_pp = g / 0.4, so a second step of δ2 would leave it indefinite.
    QVERIFY_THROWS_EXCEPTION(factor::PerturbationRefused, c.modify_symmetric(p, p, d2));
    QVERIFY((factorOf(c) - A1).cwiseAbs().maxCoeff() <= 1e-12); // a refusal changes nothing
    // Back to A (bit for bit): δ2 is fine there, with the margin of A.
    c.restore_columns(m1.saved);
    const factor::FactorModification m2 = c.modify_symmetric(p, p, d2, 1e-12, false);
    QVERIFY(std::abs(m2.margin - (1.0 + d2 * g)) <= 1e-12);
    Eigen::MatrixXd A2 = dense(A);
    A2(p, p) += d2;
    QVERIFY((factorOf(c) - A2).cwiseAbs().maxCoeff() <= 1e-12);
    // The columns of A serve again: same entry, same state, same margin to the last bit.
    c.restore_columns(m1.saved);
    QCOMPARE(c.modify_symmetric(p, p, d1, 1e-12, false).margin, m1.margin);
    c.restore_columns(m1.saved);
    // Another entry of the same state, and the same entry after a fresh factorisation of A + δ1.
    const factor::FactorModification mq = c.modify_symmetric(q, q, 1.5);
    QVERIFY(std::abs(mq.margin - 1.0) <= 1e-12); // a positive δ: the smaller eigenvalue stays 1
    QVERIFY(std::abs(mq.max_eig - (1.0 + 1.5 * inv(q, q))) <= 1e-12);
    sparse::Matrix S1 = A;
    S1.coeffRef(p, p) += d1;
    c.factorize(S1);
    QVERIFY_THROWS_EXCEPTION(factor::PerturbationRefused, c.modify_symmetric(p, p, d2));
}

void TestCholesky::solveAndCondition()
{
    const sparse::Matrix A = sparse::laplacian1d(50).A;
    factor::Cholesky chol(factor::CholeskyOptions{factor::Ordering::Amd});
    chol.factorize(A);
    const sparse::Vector b = sparse::Vector::LinSpaced(50, 1.0, 2.0);
    const sparse::Vector x = chol.solve(b);
    QVERIFY((A * x - b).norm() <= 1e-12 * b.norm());
    // cond_1 of tridiag(-1,2,-1), n = 50: ‖A‖₁ = 4, ‖A⁻¹‖₁ = max row sum of i(n+1-j)/(n+1) = 325.
    const double kappa = chol.condition_estimate(A);
    QVERIFY2(std::abs(kappa - 4.0 * 325.0) < 1e-6 * 1300.0, qPrintable(QString::number(kappa)));
}

void TestCholesky::scaledConditionIgnoresDiagonalScaling()
{
    const sparse::Matrix A = sparse::laplacian1d(50).A;
    sparse::Vector d(50);
    for (int i = 0; i < 50; ++i)
        d[i] = std::pow(10.0, (i % 7) - 3);
    const sparse::Matrix B = d.asDiagonal() * A * d.asDiagonal(); // badly scaled, same H
    factor::Cholesky ca, cb;
    ca.factorize(A);
    cb.factorize(B);
    const double ka = ca.condition_estimate(A), kb = cb.condition_estimate(B);
    QVERIFY2(std::abs(kb - ka) <= 1e-6 * ka, qPrintable(QString("%1 vs %2").arg(ka).arg(kb)));
    QVERIFY(cb.condition_estimate(B, false) > 1e6 * ka); // the unscaled number is not
}

QTEST_APPLESS_MAIN(TestCholesky)
#include "tst_cholesky.moc"
