// Datasets written by `factorscope-cli dataset` reload with the trainer's loader and hold the
// pairs they claim.
#include "cli_run.h"
#include "fixtures.h"
#include "dataset/dataset.h"
#include "precond/selected_inversion.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <Eigen/Dense>

using namespace fs;

namespace {

using Run = fs::test::ProcessRun;
using fs::test::runCli;

using fs::test::rel_diff;

} // namespace

class TestLearnDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void syntheticPerturbed();
    void syntheticLiteral();
    void koptFromFolder();
    void badInput();
};

void TestLearnDataset::syntheticPerturbed()
{
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("syn"));
    const Run r = runCli({QStringLiteral("dataset"), QStringLiteral("synthetic"), QStringLiteral("--count"),
                       QStringLiteral("12"), QStringLiteral("--n"), QStringLiteral("9"), QStringLiteral("--test"),
                       QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--out"), out,
                       QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(summary.value(QStringLiteral("train")).toInt(), 10);
    QCOMPARE(summary.value(QStringLiteral("test")).toInt(), 2);

    const learn::Dataset d = learn::load_dataset(out.toStdString());
    QCOMPARE(d.manifest.kind, std::string("synthetic"));
    QCOMPARE(d.manifest.target, std::string("perturbed"));
    QCOMPARE(*d.manifest.n, 9);
    QCOMPARE(d.train.size(), std::size_t(10));
    QCOMPARE(d.test.size(), std::size_t(2));
    QCOMPARE(*d.manifest.test[1].seed, std::uint64_t(5 + 11));
    for (const auto *set : {&d.train, &d.test}) {
        for (const auto &s : *set) {
            // Target: the exact factor of the stored A (= A_generated + e1 e1ᵀ), bidiagonal.
            QVERIFY(rel_diff(s.L * s.L.transpose(), s.A) < 1e-12);
            QCOMPARE(s.L.nonZeros(), Eigen::Index(2 * 9 - 1));
        }
    }
    // The stored A is the generator's A plus e1 e1ᵀ.
    const auto g = sparse::semiseparable(9, 5);
    sparse::Matrix Am = g.A;
    Am.coeffRef(0, 0) += 1.0;
    QVERIFY(rel_diff(d.train[0].A, Am) < 1e-15);
}

void TestLearnDataset::syntheticLiteral()
{
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("lit"));
    const Run r = runCli({QStringLiteral("dataset"), QStringLiteral("synthetic"), QStringLiteral("--count"),
                       QStringLiteral("3"), QStringLiteral("--n"), QStringLiteral("8"), QStringLiteral("--test"),
                       QStringLiteral("1"), QStringLiteral("--target"), QStringLiteral("literal"),
                       QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    const learn::Dataset d = learn::load_dataset((out + QStringLiteral("/manifest.json")).toStdString());
    QCOMPARE(d.manifest.target, std::string("literal"));
    for (const auto &s : d.train) {
        // L is chol of the unperturbed A: L Lᵀ + e1 e1ᵀ = stored A.
        sparse::Matrix LLt = s.L * s.L.transpose();
        LLt.coeffRef(0, 0) += 1.0;
        QVERIFY(rel_diff(LLt, s.A) < 1e-10);
    }
}

void TestLearnDataset::koptFromFolder()
{
    QTemporaryDir in, out;
    fs::test::writeMatrix(in, QStringLiteral("poisson.mtx"), sparse::poisson2d(4, 3).A);
    fs::test::writeMatrix(in, QStringLiteral("lap.mtx.gz"), sparse::laplacian1d(7).A);
    fs::test::writeMatrix(in, QStringLiteral("graph.mtx"),
                                sparse::graph_laplacian(15, 3, 0.5, 2).A);
    sparse::Matrix indefinite = sparse::laplacian1d(5).A;
    indefinite.coeffRef(2, 2) = -3.0;
    fs::test::writeMatrix(in, QStringLiteral("indefinite.mtx"), indefinite);
    QFile junk(in.filePath(QStringLiteral("junk.mtx")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a matrix\n");
    junk.close();

    const Run r = runCli({QStringLiteral("dataset"), QStringLiteral("kopt"), QStringLiteral("--from"), in.path(),
                       QStringLiteral("--out"), out.path(), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const learn::Dataset d = learn::load_dataset(out.path().toStdString());
    QCOMPARE(d.manifest.kind, std::string("kopt"));
    QCOMPARE(d.manifest.count, 3);
    QCOMPARE(d.train.size() + d.test.size(), std::size_t(3));
    QCOMPARE(d.test.size(), std::size_t(1)); // one in six, at least one
    QCOMPARE(d.manifest.skipped.size(), std::size_t(2));
    QVERIFY(!d.manifest.n); // orders differ
    for (const auto *set : {&d.train, &d.test}) {
        for (const auto &s : *set) {
            // The stored (dense) factor is K-optimal: the independent route through selected
            // inversion agrees.
            const sparse::Matrix selinv = precond::kopt_selinv(s.A).L;
            QVERIFY2(rel_diff(selinv, s.L) < 1e-10, s.name.c_str());
        }
    }
}

void TestLearnDataset::badInput()
{
    QTemporaryDir tmp;
    QVERIFY_THROWS_EXCEPTION(learn::DatasetError, learn::load_dataset(tmp.path().toStdString()));
    const Run r = runCli({QStringLiteral("dataset"), QStringLiteral("synthetic"), QStringLiteral("--count"),
                       QStringLiteral("5"), QStringLiteral("--test"), QStringLiteral("5"), QStringLiteral("--out"),
                       tmp.filePath(QStringLiteral("x"))});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.startsWith("error: "));
    const Run k = runCli({QStringLiteral("dataset"), QStringLiteral("kopt"), QStringLiteral("--from"), tmp.path(),
                       QStringLiteral("--out"), tmp.filePath(QStringLiteral("k"))});
    QCOMPARE(k.code, 2);
    QVERIFY(k.err.contains("no SPD matrix"));
}

QTEST_APPLESS_MAIN(TestLearnDataset)
#include "tst_learn_dataset.moc"
