// The live perturbation engine: one dispatch from a kind to its factor (precond's
// build_preconditioner), the classified outcomes every caller words, and the exact Cholesky paths
// (recurrence on a tridiagonal pattern, update/downdate off it).
#include "perturb/live_perturbation.h"
#include "precond/fsai.h"
#include "precond/ic0.h"
#include "precond/selected_inversion.h"
#include "precond/spai.h"
#include "precond/spd.h"
#include "sparse/generators.h"

#include <QtTest>

#include <tuple>

#include <Eigen/Dense>

using namespace fs;
using precond::PrecondKind;

namespace {

double diff(const sparse::Matrix &X, const sparse::Matrix &Y)
{
    return (Eigen::MatrixXd(X) - Eigen::MatrixXd(Y)).norm();
}

// Kershaw's matrix: positive definite, yet IC(0) meets a negative pivot.
sparse::Matrix kershaw()
{
    Eigen::MatrixXd K(4, 4);
    K << 3, -2, 0, 2, -2, 3, -2, 0, 0, -2, 3, -2, 2, 0, -2, 3;
    return K.sparseView();
}

} // namespace

class TestLivePerturbation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void factorFunctionsAreThePreconditioners();
    void outcomesAreClassified();
    void setupIsClassified();
    void tridiagonalPaths();
    void fsaiChangeStaysWithinOneHop();
};

void TestLivePerturbation::factorFunctionsAreThePreconditioners()
{
    const sparse::Matrix A = sparse::poisson2d(6, 5).A;
    QCOMPARE(diff(perturb::factor_function(PrecondKind::Ic0)(A), precond::ic0(A).L), 0.0);
    QCOMPARE(diff(perturb::factor_function(PrecondKind::Kopt)(A), precond::kopt_selinv(A).L), 0.0);
    // SPAI: R itself, not the symmetrised inverse PCG applies.
    const sparse::Matrix R = perturb::factor_function(PrecondKind::Spai)(A);
    QCOMPARE(diff(R, precond::spai(A).M), 0.0);
    QVERIFY(diff(R, precond::spai_symmetric(R)) > 0.0);
    QCOMPARE(diff(perturb::factor_function(PrecondKind::Cholesky)(A), precond::cholesky_natural(A)), 0.0);
    // An IC(0) breakdown names its column.
    try {
        (void)perturb::factor_function(PrecondKind::Ic0)(kershaw());
        QFAIL("IC(0) of Kershaw's matrix did not break down");
    } catch (const factor::NotPositiveDefinite &e) {
        QCOMPARE(e.column(), precond::ic0(kershaw()).breakdown_column);
    }
}

void TestLivePerturbation::outcomesAreClassified()
{
    const sparse::Matrix A = sparse::poisson2d(5, 5).A;
    perturb::LivePerturbation chol(A, std::nullopt, PrecondKind::Cholesky, sparse::Ordering::Amd);
    const perturb::Evaluation ok = chol.try_evaluate(12, 13, 0.5);
    QCOMPARE(int(ok.outcome.status), int(perturb::Status::Ok));
    QVERIFY(ok.result && ok.result->delta.changed_entries > 0);
    QVERIFY(ok.outcome.reason.empty());

    const perturb::Evaluation refused = chol.try_evaluate(12, 12, -10.0);
    QCOMPARE(int(refused.outcome.status), int(perturb::Status::Refused));
    QVERIFY(!refused.result);
    QVERIFY(!refused.outcome.reason.empty());
    QVERIFY(refused.outcome.column >= 0);
    // A refusal leaves the engine as it was.
    QCOMPARE(chol.try_evaluate(12, 13, 0.5).result->delta.profile.total_sq, ok.result->delta.profile.total_sq);

    // The same failed pivot is a breakdown for IC(0) and an indefinite matrix for the others.
    perturb::LivePerturbation ic0(kershaw(), std::nullopt, PrecondKind::Ic0, sparse::Ordering::Natural);
    const perturb::Evaluation breakdown = ic0.try_evaluate(0, 0, 0.01);
    QCOMPARE(int(breakdown.outcome.status), int(perturb::Status::Breakdown));
    QCOMPARE(breakdown.outcome.column, precond::ic0(kershaw()).breakdown_column);
    const perturb::Outcome asCholesky = perturb::classified(PrecondKind::Cholesky, [] {
        throw factor::NotPositiveDefinite("pivot", 3);
    });
    QCOMPARE(int(asCholesky.status), int(perturb::Status::NotPositiveDefinite));
    QCOMPARE(asCholesky.column, 3);
    const perturb::Outcome other = perturb::classified(PrecondKind::Spai, [] { throw std::runtime_error("boom"); });
    QCOMPARE(int(other.status), int(perturb::Status::Failed));
    QCOMPARE(other.reason, std::string("boom"));
    QVERIFY(perturb::classified(PrecondKind::Spai, [] {}).ok());
}

void TestLivePerturbation::setupIsClassified()
{
    const sparse::Matrix A = sparse::poisson2d(20, 20).A;
    // K-optimal above the memory bound of a live view: too large, no engine.
    perturb::LiveOptions tight;
    tight.max_kopt_bytes = 1024;
    const perturb::LiveSetup large = perturb::prepare_live(A, std::nullopt, PrecondKind::Kopt, sparse::Ordering::Natural, tight);
    QCOMPARE(int(large.outcome.status), int(perturb::Status::TooLarge));
    QVERIFY(!large.engine);
    // Without the bound (a one-off run) it is prepared.
    perturb::LiveOptions unbounded;
    unbounded.max_kopt_bytes = 0;
    QVERIFY(perturb::prepare_live(A, std::nullopt, PrecondKind::Kopt, sparse::Ordering::Natural, unbounded).engine);
    // A kind the engine does not perturb.
    const perturb::LiveSetup jacobi = perturb::prepare_live(A, std::nullopt, PrecondKind::Jacobi, sparse::Ordering::Natural);
    QCOMPARE(int(jacobi.outcome.status), int(perturb::Status::Failed));
    // An indefinite matrix cannot be factorised.
    sparse::Matrix bad = A;
    bad.coeffRef(7, 7) = -50.0;
    const perturb::LiveSetup indefinite = perturb::prepare_live(bad, std::nullopt, PrecondKind::Cholesky, sparse::Ordering::Natural);
    QCOMPARE(int(indefinite.outcome.status), int(perturb::Status::NotPositiveDefinite));
    QVERIFY(!indefinite.engine);
}

void TestLivePerturbation::tridiagonalPaths()
{
    const sparse::GeneratedMatrix g = sparse::laplacian1d(12);
    perturb::LivePerturbation live(g.A, g.exact_L, PrecondKind::Cholesky, sparse::Ordering::Natural);
    QCOMPARE(int(live.path_for(3, 4)), int(perturb::LivePath::Tridiagonal));
    QCOMPARE(int(live.path_for(0, 5)), int(perturb::LivePath::UpdateDowndate));
    // On the pattern: the recurrence from the generator's exact factor.
    const perturb::PerturbationResult on = live.evaluate(3, 4, 0.25);
    QCOMPARE(diff(on.delta.delta_L, perturb::perturb_tridiagonal(g.A, 3, 4, 0.25, &*g.exact_L).delta.delta_L), 0.0);
    // Off the pattern: the update/downdate of a natural factor, as a single CHOLMOD engine does it.
    const perturb::PerturbationResult off = live.evaluate(0, 5, 0.25);
    perturb::CholeskyPerturbation reference(g.A, sparse::Ordering::Natural);
    const perturb::PerturbationResult expected = reference.perturb(0, 5, 0.25);
    QCOMPARE(diff(off.delta.delta_L, expected.delta.delta_L), 0.0);
    QCOMPARE(off.new_entries, expected.new_entries);
    QVERIFY(off.pattern_changed);
    // Every evaluation is against the unperturbed matrix, whichever path ran before.
    QCOMPARE(diff(live.evaluate(3, 4, 0.25).delta.delta_L, on.delta.delta_L), 0.0);
    QCOMPARE(diff(live.evaluate(0, 5, 0.25).delta.delta_L, off.delta.delta_L), 0.0);
    // The unperturbed factor stays the generator's.
    QCOMPARE(diff(live.base_factor(), *g.exact_L), 0.0);
}

void TestLivePerturbation::fsaiChangeStaysWithinOneHop()
{
    // Row i of G solves with A[s_i, s_i], s_i = {j <= i : A_ij != 0}: a change of A(p, q) reaches
    // only rows whose s_i holds both p and q, so ΔG lives on rows adjacent to p and q.
    const sparse::Matrix A = sparse::poisson2d(9, 8).A;
    const sparse::Matrix G = perturb::factor_function(PrecondKind::Fsai)(A);
    QCOMPARE(diff(G, precond::fsai(A)), 0.0);
    const sparse::Index p = 30, q = 31; // neighbours on the grid
    perturb::LivePerturbation engine(A, std::nullopt, PrecondKind::Fsai, factor::Ordering::Natural);
    const perturb::PerturbationResult r = engine.evaluate(p, q, 0.3);
    const sparse::Matrix &dG = r.delta.delta_L;
    const auto adjacent = [&](sparse::Index i, sparse::Index j) { return i == j || A.coeff(i, j) != 0.0; };
    int changedRows = 0;
    std::vector<bool> seen(std::size_t(A.rows()), false);
    for (int j = 0; j < dG.outerSize(); ++j)
        for (sparse::Matrix::InnerIterator it(dG, j); it; ++it) {
            if (std::abs(it.value()) < 1e-14)
                continue;
            const sparse::Index i = sparse::Index(it.row());
            QVERIFY2(adjacent(i, p) && adjacent(i, q) && p <= i && q <= i,
                     qPrintable(QStringLiteral("row %1 changed").arg(i)));
            if (!seen[std::size_t(i)]) {
                seen[std::size_t(i)] = true;
                ++changedRows;
            }
        }
    QVERIFY(changedRows >= 1);
    QCOMPARE(engine.path_for(p, q), perturb::LivePath::FsaiRows);
    // The row update equals recomputation from scratch, on and off the diagonal, and a structural
    // zero (pattern change) takes the whole recomputation.
    for (const auto &[i, j, d] : std::vector<std::tuple<sparse::Index, sparse::Index, double>>{
             {p, q, 0.3}, {10, 10, -0.7}, {0, 1, 0.25}, {71, 62, 0.4}, {5, 40, 0.1}}) {
        const perturb::PerturbationResult live = engine.evaluate(i, j, d);
        const sparse::Matrix fresh = precond::fsai(perturb::perturbed(A, i, j, d));
        QVERIFY2(diff(sparse::Matrix(fresh - G), live.delta.delta_L) < 1e-10,
                 qPrintable(QStringLiteral("A(%1,%2)").arg(i).arg(j)));
        const bool onPattern = A.coeff(i, j) != 0.0;
        QCOMPARE(engine.path_for(i, j), onPattern ? perturb::LivePath::FsaiRows : perturb::LivePath::FromScratch);
        QCOMPARE(live.pattern_changed, !onPattern);
    }
}

QTEST_APPLESS_MAIN(TestLivePerturbation)
#include "tst_live_perturbation.moc"
