// factorscope-cli factor: the factor it writes, outcomes that are not errors (IC(0) breakdown), and
// the one-line `error:` contract with exit status 2 for bad input.
#include "cli_run.h"
#include "fixtures.h"
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = fs::test::ProcessRun;
using fs::test::jsonObject;
using fs::test::runCli;

const QString kNos4 = fs::test::benchmarkMatrix(QStringLiteral("nos4"));
const QString kBcsstk01 = fs::test::benchmarkMatrix(QStringLiteral("bcsstk01"));
const QString kS4 = fs::test::corpusMatrix(QStringLiteral("s4"));
const QString kWest = fs::test::corpusMatrix(QStringLiteral("west0067"));
const QString kAsh = fs::test::corpusMatrix(QStringLiteral("ash219"));

using fs::test::writeKershaw;

} // namespace

class TestCliFactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void factorWritesFactor_data();
    void factorWritesFactor();
    void factorIc0BreakdownIsOutcome();
    void badInput_data();
    void badInput();
};

void TestCliFactor::factorWritesFactor_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("lower");
    for (const char *k : {"cholesky", "ic0", "kopt", "jacobi"})
        QTest::newRow(k) << QString::fromLatin1(k) << true;
    QTest::newRow("spai") << QStringLiteral("spai") << false;
}

void TestCliFactor::factorWritesFactor()
{
    QFETCH(QString, kind);
    QFETCH(bool, lower);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("L.mtx"));
    const Run r = runCli({QStringLiteral("factor"), kBcsstk01, QStringLiteral("--kind"), kind,
                          QStringLiteral("--out"), out, QStringLiteral("--json"),
                          QStringLiteral("--threads"), QStringLiteral("2")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), kind);
    QCOMPARE(o.value(QStringLiteral("n")).toInt(), 48);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("breakdown")).isNull());
    QCOMPARE(o.value(QStringLiteral("out")).toString(), out);
    QVERIFY(o.value(QStringLiteral("written")).isString());
    QVERIFY(o.value(QStringLiteral("seconds")).isDouble());

    const auto A = fs::sparse::read_matrix_market(kBcsstk01.toStdString()).matrix;
    const auto L = fs::sparse::read_matrix_market(out.toStdString()).matrix;
    QCOMPARE(o.value(QStringLiteral("nnz")).toInt(), int(L.nonZeros()));
    const Eigen::MatrixXd Ld = Eigen::MatrixXd(L);
    if (lower) {
        QCOMPARE(Eigen::MatrixXd(Ld.triangularView<Eigen::StrictlyUpper>()).norm(), 0.0);
        QVERIFY(Ld.diagonal().minCoeff() > 0.0);
    }
    const Eigen::MatrixXd Ad = Eigen::MatrixXd(A);
    if (kind == QLatin1String("cholesky"))
        QVERIFY((Ld * Ld.transpose() - Ad).norm() <= 1e-12 * Ad.norm());
    if (kind == QLatin1String("ic0") || kind == QLatin1String("kopt") || kind == QLatin1String("spai"))
        QCOMPARE(L.nonZeros(), kind == QLatin1String("spai") ? A.nonZeros()
                                                              : fs::sparse::lower_triangle(A).nonZeros());
    if (kind == QLatin1String("jacobi"))
        QVERIFY((Eigen::MatrixXd(Ld * Ld.transpose()).diagonal() - Ad.diagonal()).norm()
                <= 1e-12 * Ad.diagonal().norm());
}

void TestCliFactor::factorIc0BreakdownIsOutcome()
{
    QTemporaryDir dir;
    const QString in = writeKershaw(dir);
    const QString out = dir.filePath(QStringLiteral("L.mtx"));
    const Run r = runCli({QStringLiteral("factor"), in, QStringLiteral("--kind"), QStringLiteral("ic0"),
                          QStringLiteral("--out"), out, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonObject b = o.value(QStringLiteral("breakdown")).toObject();
    QCOMPARE(b.value(QStringLiteral("column")).toInt(), 4); // 1-based
    QVERIFY(std::abs(b.value(QStringLiteral("pivot")).toDouble() + 5.0) < 1e-12);
    QVERIFY(o.value(QStringLiteral("out")).isNull());
    QVERIFY(!QFile::exists(out));
    // The same matrix has a K-optimal factor (Figure 2's "K-optimal only" case).
    const Run k = runCli({QStringLiteral("factor"), in, QStringLiteral("--kind"), QStringLiteral("kopt"),
                          QStringLiteral("--out"), out});
    QCOMPARE(k.code, 0);
    QVERIFY(QFile::exists(out));
}

void TestCliFactor::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    const QString f = QStringLiteral("factor"), p = QStringLiteral("pcg");
    const QString out = QStringLiteral("/nonexistent-dir/never.mtx");
    const QString kind = QStringLiteral("--kind"), o = QStringLiteral("--out");
    QTest::newRow("factor missing file") << QStringList{f, QStringLiteral("/no/such.mtx"), kind, QStringLiteral("ic0"), o, out} << QStringLiteral("open");
    QTest::newRow("factor not PD (s4)") << QStringList{f, kS4, kind, QStringLiteral("ic0"), o, out} << QStringLiteral("not positive definite");
    QTest::newRow("factor not symmetric (west0067)") << QStringList{f, kWest, kind, QStringLiteral("kopt"), o, out} << QStringLiteral("not symmetric");
    QTest::newRow("factor rectangular (ash219)") << QStringList{f, kAsh, kind, QStringLiteral("ic0"), o, out} << QStringLiteral("not square");
    QTest::newRow("factor bad kind") << QStringList{f, kNos4, kind, QStringLiteral("ilu"), o, out} << QStringLiteral("--kind");
    QTest::newRow("factor no kind") << QStringList{f, kNos4, o, out} << QStringLiteral("--kind");
    QTest::newRow("factor no out") << QStringList{f, kNos4, kind, QStringLiteral("ic0")} << QStringLiteral("--out");
    QTest::newRow("factor bad threads") << QStringList{f, kNos4, kind, QStringLiteral("ic0"), o, out, QStringLiteral("--threads"), QStringLiteral("two")} << QStringLiteral("--threads");
    QTest::newRow("factor unwritable out") << QStringList{f, kNos4, kind, QStringLiteral("ic0"), o, out} << QStringLiteral("error");
    QTest::newRow("factor unknown option") << QStringList{f, kNos4, kind, QStringLiteral("ic0"), o, out, QStringLiteral("--fast")} << QStringLiteral("--fast");
    QTest::newRow("factor two files") << QStringList{f, kNos4, kNos4, kind, QStringLiteral("ic0"), o, out} << QStringLiteral("one matrix");
}

void TestCliFactor::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    const QString violation = fs::test::usageErrorViolation(runCli(args + QStringList{QStringLiteral("--json")}), needle);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

QTEST_APPLESS_MAIN(TestCliFactor)
#include "tst_cli_factor.moc"
