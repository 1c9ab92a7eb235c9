// eval.json in one schema: the evaluation protocol runs core/precond's PCG and names its failures
// as eval.json does, what it writes reads back unchanged, the stored gcvae run reads into the
// numbers of the file, and a factor-GNN evaluation keeps its per-method PCG results and failures.
#include "fixtures.h"
#include "dataset/eval_report.h"
#include "precond/ic0.h"
#include "precond/pcg.h"
#include "precond/preconditioner.h"
#include "precond/selected_inversion.h"
#include "sparse/generators.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <map>

using namespace fs;
using namespace fs::dataset;
using fs::test::rel_diff;

class TestDatasetEval : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evaluationRunsPrecond();
    void evaluationFailures();
    void writtenReadsBack();
    void storedGcvaeRun();
    void factorEvaluation();
    void rejectsNonObjects();
};

void TestDatasetEval::evaluationRunsPrecond()
{
    for (const auto &A : {sparse::poisson2d(6, 5).A, sparse::graph_laplacian(40, 4, 0.3, 9).A}) {
        const auto ic = reference_ic0(A);
        const auto theirs = precond::ic0(A);
        QVERIFY(ic && theirs.ok);
        QCOMPARE(rel_diff(*ic, theirs.L), 0.0);

        // The dense K-optimal factor against the independent selected-inversion route.
        const auto ko = reference_kopt(A);
        QVERIFY(ko);
        QVERIFY(rel_diff(*ko, precond::kopt_selinv(A).L) < 1e-9);

        // The evaluation's PCG is precond::pcg with b = 1: the same iterations and residual.
        const auto b = precond::make_rhs(static_cast<int>(A.rows()), false);
        for (const sparse::Matrix &L : {*ko, *ic}) {
            const PcgOutcome mine = pcg_with_factor(A, L);
            const precond::PcgResult ref = precond::pcg(A, b, precond::FactorPreconditioner(L));
            QVERIFY(mine.converged && ref.converged);
            QVERIFY(mine.failure.empty());
            QCOMPARE(mine.iterations, ref.iterations);
            QCOMPARE(mine.relres, ref.relres);
            QVERIFY(mine.relres <= 1e-8);
            // M = L Lᵀ does not see the sign of a column, and neither does the run.
            sparse::Matrix flipped = L;
            for (sparse::Matrix::InnerIterator it(flipped, 0); it; ++it)
                it.valueRef() = -it.value();
            QCOMPARE(pcg_with_factor(A, flipped).iterations, mine.iterations);
        }
        const PcgOutcome none = pcg_with_factor(A, sparse::Matrix());
        QVERIFY(none.converged);
        QCOMPARE(none.iterations, precond::pcg(A, b, precond::IdentityPreconditioner()).iterations);
        // Jacobi is the diagonal inverse applied as an explicit approximate inverse.
        sparse::Matrix Dinv(A.rows(), A.cols());
        for (int i = 0; i < A.rows(); ++i)
            Dinv.insert(i, i) = 1.0 / A.coeff(i, i);
        const PcgOutcome jacobi = pcg_with_jacobi(A);
        QVERIFY(jacobi.converged);
        QCOMPARE(jacobi.iterations, pcg_with_inverse(A, Dinv).iterations);
    }
}

void TestDatasetEval::evaluationFailures()
{
    const sparse::Matrix A = sparse::poisson2d(5, 5).A;
    // A factor with a zero pivot is singular, whatever else it holds.
    sparse::Matrix L = *reference_ic0(A);
    L.coeffRef(7, 7) = 0.0;
    const PcgOutcome singular = pcg_with_factor(A, L);
    QCOMPARE(singular.failure, std::string("singular_factor"));
    QVERIFY(!singular.converged);
    QCOMPARE(pcg_json(singular).at("failure").get<std::string>(), std::string("singular_factor"));
    // An indefinite approximate inverse is named, not iterated on.
    sparse::Matrix minusI(A.rows(), A.cols());
    minusI.setIdentity();
    minusI *= -1.0;
    const PcgOutcome indefinite = pcg_with_inverse(A, minusI);
    QCOMPARE(indefinite.failure, std::string("indefinite_preconditioner"));
    QCOMPARE(indefinite.iterations, 0);
    // Too few iterations: max_iterations, with the residual reached so far.
    const PcgOutcome capped = pcg_with_factor(A, sparse::Matrix(), 1e-8, 2);
    QCOMPARE(capped.failure, std::string("max_iterations"));
    QCOMPARE(capped.iterations, 2);
    QVERIFY(capped.relres > 1e-8 && capped.relres < 1.0);
    QVERIFY(!pcg_json(capped).at("converged").get<bool>());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pcg_with_inverse(A, sparse::Matrix(3, 3)));

    // IC(0) breakdown and an indefinite K-optimal request are outcomes, not exceptions.
    sparse::Matrix bad = sparse::laplacian1d(4).A;
    bad.coeffRef(3, 3) = -1.0;
    QVERIFY(!reference_ic0(bad));
    QVERIFY(!reference_kopt(bad));
    QVERIFY(reference_kopt(A));
    QVERIFY(!reference_kopt(A, 24)); // above the dense bound

    // The summary: the median of the converged runs.
    const nlohmann::json summary = pcg_summary({9, 3, 5, 7});
    QCOMPARE(summary.at("converged").get<int>(), 4);
    QCOMPARE(summary.at("median_iterations").get<int>(), 7);
    QVERIFY(pcg_summary({}).at("median_iterations").is_null());
}

void TestDatasetEval::writtenReadsBack()
{
    const sparse::Matrix A = sparse::poisson2d(5, 5).A;
    sparse::Matrix singular = *reference_ic0(A);
    singular.coeffRef(7, 7) = 0.0;
    const std::map<std::string, PcgOutcome> written = {
        {"ic0", pcg_with_factor(A, *reference_ic0(A))},
        {"capped", pcg_with_factor(A, sparse::Matrix(), 1e-8, 2)},
        {"singular", pcg_with_factor(A, singular)},
    };
    nlohmann::json pcg = nlohmann::json::object();
    for (const auto &[method, outcome] : written)
        pcg[method] = pcg_json(outcome);
    nlohmann::json sample = {{"name", "poisson"}, {"n", A.rows()}, {"cos", 0.25}, {"pcg", pcg}};
    nlohmann::json eval = {{"summary", {{"mean_cos", 0.25}, {"pcg_ic0", pcg_summary({written.at("ic0").iterations})}}}};
    eval["samples"] = nlohmann::json::array({sample});

    const EvalReport r = parse_eval_text(eval.dump());
    QCOMPARE(r.kind, EvalKind::Factor);
    QCOMPARE(r.mean_cos, 0.25);
    QCOMPARE(int(r.samples.size()), 1);
    QCOMPARE(r.samples[0].n, int(A.rows()));
    QCOMPARE(r.samples[0].pcg.size(), written.size());
    for (const auto &[method, outcome] : written) {
        const PcgOutcome &back = r.samples[0].pcg.at(method);
        QCOMPARE(back.iterations, outcome.iterations);
        QCOMPARE(back.converged, outcome.converged);
        QCOMPARE(back.relres, outcome.relres);
        QCOMPARE(back.failure, outcome.failure);
    }
    QVERIFY(r.samples[0].pcg.at("ic0").converged);
    QCOMPARE(r.samples[0].pcg.at("capped").failure, std::string("max_iterations"));
}

void TestDatasetEval::storedGcvaeRun()
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/gcvae_run/eval.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const EvalReport r = parse_eval_text(text.toStdString());
    QCOMPARE(r.kind, EvalKind::Gcvae);

    // Read the same file independently with Qt's parser and compare every number.
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    QCOMPARE(r.mean_cos, json.value("summary").toObject().value("mean_cos").toDouble());
    const QJsonArray samples = json.value("samples").toArray();
    QVERIFY(samples.size() >= 2);
    QCOMPARE(qsizetype(r.samples.size()), samples.size());
    int solves = 0;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const QJsonObject o = samples.at(i).toObject();
        const EvalSample &s = r.samples[static_cast<std::size_t>(i)];
        QCOMPARE(QString::fromStdString(s.name), o.value("name").toString());
        QCOMPARE(s.n, o.value("n").toInt());
        QCOMPARE(s.cos, o.value("cos").toDouble());
        QCOMPARE(qsizetype(s.residual.size()), o.value("residual").toObject().size());
        for (const auto &[method, value] : s.residual)
            QCOMPARE(value, o.value("residual").toObject().value(QString::fromStdString(method)).toDouble());
        const QJsonObject pcg = o.value("pcg").toObject();
        QCOMPARE(qsizetype(s.pcg.size()), pcg.size());
        for (const auto &[method, p] : s.pcg) {
            const QJsonObject q = pcg.value(QString::fromStdString(method)).toObject();
            QCOMPARE(p.iterations, q.value("iterations").toInt());
            QCOMPARE(p.converged, q.value("converged").toBool());
            QCOMPARE(p.relres, q.value("relres").toDouble());
            QCOMPARE(QString::fromStdString(p.failure), q.value("failure").toString());
            ++solves;
        }
        const QJsonObject nnz = o.value("nnz").toObject();
        QCOMPARE(qsizetype(s.nnz.size()), nnz.size());
        for (const auto &[method, count] : s.nnz)
            QCOMPARE(count, nnz.value(QString::fromStdString(method)).toInteger());
    }
    QCOMPARE(solves, 7 * int(samples.size()));
    // The first sample as the file states it.
    QCOMPARE(r.samples[0].name, std::string("diffusion-32-s101"));
    QCOMPARE(r.samples[0].pcg.at("jacobi").iterations, 181);
    QCOMPARE(r.samples[0].nnz.at("ic0"), std::int64_t(3008));
    QCOMPARE(r.samples[0].residual.at("spai"), 5.623);
}

void TestDatasetEval::factorEvaluation()
{
    const EvalReport r = parse_eval_text(R"({
        "summary": {"mean_cos": 0.75},
        "samples": [
          {"name": "semiseparable_9", "n": 20, "cos": 0.5, "cos_kopt": 0.875, "cos_ic0": null,
           "pcg": {"predicted": {"iterations": 12, "converged": true, "relres": 1e-9},
                   "kopt": {"iterations": 10000, "converged": false, "relres": 0.5, "failure": "breakdown"},
                   "ic0": {"iterations": 7, "converged": false, "relres": 2.0},
                   "none": "skipped"}},
          {"name": "x"}
        ]})");
    QCOMPARE(r.kind, EvalKind::Factor);
    QCOMPARE(r.mean_cos, 0.75);
    QCOMPARE(int(r.samples.size()), 2);
    const EvalSample &s = r.samples[0];
    QCOMPARE(s.n, 20);
    QCOMPARE(s.cos, 0.5);
    QCOMPARE(s.cos_kopt, 0.875);
    QVERIFY(std::isnan(s.cos_ic0));
    QCOMPARE(s.pcg.at("predicted").iterations, 12);
    QVERIFY(s.pcg.at("predicted").converged);
    QCOMPARE(s.pcg.at("kopt").failure, std::string("breakdown"));
    QVERIFY(!s.pcg.at("ic0").converged);
    QVERIFY(s.pcg.at("ic0").failure.empty());
    QVERIFY(!s.pcg.count("none")); // not an object: absent
    QVERIFY(r.samples[1].pcg.empty());
    QVERIFY(std::isnan(r.samples[1].cos));
}

void TestDatasetEval::rejectsNonObjects()
{
    QVERIFY_THROWS_EXCEPTION(EvalError, parse_eval_text("not json"));
    QVERIFY_THROWS_EXCEPTION(EvalError, parse_eval_text("[1]"));
    const EvalReport empty = parse_eval_text("{}");
    QVERIFY(empty.samples.empty());
    QVERIFY(std::isnan(empty.mean_cos));
}

QTEST_GUILESS_MAIN(TestDatasetEval)
#include "tst_dataset_eval.moc"
