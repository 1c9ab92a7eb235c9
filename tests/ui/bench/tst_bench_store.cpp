// Persistence of benchmark results: a run cancelled mid-way keeps what finished, and a rerun
// computes only what is missing.
#include "bench/benchcontroller.h"
#include "bench/benchstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace fs::ui;

namespace {
// Large enough (0.1 to 1 s each) that a cancel raised on the k-th result lands while later ones run.
const QStringList kMatrices = {"1138_bus", "494_bus", "Trefethen_500", "g20", "gr_30_30", "isai_spd", "mesh2e1", "nos4", "r5lo", "eye3", "LF10"};
}

class TestBenchStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writeAndReopen();
    void resumeAfterCancel();
    void changedFileIsStale();

private:
    QTemporaryDir m_dir;
    QString m_matrices;
};

void TestBenchStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_matrices = m_dir.filePath("matrices");
    QVERIFY(QDir().mkpath(m_matrices));
    for (const QString &name : kMatrices)
        QVERIFY(QFile::copy(QString(FS_BENCHMARK_DIR) + "/" + name + ".mtx.gz", m_matrices + "/" + name + ".mtx.gz"));
}

void TestBenchStore::writeAndReopen()
{
    const QString path = m_dir.filePath("plain.sqlite");
    BenchRecord r;
    r.fileHash = BenchStore::hashFile(m_matrices + "/LF10.mtx.gz");
    QCOMPARE(r.fileHash.size(), 64);
    r.settings = "s1";
    r.key = BenchStore::makeKey(r.fileHash, r.settings);
    r.outcome.name = "LF10";
    r.outcome.kind = "spd";
    r.outcome.n = 18;
    r.outcome.category = fs::bench::Category::KoptFewer;
    r.outcome.at(fs::precond::PrecondKind::Kopt).history = {1.0, 0.1};
    {
        BenchStore store;
        QVERIFY(store.open(path));
        QVERIFY(store.write(r));
        QVERIFY(store.write(r)); // replacing is not a second row
    }
    BenchStore store;
    QVERIFY(store.open(path));
    QCOMPARE(store.keys(), QSet<QString>{r.key});
    QVERIFY(store.loadAll("other").isEmpty());
    const auto back = store.loadAll("s1");
    QCOMPARE(back.size(), 1);
    QCOMPARE(back[0].outcome.category, fs::bench::Category::KoptFewer);
    QCOMPARE(back[0].outcome.at(fs::precond::PrecondKind::Kopt).history, (std::vector<double>{1.0, 0.1}));
}

void TestBenchStore::resumeAfterCancel()
{
    const QString path = m_dir.filePath("resume.sqlite");
    const auto inputs = fs::bench::list_directory(m_matrices.toStdString());
    fs::bench::RunOptions options;
    options.threads = 1;
    const QString settings = QString::fromStdString(fs::bench::settings_key(options));
    const int k = 3;

    int firstComputed = 0;
    {
        BenchStore store;
        QVERIFY(store.open(path));
        BenchController controller;
        connect(&controller, &BenchController::resultReady, &controller, [&](const BenchRecord &r) {
            QVERIFY(store.write(r)); // as the view does: each result on arrival
            if (controller.computedCount() == k)
                controller.cancel();
        });
        QVERIFY(controller.start(inputs, options, store.keys()));
        QVERIFY(!controller.start(inputs, options, {})); // one run at a time
        controller.waitForFinished();
        firstComputed = controller.computedCount();
        QVERIFY2(firstComputed >= k && firstComputed < int(inputs.size()), qPrintable(QString::number(firstComputed)));
        // The store is dropped here as if the program had ended.
    }

    BenchStore store;
    QVERIFY(store.open(path));
    QCOMPARE(store.loadAll(settings).size(), firstComputed);
    BenchController controller;
    QStringList computedNames;
    connect(&controller, &BenchController::resultReady, &controller, [&](const BenchRecord &r) {
        QVERIFY(store.write(r));
        computedNames << QString::fromStdString(r.outcome.name);
    });
    QVERIFY(controller.start(inputs, options, store.keys()));
    controller.waitForFinished();
    QCOMPARE(controller.computedCount() + firstComputed, int(inputs.size()));
    QCOMPARE(controller.skipped(), firstComputed);
    QCOMPARE(store.loadAll(settings).size(), qsizetype(inputs.size()));
    QCOMPARE(computedNames.removeDuplicates(), 0);

    // Other settings (a different ordering) are a different result: all recomputed.
    fs::bench::RunOptions amd = options;
    amd.ordering = fs::precond::Ordering::Amd;
    BenchController again;
    QVERIFY(again.start(inputs, amd, store.keys()));
    again.waitForFinished();
    QCOMPARE(again.computedCount(), int(inputs.size()));
}

void TestBenchStore::changedFileIsStale()
{
    BenchStore store;
    QVERIFY(store.open(m_dir.filePath("stale.sqlite")));
    const QString file = m_dir.filePath("one/x.mtx.gz");
    QVERIFY(QDir().mkpath(m_dir.filePath("one")));
    QVERIFY(QFile::copy(m_matrices + "/r5lo.mtx.gz", file));
    fs::bench::RunOptions options;
    const auto inputs = fs::bench::list_directory(m_dir.filePath("one").toStdString());
    BenchController controller;
    connect(&controller, &BenchController::resultReady, &controller, [&](const BenchRecord &r) { store.write(r); });
    controller.start(inputs, options, store.keys());
    controller.waitForFinished();
    QCOMPARE(controller.computedCount(), 1);
    controller.start(inputs, options, store.keys());
    controller.waitForFinished();
    QCOMPARE(controller.computedCount(), 1); // unchanged: taken from the store

    QFile::remove(file);
    QVERIFY(QFile::copy(m_matrices + "/eye3.mtx.gz", file)); // same name, other contents
    controller.start(inputs, options, store.keys());
    controller.waitForFinished();
    QCOMPARE(controller.computedCount(), 2);
}

QTEST_MAIN(TestBenchStore)
#include "tst_bench_store.moc"
