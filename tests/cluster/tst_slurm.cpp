// A real single-node Slurm cluster (munged, slurmctld, slurmd from Debian's slurm-wlm and munge,
// started by tests/support/slurm_cluster under a temporary folder, as root): a 2-shard benchmark
// submitted through `factorscope-cli submit bench` merges into a store equal to a local run, a
// 2-run sweep through `submit sweep --ranks 2` trains both runs data-parallel (srun, c10d), and
// sbatch's own refusal comes back as an `error:` line. If the daemons cannot start, the test
// fails and says why.
#include "cli_run.h"
#include "fixtures.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using fs::test::ProcessRun;
using fs::test::runCli;
using fs::test::benchFingerprints;
using fs::test::runProgram;

namespace {

const QStringList kMatrices = {QStringLiteral("bcsstk01"), QStringLiteral("nos4"), QStringLiteral("LF10"),
                               QStringLiteral("mesh1e1")};

/// The states of every task of job `id` ("PENDING", "RUNNING", "COMPLETED", ...), finished ones included.
QStringList jobStates(const QString &id)
{
    const ProcessRun r = runProgram(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-t"),
                                                               QStringLiteral("all"), QStringLiteral("-j"), id,
                                                               QStringLiteral("-o"), QStringLiteral("%T")},
                                    20000);
    return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

/// Waits (at most `seconds`) until no task of job `id` is pending or running; its final states.
QStringList waitForJob(const QString &id, int seconds)
{
    const QDeadlineTimer deadline(seconds * 1000);
    QStringList states;
    while (!deadline.hasExpired()) {
        states = jobStates(id);
        const bool active = states.isEmpty() || states.contains(QStringLiteral("PENDING"))
                            || states.contains(QStringLiteral("RUNNING")) || states.contains(QStringLiteral("CONFIGURING"))
                            || states.contains(QStringLiteral("COMPLETING"));
        if (!active)
            return states;
        QTest::qWait(500);
    }
    return states << QStringLiteral("(still active after %1 s)").arg(seconds);
}

QString fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QStringLiteral("(no file %1)").arg(path);
}

} // namespace

class TestSlurm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shardedBenchmarkEqualsLocalRun();
    void sweepTrainsEveryRun();
    void sbatchRefusalIsReported();

private:
    QTemporaryDir m_tmp;
    QString m_cluster;
    bool m_started = false;
};

void TestSlurm::initTestCase()
{
    if (::geteuid() != 0)
        QFAIL("this test starts slurmctld and slurmd, which must run as root: run the suite as root");
    // Jobs must go to this cluster only, whatever the environment says.
    for (const char *name : {"SLURM_JOB_ID", "SLURM_JOBID", "SLURM_ARRAY_TASK_ID", "SLURM_CLUSTERS", "SBATCH_PARTITION"})
        qunsetenv(name);
    m_cluster = m_tmp.filePath(QStringLiteral("cluster"));
    const ProcessRun start = runProgram(QStringLiteral(FS_SOURCE_DIR "/tests/support/slurm_cluster"),
                                        {QStringLiteral("start"), m_cluster}, 90000);
    m_started = true; // stop is idempotent; whatever was started is stopped in cleanup
    if (start.code != 0)
        QFAIL(qPrintable(QStringLiteral("the Slurm cluster did not start (exit %1):\n%2")
                             .arg(start.code)
                             .arg(QString::fromUtf8(start.err))));
    const QString line = QString::fromUtf8(start.out).trimmed();
    const QString prefix = QStringLiteral("export SLURM_CONF=");
    QVERIFY2(line.startsWith(prefix), qPrintable(line));
    qputenv("SLURM_CONF", line.mid(prefix.size()).toUtf8());
}

void TestSlurm::cleanupTestCase()
{
    if (m_started)
        runProgram(QStringLiteral(FS_SOURCE_DIR "/tests/support/slurm_cluster"), {QStringLiteral("stop"), m_cluster}, 60000);
}

void TestSlurm::shardedBenchmarkEqualsLocalRun()
{
    const QString dir = m_tmp.filePath(QStringLiteral("matrices"));
    QVERIFY(QDir().mkpath(dir));
    for (const QString &name : kMatrices)
        QVERIFY(QFile::copy(fs::test::benchmarkMatrix(name), dir + QLatin1Char('/') + name + QStringLiteral(".mtx.gz")));
    const QString store = m_tmp.filePath(QStringLiteral("results/bench.sqlite"));
    const ProcessRun submit = runCli({QStringLiteral("submit"), QStringLiteral("bench"), dir, QStringLiteral("--tasks"),
                                      QStringLiteral("2"), QStringLiteral("--store"), store, QStringLiteral("--time"),
                                      QStringLiteral("10:00"), QStringLiteral("--json")},
                                     60000, m_tmp.path());
    QVERIFY2(submit.code == 0, submit.err.constData());
    const QJsonArray jobs = submit.json().value(QStringLiteral("jobs")).toArray();
    QCOMPARE(jobs.size(), 2);
    const QString shards = jobs.at(0).toObject().value(QStringLiteral("id")).toString();
    const QString merge = jobs.at(1).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(jobs.at(1).toObject().value(QStringLiteral("depends_on")).toString(), shards);

    const QString logs = m_tmp.filePath(QStringLiteral("results/bench.slurm/logs"));
    const QStringList shardStates = waitForJob(shards, 240);
    QVERIFY2(shardStates == (QStringList{QStringLiteral("COMPLETED"), QStringLiteral("COMPLETED")}),
             qPrintable(shardStates.join(QLatin1Char(' ')) + QLatin1Char('\n') + fileText(logs + "/shard-1.log")));
    const QStringList mergeStates = waitForJob(merge, 120);
    QVERIFY2(mergeStates == QStringList{QStringLiteral("COMPLETED")},
             qPrintable(mergeStates.join(QLatin1Char(' ')) + QLatin1Char('\n') + fileText(logs + "/merge.log")));

    const ProcessRun shown = runCli({QStringLiteral("bench"), QStringLiteral("show"), store, QStringLiteral("--json")});
    QVERIFY2(shown.code == 0, shown.err.constData());
    // The shards ran with one thread each (SLURM_CPUS_PER_TASK unset: 1); the local run too.
    const ProcessRun local = runCli({QStringLiteral("bench"), dir, QStringLiteral("--threads"), QStringLiteral("1"),
                                     QStringLiteral("--json")},
                                    600000);
    QVERIFY2(local.code == 0, local.err.constData());
    QCOMPARE(benchFingerprints(shown.json()), benchFingerprints(local.json()));
    QCOMPARE(shown.json().value(QStringLiteral("settings")), local.json().value(QStringLiteral("settings")));
    QVERIFY(fileText(logs + "/merge.log").contains(QStringLiteral("4 added")));
}

void TestSlurm::sweepTrainsEveryRun()
{
    const QString data = m_tmp.filePath(QStringLiteral("data"));
    const ProcessRun dataset = runCli({QStringLiteral("dataset"), QStringLiteral("synthetic"), QStringLiteral("--count"),
                                       QStringLiteral("12"), QStringLiteral("--n"), QStringLiteral("10"),
                                       QStringLiteral("--test"), QStringLiteral("2"), QStringLiteral("--out"), data});
    QVERIFY2(dataset.code == 0, dataset.err.constData());
    const QString runs = m_tmp.filePath(QStringLiteral("runs"));
    const ProcessRun submit = runCli({QStringLiteral("submit"), QStringLiteral("sweep"), QStringLiteral("--dataset"), data,
                                      QStringLiteral("--models"), QStringLiteral("mlp"), QStringLiteral("--depths"),
                                      QStringLiteral("1,2"), QStringLiteral("--out"), runs,
                                      QStringLiteral("--train-option"), QStringLiteral("epochs=2"),
                                      QStringLiteral("--train-option"), QStringLiteral("threads=1"),
                                      QStringLiteral("--train-option"), QStringLiteral("batch_size=4"),
                                      QStringLiteral("--ranks"), QStringLiteral("2"), QStringLiteral("--json")},
                                     60000, m_tmp.path());
    QVERIFY2(submit.code == 0, submit.err.constData());
    const QJsonObject doc = submit.json();
    const QString job = doc.value(QStringLiteral("jobs")).toArray().at(0).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(doc.value(QStringLiteral("runs")).toArray().size(), 2);
    const QStringList states = waitForJob(job, 300);
    QVERIFY2(states == (QStringList{QStringLiteral("COMPLETED"), QStringLiteral("COMPLETED")}),
             qPrintable(states.join(QLatin1Char(' ')) + QLatin1Char('\n') + fileText(runs + "/slurm/logs/run-1.log")));
    for (const QJsonValue &v : doc.value(QStringLiteral("runs")).toArray()) {
        const QJsonObject run = v.toObject();
        const QString folder = run.value(QStringLiteral("dir")).toString();
        QVERIFY2(QFileInfo::exists(folder + "/eval.json"), qPrintable(folder));
        const QString log = fileText(runs + QStringLiteral("/slurm/logs/run-%1.log").arg(run.value(QStringLiteral("task")).toInt()));
        QVERIFY2(log.contains(QStringLiteral("\"status\":\"finished\"")), qPrintable(log));
        const QJsonObject config =
            QJsonDocument::fromJson(fileText(folder + "/config.json").toUtf8()).object();
        QCOMPARE(config.value(QStringLiteral("depth")).toInt(), run.value(QStringLiteral("depth")).toInt());
        QCOMPARE(config.value(QStringLiteral("epochs")).toInt(), 2);
        // Each run had two ranks started by srun: one c10d group, rank 0's stream only.
        QVERIFY2(fileText(folder + "/log.txt").contains(QStringLiteral("2 ranks (srun)")), qPrintable(fileText(folder + "/log.txt")));
        QCOMPARE(log.count(QStringLiteral("\"status\":\"finished\"")), 1);
    }
}

void TestSlurm::sbatchRefusalIsReported()
{
    // A partition the cluster does not have: sbatch's own message, as one error line, and no job.
    const ProcessRun r = runCli({QStringLiteral("submit"), QStringLiteral("bench"), QStringLiteral(FS_BENCHMARK_DIR),
                                 QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--store"),
                                 m_tmp.filePath(QStringLiteral("refused/x.sqlite")), QStringLiteral("--partition"),
                                 QStringLiteral("nosuchpartition")},
                                60000, m_tmp.path());
    QCOMPARE(r.code, 2); // every error of factorscope-cli exits with 2
    QVERIFY2(r.err.startsWith("error: sbatch refused bench.sbatch") && r.err.contains("nosuchpartition"), r.err.constData());
    // No Slurm at all (sbatch not on PATH): said so.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FS_CLI_PATH), {QStringLiteral("submit"), QStringLiteral("bench"), QStringLiteral(FS_BENCHMARK_DIR),
                                         QStringLiteral("--tasks"), QStringLiteral("1"), QStringLiteral("--store"),
                                         m_tmp.filePath(QStringLiteral("nopath/x.sqlite"))});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("sbatch could not be run"));
}

QTEST_GUILESS_MAIN(TestSlurm)
#include "tst_slurm.moc"
