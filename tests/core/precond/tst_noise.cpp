// Iteration counts with their noise: perturbed copies differ from the preconditioner by at most
// the stated relative size (symmetric ones stay symmetric), the range contains the unperturbed
// count, reruns are reproducible, and the benchmark's within-noise rule.
#include "bench/outcome.h"
#include "precond/noise.h"
#include "precond/setup.h"
#include "sparse/matrix_market.h"

#include <QtTest>

using fs::sparse::Matrix;
namespace pc = fs::precond;

namespace {

Matrix loadBenchmark(const char *name)
{
    return fs::sparse::read_matrix_market(std::string(FS_BENCHMARK_DIR "/") + name + ".mtx.gz").matrix;
}

// z = M^{-1} e_j for every j: the preconditioner as a dense matrix.
Eigen::MatrixXd denseInverse(const pc::Preconditioner &M, int n)
{
    Eigen::MatrixXd out(n, n);
    Eigen::VectorXd z;
    for (int j = 0; j < n; ++j) {
        M.apply(Eigen::VectorXd::Unit(n, j), z);
        out.col(j) = z;
    }
    return out;
}

} // namespace

class TestNoise : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void perturbedCopiesAreCloseAndSymmetric_data();
    void perturbedCopiesAreCloseAndSymmetric();
    void rangeContainsTheUnperturbedCount();
    void withinNoiseRule();
};

void TestNoise::perturbedCopiesAreCloseAndSymmetric_data()
{
    QTest::addColumn<int>("kind");
    for (auto k : {pc::PrecondKind::Jacobi, pc::PrecondKind::Ic0, pc::PrecondKind::Kopt, pc::PrecondKind::Spai,
                   pc::PrecondKind::Fsai})
        QTest::newRow(pc::to_string(k)) << int(k);
}

void TestNoise::perturbedCopiesAreCloseAndSymmetric()
{
    QFETCH(int, kind);
    const Matrix A = loadBenchmark("nos4");
    const int n = int(A.rows());
    const auto built = pc::build_preconditioner(A, pc::PrecondKind(kind));
    const Eigen::MatrixXd M0 = denseInverse(*built.preconditioner, n);
    const auto P = pc::perturbed_preconditioner(A, built, 1e-9, 3);
    QVERIFY(P);
    const Eigen::MatrixXd M1 = denseInverse(*P, n);
    const double rel = (M1 - M0).norm() / M0.norm();
    QVERIFY2(rel > 0.0 && rel < 1e-8, qPrintable(QString::number(rel)));
    QVERIFY((M1 - M1.transpose()).norm() <= 1e-13 * M1.norm()); // M^{-1} stays symmetric
    // The same seed gives the same copy; another seed another one.
    QCOMPARE(denseInverse(*pc::perturbed_preconditioner(A, built, 1e-9, 3), n), M1);
    QVERIFY(denseInverse(*pc::perturbed_preconditioner(A, built, 1e-9, 4), n) != M1);
}

void TestNoise::rangeContainsTheUnperturbedCount()
{
    const Matrix A = loadBenchmark("494_bus");
    const Eigen::VectorXd b = pc::make_rhs(int(A.rows()), false);
    for (auto kind : {pc::PrecondKind::Ic0, pc::PrecondKind::Kopt, pc::PrecondKind::Fsai}) {
        const auto built = pc::build_preconditioner(A, kind);
        pc::PcgOptions po;
        po.record_history = false;
        const auto base = pc::pcg(A, b, *built.preconditioner, po);
        QVERIFY(base.converged);
        pc::NoiseOptions no;
        no.runs = 6;
        const auto r = pc::noise_range(A, b, built, base, po, no);
        QCOMPARE(r.runs, 6);
        QVERIFY(r.min <= base.iterations && base.iterations <= r.max);
        QVERIFY(r.all_converged);
        // Each rerun is one of the counts a fresh perturbation with its seed gives.
        int lo = base.iterations, hi = base.iterations;
        for (int k = 0; k < no.runs; ++k) {
            const auto M = pc::perturbed_preconditioner(A, built, no.relative, no.seed + std::uint64_t(k));
            const int it = pc::pcg(A, b, *M, po).iterations;
            lo = std::min(lo, it);
            hi = std::max(hi, it);
        }
        QCOMPARE(r.min, lo);
        QCOMPARE(r.max, hi);
        qInfo("494_bus %s: %d iterations, range %d-%d", pc::to_string(kind), base.iterations, r.min, r.max);
    }
    // No preconditioner: nothing to perturb, the range is the count itself.
    const auto none = pc::build_preconditioner(A, pc::PrecondKind::None);
    pc::PcgOptions po;
    po.maxiter = 50;
    const auto base = pc::pcg(A, b, *none.preconditioner, po);
    const auto r = pc::noise_range(A, b, none, base, po);
    QCOMPARE(r.runs, 0);
    QCOMPARE(r.min, base.iterations);
    QCOMPARE(r.max, base.iterations);
}

void TestNoise::withinNoiseRule()
{
    fs::bench::MethodOutcome ic0, kopt;
    ic0.converged = kopt.converged = true;
    ic0.iterations = 104;
    kopt.iterations = 110;
    QVERIFY(!fs::bench::within_noise(ic0, kopt)); // not measured
    ic0.iterations_range = std::array<int, 2>{100, 108};
    kopt.iterations_range = std::array<int, 2>{108, 120};
    QVERIFY(fs::bench::within_noise(ic0, kopt));
    kopt.iterations_range = std::array<int, 2>{109, 120};
    QVERIFY(!fs::bench::within_noise(ic0, kopt));
    kopt.iterations_range = std::array<int, 2>{90, 100};
    QVERIFY(fs::bench::within_noise(ic0, kopt));
    // Equal counts are a tie, never "within noise".
    kopt.iterations = 104;
    kopt.iterations_range = std::array<int, 2>{100, 110};
    QVERIFY(!fs::bench::within_noise(ic0, kopt));
    kopt.iterations = 110;
    kopt.converged = false;
    QVERIFY(!fs::bench::within_noise(ic0, kopt));
}

QTEST_APPLESS_MAIN(TestNoise)
#include "tst_noise.moc"
