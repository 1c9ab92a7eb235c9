// The cluster from the GUI, against a real single-node Slurm cluster (tests/support/slurm_cluster):
// the training dashboard's "Slurm (job array)" launcher shows the script, submits a sweep whose
// runs follow their Slurm states and metrics files to the end, and Stop cancels a task; the
// Benchmark view's "Run on cluster…" imports the merged store when the merge job is done.
#include "cli_run.h"
#include "fixtures.h"

#include "bench/benchview.h"
#include "bench/benchtablemodel.h"
#include "dataset/dataset.h"
#include "training/runcontroller.h"
#include "training/trainingform.h"
#include "training/trainingrunmodel.h"
#include "training/trainingview.h"
#include "widgets/slurmdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace fs::ui;
using fs::test::ProcessRun;
using fs::test::runProgram;

class TestClusterGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sweepFollowsTheCluster();
    void stopCancelsTheTask();
    void benchmarkImportsTheMergedStore();

private:
    TrainingView *newTrainingView(const QString &name, int epochs);
    QTemporaryDir m_tmp;
    QString m_cluster, m_data;
    bool m_started = false;
};

void TestClusterGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (::geteuid() != 0)
        QFAIL("this test starts slurmctld and slurmd, which must run as root: run the suite as root");
    for (const char *name : {"SLURM_JOB_ID", "SLURM_JOBID", "SLURM_ARRAY_TASK_ID", "SLURM_CLUSTERS"})
        qunsetenv(name);
    // The GUI finds factorscope-cli next to itself when installed; here, on PATH.
    qputenv("PATH", QFileInfo(QStringLiteral(FS_CLI_PATH)).absolutePath().toUtf8() + ':' + qgetenv("PATH"));
    m_cluster = m_tmp.filePath(QStringLiteral("cluster"));
    const ProcessRun start = runProgram(QStringLiteral(FS_SOURCE_DIR "/tests/support/slurm_cluster"),
                                        {QStringLiteral("start"), m_cluster}, 90000);
    m_started = true;
    if (start.code != 0)
        QFAIL(qPrintable(QStringLiteral("the Slurm cluster did not start:\n") + QString::fromUtf8(start.err)));
    qputenv("SLURM_CONF", QString::fromUtf8(start.out).trimmed().mid(QStringLiteral("export SLURM_CONF=").size()).toUtf8());
    fs::dataset::SyntheticOptions o;
    o.count = 12;
    o.test = 2;
    o.n = 10;
    m_data = m_tmp.filePath(QStringLiteral("data"));
    fs::dataset::write_synthetic_dataset(o, m_data.toStdString());
}

void TestClusterGui::cleanupTestCase()
{
    if (m_started)
        runProgram(QStringLiteral(FS_SOURCE_DIR "/tests/support/slurm_cluster"), {QStringLiteral("stop"), m_cluster}, 60000);
}

TrainingView *TestClusterGui::newTrainingView(const QString &name, int epochs)
{
    auto *view = new TrainingView(m_tmp.filePath(name + QStringLiteral(".sqlite")));
    TrainingConfig c = view->form()->config();
    c.core.dataset = m_data.toStdString();
    c.core.model = "mlp";
    c.core.epochs = epochs;
    c.core.batch_size = 4;
    view->form()->setConfig(c);
    view->form()->setRunsDirectory(m_tmp.filePath(name));
    auto *mode = view->form()->findChild<QComboBox *>(QStringLiteral("launchMode"));
    mode->setCurrentIndex(2);
    view->controller()->slurm()->setPollInterval(300);
    return view;
}

void TestClusterGui::sweepFollowsTheCluster()
{
    std::unique_ptr<TrainingView> view(newTrainingView(QStringLiteral("sweep"), 3));
    view->form()->setSweep({QStringLiteral("mlp")}, {1, 2});
    QString shown;
    view->setSlurmConfirmation([&shown](SlurmDialog &d) {
        SlurmSettings s = d.settings();
        s.time = QStringLiteral("10:00");
        s.ranks = 1;
        d.setSettings(s);
        d.refresh();
        shown = d.script();
        if (const QByteArray out = qgetenv("FS_SLURM_DIALOG_SCREENSHOT"); !out.isEmpty()) {
            d.show();
            QTest::qWait(200);
            d.grab().save(QString::fromLocal8Bit(out));
        }
        return true;
    });
    QCOMPARE(view->startSweep(), 2);
    for (const char *needle : {"#SBATCH --array=1-2", "#SBATCH --time=10:00", "factorscope-train", "'--epochs' '3'"})
        QVERIFY2(shown.contains(QLatin1String(needle)), qPrintable(shown));
    const QList<int> ids = view->controller()->runIds();
    QCOMPARE(ids.size(), 2);
    for (int id : ids) {
        QTRY_VERIFY_WITH_TIMEOUT(view->controller()->run(id)->status == RunStatus::Finished, 180000);
        const TrainingRun *run = view->controller()->run(id);
        QCOMPARE(run->slurmState, QStringLiteral("COMPLETED"));
        QCOMPARE(run->points.size(), 3);
        QVERIFY(!run->eval.isEmpty());
    }
    if (const QByteArray out = qgetenv("FS_SLURM_VIEW_SCREENSHOT"); !out.isEmpty()) {
        view->resize(1400, 860);
        view->selectRuns(ids);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        view->grab().save(QString::fromLocal8Bit(out));
    }
    // The runs table names each task and its Slurm state.
    const QString status = view->model()->index(0, TrainingRunModel::Status).data().toString();
    QVERIFY2(status.contains(QStringLiteral("Slurm ")) && status.contains(QStringLiteral("completed")), qPrintable(status));
}

void TestClusterGui::stopCancelsTheTask()
{
    std::unique_ptr<TrainingView> view(newTrainingView(QStringLiteral("stop"), 100000));
    view->setSlurmConfirmation([](SlurmDialog &) { return true; });
    const int id = view->startRun();
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!view->controller()->run(id)->points.isEmpty(), 120000); // training, curve arriving
    QCOMPARE(view->controller()->run(id)->status, RunStatus::Running);
    view->controller()->stop(id);
    QTRY_VERIFY_WITH_TIMEOUT(view->controller()->run(id)->status == RunStatus::Stopped, 60000);
    QCOMPARE(view->controller()->run(id)->slurmState, QStringLiteral("CANCELLED"));
}

void TestClusterGui::benchmarkImportsTheMergedStore()
{
    const QString dir = m_tmp.filePath(QStringLiteral("matrices"));
    QVERIFY(QDir().mkpath(dir));
    const QStringList names = {QStringLiteral("bcsstk01"), QStringLiteral("nos4"), QStringLiteral("LF10")};
    for (const QString &name : names)
        QVERIFY(QFile::copy(fs::test::benchmarkMatrix(name), dir + QLatin1Char('/') + name + QStringLiteral(".mtx.gz")));
    BenchView view(m_tmp.filePath(QStringLiteral("bench.sqlite")));
    view.setSourceDirectory(dir);
    QString shown;
    view.setSlurmConfirmation([&shown](SlurmDialog &d) {
        SlurmSettings s = d.settings();
        s.tasks = 2;
        d.setSettings(s);
        d.refresh();
        shown = d.script();
        return true;
    });
    QVERIFY(view.runOnCluster());
    QVERIFY2(shown.contains(QStringLiteral("#SBATCH --array=1-2")) && shown.contains(QStringLiteral("bench merge")),
             qPrintable(shown));
    const auto label = [&view] { return view.findChild<QLabel *>(QStringLiteral("benchClusterStatus"))->text(); };
    QTRY_VERIFY2_WITH_TIMEOUT(label().contains(QStringLiteral("imported")), qPrintable(label()), 240000);
    QVERIFY2(label().contains(QStringLiteral("3 results")), qPrintable(label()));
    QCOMPARE(view.model()->rowCount(), 3); // shown under the view's own settings
    if (const QByteArray out = qgetenv("FS_SLURM_BENCH_SCREENSHOT"); !out.isEmpty()) {
        view.resize(1400, 860);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.grab().save(QString::fromLocal8Bit(out));
    }
}

QTEST_MAIN(TestClusterGui)
#include "tst_cluster_gui.moc"
