// The dataset writer called in-process writes what `factorscope-cli dataset` writes, reports each
// pair, and a stop request ends it without a manifest.json.
#include "cli_run.h"
#include "dataset/dataset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fs;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDatasetWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameFilesAsTheCli();
    void progressCountsPairs();
    void cancelLeavesNoManifest();
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

QTEST_GUILESS_MAIN(TestDatasetWriter)
#include "tst_dataset_writer.moc"
