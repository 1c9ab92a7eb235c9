// factorscope-cli bench --out / --resume under SIGKILL: a run killed at random moments and resumed
// until it finishes ends with every matrix exactly once, each row equal to that of an uninterrupted
// run; a full or read-only output folder gives one clear error line.
#include "cli_run.h"
#include "fixtures.h"
#include "restricted_folder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <random>

#include <csignal>

#include <unistd.h>

namespace {

using fs::test::runCli;
using fs::test::benchRowFingerprint;

// Small and middle-sized matrices of the bundled benchmark: a few seconds in all on one thread.
const QStringList kMatrices = {QStringLiteral("bcsstk01"), QStringLiteral("nos4"),     QStringLiteral("LF10"),
                               QStringLiteral("mesh1e1"),  QStringLiteral("494_bus"),  QStringLiteral("1138_bus"),
                               QStringLiteral("gr_30_30"), QStringLiteral("Trefethen_500"), QStringLiteral("g20"),
                               QStringLiteral("mesh2e1"),  QStringLiteral("isai_spd")};

int rowsIn(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = f.readAll();
    return std::max<int>(0, int(text.count('\n')) - 1); // whole lines after the header
}

QStringList benchArgs(const QString &dir)
{
    return {QStringLiteral("bench"), dir, QStringLiteral("--threads"), QStringLiteral("1")};
}

} // namespace

class TestCliBench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedRunsResumeWithoutLossOrDuplicates();
    void existingOutNeedsResume();
    void unwritableOutSaysWhy_data();
    void unwritableOutSaysWhy();

private:
    QTemporaryDir m_tmp;
    QString m_dir;
};

void TestCliBench::initTestCase()
{
    m_dir = m_tmp.filePath(QStringLiteral("matrices"));
    QVERIFY(QDir().mkpath(m_dir));
    for (const QString &name : kMatrices)
        QVERIFY(QFile::copy(fs::test::benchmarkMatrix(name), m_dir + QLatin1Char('/') + name + QStringLiteral(".mtx.gz")));
}

void TestCliBench::killedRunsResumeWithoutLossOrDuplicates()
{
    QElapsedTimer clock;
    clock.start();
    const auto whole = runCli(benchArgs(m_dir) << QStringLiteral("--json"), 600000);
    const qint64 wholeMs = clock.elapsed();
    QCOMPARE(whole.code, 0);
    QHash<QString, QString> expected;
    for (const QJsonValue &r : whole.json().value(QStringLiteral("rows")).toArray())
        expected.insert(r[QStringLiteral("name")].toString(), benchRowFingerprint(r.toObject()));
    QCOMPARE(expected.size(), kMatrices.size());

    const QString out = m_tmp.filePath(QStringLiteral("rows.jsonl"));
    const unsigned seed = std::random_device{}();
    qInfo("kill moments drawn with seed %u; the uninterrupted run took %lld ms", seed, wholeMs);
    std::mt19937 rng(seed);
    int kills = 0, partialKills = 0; // partial: killed with some rows written and some to go
    bool finished = false;
    for (int attempt = 0; attempt < 40 && !finished; ++attempt) {
        QProcess p;
        QStringList args = benchArgs(m_dir) << QStringLiteral("--out") << out;
        if (attempt > 0)
            args << QStringLiteral("--resume");
        p.start(QStringLiteral(FS_CLI_PATH), args);
        QVERIFY(p.waitForStarted());
        const int before = rowsIn(out);
        if (attempt == 0) {
            // Somewhere in the first matrices, or still reading them.
            p.waitForFinished(std::uniform_int_distribution<int>(20, 150)(rng));
        } else if (attempt < 8 && before + 1 < kMatrices.size()) {
            // Once one or two more rows are out, at a random moment of the next matrix (or of
            // the write of its row).
            const int target = before + std::uniform_int_distribution<int>(1, 2)(rng);
            while (p.state() == QProcess::Running && rowsIn(out) < target)
                p.waitForFinished(2);
            p.waitForFinished(std::uniform_int_distribution<int>(0, 40)(rng));
        } else {
            QVERIFY(p.waitForFinished(600000));
        }
        if (p.state() == QProcess::Running) {
            ::kill(pid_t(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished(30000));
            ++kills;
            const int rows = rowsIn(out);
            if (rows > 0 && rows < kMatrices.size())
                ++partialKills;
            continue;
        }
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAllStandardError().constData());
        finished = true;
    }
    QVERIFY2(finished, "the benchmark did not finish in 40 attempts");
    qInfo("%d kills before the run finished, %d of them with rows written and rows to go", kills, partialKills);
    QVERIFY2(partialKills >= 1, "no run was killed between its first and its last row");

    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QHash<QString, int> seen;
    int rows = 0;
    for (qsizetype k = 1; k < lines.size(); ++k) {
        if (lines[k].isEmpty())
            continue;
        const QJsonObject row = QJsonDocument::fromJson(lines[k]).object();
        QVERIFY2(!row.isEmpty(), lines[k].constData());
        const QString name = row.value(QStringLiteral("name")).toString();
        ++seen[name];
        ++rows;
        QVERIFY2(expected.contains(name), qPrintable(name));
        QCOMPARE(benchRowFingerprint(row), expected.value(name));
    }
    QCOMPARE(rows, kMatrices.size()); // none duplicated
    QCOMPARE(seen.size(), kMatrices.size()); // none lost
}

void TestCliBench::existingOutNeedsResume()
{
    const QString out = m_tmp.filePath(QStringLiteral("once.jsonl"));
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"factorscope-bench-rows\", \"version\": 1, \"settings\": \"x\"}\n");
    f.close();
    auto r = runCli(benchArgs(m_dir) << QStringLiteral("--out") << out);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--resume"), r.err.constData());
    r = runCli(benchArgs(m_dir) << QStringLiteral("--out") << out << QStringLiteral("--resume"));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("other settings"), r.err.constData());
    r = runCli(benchArgs(m_dir) << QStringLiteral("--resume"));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--out"), r.err.constData());
}

void TestCliBench::unwritableOutSaysWhy_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("full") << int(fs::test::RestrictedFolder::Kind::Full) << QStringLiteral("No space left on device");
    QTest::newRow("read-only") << int(fs::test::RestrictedFolder::Kind::ReadOnly)
                               << (::geteuid() == 0 ? QStringLiteral("Read-only file system")
                                                    : QStringLiteral("Permission denied"));
}

void TestCliBench::unwritableOutSaysWhy()
{
    QFETCH(int, kind);
    QFETCH(QString, reason);
    QTemporaryDir parent;
    fs::test::RestrictedFolder folder(fs::test::RestrictedFolder::Kind(kind), parent.path());
    QVERIFY2(folder.ok(), qPrintable(folder.why()));
    const QString out = folder.path() + QStringLiteral("/rows.jsonl");
    const auto r = runCli(benchArgs(m_dir) << QStringLiteral("--out") << out);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("error: cannot write " + out.toUtf8()), r.err.constData());
    QVERIFY2(r.err.contains(reason.toUtf8()), r.err.constData());
    // The same for a factor written by `factor --out`.
    const auto f = runCli({QStringLiteral("factor"), fs::test::benchmarkMatrix(QStringLiteral("nos4")),
                           QStringLiteral("--kind"), QStringLiteral("ic0"), QStringLiteral("--out"),
                           folder.path() + QStringLiteral("/L.mtx")});
    QCOMPARE(f.code, 2);
    QVERIFY2(f.err.contains(reason.toUtf8()) && f.err.contains("L.mtx"), f.err.constData());
}

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
