// Persistence of benchmark results: a run cancelled mid-way keeps what finished, a rerun computes
// only what is missing, a store another process has locked refuses a write quickly and clearly and
// takes it once free, and a damaged store file is moved aside (kept, byte for byte), not deleted.
#include "bench/benchcontroller.h"
#include "bench/benchstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace fs::ui;

namespace {

BenchRecord sampleRecord(const QString &name)
{
    BenchRecord r;
    r.fileHash = QString(64, QLatin1Char('a'));
    r.settings = "s1";
    r.key = BenchStore::makeKey(r.fileHash + name, r.settings);
    r.outcome.name = name.toStdString();
    r.outcome.kind = "spd";
    r.outcome.n = 4;
    r.outcome.category = fs::bench::Category::Tie;
    return r;
}

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
    void lockedStoreRefusesThenRecovers();
    void damagedStoreMovedAside();

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

void TestBenchStore::lockedStoreRefusesThenRecovers()
{
    const QString path = m_dir.filePath("locked.sqlite");
    BenchStore store;
    QVERIFY(store.open(path));
    QVERIFY(store.write(sampleRecord("before")));

    QProcess holder;
    holder.start(QStringLiteral(FS_HOLD_LOCK_PATH), {path});
    QVERIFY(holder.waitForReadyRead(30000));
    QVERIFY2(holder.readAllStandardOutput().contains("locked"), holder.readAllStandardError().constData());

    QElapsedTimer clock;
    clock.start();
    QVERIFY(!store.write(sampleRecord("during")));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(store.errorString().contains("locked"), qPrintable(store.errorString()));

    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(30000));
    QCOMPARE(holder.exitCode(), 0);
    QVERIFY2(store.write(sampleRecord("during")), qPrintable(store.errorString()));
    QCOMPARE(store.loadAll("s1").size(), 2);
}

void TestBenchStore::damagedStoreMovedAside()
{
    const QString path = m_dir.filePath("damaged.sqlite");
    const QByteArray garbage = QByteArray("this was a store before the disk failed\n").repeated(200);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    BenchStore store;
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    QVERIFY2(store.notice().contains("moved to"), qPrintable(store.notice()));
    const QStringList aside = QDir(m_dir.path()).entryList({"damaged.sqlite.corrupt-*"}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY(store.notice().contains(aside.first()));
    QFile kept(m_dir.filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);
    // And the new store works.
    QVERIFY(store.write(sampleRecord("after")));
    QCOMPARE(store.loadAll("s1").size(), 1);
    BenchStore again;
    QVERIFY(again.open(path));
    QVERIFY(again.notice().isEmpty());
}

QTEST_MAIN(TestBenchStore)
#include "tst_bench_store.moc"
