// The dataset writer called in-process writes what `factorscope-cli dataset` writes, reports each
// pair, and a stop request ends it without a manifest.json. Paired datasets: the manifest keeps
// the pairs (ids, flags, perturbation, split) through a round trip, the targets are the factors
// they claim to be, and older manifests still load.
#include "cli_run.h"
#include "dataset/dataset.h"
#include "fixtures.h"
#include "precond/spd.h"
#include "sparse/generators.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace fs;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject manifestJson(const QString &dir)
{
    return QJsonDocument::fromJson(contents(QDir(dir).filePath("manifest.json"))).object();
}

// ‖L Lᵀ − A‖_F / ‖A‖_F.
double factorResidual(const sparse::Matrix &L, const sparse::Matrix &A)
{
    const sparse::Matrix LLt = L * sparse::Matrix(L.transpose());
    return (LLt - A).norm() / A.norm();
}

dataset::SyntheticOptions pairedOptions(const std::string &family)
{
    dataset::SyntheticOptions o;
    o.family = family;
    o.n = 30;
    o.count = 8;
    o.test = 4;
    o.seed = 5;
    o.paired = true;
    return o;
}

} // namespace

class TestDatasetWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameFilesAsTheCli();
    void progressCountsPairs();
    void cancelLeavesNoManifest();
    void pairedManifestRoundTrip();
    void counterexampleTargets();
    void laplacianAndSemiseparableTargets();
    void unpairedFamiliesKeepEquation8();
    void oldManifestsLoadUnpaired();
    void damagedPairsAreRefused_data();
    void damagedPairsAreRefused();
    void pairedErrors_data();
    void pairedErrors();
    void notSpdPerturbationNamesTheSample();
    void koptPairs();
    void sampleFilesStayInTheFolder_data();
    void sampleFilesStayInTheFolder();
    void integerFieldsAreChecked();
};

void TestDatasetWriter::sameFilesAsTheCli()
{
    QTemporaryDir tmp;
    const QString cliDir = tmp.filePath("cli"), here = tmp.filePath("here");
    const test::ProcessRun r = test::runCli({"dataset", "synthetic", "--count", "9", "--n", "12", "--test", "2",
                                             "--seed", "7", "--out", cliDir});
    QVERIFY2(r.code == 0, r.err.constData());
    dataset::SyntheticOptions o;
    o.count = 9;
    o.n = 12;
    o.test = 2;
    o.seed = 7;
    dataset::write_synthetic_dataset(o, here.toStdString());
    const QStringList files = QDir(cliDir).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 2 * 9 + 1);
    QCOMPARE(QDir(here).entryList(QDir::Files, QDir::Name), files);
    for (const QString &f : files) {
        const QByteArray a = contents(QDir(cliDir).filePath(f)), b = contents(QDir(here).filePath(f));
        QVERIFY(!a.isEmpty());
        QVERIFY2(a == b, qPrintable(f));
    }
}

void TestDatasetWriter::progressCountsPairs()
{
    QTemporaryDir tmp;
    std::vector<std::pair<int, int>> calls;
    dataset::SyntheticOptions o;
    o.count = 5;
    o.test = 1;
    o.n = 6;
    dataset::write_synthetic_dataset(o, tmp.filePath("p").toStdString(),
                                     [&](int done, int total) { calls.emplace_back(done, total); });
    QCOMPARE(int(calls.size()), 6);
    for (int k = 0; k <= 5; ++k)
        QCOMPARE(calls[static_cast<std::size_t>(k)], std::make_pair(k, 5));
}

void TestDatasetWriter::cancelLeavesNoManifest()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("c");
    dataset::SyntheticOptions o;
    o.count = 20;
    o.test = 2;
    o.n = 8;
    // A complete dataset first: the cancelled rewrite must not leave its manifest behind either.
    dataset::write_synthetic_dataset(o, dir.toStdString());
    QVERIFY(QFile::exists(QDir(dir).filePath("manifest.json")));

    std::stop_source stop;
    int last = -1;
    bool cancelled = false;
    try {
        dataset::write_synthetic_dataset(o, dir.toStdString(), [&](int done, int) {
            last = done;
            if (done == 3)
                stop.request_stop();
        }, stop.get_token());
    } catch (const dataset::DatasetCancelled &) {
        cancelled = true;
    }
    QVERIFY(cancelled);
    QCOMPARE(last, 3); // it stopped at the first check after the request
    QVERIFY(!QFile::exists(QDir(dir).filePath("manifest.json")));
    QVERIFY(!QFile::exists(QDir(dir).filePath("manifest.json.tmp")));
    QVERIFY_THROWS_EXCEPTION(dataset::DatasetError, dataset::read_manifest(dir.toStdString()));

    // A stop requested before the start writes no pair at all.
    std::stop_source early;
    early.request_stop();
    const QString empty = tmp.filePath("e");
    QVERIFY_THROWS_EXCEPTION(dataset::DatasetCancelled,
                             dataset::write_synthetic_dataset(o, empty.toStdString(), {}, early.get_token()));
    QVERIFY(QDir(empty).entryList(QDir::Files).isEmpty());
}

void TestDatasetWriter::pairedManifestRoundTrip()
{
    QTemporaryDir tmp;
    dataset::SyntheticOptions o = pairedOptions("counterexample");
    o.perturb_row = 3; // A(4,3), an off-diagonal entry, halved
    o.perturb_col = 2;
    o.perturb_rel = -0.5;
    const dataset::Manifest written = dataset::write_synthetic_dataset(o, tmp.path().toStdString());
    QVERIFY(written.paired);

    // In the file: 1-based, both samples of a pair carry it, "perturbed" tells them apart.
    const QJsonObject j = manifestJson(tmp.path());
    QCOMPARE(j.value("paired").toBool(), true);
    QCOMPARE(j.value("count").toInt(), 8);
    const QJsonObject gen = j.value("generator").toObject();
    QCOMPARE(gen.value("name").toString(), QString("counterexample"));
    QCOMPARE(gen.value("sigma").toDouble(), 0.3);
    QCOMPARE(gen.value("perturb_rel").toDouble(), -0.5);
    QCOMPARE(gen.value("perturb_entry").toArray(), (QJsonArray{4, 3}));
    const QJsonArray train = j.value("train").toArray();
    QCOMPARE(train.size(), 4);
    for (const QJsonValue &v : train) {
        const QJsonObject p = v.toObject().value("perturbation").toObject();
        QCOMPARE(p.value("row").toInt(), 4);
        QCOMPARE(p.value("col").toInt(), 3);
    }

    // In memory: 0-based; the pairs do not straddle the split; seeds shared within a pair.
    const dataset::Manifest m = dataset::read_manifest(tmp.path().toStdString());
    QVERIFY(m.paired);
    QCOMPARE(int(m.train.size()), 4);
    QCOMPARE(int(m.test.size()), 4);
    std::map<int, std::vector<const dataset::SampleRef *>> byPair;
    std::map<int, std::string> splitOf;
    for (const auto *split : {&m.train, &m.test})
        for (const dataset::SampleRef &r : *split) {
            QVERIFY(r.pair.has_value());
            QVERIFY(r.perturbation.has_value());
            QCOMPARE(r.perturbation->row, 3);
            QCOMPARE(r.perturbation->col, 2);
            byPair[*r.pair].push_back(&r);
            const std::string name = split == &m.train ? "train" : "test";
            QVERIFY(splitOf.try_emplace(*r.pair, name).first->second == name);
        }
    QCOMPARE(int(byPair.size()), 4);
    for (const auto &[id, refs] : byPair) {
        QCOMPARE(int(refs.size()), 2);
        QVERIFY(refs[0]->perturbed != refs[1]->perturbed);
        QCOMPARE(*refs[0]->seed, *refs[1]->seed);
        QCOMPARE(refs[0]->perturbation->delta, refs[1]->perturbation->delta);
    }

    // Loaded samples carry the same, and A' − A is the recorded perturbation, mirrored.
    const dataset::Dataset d = dataset::load_dataset(tmp.path().toStdString());
    const dataset::Sample &a = d.test[0], &ap = d.test[1];
    QCOMPARE(*a.pair, *ap.pair);
    QVERIFY(!a.perturbed && ap.perturbed);
    const double delta = a.perturbation->delta;
    QCOMPARE(delta, -0.5 * a.A.coeff(3, 2));
    sparse::Matrix diff = ap.A - a.A;
    QCOMPARE(diff.coeff(3, 2), delta);
    QCOMPARE(diff.coeff(2, 3), delta);
    diff.coeffRef(3, 2) = 0;
    diff.coeffRef(2, 3) = 0;
    QCOMPARE(diff.norm(), 0.0);
    // The factor continued from the exact one at row 4 is that of A'; rows 1..3 are unchanged.
    QVERIFY(factorResidual(ap.L, ap.A) < 1e-13);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(ap.L.coeff(i, i), a.L.coeff(i, i));
}

void TestDatasetWriter::counterexampleTargets()
{
    QTemporaryDir tmp;
    const dataset::SyntheticOptions o = pairedOptions("counterexample");
    dataset::write_synthetic_dataset(o, tmp.path().toStdString());
    const dataset::Dataset d = dataset::load_dataset(tmp.path().toStdString());
    QCOMPARE(d.manifest.target, std::string("cholesky"));
    int checked = 0;
    for (const auto *split : {&d.train, &d.test})
        for (std::size_t i = 0; i < split->size(); ++i) {
            const dataset::Sample &s = (*split)[i];
            const dataset::SampleRef &ref = (split == &d.train ? d.manifest.train : d.manifest.test)[i];
            const sparse::GeneratedMatrix g = sparse::random_counterexample(o.n, *ref.seed, o.sigma);
            if (!s.perturbed) {
                // The generated exact L, bit for bit (not a factor of the rounded, indefinite A).
                QCOMPARE((s.L - *g.exact_L).norm(), 0.0);
                QCOMPARE((s.A - g.A).norm(), 0.0);
            } else {
                QVERIFY2(factorResidual(s.L, s.A) < 1e-13, qPrintable(QString::number(factorResidual(s.L, s.A))));
                QCOMPARE(s.A.coeff(0, 0), 2.0 * g.A.coeff(0, 0)); // A11 doubled by default
            }
            ++checked;
        }
    QCOMPARE(checked, 8);
    // The family is non-local: the diagonal of L' stays far from that of L all the way down.
    const dataset::Sample &a = d.test[0], &ap = d.test[1];
    const int last = o.n - 1;
    QVERIFY(std::abs(ap.L.coeff(last, last) - a.L.coeff(last, last)) > 0.1 * std::abs(ap.L.coeff(last, last)));
}

void TestDatasetWriter::laplacianAndSemiseparableTargets()
{
    for (const char *family : {"laplacian", "semiseparable"}) {
        QTemporaryDir tmp;
        dataset::write_synthetic_dataset(pairedOptions(family), tmp.path().toStdString());
        const dataset::Dataset d = dataset::load_dataset(tmp.path().toStdString());
        for (const auto *split : {&d.train, &d.test})
            for (const dataset::Sample &s : *split) {
                if (std::string(family) == "laplacian" || s.perturbed)
                    QVERIFY2(factorResidual(s.L, s.A) < 1e-13, family);
                const sparse::Matrix upper = s.L.triangularView<Eigen::StrictlyUpper>();
                QCOMPARE(int(upper.nonZeros()), 0);
            }
    }
    // sigma = 0: the weighted path Laplacian is tridiag(-1, 2, -1).
    QCOMPARE((sparse::weighted_path_laplacian(9, 3, 0.0).A - sparse::laplacian1d(9).A).norm(), 0.0);
    QCOMPARE((*sparse::random_counterexample(9, 3, 0.0).exact_L - *sparse::counterexample(9).exact_L).norm(), 0.0);
}

void TestDatasetWriter::unpairedFamiliesKeepEquation8()
{
    // Unpaired, every family stores A + e1 e1ᵀ with its factor (target "perturbed").
    for (const char *family : {"counterexample", "laplacian"}) {
        QTemporaryDir tmp;
        dataset::SyntheticOptions o;
        o.family = family;
        o.count = 3;
        o.test = 1;
        o.n = 20;
        dataset::write_synthetic_dataset(o, tmp.path().toStdString());
        const dataset::Dataset d = dataset::load_dataset(tmp.path().toStdString());
        QVERIFY(!d.manifest.paired);
        QCOMPARE(d.manifest.target, std::string("perturbed"));
        QVERIFY(!manifestJson(tmp.path()).value("train").toArray().at(0).toObject().contains("pair"));
        for (const dataset::Sample &s : d.train) {
            QVERIFY(!s.pair.has_value());
            QVERIFY(factorResidual(s.L, s.A) < 1e-12);
        }
        const sparse::GeneratedMatrix g = std::string(family) == "laplacian"
                                              ? sparse::weighted_path_laplacian(20, 1, 0.3)
                                              : sparse::random_counterexample(20, 1, 0.3);
        QCOMPARE(d.train[0].A.coeff(0, 0), g.A.coeff(0, 0) + 1.0);
    }
}

void TestDatasetWriter::oldManifestsLoadUnpaired()
{
    QTemporaryDir tmp;
    dataset::SyntheticOptions o;
    o.count = 3;
    o.test = 1;
    o.n = 6;
    dataset::write_synthetic_dataset(o, tmp.path().toStdString());
    // Strip what this version adds, as a manifest of an earlier version has it.
    QJsonObject j = manifestJson(tmp.path());
    QVERIFY(j.contains("paired"));
    j.remove("paired");
    QFile f(QDir(tmp.path()).filePath("manifest.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(j).toJson());
    f.close();
    const dataset::Dataset d = dataset::load_dataset(tmp.path().toStdString());
    QVERIFY(!d.manifest.paired);
    QCOMPARE(int(d.train.size()), 2);
    for (const dataset::Sample &s : d.train) {
        QVERIFY(!s.pair.has_value());
        QVERIFY(!s.perturbed);
        QVERIFY(!s.perturbation.has_value());
    }
}

void TestDatasetWriter::damagedPairsAreRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("needle");
    QTest::newRow("pair split between train and test") << "straddle" << "split between train and test";
    QTest::newRow("three samples in a pair") << "triple" << "more than two samples";
    QTest::newRow("perturbation outside") << "outside" << "outside";
}

void TestDatasetWriter::damagedPairsAreRefused()
{
    QFETCH(QString, damage);
    QFETCH(QString, needle);
    QTemporaryDir tmp;
    dataset::write_synthetic_dataset(pairedOptions("laplacian"), tmp.path().toStdString());
    QJsonObject j = manifestJson(tmp.path());
    QJsonArray train = j.value("train").toArray(), test = j.value("test").toArray();
    if (damage == "straddle") {
        test.append(train.takeAt(train.size() - 1)); // the A' of the last training pair
    } else if (damage == "triple") {
        QJsonObject extra = train.at(0).toObject();
        extra["perturbed"] = true;
        train.append(extra);
    } else {
        QJsonObject first = train.at(0).toObject();
        QJsonObject p = first.value("perturbation").toObject();
        p["row"] = 31; // n = 30
        first["perturbation"] = p;
        train[0] = first;
    }
    j["train"] = train;
    j["test"] = test;
    QFile f(QDir(tmp.path()).filePath("manifest.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(j).toJson());
    f.close();
    try {
        dataset::read_manifest(tmp.path().toStdString());
        QFAIL("no error");
    } catch (const dataset::DatasetError &e) {
        QVERIFY2(QString(e.what()).contains(needle), e.what());
    }
}

void TestDatasetWriter::pairedErrors_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("test");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<double>("rel");
    QTest::addColumn<QString>("needle");
    QTest::newRow("odd count") << "semiseparable" << 7 << 2 << 0 << 0 << 1.0 << "even count";
    QTest::newRow("odd test") << "semiseparable" << 8 << 3 << 0 << 0 << 1.0 << "even count";
    QTest::newRow("not stored") << "laplacian" << 4 << 2 << 5 << 1 << 1.0 << "not a stored entry";
    QTest::newRow("outside") << "laplacian" << 4 << 2 << 40 << 40 << 1.0 << "outside";
    QTest::newRow("no change") << "counterexample" << 4 << 2 << 0 << 0 << 0.0 << "nonzero";
    QTest::newRow("unknown family") << "hilbert" << 4 << 2 << 0 << 0 << 1.0 << "unknown synthetic family";
}

void TestDatasetWriter::pairedErrors()
{
    QFETCH(QString, family);
    QFETCH(int, count);
    QFETCH(int, test);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(double, rel);
    QFETCH(QString, needle);
    dataset::SyntheticOptions o = pairedOptions(family.toStdString());
    o.count = count;
    o.test = test;
    o.perturb_row = row;
    o.perturb_col = col;
    o.perturb_rel = rel;
    QTemporaryDir tmp;
    try {
        dataset::write_synthetic_dataset(o, tmp.path().toStdString());
        QFAIL("no error");
    } catch (const dataset::DatasetError &e) {
        QVERIFY2(QString(e.what()).contains(needle), e.what());
    }
    QVERIFY(!QFile::exists(QDir(tmp.path()).filePath("manifest.json")));
}

void TestDatasetWriter::notSpdPerturbationNamesTheSample()
{
    // A11 cut to a tenth (sigma 0: Theorem 2.1's matrix): d'_2 = 1/4 + 1 − 10 < 0.
    dataset::SyntheticOptions o = pairedOptions("counterexample");
    o.sigma = 0.0;
    o.perturb_rel = -0.9;
    QTemporaryDir tmp;
    try {
        dataset::write_synthetic_dataset(o, tmp.path().toStdString());
        QFAIL("no error");
    } catch (const dataset::DatasetError &e) {
        const QString what = e.what();
        QVERIFY2(what.contains("counterexample_0_perturbed") && what.contains("not SPD"), e.what());
    }
}

void TestDatasetWriter::koptPairs()
{
    QTemporaryDir from, out;
    for (int k = 0; k < 4; ++k)
        test::writeMatrix(from, QString("lap%1.mtx").arg(k), sparse::weighted_path_laplacian(10 + k, k, 0.5).A);
    // Halving A(2,1) of a 1x1 matrix is impossible: skipped, with its reason.
    test::writeMatrix(from, "tiny.mtx", sparse::laplacian1d(1).A);
    dataset::KoptOptions o;
    o.paired = true;
    o.test = 2;
    o.perturb_row = 1;
    o.perturb_col = 0;
    o.perturb_rel = -0.5;
    const auto chol = [](const sparse::Matrix &A) { return precond::cholesky_natural(A); };
    const dataset::Manifest m = dataset::write_kopt_dataset(from.path().toStdString(), out.path().toStdString(), chol, o);
    QVERIFY(m.paired);
    QCOMPARE(m.count, 8);
    QCOMPARE(int(m.test.size()), 2);
    QCOMPARE(int(m.train.size()), 6);
    QCOMPARE(int(m.skipped.size()), 1);
    QCOMPARE(m.skipped[0].first, std::string("tiny.mtx"));
    QVERIFY2(QString::fromStdString(m.skipped[0].second).contains("outside"), m.skipped[0].second.c_str());
    const dataset::Dataset d = dataset::load_dataset(out.path().toStdString());
    QCOMPARE(*d.test[0].pair, *d.test[1].pair);
    for (const auto *split : {&d.train, &d.test})
        for (std::size_t i = 0; i + 1 < split->size(); i += 2) {
            const dataset::Sample &a = (*split)[i], &ap = (*split)[i + 1];
            QCOMPARE(*a.pair, *ap.pair);
            QVERIFY(!a.perturbed && ap.perturbed);
            QCOMPARE(ap.A.coeff(1, 0), 0.5 * a.A.coeff(1, 0));
            QVERIFY(factorResidual(ap.L, ap.A) < 1e-12);
            QVERIFY(factorResidual(a.L, a.A) < 1e-12);
        }
    // An odd number of test samples cannot hold whole pairs.
    o.test = 3;
    QVERIFY_THROWS_EXCEPTION(dataset::DatasetError,
                             dataset::write_kopt_dataset(from.path().toStdString(), out.path().toStdString(), chol, o));
}

void TestDatasetWriter::sampleFilesStayInTheFolder_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("plain name") << "A_0.mtx" << true;
    QTest::newRow("subfolder") << "sub/A_0.mtx" << true;
    QTest::newRow("parent") << "../A_0.mtx" << false;
    QTest::newRow("parent inside") << "sub/../../A_0.mtx" << false;
    QTest::newRow("absolute") << "/etc/passwd" << false;
    QTest::newRow("empty") << "" << false;
}

void TestDatasetWriter::sampleFilesStayInTheFolder()
{
    // A manifest names its sample files; one naming a file outside its folder is refused before
    // anything is opened (manifests come from other machines and other people).
    QFETCH(QString, file);
    QFETCH(bool, accepted);
    const std::string text = R"({"format": "factorscope-dataset", "kind": "synthetic", "count": 1,
        "train": [{"A": ")" + file.toStdString() + R"(", "L": "L_0.mtx", "n": 3}], "test": []})";
    try {
        const dataset::Manifest m = dataset::parse_manifest(text, "manifest.json");
        QVERIFY2(accepted, "an escaping file name was accepted");
        QCOMPARE(QString::fromStdString(m.train.at(0).A), file);
    } catch (const dataset::DatasetError &e) {
        QVERIFY2(!accepted, e.what());
        QVERIFY(std::string(e.what()).find("not a name inside the dataset folder") != std::string::npos);
    }
}

void TestDatasetWriter::integerFieldsAreChecked()
{
    // Found by fuzz/fuzz_manifest: a pair number of 4.4e69 went through an undefined conversion.
    for (const char *pair : {"4444444444444444444444444444444444444444444444444444444444444444444440", "1.5",
                             "\"one\"", "-4e12"}) {
        const std::string text = R"({"format": "factorscope-dataset", "kind": "synthetic", "count": 1,
            "train": [{"A": "A_0.mtx", "L": "L_0.mtx", "n": 3, "pair": )" + std::string(pair) + R"(}], "test": []})";
        try {
            dataset::parse_manifest(text, "manifest.json");
            QFAIL(qPrintable(QStringLiteral("pair %1 was accepted").arg(pair)));
        } catch (const dataset::DatasetError &e) {
            QVERIFY2(std::string(e.what()).find("pair of") != std::string::npos, e.what());
        }
    }
    const std::string ok = R"({"format": "factorscope-dataset", "kind": "synthetic", "count": 1.0,
        "train": [{"A": "A_0.mtx", "L": "L_0.mtx", "n": 3, "pair": 7}], "test": []})";
    QCOMPARE(dataset::parse_manifest(ok, "manifest.json").train.at(0).pair.value_or(-1), 7);
}

QTEST_GUILESS_MAIN(TestDatasetWriter)
#include "tst_dataset_writer.moc"
