// The benchmark table through its proxy (numeric sort, failures last, filters) and the Benchmark
// workspace end to end on a small folder.
#include "bench/benchchart.h"
#include "bench/benchcontroller.h"
#include "bench/benchdetail.h"
#include "bench/benchfilterproxy.h"
#include "bench/benchtablemodel.h"
#include "bench/benchview.h"
#include "widgets/customplot.h"

#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QLabel>
#include <QProgressBar>
#include <QProcess>
#include <QtTest>

using namespace fs::ui;
using fs::bench::Category;
using fs::precond::PrecondKind;

namespace {

BenchRecord record(const char *name, const char *group, long long n, Category category, int ic0Iterations)
{
    BenchRecord r;
    r.key = QString::fromLatin1(name);
    r.outcome.name = name;
    r.outcome.group = group;
    r.outcome.n = n;
    r.outcome.kind = "spd";
    r.outcome.category = category;
    auto &ic0 = r.outcome.at(PrecondKind::Ic0);
    ic0.iterations = ic0Iterations;
    ic0.converged = ic0Iterations > 0;
    if (!ic0.converged)
        ic0.failure = fs::bench::FailureIc0Breakdown;
    return r;
}

QStringList column(const QAbstractItemModel &m, int c)
{
    QStringList out;
    for (int row = 0; row < m.rowCount(); ++row)
        out << m.index(row, c).data().toString();
    return out;
}

} // namespace

class TestBenchView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sortIsNumeric();
    void filters();
    void categoryCounts();
    void viewRunsAFolder();
    void lockedStoreKeepsResults();
    void firstShowStartsBundledBenchmark();
};

void TestBenchView::sortIsNumeric()
{
    BenchTableModel model;
    model.setRecords({record("a", "G1", 100, Category::Tie, 9), record("b", "G2", 9, Category::Ic0Fewer, 0),
                      record("c", "G1", 10, Category::KoptFewer, 100)});
    BenchFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(BenchTableModel::Rows, Qt::AscendingOrder);
    QCOMPARE(column(proxy, BenchTableModel::Name), (QStringList{"b", "c", "a"})); // 9 < 10 < 100
    proxy.sort(BenchTableModel::ItIc0, Qt::AscendingOrder);
    // 9 < 100 numerically, and the breakdown sorts after every converged run.
    QCOMPARE(column(proxy, BenchTableModel::Name), (QStringList{"a", "c", "b"}));
    QCOMPARE(proxy.index(2, BenchTableModel::ItIc0).data().toString(), BenchTableModel::tr("breakdown"));
}

void TestBenchView::filters()
{
    BenchTableModel model;
    model.setRecords({record("alpha", "HB", 100, Category::Tie, 9), record("beta", "Pothen", 9, Category::Ic0Fewer, 3),
                      record("gamma", "HB", 5000, Category::KoptFewer, 100)});
    BenchFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(BenchTableModel::Name, Qt::AscendingOrder);
    proxy.setText("hb");
    QCOMPARE(column(proxy, BenchTableModel::Name), (QStringList{"alpha", "gamma"}));
    proxy.setSizeRange(50, 1000);
    QCOMPARE(column(proxy, BenchTableModel::Name), (QStringList{"alpha"}));
    proxy.setText("");
    proxy.setSizeRange(0, 0);
    proxy.setCategory(int(Category::KoptFewer));
    QCOMPARE(column(proxy, BenchTableModel::Name), (QStringList{"gamma"}));
    proxy.setCategory(-1);
    QCOMPARE(proxy.rowCount(), 3);
    // Rows that arrive later are filtered too.
    proxy.setCategory(int(Category::Tie));
    model.addRecord(record("delta", "X", 7, Category::Tie, 4));
    QCOMPARE(column(proxy, BenchTableModel::Name), (QStringList{"alpha", "delta"}));
}

void TestBenchView::categoryCounts()
{
    BenchTableModel model;
    model.setRecords({record("a", "", 1, Category::Tie, 1), record("b", "", 1, Category::Tie, 1),
                      record("c", "", 1, Category::BothFailed, 0)});
    const auto counts = model.categoryCounts();
    QCOMPARE(counts[std::size_t(Category::Tie)], 2);
    QCOMPARE(counts[std::size_t(Category::BothFailed)], 1);
    QCOMPARE(counts[std::size_t(Category::KoptOnly)], 0);
    // Replacing a row (same key) does not count it twice.
    model.addRecord(record("a", "", 1, Category::KoptOnly, 0));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.categoryCounts()[std::size_t(Category::Tie)], 1);
}

void TestBenchView::viewRunsAFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath("m")));
    for (const char *name : {"nos4", "LF10", "mesh1e1"})
        QVERIFY(QFile::copy(QString(FS_BENCHMARK_DIR "/") + name + ".mtx.gz", dir.filePath("m/") + name + ".mtx.gz"));
    {
        BenchView view(dir.filePath("store.sqlite"));
        view.resize(1200, 800);
        view.setSourceDirectory(dir.filePath("m"));
        view.show();
        QVERIFY(!view.controller()->isRunning()); // not the bundled benchmark: nothing starts by itself
        QCOMPARE(view.model()->rowCount(), 0);
        view.run();
        view.controller()->waitForFinished();
        QCOMPARE(view.model()->rowCount(), 3);
        int charted = 0;
        for (int c : view.chart()->counts())
            charted += c;
        QCOMPARE(charted, 3);
        view.prepareForScreenshot();
        QVERIFY(!view.detail()->filePath().isEmpty());
        QCOMPARE(view.detail()->convergencePlot()->graphCount(), fs::bench::MethodCount);
        QVERIFY(view.detail()->convergencePlot()->graph(int(fs::bench::method_index(PrecondKind::Kopt)))->dataCount() > 1);
    }
    // Reopening shows the stored results without running anything.
    BenchView view(dir.filePath("store.sqlite"));
    view.setSourceDirectory(dir.filePath("m"));
    QCOMPARE(view.model()->rowCount(), 3);
    QCOMPARE(view.controller()->computedCount(), 0);
}

void TestBenchView::lockedStoreKeepsResults()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath("m")));
    for (const char *name : {"nos4", "LF10"})
        QVERIFY(QFile::copy(QString(FS_BENCHMARK_DIR "/") + name + ".mtx.gz", dir.filePath("m/") + name + ".mtx.gz"));
    const QString path = dir.filePath("store.sqlite");
    {
        BenchView view(path);
        view.setSourceDirectory(dir.filePath("m"));
        QProcess holder;
        holder.start(QStringLiteral(FS_HOLD_LOCK_PATH), {path});
        QVERIFY(holder.waitForReadyRead(30000));
        QVERIFY(holder.readAllStandardOutput().contains("locked"));
        view.run();
        view.controller()->waitForFinished();
        QTRY_COMPARE(view.model()->rowCount(), 2);
        auto *message = view.findChild<QLabel *>(QStringLiteral("benchStoreMessage"));
        QVERIFY(message);
        QTRY_VERIFY(message->isVisibleTo(&view));
        QVERIFY2(message->text().contains("locked"), qPrintable(message->text()));
        // Once the other process lets go, the kept results are stored without a rerun.
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!message->isVisibleTo(&view), 15000);
    }
    BenchView view(path);
    view.setSourceDirectory(dir.filePath("m"));
    QCOMPARE(view.model()->rowCount(), 2);
    QCOMPARE(view.controller()->computedCount(), 0);
}

void TestBenchView::firstShowStartsBundledBenchmark()
{
    // A fresh store and the bundled benchmark: showing the view starts it, with progress shown,
    // and Cancel stops it.
    QTemporaryDir dir;
    BenchView view(dir.filePath("store.sqlite"));
    QVERIFY(!view.controller()->isRunning()); // constructing alone starts nothing
    view.resize(1200, 800);
    view.show();
    QVERIFY(view.controller()->isRunning());
    auto *progress = view.findChild<QProgressBar *>();
    QVERIFY(progress && progress->isVisibleTo(&view));
    QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() >= 1, 60000); // the smallest matrices arrive
    view.cancel();
    view.controller()->waitForFinished();
    QVERIFY(!view.controller()->isRunning());
    const int kept = view.model()->rowCount();
    QVERIFY(kept >= 1);
    // Shown again (and reopened with results stored): it does not start again.
    view.hide();
    view.show();
    QVERIFY(!view.controller()->isRunning());
    BenchView reopened(dir.filePath("store.sqlite"));
    reopened.show();
    QVERIFY(!reopened.controller()->isRunning());
    QCOMPARE(reopened.model()->rowCount(), kept);
}

QTEST_MAIN(TestBenchView)
#include "tst_bench_view.moc"
