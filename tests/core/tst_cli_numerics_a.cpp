// factorscope-cli generate / perturb, run as a user would: outputs and every error path.
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(FS_CLI_PATH, args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QJsonObject json_of(const Run &r) { return QJsonDocument::fromJson(r.out).object(); }

} // namespace

class TestCliNumericsA : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void generateEveryKind_data();
    void generateEveryKind();
    void generateRandomCoefficientsAsLibrary();
    void perturbCounterexampleGenerator();
    void perturbCounterexampleFile();
    void perturbAmdAndKinds_data();
    void perturbAmdAndKinds();
    void errors_data();
    void errors();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestCliNumericsA::initTestCase() { QVERIFY(m_dir.isValid()); }

void TestCliNumericsA::generateEveryKind_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("rows");
    QTest::newRow("laplacian1d") << QStringList{"laplacian1d", "--n", "20"} << 20;
    QTest::newRow("counterexample") << QStringList{"counterexample", "--n", "15"} << 15;
    QTest::newRow("semiseparable") << QStringList{"semiseparable", "--n", "30", "--seed", "4"} << 30;
    QTest::newRow("poisson2d") << QStringList{"poisson2d", "--nx", "6", "--ny", "5"} << 30;
    QTest::newRow("poisson3d") << QStringList{"poisson3d", "--nx", "3", "--ny", "4", "--nz", "2"} << 24;
    QTest::newRow("graph_laplacian")
        << QStringList{"graph_laplacian", "--n", "50", "--degree", "3", "--shift", "0.5", "--seed", "2"} << 50;
    QTest::newRow("diffusion2d") << QStringList{"diffusion2d", "--n", "7", "--seed", "3", "--sigma", "1.5"} << 49;
    QTest::newRow("biharmonic2d") << QStringList{"biharmonic2d", "--n", "6", "--length", "0.3"} << 36;
}

void TestCliNumericsA::generateEveryKind()
{
    QFETCH(QStringList, args);
    QFETCH(int, rows);
    const QString out = path(args.first() + ".mtx");
    const Run r = cli(QStringList{"generate"} + args + QStringList{"--out", out, "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(json_of(r).value("rows").toInt(), rows);
    const auto m = fs::sparse::read_matrix_market(out.toStdString());
    QCOMPARE(int(m.matrix.rows()), rows);
    QVERIFY(fs::sparse::is_symmetric(m.matrix));
}

void TestCliNumericsA::generateRandomCoefficientsAsLibrary()
{
    // --n is the grid side; --seed, --sigma and --length reach the generator (values round-trip
    // through the file at full precision).
    const QString d = path("d.mtx"), b = path("b.mtx");
    QCOMPARE(cli({"generate", "diffusion2d", "--n", "5", "--seed", "9", "--sigma", "2", "--length", "0.25",
                  "--out", d}).code, 0);
    QCOMPARE(cli({"generate", "biharmonic2d", "--n", "5", "--seed", "9", "--sigma", "2", "--length", "0.25",
                  "--out", b}).code, 0);
    const fs::sparse::RandomFieldParams p{2.0, 0.25, 64};
    const fs::sparse::Matrix D = fs::sparse::read_matrix_market(d.toStdString()).matrix;
    const fs::sparse::Matrix B = fs::sparse::read_matrix_market(b.toStdString()).matrix;
    QCOMPARE((D - fs::sparse::diffusion2d(5, 9, p).A).norm(), 0.0);
    QCOMPARE((B - fs::sparse::biharmonic2d(5, 9, p).A).norm(), 0.0);
    QVERIFY((D - fs::sparse::diffusion2d(5, 10, p).A).norm() > 0.0);
}

void TestCliNumericsA::perturbCounterexampleGenerator()
{
    const Run r = cli({"perturb", "--generator", "counterexample", "--n", "20", "--entry", "1,1",
                       "--delta", "1", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject j = json_of(r);
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
    const Run text = cli({"perturb", "--generator", "counterexample", "--n", "20", "--entry", "1,1", "--delta", "1"});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("share beyond"));
}

void TestCliNumericsA::perturbCounterexampleFile()
{
    for (const char *n : {"10", "20", "40"}) {
        const QString file = path(QString("ce%1.mtx").arg(n));
        QCOMPARE(cli({"generate", "counterexample", "--n", n, "--out", file}).code, 0);
        for (const char *ordering : {"natural", "amd"}) {
            const Run r = cli({"perturb", file, "--entry", "1,1", "--delta", "1", "--ordering", ordering, "--json"});
            if (r.code == 0) {
                const QJsonObject j = json_of(r);
                QVERIFY2(!j.value("reliable").toBool(), n);
                QVERIFY(!j.value("warning").toString().isEmpty());
            } else {
                QCOMPARE(r.code, 2);
                QVERIFY(r.err.startsWith("error: ") && r.err.contains("not positive definite"));
            }
        }
    }
}

void TestCliNumericsA::perturbAmdAndKinds_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("cholesky amd") << QStringList{"--ordering", "amd"};
    QTest::newRow("cholesky natural structural zero") << QStringList{"--entry", "1,40"};
    QTest::newRow("ic0") << QStringList{"--kind", "ic0"};
    QTest::newRow("kopt threads") << QStringList{"--kind", "kopt", "--threads", "2"};
    QTest::newRow("spai") << QStringList{"--kind", "spai"};
}

void TestCliNumericsA::perturbAmdAndKinds()
{
    QFETCH(QStringList, extra);
    QStringList args{"perturb", "--generator", "poisson2d", "--nx", "10", "--ny", "8", "--delta", "0.5", "--json"};
    if (!extra.contains("--entry"))
        args << "--entry" << "12,13";
    const Run r = cli(args + extra);
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject j = json_of(r);
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

void TestCliNumericsA::errors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString missing = QDir::temp().filePath("factorscope-no-such-file.mtx");
    QTest::newRow("bad kind") << QStringList{"generate", "hilbert", "--n", "5", "--out", "x.mtx"};
    QTest::newRow("negative n") << QStringList{"generate", "laplacian1d", "--n", "-5", "--out", "x.mtx"};
    QTest::newRow("zero n") << QStringList{"generate", "poisson2d", "--nx", "0", "--out", "x.mtx"};
    QTest::newRow("missing n") << QStringList{"generate", "laplacian1d", "--out", "x.mtx"};
    QTest::newRow("missing out") << QStringList{"generate", "laplacian1d", "--n", "5"};
    QTest::newRow("bad shift") << QStringList{"generate", "graph_laplacian", "--n", "9", "--shift", "-1", "--out", "x.mtx"};
    QTest::newRow("unknown option") << QStringList{"generate", "laplacian1d", "--n", "5", "--size", "3", "--out", "x.mtx"};
    QTest::newRow("negative sigma") << QStringList{"generate", "diffusion2d", "--n", "5", "--sigma", "-1", "--out", "x.mtx"};
    QTest::newRow("zero length") << QStringList{"generate", "biharmonic2d", "--n", "5", "--length", "0", "--out", "x.mtx"};
    QTest::newRow("bad sigma") << QStringList{"generate", "diffusion2d", "--n", "5", "--sigma", "big", "--out", "x.mtx"};
    QTest::newRow("diffusion2d without n") << QStringList{"generate", "diffusion2d", "--out", "x.mtx"};
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

void TestCliNumericsA::errors()
{
    QFETCH(QStringList, args);
    const Run r = cli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith("error: "), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.out.isEmpty());
}

QTEST_APPLESS_MAIN(TestCliNumericsA)
#include "tst_cli_numerics_a.moc"
