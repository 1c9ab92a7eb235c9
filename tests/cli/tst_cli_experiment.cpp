// factorscope-cli experiment end to end on a reduced fig3 (two models, two depths, two epochs):
// the datasets, one trainer run per model and depth, the tables and the figure; what no model of
// its radius can exceed it does not exceed; a second call reuses the finished runs.
#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using fs::test::runCli;

class TestCliExperiment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reducedFigure3();
    void usageErrors();
};

void TestCliExperiment::reducedFigure3()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("fig3"));
    const QStringList args = {QStringLiteral("experiment"), QStringLiteral("fig3"), QStringLiteral("--out"), out,
                              QStringLiteral("--models"), QStringLiteral("mlp,mpmlp"), QStringLiteral("--depths"),
                              QStringLiteral("1,2"), QStringLiteral("--epochs"), QStringLiteral("2"),
                              QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")};
    const auto run = runCli(args, 900000);
    QVERIFY2(run.code == 0, run.err.constData());
    const QJsonObject j = run.json();
    QCOMPARE(j.value(QStringLiteral("figure")).toString(), QStringLiteral("fig3"));
    const QJsonArray datasets = j.value(QStringLiteral("datasets")).toArray();
    QCOMPARE(datasets.size(), 2);
    QCOMPARE(datasets[0].toObject().value(QStringLiteral("label")).toString(), QStringLiteral("counterexample"));
    QVERIFY(datasets[0].toObject().value(QStringLiteral("paired")).toBool());
    QVERIFY(!datasets[1].toObject().value(QStringLiteral("paired")).toBool());
    for (const auto &d : datasets) {
        const QJsonArray results = d.toObject().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 4);
        for (const auto &v : results) {
            const QJsonObject r = v.toObject();
            QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
            const QString model = r.value(QStringLiteral("model")).toString();
            const int depth = r.value(QStringLiteral("depth")).toInt();
            QCOMPARE(r.value(QStringLiteral("radius")).toInt(), model == QLatin1String("mlp") ? 0 : depth - 1);
            const double cos = r.value(QStringLiteral("best_test_cos")).toDouble();
            const double bound = r.value(QStringLiteral("bound")).toDouble();
            QVERIFY(cos > -1.0 && cos <= 1.0);
            // A fact that could be false: no trained model of radius r beats the bound of r.
            QVERIFY2(cos <= bound + 1e-6, qPrintable(QStringLiteral("%1 depth %2: %3 > bound %4")
                                                          .arg(model).arg(depth).arg(cos).arg(bound)));
            if (d.toObject().value(QStringLiteral("paired")).toBool())
                QVERIFY2(bound < 0.95, qPrintable(QString::number(bound)));
            else
                QCOMPARE(bound, 1.0);
        }
    }
    for (const char *f : {"results.json", "table.csv", "table.md", "fig3.png", "fig3.pdf", "fig3.svg"})
        QVERIFY2(QFile::exists(QDir(out).filePath(QLatin1String(f))), f);
    QFile csv(QDir(out).filePath(QStringLiteral("table.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 1 + 8);
    const QImage png(QDir(out).filePath(QStringLiteral("fig3.png")));
    QVERIFY(png.width() > 500 && png.height() > 300);

    // Again: everything is reused, nothing retrained.
    const auto again = runCli(args, 120000);
    QCOMPARE(again.code, 0);
    QCOMPARE(again.err.count("reusing the finished run"), 8);
}

void TestCliExperiment::usageErrors()
{
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("x"));
    QString v = fs::test::usageErrorViolation(runCli({QStringLiteral("experiment"), QStringLiteral("fig5"),
                                                      QStringLiteral("--out"), out}),
                                              QStringLiteral("fig3 or fig4"));
    QVERIFY2(v.isEmpty(), qPrintable(v));
    v = fs::test::usageErrorViolation(runCli({QStringLiteral("experiment"), QStringLiteral("fig3")}),
                                      QStringLiteral("--out"));
    QVERIFY2(v.isEmpty(), qPrintable(v));
    v = fs::test::usageErrorViolation(runCli({QStringLiteral("experiment"), QStringLiteral("fig3"), QStringLiteral("--out"),
                                              out, QStringLiteral("--models"), QStringLiteral("gcvae")}),
                                      QStringLiteral("gcvae"));
    QVERIFY2(v.isEmpty(), qPrintable(v));
}

QTEST_GUILESS_MAIN(TestCliExperiment)
#include "tst_cli_experiment.moc"
