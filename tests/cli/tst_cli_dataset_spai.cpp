// `factorscope-cli dataset spai`: the (A, R) pairs it writes reload, A is what the generator makes
// for the sample's seed, R is the SPAI of A, and a damaged dataset or bad usage is refused.
#include "cli_run.h"
#include "fixtures.h"
#include "dataset/dataset.h"
#include "precond/fsai.h"
#include "precond/spai.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <QFile>
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

// Writes a small mixed dataset into dir and returns the CLI's exit status.
int writeSmall(const QString &dir)
{
    return runCli({QStringLiteral("dataset"), QStringLiteral("spai"), QStringLiteral("--count"), QStringLiteral("3"),
                QStringLiteral("--n"), QStringLiteral("5"), QStringLiteral("--test"), QStringLiteral("1"),
                QStringLiteral("--out"), dir})
        .code;
}

} // namespace

class TestCliDatasetSpai : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesLoadableMixedDataset();
    void defaultsAreDiffusion();
    void fsaiAndSquaredPatternTargets();
    void rejectsFsaiOutsidePattern();
    void rejectsROutsidePattern();
    void rejectsRWithWrongSize();
    void usageErrors_data();
    void usageErrors();
    void libraryChecksItsArguments();
};

void TestCliDatasetSpai::writesLoadableMixedDataset()
{
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("spai"));
    const Run r = runCli({QStringLiteral("dataset"), QStringLiteral("spai"), QStringLiteral("--count"), QStringLiteral("6"),
                       QStringLiteral("--n"), QStringLiteral("6"), QStringLiteral("--test"), QStringLiteral("2"),
                       QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--problem"),
                       QStringLiteral("mixed"), QStringLiteral("--sigma"), QStringLiteral("1.5"),
                       QStringLiteral("--length"), QStringLiteral("0.2"), QStringLiteral("--threads"),
                       QStringLiteral("2"), QStringLiteral("--json"), QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(summary.value(QStringLiteral("kind")).toString(), QStringLiteral("spai"));
    QCOMPARE(summary.value(QStringLiteral("train")).toInt(), 4);
    QCOMPARE(summary.value(QStringLiteral("test")).toInt(), 2);

    const learn::Dataset d = learn::load_dataset(out.toStdString());
    QCOMPARE(d.manifest.kind, std::string("spai"));
    QCOMPARE(d.manifest.target, std::string("spai"));
    QCOMPARE(d.manifest.count, 6);
    QCOMPARE(*d.manifest.n, 36);
    const QJsonObject gen = QJsonDocument::fromJson(QByteArray::fromStdString(d.manifest.generatorJson)).object();
    QCOMPARE(gen.value(QStringLiteral("name")).toString(), QStringLiteral("mixed"));
    QCOMPARE(gen.value(QStringLiteral("side")).toInt(), 6);
    QCOMPARE(gen.value(QStringLiteral("sigma")).toDouble(), 1.5);
    QCOMPARE(gen.value(QStringLiteral("length")).toDouble(), 0.2);
    QCOMPARE(d.train.size(), std::size_t(4));
    QCOMPARE(d.test.size(), std::size_t(2));

    const sparse::RandomFieldParams field{1.5, 0.2, 64};
    for (int k = 0; k < 6; ++k) {
        const bool inTrain = k < 4;
        const learn::Sample &s = inTrain ? d.train[std::size_t(k)] : d.test[std::size_t(k - 4)];
        const learn::SampleRef &ref = inTrain ? d.manifest.train[std::size_t(k)] : d.manifest.test[std::size_t(k - 4)];
        const bool biharmonic = k % 2 == 1; // mixed: diffusion first, then alternating
        QCOMPARE(ref.name, (biharmonic ? "biharmonic2d_" : "diffusion2d_") + std::to_string(k));
        QCOMPARE(*ref.seed, std::uint64_t(11 + k));
        QCOMPARE(ref.L, "R_" + std::to_string(k) + ".mtx");
        // A is the generator's matrix for seed + k, exactly.
        const sparse::Matrix A = biharmonic ? sparse::biharmonic2d(6, 11 + k, field).A : sparse::diffusion2d(6, 11 + k, field).A;
        QCOMPARE(rel_diff(s.A, A), 0.0);
        // R is SPAI of A, recomputed here with the default options.
        const sparse::Matrix fresh = precond::spai(s.A).M;
        QVERIFY2(rel_diff(s.L, fresh) < 1e-13, ref.name.c_str());
        QCOMPARE(s.L.nonZeros(), s.A.nonZeros());
        // R is stored general: it is not symmetric, and reading it back did not mirror it.
        QVERIFY(!sparse::is_symmetric(s.L, 1e-10));
        QFile rf(QString::fromStdString(out.toStdString() + "/" + ref.L));
        QVERIFY(rf.open(QIODevice::ReadOnly));
        QVERIFY(rf.readLine().contains("general"));
    }
}

void TestCliDatasetSpai::defaultsAreDiffusion()
{
    QTemporaryDir tmp;
    QCOMPARE(writeSmall(tmp.path()), 0);
    const learn::Dataset d = learn::load_dataset(tmp.path().toStdString());
    QCOMPARE(d.manifest.seed, std::uint64_t(1));
    QVERIFY(d.manifest.generatorJson.find("\"diffusion2d\"") != std::string::npos);
    for (const auto &ref : d.manifest.train)
        QVERIFY(ref.name.rfind("diffusion2d_", 0) == 0);
    // Default field: sigma 1, length 0.1.
    QCOMPARE(rel_diff(d.train[0].A, sparse::diffusion2d(5, 1, {1.0, 0.1, 64}).A), 0.0);
}

void TestCliDatasetSpai::fsaiAndSquaredPatternTargets()
{
    // Each (target, pattern) writes what the preconditioner code computes for the same A, and
    // says so in the manifest.
    struct Case {
        const char *target;
        int pattern;
        const char *prefix;
    };
    for (const Case c : {Case{"fsai", 1, "G_"}, Case{"fsai", 2, "G_"}, Case{"spai", 2, "R_"}}) {
        QTemporaryDir tmp;
        const Run r = runCli({QStringLiteral("dataset"), QStringLiteral("spai"), QStringLiteral("--count"),
                              QStringLiteral("3"), QStringLiteral("--n"), QStringLiteral("5"), QStringLiteral("--test"),
                              QStringLiteral("1"), QStringLiteral("--problem"), QStringLiteral("mixed"),
                              QStringLiteral("--target"), QString::fromLatin1(c.target), QStringLiteral("--pattern"),
                              QString::number(c.pattern), QStringLiteral("--out"), tmp.path()});
        QVERIFY2(r.code == 0, r.err.constData());
        const learn::Dataset d = learn::load_dataset(tmp.path().toStdString());
        QCOMPARE(d.manifest.target, std::string(c.target));
        QCOMPARE(d.manifest.pattern, c.pattern);
        const sparse::Matrix &A = d.train[1].A, &T = d.train[1].L; // biharmonic
        QCOMPARE(d.manifest.train[1].L, std::string(c.prefix) + "1.mtx");
        const sparse::Matrix square = sparse::pattern_power(A, 2);
        if (std::string(c.target) == "fsai") {
            precond::FsaiOptions fo;
            fo.pattern_power = c.pattern;
            QVERIFY2(rel_diff(T, precond::fsai(A, fo)) < 1e-13, c.target);
            const sparse::Matrix lower = sparse::Matrix(c.pattern == 2 ? square : A).triangularView<Eigen::Lower>();
            QCOMPARE(T.nonZeros(), lower.nonZeros());
        } else {
            precond::SpaiOptions so;
            so.pattern_power = 2;
            QVERIFY(rel_diff(T, precond::spai(A, so).M) < 1e-13);
            QCOMPARE(T.nonZeros(), square.nonZeros());
            QVERIFY(T.nonZeros() > A.nonZeros());
        }
    }
}

void TestCliDatasetSpai::rejectsFsaiOutsidePattern()
{
    // An FSAI target with an entry above the diagonal, or (pattern 1) one of A² outside A, is
    // refused with the sample's name, on writing and on reading.
    QTemporaryDir tmp;
    learn::SpaiDatasetOptions o;
    o.count = 2;
    o.test = 1;
    o.side = 4;
    o.target = "fsai";
    const auto upper = [](const sparse::Matrix &A) {
        sparse::Matrix G = precond::fsai(A);
        G.coeffRef(0, 1) = 0.25;
        return G;
    };
    try {
        learn::write_spai_dataset(o, tmp.filePath(QStringLiteral("w")).toStdString(), upper);
        QFAIL("an upper-triangular entry was written");
    } catch (const learn::DatasetError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("not lower triangular")), e.what());
    }
    const QString dir = tmp.filePath(QStringLiteral("r"));
    learn::write_spai_dataset(o, dir.toStdString(), [](const sparse::Matrix &A) { return precond::fsai(A); });
    const learn::Manifest m = learn::read_manifest(dir.toStdString());
    const std::string gPath = dir.toStdString() + "/" + m.train[0].L;
    sparse::Matrix G = sparse::read_matrix_market(gPath).matrix;
    G.coeffRef(5, 0) = 0.5; // (5, 0): a diagonal neighbour on the 4 x 4 grid, in A² but not in A
    sparse::WriteOptions wo;
    wo.symmetric_if_possible = false;
    sparse::write_matrix_market(gPath, G, wo);
    try {
        learn::load_dataset(dir.toStdString());
        QFAIL("a G outside the pattern of A was accepted");
    } catch (const learn::DatasetError &e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(QStringLiteral("outside the pattern of A")) && what.contains(QStringLiteral("G (")),
                 e.what());
    }
}

void TestCliDatasetSpai::rejectsROutsidePattern()
{
    QTemporaryDir tmp;
    QCOMPARE(writeSmall(tmp.path()), 0);
    const learn::Manifest m = learn::read_manifest(tmp.path().toStdString());
    const std::string rPath = tmp.path().toStdString() + "/" + m.train[1].L;
    sparse::Matrix R = sparse::read_matrix_market(rPath).matrix;
    // Unknowns 0 and 24 are opposite corners of the 5 x 5 grid: no stencil joins them.
    R.coeffRef(24, 0) = 0.5;
    sparse::WriteOptions wo;
    wo.symmetric_if_possible = false;
    sparse::write_matrix_market(rPath, R, wo);
    try {
        learn::load_dataset(tmp.path().toStdString());
        QFAIL("a dataset with R outside the pattern of A was accepted");
    } catch (const learn::DatasetError &e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(QStringLiteral("outside the pattern of A")), e.what());
        QVERIFY2(what.contains(QString::fromStdString(m.train[1].name)), e.what());
    }
}

void TestCliDatasetSpai::rejectsRWithWrongSize()
{
    QTemporaryDir tmp;
    QCOMPARE(writeSmall(tmp.path()), 0);
    const learn::Manifest m = learn::read_manifest(tmp.path().toStdString());
    sparse::write_matrix_market(tmp.path().toStdString() + "/" + m.test[0].L, sparse::poisson2d(4, 4).A);
    try {
        learn::load_dataset(tmp.path().toStdString());
        QFAIL("a dataset with R of the wrong size was accepted");
    } catch (const learn::DatasetError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("sizes differ")), e.what());
    }
}

void TestCliDatasetSpai::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    const QStringList base{QStringLiteral("dataset"), QStringLiteral("spai"), QStringLiteral("--count"),
                           QStringLiteral("3")};
    QTest::newRow("n = 1") << base + QStringList{QStringLiteral("--n"), QStringLiteral("1"), QStringLiteral("--out"), QStringLiteral("x")};
    QTest::newRow("bad problem") << base + QStringList{QStringLiteral("--n"), QStringLiteral("4"), QStringLiteral("--problem"),
                                                       QStringLiteral("helmholtz"), QStringLiteral("--out"), QStringLiteral("x")};
    QTest::newRow("missing n") << base + QStringList{QStringLiteral("--out"), QStringLiteral("x")};
    QTest::newRow("missing out") << base + QStringList{QStringLiteral("--n"), QStringLiteral("4")};
    QTest::newRow("test = count") << base + QStringList{QStringLiteral("--n"), QStringLiteral("4"), QStringLiteral("--test"),
                                                        QStringLiteral("3"), QStringLiteral("--out"), QStringLiteral("x")};
    QTest::newRow("negative sigma") << base + QStringList{QStringLiteral("--n"), QStringLiteral("4"), QStringLiteral("--sigma"),
                                                          QStringLiteral("-2"), QStringLiteral("--out"), QStringLiteral("x")};
    QTest::newRow("bad target") << base + QStringList{QStringLiteral("--n"), QStringLiteral("4"), QStringLiteral("--target"),
                                                      QStringLiteral("ic0"), QStringLiteral("--out"), QStringLiteral("x")};
    QTest::newRow("pattern 3") << base + QStringList{QStringLiteral("--n"), QStringLiteral("4"), QStringLiteral("--pattern"),
                                                     QStringLiteral("3"), QStringLiteral("--out"), QStringLiteral("x")};
    QTest::newRow("zero length") << base + QStringList{QStringLiteral("--n"), QStringLiteral("4"), QStringLiteral("--length"),
                                                       QStringLiteral("0"), QStringLiteral("--out"), QStringLiteral("x")};
}

void TestCliDatasetSpai::usageErrors()
{
    QFETCH(QStringList, args);
    QTemporaryDir tmp;
    // Relative --out lands in the temporary folder; nothing may be written there.
    const QString violation = fs::test::usageErrorViolation(runCli(args, 120000, tmp.path()));
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("x/manifest.json"))));
}

void TestCliDatasetSpai::libraryChecksItsArguments()
{
    QTemporaryDir tmp;
    const auto spai = [](const sparse::Matrix &A) { return precond::spai(A).M; };
    learn::SpaiDatasetOptions o;
    o.count = 2;
    o.test = 1;
    o.side = 4;
    o.problem = "wave";
    QVERIFY_THROWS_EXCEPTION(learn::DatasetError, learn::write_spai_dataset(o, tmp.path().toStdString(), spai));
    o.problem = "biharmonic";
    const auto wrongSize = [](const sparse::Matrix &A) { return sparse::Matrix(A.rows() - 1, A.cols()); };
    QVERIFY_THROWS_EXCEPTION(learn::DatasetError, learn::write_spai_dataset(o, tmp.path().toStdString(), wrongSize));
    const learn::Manifest m = learn::write_spai_dataset(o, tmp.filePath(QStringLiteral("ok")).toStdString(), spai);
    QCOMPARE(m.train.size(), std::size_t(1));
    QCOMPARE(m.test[0].name, std::string("biharmonic2d_1"));
    const learn::Dataset d = learn::load_dataset(tmp.filePath(QStringLiteral("ok")).toStdString());
    // SPAI beats the best diagonal scaling in ||A R - I||_F (the diagonal lies in its feasible set).
    const sparse::Matrix &A = d.test[0].A, &R = d.test[0].L;
    Eigen::MatrixXd I = Eigen::MatrixXd::Identity(A.rows(), A.cols());
    const Eigen::MatrixXd Ad(A);
    const double spaiRes = (Ad * Eigen::MatrixXd(R) - I).norm();
    const Eigen::VectorXd diag = Ad.diagonal().cwiseQuotient(Ad.colwise().squaredNorm().transpose());
    const double diagRes = (Ad * diag.asDiagonal().toDenseMatrix() - I).norm();
    QVERIFY2(spaiRes < diagRes, qPrintable(QStringLiteral("%1 %2").arg(spaiRes).arg(diagRes)));
}

QTEST_APPLESS_MAIN(TestCliDatasetSpai)
#include "tst_cli_dataset_spai.moc"
