// factorscope-cli bound, run as a user would: the locality bound of a paired dataset per depth,
// the same as the library's, the radius of each model, and the error contract.
#include "cli_run.h"
#include "dataset/dataset.h"
#include "dataset/locality_bound.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace fs;

namespace {

using Run = fs::test::ProcessRun;
using fs::test::runCli;

} // namespace

class TestCliBound : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaultDepthsMatchTheLibrary();
    void mlpHasRadiusZeroAtEveryDepth();
    void sgformerIsNotApplicable();
    void splitsAndDepthLists();
    void unpairedDatasetGivesOne();
    void textTable();
    void usageErrors_data();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString m_paired, m_unpaired;
};

void TestCliBound::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_paired = m_dir.filePath("paired");
    m_unpaired = m_dir.filePath("unpaired");
    Run r = runCli({"dataset", "synthetic", "--family", "counterexample", "--n", "40", "--count", "12", "--test", "4",
                    "--paired", "--out", m_paired});
    QVERIFY2(r.code == 0, r.err.constData());
    r = runCli({"dataset", "synthetic", "--family", "counterexample", "--n", "20", "--count", "6", "--test", "2",
                "--out", m_unpaired});
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestCliBound::defaultDepthsMatchTheLibrary()
{
    const Run r = runCli({"bound", m_paired, "--model", "mpmlp", "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject j = r.json();
    QCOMPARE(j.value("model").toString(), QString("mpmlp"));
    QCOMPARE(j.value("dataset").toString(), m_paired);
    const QJsonArray results = j.value("results").toArray();
    QCOMPARE(results.size(), 7);
    const dataset::Dataset d = dataset::load_dataset(m_paired.toStdString());
    double previous = 0.0;
    for (int k = 0; k < 7; ++k) {
        const QJsonObject row = results.at(k).toObject();
        QCOMPARE(row.value("depth").toInt(), k + 1);
        QCOMPARE(row.value("radius").toInt(), k);
        QCOMPARE(row.value("pairs").toInt(), 2);
        QCOMPARE(row.value("unpaired").toInt(), 0);
        QVERIFY(row.value("applicable").toBool());
        const double bound = row.value("bound").toDouble();
        QVERIFY(std::abs(bound - dataset::split_bound(d.test, k).bound) < 1e-12);
        // Non-local: well below 1; a wider view never lowers it.
        QVERIFY2(bound > 0.6 && bound < 0.85, qPrintable(QString::number(bound)));
        QVERIFY(bound >= previous);
        previous = bound;
    }
}

void TestCliBound::mlpHasRadiusZeroAtEveryDepth()
{
    const Run r = runCli({"bound", m_paired, "--model", "mlp", "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray results = r.json().value("results").toArray();
    QCOMPARE(results.size(), 7);
    const double first = results.at(0).toObject().value("bound").toDouble();
    for (const QJsonValue &v : results) {
        QCOMPARE(v.toObject().value("radius").toInt(-1), 0);
        QCOMPARE(v.toObject().value("bound").toDouble(), first);
    }
}

void TestCliBound::sgformerIsNotApplicable()
{
    const Run r = runCli({"bound", m_paired, "--model", "sgformer", "--json", "--depth", "2"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray results = r.json().value("results").toArray();
    QCOMPARE(results.size(), 1);
    const QJsonObject row = results.at(0).toObject();
    QCOMPARE(row.value("depth").toInt(), 2);
    QVERIFY(row.value("radius").isNull());
    QVERIFY(row.value("bound").isNull());
    QCOMPARE(row.value("applicable").toBool(true), false);
}

void TestCliBound::splitsAndDepthLists()
{
    Run r = runCli({"bound", m_paired, "--model", "gatv2", "--json", "--depth", "5,2,2", "--split", "all"});
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonArray results = r.json().value("results").toArray();
    QCOMPARE(results.size(), 2); // sorted, duplicates dropped
    QCOMPARE(results.at(0).toObject().value("depth").toInt(), 2);
    QCOMPARE(results.at(1).toObject().value("depth").toInt(), 5);
    QCOMPARE(results.at(0).toObject().value("pairs").toInt(), 6);

    r = runCli({"bound", m_paired, "--model", "gen", "--json", "--depth", "3-4", "--split", "train"});
    QVERIFY2(r.code == 0, r.err.constData());
    results = r.json().value("results").toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).toObject().value("radius").toInt(), 3);
    QCOMPARE(results.at(1).toObject().value("pairs").toInt(), 4);
    const dataset::Dataset d = dataset::load_dataset(m_paired.toStdString());
    QVERIFY(std::abs(results.at(1).toObject().value("bound").toDouble() - dataset::split_bound(d.train, 3).bound)
            < 1e-12);
}

void TestCliBound::unpairedDatasetGivesOne()
{
    const Run r = runCli({"bound", m_unpaired, "--model", "mpmlp", "--json", "--depth", "1"});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json().value("paired").toBool(true), false);
    const QJsonObject row = r.json().value("results").toArray().at(0).toObject();
    QCOMPARE(row.value("bound").toDouble(), 1.0);
    QCOMPARE(row.value("pairs").toInt(), 0);
    QCOMPARE(row.value("unpaired").toInt(), 2);
}

void TestCliBound::textTable()
{
    const Run r = runCli({"bound", m_paired, "--model", "transformer", "--depth", "1,7"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains("2 pairs"), qPrintable(out));
    QVERIFY2(out.contains("depth  radius  bound"), qPrintable(out));
    QCOMPARE(out.count(QRegularExpression(R"(^\s+\d+\s+\d+\s+0\.\d{6}$)", QRegularExpression::MultilineOption)), 2);
}

void TestCliBound::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    QTest::newRow("no dataset") << QStringList{"bound", "--model", "mpmlp"} << "DATASET";
    QTest::newRow("two datasets") << QStringList{"bound", "a", "b", "--model", "mpmlp"} << "DATASET";
    QTest::newRow("no model") << QStringList{"bound", "@paired"} << "--model";
    QTest::newRow("unknown model") << QStringList{"bound", "@paired", "--model", "gcn"} << "gcn";
    QTest::newRow("bad depth") << QStringList{"bound", "@paired", "--model", "gen", "--depth", "x"} << "--depth";
    QTest::newRow("reversed range") << QStringList{"bound", "@paired", "--model", "gen", "--depth", "5-2"} << "--depth";
    QTest::newRow("depth too large") << QStringList{"bound", "@paired", "--model", "gen", "--depth", "99"} << "--depth";
    QTest::newRow("negative depth") << QStringList{"bound", "@paired", "--model", "gen", "--depth", "-1"} << "--depth";
    QTest::newRow("bad split") << QStringList{"bound", "@paired", "--model", "gen", "--split", "val"} << "--split";
    QTest::newRow("missing dataset") << QStringList{"bound", "/nonexistent/ds", "--model", "gen"} << "manifest";
}

void TestCliBound::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    args.replaceInStrings("@paired", m_paired);
    const QString violation = fs::test::usageErrorViolation(runCli(args), needle);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

QTEST_APPLESS_MAIN(TestCliBound)
#include "tst_cli_bound.moc"
