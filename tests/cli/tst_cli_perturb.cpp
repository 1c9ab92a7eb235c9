// factorscope-cli perturb, run as a user would: ΔL and its locality for every kind, and every error path.
#include "cli_run.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = fs::test::ProcessRun;
using fs::test::runCli;

} // namespace

class TestCliPerturb : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void perturbCounterexampleGenerator();
    void perturbCounterexampleFile();
    void perturbAmdAndKinds_data();
    void perturbAmdAndKinds();
    void sweepEndsWhereOneStepGoes_data();
    void sweepEndsWhereOneStepGoes();
    void sweepStopsAtARefusedStep();
    void errors_data();
    void errors();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestCliPerturb::initTestCase() { QVERIFY(m_dir.isValid()); }

void TestCliPerturb::perturbCounterexampleGenerator()
{
    const Run r = runCli({"perturb", "--generator", "counterexample", "--n", "20", "--entry", "1,1",
                       "--delta", "1", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject j = r.json();
    QVERIFY(j.value("reliable").toBool());
    QVERIFY(j.value("warning").isNull());
    const QJsonArray diag = j.value("diag_diff").toArray();
    QCOMPARE(diag.size(), 20);
    // sqrt(d'_20) - 1/20 with d'_20 = 0.99972903712915... (exact rational recurrence)
    QVERIFY(std::abs(diag[19].toDouble() - (std::sqrt(0.9997290371291536) - 0.05)) < 1e-12);
    QVERIFY(j.value("share_beyond").toObject().value("7").toDouble() > 0.5);
    QCOMPARE(j.value("share_beyond").toObject().size(), 10);
    const QJsonArray profile = j.value("profile").toArray();
    QCOMPARE(profile.first().toObject().value("hops").toInt(), 0);
    double sum = 0;
    for (const auto &b : profile)
        sum += b.toObject().value("sq_share").toDouble();
    QVERIFY(std::abs(sum - 1.0) < 1e-12);
    // Human-readable form too.
    const Run text = runCli({"perturb", "--generator", "counterexample", "--n", "20", "--entry", "1,1", "--delta", "1"});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("share beyond"));
}

void TestCliPerturb::perturbCounterexampleFile()
{
    for (const char *n : {"10", "20", "40"}) {
        const QString file = path(QString("ce%1.mtx").arg(n));
        QCOMPARE(runCli({"generate", "counterexample", "--n", n, "--out", file}).code, 0);
        for (const char *ordering : {"natural", "amd"}) {
            const Run r = runCli({"perturb", file, "--entry", "1,1", "--delta", "1", "--ordering", ordering, "--json"});
            if (r.code == 0) {
                const QJsonObject j = r.json();
                QVERIFY2(!j.value("reliable").toBool(), n);
                QVERIFY(!j.value("warning").toString().isEmpty());
            } else {
                QCOMPARE(r.code, 2);
                QVERIFY(r.err.startsWith("error: ") && r.err.contains("not positive definite"));
            }
        }
    }
}

void TestCliPerturb::perturbAmdAndKinds_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("cholesky amd") << QStringList{"--ordering", "amd"};
    QTest::newRow("cholesky natural structural zero") << QStringList{"--entry", "1,40"};
    QTest::newRow("ic0") << QStringList{"--kind", "ic0"};
    QTest::newRow("kopt threads") << QStringList{"--kind", "kopt", "--threads", "2"};
    QTest::newRow("spai") << QStringList{"--kind", "spai"};
}

void TestCliPerturb::perturbAmdAndKinds()
{
    QFETCH(QStringList, extra);
    QStringList args{"perturb", "--generator", "poisson2d", "--nx", "10", "--ny", "8", "--delta", "0.5", "--json"};
    if (!extra.contains("--entry"))
        args << "--entry" << "12,13";
    const Run r = runCli(args + extra);
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject j = r.json();
    QCOMPARE(j.value("diag_diff").toArray().size(), 80);
    QVERIFY(j.value("changed_entries").toInt() > 0);
    QVERIFY(j.value("reliable").toBool());
    if (extra.contains("--entry"))
        QVERIFY(j.value("pattern_changed").toBool());
    // A column of SPAI depends only on the columns of A in its pattern: ΔR stays within one hop.
    if (extra.contains("spai")) {
        QCOMPARE(j.value("kind").toString(), QString("spai"));
        QCOMPARE(j.value("share_beyond").toObject().value("1").toDouble(), 0.0);
    }
}

void TestCliPerturb::sweepEndsWhereOneStepGoes_data()
{
    QTest::addColumn<QStringList>("args");
    const QStringList poisson{"--generator", "poisson2d", "--nx", "10", "--ny", "8"};
    QTest::newRow("cholesky") << poisson + QStringList{"--entry", "12,12"};
    QTest::newRow("cholesky amd off-diagonal") << poisson + QStringList{"--entry", "13,12", "--ordering", "amd"};
    QTest::newRow("cholesky fill") << poisson + QStringList{"--entry", "1,40"};
    QTest::newRow("ic0") << poisson + QStringList{"--entry", "12,12", "--kind", "ic0"};
    QTest::newRow("tridiagonal") << QStringList{"--generator", "laplacian1d", "--n", "50", "--entry", "7,7"};
    QTest::newRow("counterexample") << QStringList{"--generator", "counterexample", "--n", "30", "--entry", "1,1"};
}

void TestCliPerturb::sweepEndsWhereOneStepGoes()
{
    QFETCH(QStringList, args);
    const QStringList base = QStringList{"perturb"} + args + QStringList{"--delta", "0.5", "--json"};
    const Run one = runCli(base);
    QVERIFY2(one.code == 0, one.err.constData());
    const Run sweep = runCli(base + QStringList{"--sweep", "25"});
    QVERIFY2(sweep.code == 0, sweep.err.constData());
    const QJsonObject a = one.json(), b = sweep.json();
    // The 25th step is δ itself: the same result as one evaluation.
    QCOMPARE(b.value("changed_entries").toInt(), a.value("changed_entries").toInt());
    QCOMPARE(b.value("new_entries").toInt(), a.value("new_entries").toInt());
    const QJsonArray da = a.value("diag_diff").toArray(), db = b.value("diag_diff").toArray();
    QCOMPARE(db.size(), da.size());
    for (qsizetype i = 0; i < da.size(); ++i)
        QVERIFY(std::abs(da[i].toDouble() - db[i].toDouble()) <= 1e-10);
    for (const QString &k : a.value("share_beyond").toObject().keys())
        QVERIFY(std::abs(a.value("share_beyond").toObject().value(k).toDouble() -
                         b.value("share_beyond").toObject().value(k).toDouble()) <= 1e-10);
    QVERIFY(!a.contains("sweep"));
    const QJsonObject s = b.value("sweep").toObject();
    QCOMPARE(s.value("steps").toInt(), 25);
    QVERIFY(s.value("seconds").toDouble() > 0.0);
    QVERIFY(std::abs(s.value("updates_per_second").toDouble() * s.value("seconds").toDouble() - 25.0) < 1e-6);
    QVERIFY(s.value("grid").toInt() >= 1 && s.value("grid").toInt() <= 512);
    QVERIFY(b.value("live_factor").toObject().contains("refactorizations"));
    // The text form reports the rate too.
    const Run text = runCli(QStringList{"perturb"} + args + QStringList{"--delta", "0.5", "--sweep", "3"});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("3 steps in"));
}

void TestCliPerturb::sweepStopsAtARefusedStep()
{
    // A_ii = 4: the steps -2, -4, ... of a sweep to -10 reach a singular matrix at the second.
    const Run r = runCli({"perturb", "--generator", "poisson2d", "--nx", "6", "--ny", "6", "--entry", "8,8",
                          "--delta", "-10", "--sweep", "5"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith("error: sweep step 2"), r.err.constData());
    QVERIFY(r.err.contains("positive definite"));
}

void TestCliPerturb::errors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString missing = QDir::temp().filePath("factorscope-no-such-file.mtx");
    QTest::newRow("missing file") << QStringList{"perturb", missing, "--entry", "1,1", "--delta", "1"};
    QTest::newRow("bad entry") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--entry", "1;2", "--delta", "1"};
    QTest::newRow("entry zero") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--entry", "0,1", "--delta", "1"};
    QTest::newRow("entry out of range") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--entry", "6,1", "--delta", "1"};
    QTest::newRow("missing entry") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--delta", "1"};
    QTest::newRow("bad delta") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--entry", "1,1", "--delta", "abc"};
    QTest::newRow("bad perturb kind") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--entry", "1,1", "--delta", "1", "--kind", "lu"};
    QTest::newRow("bad generator") << QStringList{"perturb", "--generator", "hilbert", "--n", "5", "--entry", "1,1", "--delta", "1"};
    QTest::newRow("negative n perturb") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "-2", "--entry", "1,1", "--delta", "1"};
    QTest::newRow("indefinite result") << QStringList{"perturb", "--generator", "poisson2d", "--n", "5", "--entry", "3,3", "--delta", "-10", "--ordering", "amd"};
    QTest::newRow("indefinite tridiagonal") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--entry", "3,3", "--delta", "-10"};
    QTest::newRow("indefinite spai") << QStringList{"perturb", "--generator", "poisson2d", "--n", "5", "--entry", "3,3", "--delta", "-10", "--kind", "spai"};
    QTest::newRow("amd with ic0") << QStringList{"perturb", "--generator", "laplacian1d", "--n", "5", "--entry", "1,1", "--delta", "1", "--kind", "ic0", "--ordering", "amd"};
}

void TestCliPerturb::errors()
{
    QFETCH(QStringList, args);
    const QString violation = fs::test::usageErrorViolation(runCli(args));
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

QTEST_APPLESS_MAIN(TestCliPerturb)
#include "tst_cli_perturb.moc"
