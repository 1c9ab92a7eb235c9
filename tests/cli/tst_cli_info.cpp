// factorscope-cli info: JSON schema and counts, and the one-line error contract for bad input.
#include "cli_run.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestCliInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void infoJson_data();
    void infoJson();
    void badInput_data();
    void badInput();
    void contractCheckCanFail();
};

using Run = fs::test::ProcessRun;
using fs::test::runCli;

void TestCliInfo::infoJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("nnz");
    QTest::addColumn<bool>("symmetric");
    QTest::newRow("bcsstk01 (symmetric, gzip)") << QStringLiteral(FS_BENCHMARK_DIR "/bcsstk01.mtx.gz") << 48 << 48 << 400 << true;
    QTest::newRow("ani1 (general storage)") << QStringLiteral(FS_BENCHMARK_DIR "/ani1.mtx.gz") << 36 << 36 << 208 << true;
    QTest::newRow("west0067 (nonsymmetric)") << QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/west0067.mtx") << 67 << 67 << 294 << false;
    QTest::newRow("ash219 (rectangular)") << QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/ash219.mtx") << 219 << 85 << 438 << false;
}

void TestCliInfo::infoJson()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, nnz);
    QFETCH(bool, symmetric);
    const Run r = runCli({QStringLiteral("info"), file, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QStringLiteral("rows")).toInt(), rows);
    QCOMPARE(o.value(QStringLiteral("cols")).toInt(), cols);
    QCOMPARE(o.value(QStringLiteral("nnz")).toInt(), nnz);
    QCOMPARE(o.value(QStringLiteral("symmetric")).toBool(), symmetric);
}

void TestCliInfo::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString mal = QStringLiteral(FS_TEST_DATA_DIR "/malformed/");
    QTest::newRow("missing file") << QStringList{QStringLiteral("info"), QStringLiteral("/no/such.mtx")} << QStringLiteral("cannot open");
    QTest::newRow("no size line") << QStringList{QStringLiteral("info"), mal + QStringLiteral("bad_dimensions.mtx")} << QStringLiteral("size line");
    QTest::newRow("bad symmetry") << QStringList{QStringLiteral("info"), mal + QStringLiteral("bad_header.mtx")} << QStringLiteral("line 1");
    QTest::newRow("complex") << QStringList{QStringLiteral("info"), mal + QStringLiteral("bad_matrix_type.mtx")} << QStringLiteral("complex");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--frobnicate")} << QStringLiteral("--frobnicate");
    QTest::newRow("no file") << QStringList{QStringLiteral("info")} << QStringLiteral("one matrix");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("nonsense")} << QStringLiteral("unknown command");
}

void TestCliInfo::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = runCli(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QLatin1String("error: ")), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.contains(mentions), qPrintable(err));
}

void TestCliInfo::contractCheckCanFail()
{
    // The shared error-contract check reports a successful run, a wrong needle and extra output.
    const QString nos4 = QStringLiteral(FS_BENCHMARK_DIR "/nos4.mtx.gz");
    QVERIFY(!fs::test::usageErrorViolation(runCli({QStringLiteral("info"), nos4})).isEmpty());
    const Run bad = runCli({QStringLiteral("info"), QStringLiteral("/no/such.mtx")});
    QVERIFY(fs::test::usageErrorViolation(bad).isEmpty());
    QVERIFY(!fs::test::usageErrorViolation(bad, QStringLiteral("no-such-word")).isEmpty());
    Run noisy = bad;
    noisy.out = "{}";
    QVERIFY(!fs::test::usageErrorViolation(noisy).isEmpty());
}

QTEST_APPLESS_MAIN(TestCliInfo)
#include "tst_cli_info.moc"
