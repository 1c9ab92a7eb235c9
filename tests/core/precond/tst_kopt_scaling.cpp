// PCG scaling of K-optimal columns: diag(L^-1 A L^-T) = 1 against a dense evaluation, K of the
// operator PCG sees never rises, and the probe estimate of the diagonal within its stated error.
#include "precond/kcond.h"
#include "precond/kopt_scaling.h"
#include "precond/setup.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QtTest>

using fs::sparse::Matrix;
namespace pc = fs::precond;

namespace {

Matrix loadBenchmark(const char *name)
{
    return fs::sparse::read_matrix_market(std::string(FS_BENCHMARK_DIR "/") + name + ".mtx.gz").matrix;
}

Eigen::MatrixXd splitOperator(const Matrix &A, const Matrix &L)
{
    const Eigen::MatrixXd Ld(L);
    const Eigen::MatrixXd Linv = Ld.triangularView<Eigen::Lower>().solve(
        Eigen::MatrixXd::Identity(L.rows(), L.cols()));
    return Linv * Eigen::MatrixXd(A) * Linv.transpose();
}

} // namespace

class TestKoptScaling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unitDiagonalAndNeverHigherK_data();
    void unitDiagonalAndNeverHigherK();
    void estimateWithinItsError();
    void estimateExactForTheCholeskyFactor();
    void names();
};

void TestKoptScaling::unitDiagonalAndNeverHigherK_data()
{
    QTest::addColumn<QString>("name");
    for (const char *n : {"494_bus", "1138_bus", "nos4", "tomography", "gr_30_30", "mesh2e1"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void TestKoptScaling::unitDiagonalAndNeverHigherK()
{
    QFETCH(QString, name);
    const Matrix A = loadBenchmark(name.toLatin1().constData());
    QVERIFY(A.rows() <= 2000);
    pc::BuildOptions paper;
    paper.kopt_method = pc::KoptMethod::Dense;
    pc::BuildOptions pcg = paper;
    pcg.kopt_scaling = pc::KoptScaling::Pcg;
    const auto Lp = pc::build_preconditioner(A, pc::PrecondKind::Kopt, paper);
    const auto Ls = pc::build_preconditioner(A, pc::PrecondKind::Kopt, pcg);
    QVERIFY(Ls.scaling && Ls.scaling->exact);
    QCOMPARE(Ls.matrix.nonZeros(), Lp.matrix.nonZeros());
    const Eigen::MatrixXd S = splitOperator(A, Ls.matrix);
    const double worst = (S.diagonal().array() - 1.0).abs().maxCoeff();
    QVERIFY2(worst < 1e-10, qPrintable(QString::number(worst)));
    // Same columns up to a positive factor each.
    for (int j = 0; j < int(A.cols()); ++j) {
        const double f = Ls.matrix.coeff(j, j) / Lp.matrix.coeff(j, j);
        QVERIFY(f > 0.0);
        for (Matrix::InnerIterator it(Lp.matrix, j); it; ++it)
            QVERIFY(std::abs(Ls.matrix.coeff(it.row(), j) - f * it.value()) <= 1e-12 * std::abs(f * it.value()) + 1e-300);
    }
    const double kPaper = pc::kcond_split(A, Lp.matrix).log_K;
    const double kPcg = pc::kcond_split(A, Ls.matrix).log_K;
    const double kDense = pc::kcond_dense(S).log_K;
    QVERIFY(std::abs(kPcg - kDense) < 1e-8 * std::max(1.0, kDense));
    QVERIFY2(kPcg <= kPaper + 1e-12, qPrintable(QStringLiteral("%1 > %2").arg(kPcg).arg(kPaper)));
}

void TestKoptScaling::estimateWithinItsError()
{
    const Matrix A = fs::sparse::poisson2d(30, 30).A;
    const auto built = pc::build_preconditioner(A, pc::PrecondKind::Ic0);
    const auto exact = pc::split_diagonal(A, built.matrix);
    QVERIFY(exact.exact);
    pc::SplitDiagonalOptions o;
    o.max_exact_work = 0; // force the estimate
    o.probes = 400;
    o.seed = 7;
    const auto est = pc::split_diagonal(A, built.matrix, o);
    QVERIFY(!est.exact);
    QCOMPARE(est.probes, 400);
    QVERIFY(est.max_relative_error > 0.0 && est.max_relative_error < 0.2);
    double worst = 0.0;
    for (std::size_t i = 0; i < exact.d.size(); ++i)
        worst = std::max(worst, std::abs(est.d[i] - exact.d[i]) / exact.d[i]);
    // Max over 900 entries of errors with standard error at most max_relative_error each.
    QVERIFY2(worst <= 5.0 * est.max_relative_error,
             qPrintable(QStringLiteral("%1 vs %2").arg(worst).arg(est.max_relative_error)));
    // The same seed gives the same estimate, whatever the thread count.
    o.threads = 1;
    QCOMPARE(pc::split_diagonal(A, built.matrix, o).d, est.d);
    o.threads = 3;
    QCOMPARE(pc::split_diagonal(A, built.matrix, o).d, est.d);
}

void TestKoptScaling::estimateExactForTheCholeskyFactor()
{
    // L L^T = A makes L^-1 A L^-T = I, and each Rademacher probe sees v ⊙ v = 1.
    const Matrix A = fs::sparse::poisson2d(12, 12).A;
    const auto chol = pc::build_preconditioner(A, pc::PrecondKind::Cholesky);
    pc::SplitDiagonalOptions o;
    o.max_exact_work = 0;
    o.probes = 8;
    const auto est = pc::split_diagonal(A, chol.matrix, o);
    for (double d : est.d)
        QVERIFY(std::abs(d - 1.0) < 1e-12);
    QVERIFY(est.max_relative_error < 1e-6);
}

void TestKoptScaling::names()
{
    QCOMPARE(pc::parse_kopt_scaling("pcg"), std::optional(pc::KoptScaling::Pcg));
    QCOMPARE(QString::fromLatin1(pc::to_string(pc::KoptScaling::Paper)), QStringLiteral("paper"));
    QVERIFY(!pc::parse_kopt_scaling("other"));
}

QTEST_APPLESS_MAIN(TestKoptScaling)
#include "tst_kopt_scaling.moc"
