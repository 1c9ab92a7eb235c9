// factorscope-cli generate, run as a user would: every generator and every error path.
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

class TestCliGenerate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void generateEveryKind_data();
    void generateEveryKind();
    void generateRandomCoefficientsAsLibrary();
    void errors_data();
    void errors();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestCliGenerate::initTestCase() { QVERIFY(m_dir.isValid()); }

void TestCliGenerate::generateEveryKind_data()
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

void TestCliGenerate::generateEveryKind()
{
    QFETCH(QStringList, args);
    QFETCH(int, rows);
    const QString out = path(args.first() + ".mtx");
    const Run r = runCli(QStringList{"generate"} + args + QStringList{"--out", out, "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value("rows").toInt(), rows);
    const auto m = fs::sparse::read_matrix_market(out.toStdString());
    QCOMPARE(int(m.matrix.rows()), rows);
    QVERIFY(fs::sparse::is_symmetric(m.matrix));
}

void TestCliGenerate::generateRandomCoefficientsAsLibrary()
{
    // --n is the grid side; --seed, --sigma and --length reach the generator (values round-trip
    // through the file at full precision).
    const QString d = path("d.mtx"), b = path("b.mtx");
    QCOMPARE(runCli({"generate", "diffusion2d", "--n", "5", "--seed", "9", "--sigma", "2", "--length", "0.25",
                  "--out", d}).code, 0);
    QCOMPARE(runCli({"generate", "biharmonic2d", "--n", "5", "--seed", "9", "--sigma", "2", "--length", "0.25",
                  "--out", b}).code, 0);
    const fs::sparse::RandomFieldParams p{2.0, 0.25, 64};
    const fs::sparse::Matrix D = fs::sparse::read_matrix_market(d.toStdString()).matrix;
    const fs::sparse::Matrix B = fs::sparse::read_matrix_market(b.toStdString()).matrix;
    QCOMPARE((D - fs::sparse::diffusion2d(5, 9, p).A).norm(), 0.0);
    QCOMPARE((B - fs::sparse::biharmonic2d(5, 9, p).A).norm(), 0.0);
    QVERIFY((D - fs::sparse::diffusion2d(5, 10, p).A).norm() > 0.0);
}

void TestCliGenerate::errors_data()
{
    QTest::addColumn<QStringList>("args");
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
}

void TestCliGenerate::errors()
{
    QFETCH(QStringList, args);
    const QString violation = fs::test::usageErrorViolation(runCli(args));
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

QTEST_APPLESS_MAIN(TestCliGenerate)
#include "tst_cli_generate.moc"
