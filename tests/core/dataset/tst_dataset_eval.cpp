// eval.json through the one parser: the stored gcvae run reads into the numbers of the file, and
// a factor-GNN evaluation keeps its per-method PCG results and failures.
#include "dataset/eval_report.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace fs::dataset;

class TestDatasetEval : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void storedGcvaeRun();
    void factorEvaluation();
    void rejectsNonObjects();
};

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
