// `factorscope-cli dataset synthetic|kopt --paired`: what the options reach in the written pairs,
// and every bad value refused as a usage error.
#include "cli_run.h"
#include "fixtures.h"
#include "dataset/dataset.h"
#include "precond/kopt.h"
#include "sparse/generators.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace fs;

namespace {

using Run = fs::test::ProcessRun;
using fs::test::runCli;
using fs::test::rel_diff;

} // namespace

class TestCliDatasetPaired : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void syntheticOptionsReachThePairs();
    void defaultTestCountIsEven();
    void koptPairs();
    void usageErrors_data();
    void usageErrors();
};

void TestCliDatasetPaired::syntheticOptionsReachThePairs()
{
    QTemporaryDir tmp;
    const QString out = tmp.filePath("ds");
    const Run r = runCli({"dataset", "synthetic", "--family", "laplacian", "--sigma", "0.7", "--n", "15", "--count", "6",
                          "--test", "2", "--seed", "3", "--paired", "--perturb-entry", "5,4", "--perturb-rel", "-0.25",
                          "--json", "--out", out});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject j = r.json();
    QCOMPARE(j.value("paired").toBool(), true);
    QCOMPARE(j.value("pairs").toInt(), 3);
    QCOMPARE(j.value("train").toInt(), 4);
    QCOMPARE(j.value("test").toInt(), 2);
    const dataset::Dataset d = dataset::load_dataset(out.toStdString());
    QCOMPARE(d.manifest.count, 6);
    const sparse::GeneratedMatrix g = sparse::weighted_path_laplacian(15, 5, 0.7); // pair 2: seed 3 + 2
    const dataset::Sample &a = d.test[0], &ap = d.test[1];
    QCOMPARE(*a.pair, 2);
    QCOMPARE((a.A - g.A).norm(), 0.0);
    QCOMPARE(a.perturbation->row, 4);
    QCOMPARE(a.perturbation->col, 3);
    // A weaker coupling (a stronger one can make A' indefinite, which is refused).
    QCOMPARE(a.perturbation->delta, -0.25 * g.A.coeff(4, 3));
    QCOMPARE(ap.A.coeff(4, 3), 0.75 * g.A.coeff(4, 3));
    QCOMPARE(ap.A.coeff(3, 4), 0.75 * g.A.coeff(4, 3));
}

void TestCliDatasetPaired::defaultTestCountIsEven()
{
    // min(200, 26/6) = 4 is even already; 42/6 = 7 is not and becomes 6.
    QTemporaryDir tmp;
    const Run r = runCli({"dataset", "synthetic", "--n", "6", "--count", "42", "--paired", "--json", "--out",
                          tmp.filePath("ds")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json().value("test").toInt(), 6);
    QCOMPARE(r.json().value("train").toInt(), 36);
}

void TestCliDatasetPaired::koptPairs()
{
    QTemporaryDir from, tmp;
    for (int k = 0; k < 3; ++k)
        test::writeMatrix(from, QString("p%1.mtx").arg(k), sparse::poisson2d(3 + k, 3).A);
    const QString out = tmp.filePath("kopt");
    const Run r = runCli({"dataset", "kopt", "--from", from.path(), "--out", out, "--paired", "--perturb-entry", "2,2",
                          "--test", "2", "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json().value("pairs").toInt(), 3);
    QCOMPARE(r.json().value("test").toInt(), 2);
    const dataset::Dataset d = dataset::load_dataset(out.toStdString());
    QCOMPARE(*d.test[0].pair, *d.test[1].pair);
    for (const auto *split : {&d.train, &d.test})
        for (const dataset::Sample &s : *split) {
            // Each target is the K-optimal factor of its own matrix.
            QVERIFY(rel_diff(s.L, precond::kopt_dense(s.A).L) < 1e-10);
            if (s.perturbed)
                QCOMPARE(s.A.coeff(1, 1), 8.0); // 4 doubled
        }
}

void TestCliDatasetPaired::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    const QStringList base{"dataset", "synthetic", "--n", "10", "--count", "8", "--out", "x"};
    QTest::newRow("unknown family") << base + QStringList{"--family", "hilbert"} << "--family";
    QTest::newRow("odd count") << QStringList{"dataset", "synthetic", "--n", "10", "--count", "7", "--paired", "--out", "x"}
                               << "even --count";
    QTest::newRow("odd test") << base + QStringList{"--paired", "--test", "3"} << "even --test";
    QTest::newRow("entry without paired") << base + QStringList{"--perturb-entry", "1,1"} << "--paired";
    QTest::newRow("rel without paired") << base + QStringList{"--perturb-rel", "2"} << "--paired";
    QTest::newRow("entry one number") << base + QStringList{"--paired", "--perturb-entry", "1"} << "I,J";
    QTest::newRow("entry zero") << base + QStringList{"--paired", "--perturb-entry", "0,1"} << "I,J";
    QTest::newRow("entry text") << base + QStringList{"--paired", "--perturb-entry", "a,b"} << "I,J";
    QTest::newRow("entry outside") << base + QStringList{"--paired", "--perturb-entry", "11,11"} << "outside";
    QTest::newRow("entry off pattern") << base + QStringList{"--paired", "--perturb-entry", "3,1"} << "tridiagonal";
    QTest::newRow("rel zero") << base + QStringList{"--paired", "--perturb-rel", "0"} << "nonzero";
    QTest::newRow("rel text") << base + QStringList{"--paired", "--perturb-rel", "big"} << "--perturb-rel";
    QTest::newRow("sigma for semiseparable") << base + QStringList{"--sigma", "0.5"} << "--sigma";
    QTest::newRow("growth for counterexample") << base + QStringList{"--family", "counterexample", "--growth", "2"}
                                               << "--growth";
    QTest::newRow("negative sigma") << base + QStringList{"--family", "laplacian", "--sigma", "-1"} << "--sigma";
    QTest::newRow("target with paired") << base + QStringList{"--paired", "--target", "literal"} << "--target";
    QTest::newRow("not SPD") << base + QStringList{"--family", "counterexample", "--paired", "--perturb-rel", "-0.99"}
                             << "not SPD";
    QTest::newRow("kopt odd test") << QStringList{"dataset", "kopt", "--from", ".", "--out", "x", "--paired", "--test", "3"}
                                   << "even --test";
    QTest::newRow("kopt entry without paired")
        << QStringList{"dataset", "kopt", "--from", ".", "--out", "x", "--perturb-entry", "1,2"} << "--paired";
}

void TestCliDatasetPaired::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    QTemporaryDir tmp;
    const QString violation = fs::test::usageErrorViolation(runCli(args, 120000, tmp.path()), needle);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

QTEST_APPLESS_MAIN(TestCliDatasetPaired)
#include "tst_cli_dataset_paired.moc"
