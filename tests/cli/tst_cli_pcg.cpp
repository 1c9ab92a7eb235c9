// factorscope-cli pcg: JSON schema, outcomes that are not errors (IC(0) breakdown, non-convergence),
// K-condition numbers, and the one-line `error:` contract with exit status 2 for bad input.
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

using fs::test::writeKershaw;

} // namespace

class TestCliPcg : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pcgJson_data();
    void pcgJson();
    void pcgNonConvergenceIsOutcome();
    void pcgSpaiSquarePattern();
    void pcgIc0BreakdownIsOutcome();
    void pcgFsaiAndScaledKopt();
    void pcgNoiseRange();
    void pcgHumanText();
    void koptMinimisesPaperKcond();
    void badInput_data();
    void badInput();
};

void TestCliPcg::pcgJson_data()
{
    QTest::addColumn<QString>("precond");
    QTest::addColumn<QString>("rhs");
    for (const char *p : {"none", "jacobi", "ic0", "kopt", "spai", "fsai", "cholesky"}) {
        QTest::addRow("%s ones", p) << QString::fromLatin1(p) << QStringLiteral("ones");
        QTest::addRow("%s random", p) << QString::fromLatin1(p) << QStringLiteral("random");
    }
}

void TestCliPcg::pcgJson()
{
    QFETCH(QString, precond);
    QFETCH(QString, rhs);
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), precond,
                          QStringLiteral("--rhs"), rhs, QStringLiteral("--json"), QStringLiteral("--history")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = jsonObject(r.out);
    for (const char *key : {"iterations", "converged", "relres", "kcond", "failure"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QVERIFY(o.value(QStringLiteral("iterations")).isDouble());
    QCOMPARE(o.value(QStringLiteral("converged")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("failure")).isNull());
    const double relres = o.value(QStringLiteral("relres")).toDouble();
    QVERIFY(relres <= 1e-8);
    QVERIFY(o.value(QStringLiteral("true_relres")).toDouble() <= 1e-7);
    QVERIFY(o.value(QStringLiteral("kcond")).toDouble() >= 1.0 - 1e-12);
    const int it = o.value(QStringLiteral("iterations")).toInt();
    QCOMPARE(o.value(QStringLiteral("history")).toArray().size(), it + 1);
    if (precond == QLatin1String("cholesky"))
        QVERIFY(it <= 2);
    else
        QVERIFY(it > 2);
}

void TestCliPcg::pcgNonConvergenceIsOutcome()
{
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--maxiter"), QStringLiteral("3"),
                          QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("converged")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("iterations")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("failure")).toString(), QStringLiteral("max_iterations"));
}

void TestCliPcg::pcgSpaiSquarePattern()
{
    // SPAI on the pattern of A² stores the symmetrised pattern of |A|², here counted from the file.
    auto run = [](const QString &power) {
        return jsonObject(runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), QStringLiteral("spai"),
                                   QStringLiteral("--spai-pattern"), power, QStringLiteral("--json")})
                               .out);
    };
    const QJsonObject one = run(QStringLiteral("1")), two = run(QStringLiteral("2"));
    const fs::sparse::Matrix A = fs::sparse::read_matrix_market(kNos4.toStdString()).matrix;
    const fs::sparse::Matrix absA = A.cwiseAbs();
    const fs::sparse::Matrix A2 = absA * absA;
    QCOMPARE(one.value(QStringLiteral("nnz_preconditioner")).toInteger(), qint64(A.nonZeros()));
    QCOMPARE(two.value(QStringLiteral("nnz_preconditioner")).toInteger(), qint64(A2.nonZeros()));
    QVERIFY(two.value(QStringLiteral("converged")).toBool());
}

void TestCliPcg::pcgFsaiAndScaledKopt()
{
    const QString k494 = fs::test::benchmarkMatrix(QStringLiteral("494_bus"));
    auto run = [&](const QStringList &extra) {
        const Run r = runCli(QStringList{QStringLiteral("pcg"), k494, QStringLiteral("--json")} + extra);
        QTest::qVerify(r.code == 0, "exit code", qPrintable(r.err), __FILE__, __LINE__);
        return jsonObject(r.out);
    };
    const QJsonObject f1 = run({QStringLiteral("--precond"), QStringLiteral("fsai")});
    const QJsonObject f2 = run({QStringLiteral("--precond"), QStringLiteral("fsai"), QStringLiteral("--fsai-pattern"), QStringLiteral("2")});
    QCOMPARE(f1.value(QStringLiteral("fsai_pattern")).toInt(), 1);
    QVERIFY(f1.value(QStringLiteral("converged")).toBool() && f2.value(QStringLiteral("converged")).toBool());
    // A larger pattern: more stored entries, K(G A Gᵀ) no larger.
    QVERIFY(f2.value(QStringLiteral("nnz_preconditioner")).toInteger() > f1.value(QStringLiteral("nnz_preconditioner")).toInteger());
    QVERIFY(f2.value(QStringLiteral("log_kcond")).toDouble() <= f1.value(QStringLiteral("log_kcond")).toDouble() + 1e-12);

    const QJsonObject paper = run({QStringLiteral("--precond"), QStringLiteral("kopt")});
    const QJsonObject scaled = run({QStringLiteral("--precond"), QStringLiteral("kopt"), QStringLiteral("--kopt-scaling"), QStringLiteral("pcg")});
    QCOMPARE(paper.value(QStringLiteral("kopt_scaling")).toString(), QStringLiteral("paper"));
    QCOMPARE(scaled.value(QStringLiteral("kopt_scaling")).toString(), QStringLiteral("pcg"));
    QVERIFY(scaled.value(QStringLiteral("kopt_scaling_diagonal")).toObject().value(QStringLiteral("exact")).toBool());
    QVERIFY(scaled.value(QStringLiteral("log_kcond")).toDouble() <= paper.value(QStringLiteral("log_kcond")).toDouble() + 1e-12);
    QCOMPARE(scaled.value(QStringLiteral("nnz_preconditioner")), paper.value(QStringLiteral("nnz_preconditioner")));
}

void TestCliPcg::pcgNoiseRange()
{
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), QStringLiteral("kopt"),
                          QStringLiteral("--noise-runs"), QStringLiteral("3"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = jsonObject(r.out);
    const QJsonArray range = o.value(QStringLiteral("iterations_range")).toArray();
    QCOMPARE(range.size(), 2);
    const int it = o.value(QStringLiteral("iterations")).toInt();
    QVERIFY(range[0].toInt() <= it && it <= range[1].toInt());
    QCOMPARE(o.value(QStringLiteral("noise")).toObject().value(QStringLiteral("runs")).toInt(), 3);
    // Without --noise-runs there is no range.
    const Run plain = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--json")});
    QVERIFY(!jsonObject(plain.out).contains(QStringLiteral("iterations_range")));
}

void TestCliPcg::pcgIc0BreakdownIsOutcome()
{
    QTemporaryDir dir;
    const Run r = runCli({QStringLiteral("pcg"), writeKershaw(dir), QStringLiteral("--precond"),
                          QStringLiteral("ic0"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("failure")).toString(), QStringLiteral("ic0_breakdown"));
    QCOMPARE(o.value(QStringLiteral("converged")).toBool(true), false);
    QVERIFY(o.value(QStringLiteral("kcond")).isNull());
    QVERIFY(o.value(QStringLiteral("kcond_note")).isString());
    QCOMPARE(o.value(QStringLiteral("breakdown")).toObject().value(QStringLiteral("column")).toInt(), 4);
}

void TestCliPcg::pcgHumanText()
{
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), QStringLiteral("ic0")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("converged after"));
    QVERIFY(r.out.contains("K-condition"));
}

void TestCliPcg::koptMinimisesPaperKcond()
{
    // IC(0) and K-optimal share the pattern of tril(A), and K-optimal minimises K(L^T A^-1 L) over
    // that pattern, so it can never report the larger value.
    for (const QString &m : {kNos4, kBcsstk01}) {
        double k[2] = {0, 0};
        int i = 0;
        for (const char *p : {"ic0", "kopt"}) {
            const Run r = runCli({QStringLiteral("pcg"), m, QStringLiteral("--precond"), QLatin1String(p),
                                  QStringLiteral("--kcond-paper"), QStringLiteral("--json")});
            QCOMPARE(r.code, 0);
            k[i++] = jsonObject(r.out).value(QStringLiteral("kcond_paper")).toDouble();
        }
        QVERIFY(k[0] >= 1.0 && k[1] >= 1.0);
        QVERIFY2(k[1] <= k[0] * (1 + 1e-12), qPrintable(QStringLiteral("%1 > %2").arg(k[1]).arg(k[0])));
    }
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), QStringLiteral("jacobi"),
                          QStringLiteral("--kcond-paper"), QStringLiteral("--json")});
    QVERIFY(jsonObject(r.out).value(QStringLiteral("kcond_paper")).isNull());
}

void TestCliPcg::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    const QString f = QStringLiteral("factor"), p = QStringLiteral("pcg");
    const QString out = QStringLiteral("/nonexistent-dir/never.mtx");
    const QString kind = QStringLiteral("--kind"), o = QStringLiteral("--out");
    QTest::newRow("pcg missing file") << QStringList{p, QStringLiteral("/no/such.mtx")} << QStringLiteral("open");
    QTest::newRow("pcg not PD (s4)") << QStringList{p, kS4} << QStringLiteral("not positive definite");
    QTest::newRow("pcg not symmetric (west0067)") << QStringList{p, kWest} << QStringLiteral("not symmetric");
    QTest::newRow("pcg bad precond") << QStringList{p, kNos4, QStringLiteral("--precond"), QStringLiteral("ilu")} << QStringLiteral("--precond");
    QTest::newRow("pcg spai pattern without spai") << QStringList{p, kNos4, QStringLiteral("--spai-pattern"), QStringLiteral("2")} << QStringLiteral("--spai-pattern");
    QTest::newRow("pcg spai pattern 3") << QStringList{p, kNos4, QStringLiteral("--precond"), QStringLiteral("spai"), QStringLiteral("--spai-pattern"), QStringLiteral("3")} << QStringLiteral("--spai-pattern");
    QTest::newRow("pcg fsai pattern without fsai") << QStringList{p, kNos4, QStringLiteral("--fsai-pattern"), QStringLiteral("2")} << QStringLiteral("--fsai-pattern");
    QTest::newRow("pcg kopt scaling without kopt") << QStringList{p, kNos4, QStringLiteral("--kopt-scaling"), QStringLiteral("pcg")} << QStringLiteral("--kopt-scaling");
    QTest::newRow("pcg kopt scaling unknown") << QStringList{p, kNos4, QStringLiteral("--precond"), QStringLiteral("kopt"), QStringLiteral("--kopt-scaling"), QStringLiteral("best")} << QStringLiteral("--kopt-scaling");
    QTest::newRow("pcg tol not a number") << QStringList{p, kNos4, QStringLiteral("--tol"), QStringLiteral("tiny")} << QStringLiteral("--tol");
    QTest::newRow("pcg tol zero") << QStringList{p, kNos4, QStringLiteral("--tol"), QStringLiteral("0")} << QStringLiteral("--tol");
    QTest::newRow("pcg tol nan") << QStringList{p, kNos4, QStringLiteral("--tol"), QStringLiteral("nan")} << QStringLiteral("--tol");
    QTest::newRow("pcg maxiter zero") << QStringList{p, kNos4, QStringLiteral("--maxiter"), QStringLiteral("0")} << QStringLiteral("--maxiter");
    QTest::newRow("pcg maxiter real") << QStringList{p, kNos4, QStringLiteral("--maxiter"), QStringLiteral("1.5")} << QStringLiteral("--maxiter");
    QTest::newRow("pcg bad rhs") << QStringList{p, kNos4, QStringLiteral("--rhs"), QStringLiteral("zeros")} << QStringLiteral("--rhs");
    QTest::newRow("pcg seed without random") << QStringList{p, kNos4, QStringLiteral("--seed"), QStringLiteral("3")} << QStringLiteral("--seed");
    QTest::newRow("pcg negative seed") << QStringList{p, kNos4, QStringLiteral("--rhs"), QStringLiteral("random"), QStringLiteral("--seed"), QStringLiteral("-1")} << QStringLiteral("--seed");
    QTest::newRow("pcg value missing") << QStringList{p, kNos4, QStringLiteral("--tol")} << QStringLiteral("--tol");
}

void TestCliPcg::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    const QString violation = fs::test::usageErrorViolation(runCli(args + QStringList{QStringLiteral("--json")}), needle);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

QTEST_APPLESS_MAIN(TestCliPcg)
#include "tst_cli_pcg.moc"
