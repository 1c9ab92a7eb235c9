// Data-parallel training: where a rank stands (torchrun and srun variables, Slurm node lists), and
// real factorscope-train processes joined by c10d over Gloo: 2 ranks on one dataset and global
// batch give the per-epoch metrics of 1 rank, only rank 0 writes, and a rank that dies makes the
// other fail with a status instead of hanging.
#include "dataset/dataset.h"
#include "learn/world.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace fs::learn;
using nlohmann::json;

namespace {

using Env = std::map<std::string, std::string>;

WorldSpec worldOf(const Env &env)
{
    return world_from_environment([&env](const char *name) -> std::optional<std::string> {
        const auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
}

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

std::vector<json> readLines(const QString &path)
{
    QFile f(path);
    std::vector<json> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out.push_back(json::parse(line.toStdString()));
    return out;
}

QStringList trainArgs(const QString &data, const QString &out)
{
    return {QStringLiteral("--dataset"), data, QStringLiteral("--model"), QStringLiteral("mpmlp"),
            QStringLiteral("--depth"), QStringLiteral("2"), QStringLiteral("--hidden"), QStringLiteral("16"),
            QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--batch_size"), QStringLiteral("5"),
            QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("4"),
            QStringLiteral("--patience"), QStringLiteral("0"), QStringLiteral("--out"), out};
}

/// Starts rank `rank` of `size` with the torchrun variables.
void startRank(QProcess &p, int rank, int size, int port, const QStringList &args, int timeoutSeconds = 60)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RANK"), QString::number(rank));
    env.insert(QStringLiteral("WORLD_SIZE"), QString::number(size));
    env.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    env.insert(QStringLiteral("FACTORSCOPE_DIST_TIMEOUT"), QString::number(timeoutSeconds));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FS_TRAIN_PATH), args);
}

} // namespace

class TestLearnDistributed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void worldFromTorchrun();
    void worldFromSrun();
    void badVariablesAreRefused();
    void slurmNodeLists();
    void twoRanksEqualOne();
    void deadRankFailsTheOthers();

private:
    QTemporaryDir m_tmp;
    QString m_data;
};

void TestLearnDistributed::initTestCase()
{
    // 30 samples, 5 of them test: the 25 training samples make 5 global batches of 5 each, and
    // with 2 ranks each batch splits 3 + 2 (weights 3/5 and 2/5).
    fs::dataset::SyntheticOptions o;
    o.count = 30;
    o.test = 5;
    o.n = 24;
    o.family = "counterexample";
    m_data = m_tmp.filePath(QStringLiteral("data"));
    fs::dataset::write_synthetic_dataset(o, m_data.toStdString());
}

void TestLearnDistributed::worldFromTorchrun()
{
    const WorldSpec w = worldOf({{"RANK", "2"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "0"}, {"MASTER_ADDR", "node7"},
                                 {"MASTER_PORT", "29555"}, {"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}});
    QCOMPARE(w.launcher, std::string("torchrun")); // torchrun's variables win inside a Slurm job
    QCOMPARE(w.rank, 2);
    QCOMPARE(w.size, 4);
    QCOMPARE(w.master_addr, std::string("node7"));
    QCOMPARE(w.master_port, 29555);
    QVERIFY(w.distributed());
    const WorldSpec single = worldOf({});
    QVERIFY(!single.distributed());
    QCOMPARE(single.launcher, std::string());
}

void TestLearnDistributed::worldFromSrun()
{
    const WorldSpec w = worldOf({{"SLURM_PROCID", "3"}, {"SLURM_NTASKS", "4"}, {"SLURM_LOCALID", "1"},
                                 {"SLURM_JOB_NODELIST", "gpu[012-013],cpu1"}, {"SLURM_JOB_ID", "123456"}});
    QCOMPARE(w.launcher, std::string("srun"));
    QCOMPARE(w.rank, 3);
    QCOMPARE(w.local_rank, 1);
    QCOMPARE(w.master_addr, std::string("gpu012"));
    QCOMPARE(w.master_port, 20000 + 123456 % 20000);
    // MASTER_ADDR / MASTER_PORT, when set, override the derived ones; a batch script (one task) is
    // a single process.
    const WorldSpec set = worldOf({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "2"}, {"SLURM_JOB_NODELIST", "a,b"},
                                   {"MASTER_ADDR", "10.0.0.1"}, {"MASTER_PORT", "4000"}});
    QCOMPARE(set.master_addr, std::string("10.0.0.1"));
    QCOMPARE(set.master_port, 4000);
    QVERIFY(!worldOf({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}}).distributed());
    QCOMPARE(worldOf({{"FACTORSCOPE_DIST_TIMEOUT", "7"}}).timeout_seconds, 7);
}

void TestLearnDistributed::badVariablesAreRefused()
{
    for (const Env &env : std::vector<Env>{{{"RANK", "2"}, {"WORLD_SIZE", "2"}},
                                           {{"RANK", "x"}, {"WORLD_SIZE", "2"}},
                                           {{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_PORT", "70000"}},
                                           {{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "0"}}}) {
        try {
            worldOf(env);
            QFAIL("bad launcher variables were accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral(" is '")), e.what());
        }
    }
}

void TestLearnDistributed::slurmNodeLists()
{
    QCOMPARE(first_slurm_host("n[003-005,7],gpu1"), std::string("n003"));
    QCOMPARE(first_slurm_host("a,b"), std::string("a"));
    QCOMPARE(first_slurm_host("single"), std::string("single"));
    QCOMPARE(first_slurm_host("rack1-n[7,9]"), std::string("rack1-n7"));
}

void TestLearnDistributed::twoRanksEqualOne()
{
    QProcess single;
    const QString one = m_tmp.filePath(QStringLiteral("one"));
    single.start(QStringLiteral(FS_TRAIN_PATH), trainArgs(m_data, one));
    QVERIFY(single.waitForFinished(300000));
    QVERIFY2(single.exitCode() == 0, single.readAllStandardError().constData());

    const QString two = m_tmp.filePath(QStringLiteral("two"));
    const int port = freePort();
    QProcess r0, r1;
    startRank(r0, 0, 2, port, trainArgs(m_data, two));
    startRank(r1, 1, 2, port, trainArgs(m_data, two));
    QVERIFY(r0.waitForFinished(300000));
    QVERIFY(r1.waitForFinished(300000));
    const QByteArray out0 = r0.readAllStandardOutput(), out1 = r1.readAllStandardOutput();
    QVERIFY2(r0.exitCode() == 0, (out0 + r0.readAllStandardError()).constData());
    QVERIFY2(r1.exitCode() == 0, r1.readAllStandardError().constData());
    QVERIFY2(out1.isEmpty(), out1.constData()); // the stream is rank 0's
    QVERIFY(out0.contains("\"status\":\"finished\""));

    const std::vector<json> a = readLines(one + "/metrics.jsonl"), b = readLines(two + "/metrics.jsonl");
    QCOMPARE(a.size(), std::size_t(3));
    QCOMPARE(b.size(), a.size());
    for (std::size_t e = 0; e < a.size(); ++e)
        for (const char *key : {"train_cos", "test_cos", "loss"}) {
            const double x = a[e].at(key).get<double>(), y = b[e].at(key).get<double>();
            QVERIFY2(std::abs(x - y) <= 1e-6,
                     qPrintable(QStringLiteral("epoch %1 %2: 1 rank %3, 2 ranks %4").arg(e + 1).arg(key).arg(x, 0, 'g', 12).arg(y, 0, 'g', 12)));
        }
    QVERIFY(QFile::exists(two + "/eval.json"));
}

void TestLearnDistributed::deadRankFailsTheOthers()
{
    // Rank 1 is killed once training runs (its first batches are done when rank 0 writes the first
    // epoch); rank 0 must end with a "failed" line that says a collective failed, well within its
    // 30 s timeout, not hang.
    fs::dataset::SyntheticOptions o;
    o.count = 400;
    o.test = 10;
    o.n = 60;
    o.family = "counterexample";
    const QString data = m_tmp.filePath(QStringLiteral("bigger"));
    fs::dataset::write_synthetic_dataset(o, data.toStdString());
    QStringList args = trainArgs(data, m_tmp.filePath(QStringLiteral("dead")));
    args[args.indexOf(QStringLiteral("--epochs")) + 1] = QStringLiteral("50");
    const int port = freePort();
    QProcess r0, r1;
    startRank(r0, 0, 2, port, args, 30);
    startRank(r1, 1, 2, port, args, 30);
    QVERIFY(r0.waitForReadyRead(120000)); // the first epoch line
    r1.kill();
    QVERIFY(r1.waitForFinished(10000));
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(r0.waitForFinished(60000), "rank 0 hangs after rank 1 died");
    const QByteArray out = r0.readAllStandardOutput();
    QCOMPARE(r0.exitCode(), 1);
    const QByteArray last = out.trimmed().split('\n').last();
    QVERIFY2(last.contains("\"status\":\"failed\"") && last.contains("rank 0 of 2") && last.contains("another rank died"),
             last.constData());
    qInfo("rank 0 failed %lld ms after rank 1 was killed", static_cast<long long>(clock.elapsed()));
}

QTEST_GUILESS_MAIN(TestLearnDistributed)
#include "tst_learn_distributed.moc"
