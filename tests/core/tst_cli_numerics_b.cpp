// factorscope-cli factor / pcg: JSON schemas, outcomes that are not errors (IC(0) breakdown,
// non-convergence), and the one-line `error:` contract with exit status 2 for bad input.
#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(FS_CLI_PATH), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QJsonObject parseObject(const QByteArray &text)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    return doc.object();
}

const QString kNos4 = QStringLiteral(FS_BENCHMARK_DIR "/nos4.mtx.gz");
const QString kBcsstk01 = QStringLiteral(FS_BENCHMARK_DIR "/bcsstk01.mtx.gz");
const QString kS4 = QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/s4.mtx");
const QString kWest = QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/west0067.mtx");
const QString kAsh = QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/ash219.mtx");

// Kershaw's matrix: SPD, but IC(0) meets the pivot -5 in column 4.
QString writeKershaw(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("kershaw.mtx"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("%%MatrixMarket matrix coordinate real symmetric\n4 4 8\n"
            "1 1 3\n2 1 -2\n4 1 2\n2 2 3\n3 2 -2\n3 3 3\n4 3 -2\n4 4 3\n");
    return path;
}

} // namespace

class TestCliNumericsB : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void factorWritesFactor_data();
    void factorWritesFactor();
    void factorIc0BreakdownIsOutcome();
    void pcgJson_data();
    void pcgJson();
    void pcgNonConvergenceIsOutcome();
    void pcgSpaiSquarePattern();
    void pcgIc0BreakdownIsOutcome();
    void pcgHumanText();
    void koptMinimisesPaperKcond();
    void badInput_data();
    void badInput();
};

void TestCliNumericsB::factorWritesFactor_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("lower");
    for (const char *k : {"cholesky", "ic0", "kopt", "jacobi"})
        QTest::newRow(k) << QString::fromLatin1(k) << true;
    QTest::newRow("spai") << QStringLiteral("spai") << false;
}

void TestCliNumericsB::factorWritesFactor()
{
    QFETCH(QString, kind);
    QFETCH(bool, lower);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("L.mtx"));
    const Run r = runCli({QStringLiteral("factor"), kBcsstk01, QStringLiteral("--kind"), kind,
                          QStringLiteral("--out"), out, QStringLiteral("--json"),
                          QStringLiteral("--threads"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject o = parseObject(r.out);
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

void TestCliNumericsB::factorIc0BreakdownIsOutcome()
{
    QTemporaryDir dir;
    const QString in = writeKershaw(dir);
    const QString out = dir.filePath(QStringLiteral("L.mtx"));
    const Run r = runCli({QStringLiteral("factor"), in, QStringLiteral("--kind"), QStringLiteral("ic0"),
                          QStringLiteral("--out"), out, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = parseObject(r.out);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonObject b = o.value(QStringLiteral("breakdown")).toObject();
    QCOMPARE(b.value(QStringLiteral("column")).toInt(), 4); // 1-based
    QVERIFY(std::abs(b.value(QStringLiteral("pivot")).toDouble() + 5.0) < 1e-12);
    QVERIFY(o.value(QStringLiteral("out")).isNull());
    QVERIFY(!QFile::exists(out));
    // The same matrix has a K-optimal factor (Figure 2's "K-optimal only" case).
    const Run k = runCli({QStringLiteral("factor"), in, QStringLiteral("--kind"), QStringLiteral("kopt"),
                          QStringLiteral("--out"), out});
    QCOMPARE(k.exitCode, 0);
    QVERIFY(QFile::exists(out));
}

void TestCliNumericsB::pcgJson_data()
{
    QTest::addColumn<QString>("precond");
    QTest::addColumn<QString>("rhs");
    for (const char *p : {"none", "jacobi", "ic0", "kopt", "spai", "cholesky"}) {
        QTest::addRow("%s ones", p) << QString::fromLatin1(p) << QStringLiteral("ones");
        QTest::addRow("%s random", p) << QString::fromLatin1(p) << QStringLiteral("random");
    }
}

void TestCliNumericsB::pcgJson()
{
    QFETCH(QString, precond);
    QFETCH(QString, rhs);
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), precond,
                          QStringLiteral("--rhs"), rhs, QStringLiteral("--json"), QStringLiteral("--history")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = parseObject(r.out);
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

void TestCliNumericsB::pcgNonConvergenceIsOutcome()
{
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--maxiter"), QStringLiteral("3"),
                          QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = parseObject(r.out);
    QCOMPARE(o.value(QStringLiteral("converged")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("iterations")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("failure")).toString(), QStringLiteral("max_iterations"));
}

void TestCliNumericsB::pcgSpaiSquarePattern()
{
    // SPAI on the pattern of A² stores the symmetrised pattern of |A|², here counted from the file.
    auto run = [](const QString &power) {
        return parseObject(runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), QStringLiteral("spai"),
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

void TestCliNumericsB::pcgIc0BreakdownIsOutcome()
{
    QTemporaryDir dir;
    const Run r = runCli({QStringLiteral("pcg"), writeKershaw(dir), QStringLiteral("--precond"),
                          QStringLiteral("ic0"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = parseObject(r.out);
    QCOMPARE(o.value(QStringLiteral("failure")).toString(), QStringLiteral("ic0_breakdown"));
    QCOMPARE(o.value(QStringLiteral("converged")).toBool(true), false);
    QVERIFY(o.value(QStringLiteral("kcond")).isNull());
    QVERIFY(o.value(QStringLiteral("kcond_note")).isString());
    QCOMPARE(o.value(QStringLiteral("breakdown")).toObject().value(QStringLiteral("column")).toInt(), 4);
}

void TestCliNumericsB::pcgHumanText()
{
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), QStringLiteral("ic0")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("converged after"));
    QVERIFY(r.out.contains("K-condition"));
}

void TestCliNumericsB::koptMinimisesPaperKcond()
{
    // IC(0) and K-optimal share the pattern of tril(A), and K-optimal minimises K(L^T A^-1 L) over
    // that pattern, so it can never report the larger value.
    for (const QString &m : {kNos4, kBcsstk01}) {
        double k[2] = {0, 0};
        int i = 0;
        for (const char *p : {"ic0", "kopt"}) {
            const Run r = runCli({QStringLiteral("pcg"), m, QStringLiteral("--precond"), QLatin1String(p),
                                  QStringLiteral("--kcond-paper"), QStringLiteral("--json")});
            QCOMPARE(r.exitCode, 0);
            k[i++] = parseObject(r.out).value(QStringLiteral("kcond_paper")).toDouble();
        }
        QVERIFY(k[0] >= 1.0 && k[1] >= 1.0);
        QVERIFY2(k[1] <= k[0] * (1 + 1e-12), qPrintable(QStringLiteral("%1 > %2").arg(k[1]).arg(k[0])));
    }
    const Run r = runCli({QStringLiteral("pcg"), kNos4, QStringLiteral("--precond"), QStringLiteral("jacobi"),
                          QStringLiteral("--kcond-paper"), QStringLiteral("--json")});
    QVERIFY(parseObject(r.out).value(QStringLiteral("kcond_paper")).isNull());
}

void TestCliNumericsB::badInput_data()
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
    QTest::newRow("pcg missing file") << QStringList{p, QStringLiteral("/no/such.mtx")} << QStringLiteral("open");
    QTest::newRow("pcg not PD (s4)") << QStringList{p, kS4} << QStringLiteral("not positive definite");
    QTest::newRow("pcg not symmetric (west0067)") << QStringList{p, kWest} << QStringLiteral("not symmetric");
    QTest::newRow("pcg bad precond") << QStringList{p, kNos4, QStringLiteral("--precond"), QStringLiteral("ilu")} << QStringLiteral("--precond");
    QTest::newRow("pcg spai pattern without spai") << QStringList{p, kNos4, QStringLiteral("--spai-pattern"), QStringLiteral("2")} << QStringLiteral("--spai-pattern");
    QTest::newRow("pcg spai pattern 3") << QStringList{p, kNos4, QStringLiteral("--precond"), QStringLiteral("spai"), QStringLiteral("--spai-pattern"), QStringLiteral("3")} << QStringLiteral("--spai-pattern");
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

void TestCliNumericsB::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    const Run r = runCli(args + QStringList{QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("error: "), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.endsWith('\n'));
    QVERIFY2(QString::fromUtf8(r.err).contains(needle), r.err.constData());
}

QTEST_APPLESS_MAIN(TestCliNumericsB)
#include "tst_cli_numerics_b.moc"
