// Sharded benchmarks without a cluster: N shards written into stores of the GUI's format and
// merged equal one unsharded run, merging again changes nothing, a conflicting row is refused
// with its name, `bench show` prints the document `bench DIR --json` prints, and Slurm's array
// variables choose the shard when --shard is not given.
#include "cli_run.h"
#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using fs::test::runCli;
using fs::test::benchFingerprints;
using fs::test::benchRowFingerprint;
using fs::test::runProgram;

namespace {

const QStringList kMatrices = {QStringLiteral("bcsstk01"), QStringLiteral("nos4"), QStringLiteral("LF10"),
                               QStringLiteral("mesh1e1"), QStringLiteral("494_bus")};

QStringList benchArgs(const QString &dir)
{
    return {QStringLiteral("bench"), dir, QStringLiteral("--threads"), QStringLiteral("1")};
}

int rowsInStore(const QString &path)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM outcomes")) && q.next())
                count = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return count;
}

} // namespace

class TestBenchShards : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shardsMergeToTheWholeRun();
    void conflictingRowsAreRefused();
    void slurmArrayChoosesTheShard();
    void badShardsAreUsageErrors_data();
    void badShardsAreUsageErrors();
    void submitDryRunWritesNothing();

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    QJsonObject m_whole;
};

void TestBenchShards::initTestCase()
{
    m_dir = m_tmp.filePath(QStringLiteral("matrices"));
    QVERIFY(QDir().mkpath(m_dir));
    for (const QString &name : kMatrices)
        QVERIFY(QFile::copy(fs::test::benchmarkMatrix(name), m_dir + QLatin1Char('/') + name + QStringLiteral(".mtx.gz")));
    const auto whole = runCli(benchArgs(m_dir) << QStringLiteral("--json"), 600000);
    QVERIFY2(whole.code == 0, whole.err.constData());
    m_whole = whole.json();
    QCOMPARE(m_whole.value(QStringLiteral("rows")).toArray().size(), kMatrices.size());
}

void TestBenchShards::shardsMergeToTheWholeRun()
{
    // Shard k of 2 takes the name-sorted positions k-1, k+1, ...: 3 and 2 of the 5 matrices.
    QStringList shards;
    QStringList names;
    for (int k = 1; k <= 2; ++k) {
        const QString store = m_tmp.filePath(QStringLiteral("shard-%1.sqlite").arg(k));
        const auto r = runCli(benchArgs(m_dir) << QStringLiteral("--shard") << QStringLiteral("%1/2").arg(k)
                                               << QStringLiteral("--store") << store << QStringLiteral("--json"),
                              600000);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("shard")).toObject().value(QStringLiteral("index")).toInt(), k);
        QCOMPARE(doc.value(QStringLiteral("rows")).toArray().size(), k == 1 ? 3 : 2);
        QCOMPARE(rowsInStore(store), k == 1 ? 3 : 2);
        for (const QJsonValue &row : doc.value(QStringLiteral("rows")).toArray())
            names.append(row.toObject().value(QStringLiteral("name")).toString());
        shards.append(store);
    }
    names.sort();
    QStringList all;
    for (const QJsonValue &row : m_whole.value(QStringLiteral("rows")).toArray())
        all.append(row.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(names, all); // every matrix in exactly one shard

    const QString merged = m_tmp.filePath(QStringLiteral("merged.sqlite"));
    auto m = runCli(QStringList{QStringLiteral("bench"), QStringLiteral("merge"), QStringLiteral("--into"), merged,
                                QStringLiteral("--json")}
                    + shards);
    QVERIFY2(m.code == 0, m.err.constData());
    QCOMPARE(m.json().value(QStringLiteral("added")).toInt(), kMatrices.size());
    // Merging the same shards again adds nothing and changes no row.
    m = runCli(QStringList{QStringLiteral("bench"), QStringLiteral("merge"), QStringLiteral("--into"), merged,
                           QStringLiteral("--json")}
               + shards);
    QVERIFY2(m.code == 0, m.err.constData());
    QCOMPARE(m.json().value(QStringLiteral("added")).toInt(), 0);
    QCOMPARE(m.json().value(QStringLiteral("already_there")).toInt(), kMatrices.size());
    QCOMPARE(rowsInStore(merged), kMatrices.size());

    // bench show prints the whole run's document: the same rows, settings and categories.
    const auto shown = runCli({QStringLiteral("bench"), QStringLiteral("show"), merged, QStringLiteral("--json")});
    QVERIFY2(shown.code == 0, shown.err.constData());
    const QJsonObject doc = shown.json();
    QCOMPARE(benchFingerprints(doc), benchFingerprints(m_whole));
    for (const char *key : {"settings", "ordering", "tol", "maxiter", "rhs", "categories", "within_noise"})
        QVERIFY2(doc.value(QLatin1String(key)) == m_whole.value(QLatin1String(key)), key);
    QCOMPARE(QDir(doc.value(QStringLiteral("directory")).toString()).canonicalPath(), QDir(m_dir).canonicalPath());
    // The text form lists every matrix.
    const auto text = runCli({QStringLiteral("bench"), QStringLiteral("show"), merged});
    QCOMPARE(text.code, 0);
    for (const QString &name : kMatrices)
        QVERIFY(text.out.contains(name.toUtf8()));
}

void TestBenchShards::conflictingRowsAreRefused()
{
    // A store whose row for one matrix says something else (here: other iteration counts) is
    // refused by name, and the store merged into keeps what it had.
    const QString a = m_tmp.filePath(QStringLiteral("conflict-a.sqlite")), b = m_tmp.filePath(QStringLiteral("conflict-b.sqlite"));
    QCOMPARE(runCli(benchArgs(m_dir) << QStringLiteral("--shard") << QStringLiteral("1/5") << QStringLiteral("--store") << a).code, 0);
    QVERIFY(QFile::copy(a, b));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(b);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT key, outcome FROM outcomes")) && q.next());
        const QString key = q.value(0).toString();
        QJsonObject o = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        QJsonObject jacobi = o.value(QStringLiteral("jacobi")).toObject();
        jacobi.insert(QStringLiteral("iterations"), jacobi.value(QStringLiteral("iterations")).toInt() + 7);
        o.insert(QStringLiteral("jacobi"), jacobi);
        QSqlQuery u(db);
        u.prepare(QStringLiteral("UPDATE outcomes SET outcome = ? WHERE key = ?"));
        u.addBindValue(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        u.addBindValue(key);
        QVERIFY(u.exec());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    const QString into = m_tmp.filePath(QStringLiteral("conflict-into.sqlite"));
    QCOMPARE(runCli({QStringLiteral("bench"), QStringLiteral("merge"), QStringLiteral("--into"), into, a}).code, 0);
    const auto r = runCli({QStringLiteral("bench"), QStringLiteral("merge"), QStringLiteral("--into"), into, b});
    QCOMPARE(r.code, 2); // every error of factorscope-cli exits with 2
    QVERIFY2(r.err.startsWith("error: conflicting rows for matrix "), r.err.constData());
    // Shard 1 of 5 is the first matrix of the name-sorted list.
    const QByteArray first = m_whole.value(QStringLiteral("rows")).toArray().at(0).toObject().value(QStringLiteral("name")).toString().toUtf8();
    QVERIFY2(r.err.contains("matrix " + first + " ") && r.err.contains("conflict-b.sqlite"), r.err.constData());
    QCOMPARE(rowsInStore(into), 1);
    // Merging a store into itself is bad usage.
    const QString violation = fs::test::usageErrorViolation(
        runCli({QStringLiteral("bench"), QStringLiteral("merge"), QStringLiteral("--into"), a, a}));
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

void TestBenchShards::slurmArrayChoosesTheShard()
{
    // Under an array job (tasks 3..5 here) without --shard, task 4 is shard 2 of 3.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("4"));
    env.insert(QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("3"));
    env.insert(QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QStringLiteral("3"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FS_CLI_PATH), benchArgs(m_dir) << QStringLiteral("--json"));
    QVERIFY(p.waitForFinished(600000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(doc.value(QStringLiteral("shard")).toObject().value(QStringLiteral("index")).toInt(), 2);
    QCOMPARE(doc.value(QStringLiteral("shard")).toObject().value(QStringLiteral("count")).toInt(), 3);
    const QJsonArray rows = doc.value(QStringLiteral("rows")).toArray();
    const QJsonArray all = m_whole.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 2); // positions 1 and 4 of 5
    QCOMPARE(benchRowFingerprint(rows.at(0).toObject()), benchRowFingerprint(all.at(1).toObject()));
    QCOMPARE(benchRowFingerprint(rows.at(1).toObject()), benchRowFingerprint(all.at(4).toObject()));
    // A task id beyond MIN + COUNT - 1 is refused, not silently mis-sharded.
    env.insert(QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("9"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FS_CLI_PATH), benchArgs(m_dir));
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("contiguous array"));
}

void TestBenchShards::badShardsAreUsageErrors_data()
{
    QTest::addColumn<QString>("shard");
    QTest::newRow("zero") << QStringLiteral("0/2");
    QTest::newRow("beyond") << QStringLiteral("3/2");
    QTest::newRow("no slash") << QStringLiteral("2");
    QTest::newRow("words") << QStringLiteral("a/b");
}

void TestBenchShards::badShardsAreUsageErrors()
{
    QFETCH(QString, shard);
    const QString violation =
        fs::test::usageErrorViolation(runCli(benchArgs(m_dir) << QStringLiteral("--shard") << shard), QStringLiteral("--shard"));
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

void TestBenchShards::submitDryRunWritesNothing()
{
    // --dry-run prints both scripts (the shard array and the merge after it) and touches nothing.
    const QString store = m_tmp.filePath(QStringLiteral("dry/results.sqlite"));
    const auto r = runCli({QStringLiteral("submit"), QStringLiteral("bench"), m_dir, QStringLiteral("--tasks"),
                           QStringLiteral("3"), QStringLiteral("--store"), store, QStringLiteral("--partition"),
                           QStringLiteral("short"), QStringLiteral("--time"), QStringLiteral("10:00"),
                           QStringLiteral("--sbatch-arg=--mem=2G"), QStringLiteral("--dry-run")});
    QVERIFY2(r.code == 0, r.err.constData());
    for (const char *needle : {"#SBATCH --array=1-3", "#SBATCH --partition=short", "#SBATCH --time=10:00",
                               "#SBATCH --mem=2G", "bench merge --into", "shard-3.sqlite", "afterok"})
        QVERIFY2(r.out.contains(needle), needle);
    QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("dry"))));
    const auto sweep = runCli({QStringLiteral("submit"), QStringLiteral("sweep"), QStringLiteral("--dataset"), m_dir,
                               QStringLiteral("--models"), QStringLiteral("mlp"), QStringLiteral("--depths"),
                               QStringLiteral("1"), QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("runs"))});
    // m_dir is no dataset: said before anything is submitted.
    const QString violation = fs::test::usageErrorViolation(sweep, QStringLiteral("manifest.json"));
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

QTEST_GUILESS_MAIN(TestBenchShards)
#include "tst_bench_shards.moc"
