// The runner on bundled matrices against `factorscope-cli bench --json` (same numbers), the CLI
// schema, time budgets that end as outcomes, and the budget's token (the user's stop forwarded,
// the deadline's told apart from it).
#include "cli_run.h"
#include "bench/budget.h"
#include "bench/outcome.h"
#include "bench/runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <stop_token>

using namespace fs::bench;

namespace {

const QStringList kMatrices = {"LF10", "ani1", "bcsstk01", "mesh1e1", "bcsstm02", "nos4"};

QJsonObject runCli(const QStringList &args, int *code = nullptr)
{
    const fs::test::ProcessRun run = fs::test::runCli(args, 240000);
    if (code)
        *code = run.code;
    return run.json();
}

} // namespace

class TestBenchRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runnerMatchesCli();
    void cliSchema();
    void cliErrors();
    void budgetOverrunDuringSetupIsAnOutcome();
    void budgetOverrunDuringPcgIsAnOutcome();
    void budgetForwardsTheUsersStop();
    void budgetDeadlineRequestsTheStop();
    void cancelStopsEarly();

private:
    QTemporaryDir m_dir;
    QJsonObject m_cli;
};

void TestBenchRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const QString &name : kMatrices)
        QVERIFY(QFile::copy(QString(FS_BENCHMARK_DIR) + "/" + name + ".mtx.gz", m_dir.filePath(name + ".mtx.gz")));
    QVERIFY(QFile::copy(QString(FS_BENCHMARK_DIR) + "/INDEX.csv", m_dir.filePath("INDEX.csv")));
    int code = -1;
    m_cli = runCli({"bench", m_dir.path(), "--json", "--threads", "2"}, &code);
    QCOMPARE(code, 0);
    QVERIFY(!m_cli.isEmpty());
}

void TestBenchRunner::runnerMatchesCli()
{
    const auto inputs = list_directory(m_dir.path().toStdString());
    QCOMPARE(inputs.size(), std::size_t(kMatrices.size()));
    std::vector<MatrixOutcome> outcomes(inputs.size());
    RunCallbacks callbacks;
    int reported = 0;
    callbacks.result = [&](std::size_t i, const MatrixOutcome &o) { outcomes[i] = o; ++reported; };
    RunOptions options;
    options.threads = 3; // a different number of workers from the CLI: numbers must not depend on it
    QCOMPARE(run_benchmark(inputs, options, callbacks), inputs.size());
    QCOMPARE(reported, int(inputs.size()));

    const QJsonArray rows = m_cli["rows"].toArray();
    QCOMPARE(rows.size(), qsizetype(inputs.size()));
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const MatrixOutcome &o = outcomes[i];
        const QJsonObject row = rows[qsizetype(i)].toObject();
        QCOMPARE(row["name"].toString(), QString::fromStdString(o.name));
        QCOMPARE(row["n"].toInteger(), o.n);
        QCOMPARE(row["nnz"].toInteger(), o.nnz);
        QCOMPARE(row["category"].toString(), QString(to_string(o.category)));
        for (PrecondKind m : AllMethods) {
            const QJsonObject r = row[to_string(m)].toObject();
            const MethodOutcome &mo = o.at(m);
            QCOMPARE(r["iterations"].toInt(), mo.iterations);
            QCOMPARE(r["converged"].toBool(), mo.converged);
            QCOMPARE(r["failure"].toString(), QString::fromStdString(mo.failure));
            QCOMPARE(r["kcond"].isNull(), !mo.kcond.has_value());
            if (mo.kcond)
                QVERIFY(std::abs(r["kcond"].toDouble() - *mo.kcond) <= 1e-12 * std::abs(*mo.kcond));
        }
    }
    // Facts about these matrices that could be false: a diagonal matrix needs one Jacobi step,
    // and IC(0) of a dense-banded SPD matrix does not break down.
    const QJsonObject mass = rows[std::distance(inputs.begin(), std::find_if(inputs.begin(), inputs.end(),
                                  [](const BenchInput &in) { return in.name == "bcsstm02"; }))].toObject();
    QCOMPARE(mass["jacobi"].toObject()["iterations"].toInt(), 1);
    QCOMPARE(mass["category"].toString(), QString("tie"));
}

void TestBenchRunner::cliSchema()
{
    QCOMPARE(m_cli["ordering"].toString(), QString("natural"));
    QCOMPARE(m_cli["tol"].toDouble(), 1e-8);
    QCOMPARE(m_cli["maxiter"].toInt(), 10000);
    QVERIFY(m_cli["seconds"].isDouble());
    int total = 0;
    const QJsonObject categories = m_cli["categories"].toObject();
    for (const char *name : {"kopt_only", "kopt_fewer", "ic0_fewer", "ic0_only", "tie", "both_failed", "not_spd"}) {
        const QString c = QString::fromLatin1(name);
        QVERIFY2(categories.contains(c), qPrintable(c));
        total += categories[c].toInt();
    }
    QCOMPARE(total, kMatrices.size());
    for (const auto &value : m_cli["rows"].toArray()) {
        const QJsonObject row = value.toObject();
        for (const char *key : {"name", "group", "file", "kind", "category"})
            QVERIFY2(row[key].isString(), key);
        QVERIFY(row["n"].isDouble() && row["nnz"].isDouble());
        QVERIFY(!row["group"].toString().isEmpty()); // from INDEX.csv
        for (const char *m : {"none", "jacobi", "ic0", "kopt", "spai"}) {
            const QJsonObject r = row[m].toObject();
            QVERIFY2(r["iterations"].isDouble() && r["converged"].isBool(), m);
            QVERIFY2(r.contains("failure") && r.contains("kcond"), m);
            QVERIFY2(!r.contains("history"), m); // only with --history
            QCOMPARE(r["converged"].toBool(), r["failure"].isNull());
        }
    }
}

void TestBenchRunner::cliErrors()
{
    int code = 0;
    runCli({"bench", m_dir.filePath("missing"), "--json"}, &code);
    QCOMPARE(code, 2);
    QTemporaryDir empty;
    runCli({"bench", empty.path(), "--json"}, &code);
    QCOMPARE(code, 2);
    runCli({"bench", m_dir.path(), "--ordering", "rcm"}, &code);
    QCOMPARE(code, 2);
}

void TestBenchRunner::budgetOverrunDuringSetupIsAnOutcome()
{
    RunOptions options;
    options.budget_seconds = 1e-9;
    const MatrixOutcome o = run_matrix({m_dir.filePath("nos4.mtx.gz").toStdString(), "", ""}, options);
    QCOMPARE(o.kind, std::string("spd"));
    for (PrecondKind m : AllMethods)
        QCOMPARE(o.at(m).failure, std::string(FailureTimeBudget));
    QCOMPARE(o.category, Category::BothFailed);
}

void TestBenchRunner::budgetOverrunDuringPcgIsAnOutcome()
{
    // Unpreconditioned CG on bcsstk13 (cond 1e10) runs into the iteration limit after seconds;
    // a 0.2 s budget must stop it there and record the overrun.
    RunOptions options;
    options.budget_seconds = 0.2;
    options.maxiter = 100000;
    options.compute_kcond = false;
    QElapsedTimer clock;
    clock.start();
    const MatrixOutcome o = run_matrix({QString(FS_BENCHMARK_DIR "/bcsstk13.mtx.gz").toStdString(), "", ""}, options);
    const MethodOutcome &none = o.at(PrecondKind::None);
    QCOMPARE(none.failure, std::string(FailureTimeBudget));
    QVERIFY(!none.converged);
    QVERIFY2(none.solve_seconds < 2.0, qPrintable(QString::number(none.solve_seconds)));
    QVERIFY(clock.elapsed() < 60000);
}

void TestBenchRunner::budgetForwardsTheUsersStop()
{
    std::stop_source user;
    {
        const BudgetGuard guard(0.0, user.get_token());
        QVERIFY(!guard.token().stop_requested());
        user.request_stop();
        QVERIFY(guard.token().stop_requested());
        QVERIFY(!guard.expired());
    }
    // A stop requested before the guard exists reaches its token too.
    const BudgetGuard late(60.0, user.get_token());
    QVERIFY(late.token().stop_requested());
    QVERIFY(!late.expired());
    QVERIFY(!late.overrun());
}

void TestBenchRunner::budgetDeadlineRequestsTheStop()
{
    const BudgetGuard guard(0.05, std::stop_token());
    QVERIFY(!guard.token().stop_requested());
    QTRY_VERIFY_WITH_TIMEOUT(guard.token().stop_requested(), 10000);
    QVERIFY(guard.expired());
    QVERIFY(guard.overrun());
    // Without a limit and without a user's token, nothing ever stops.
    const BudgetGuard unlimited(0.0, std::stop_token());
    QTest::qWait(50);
    QVERIFY(!unlimited.token().stop_requested());
    QVERIFY(!unlimited.overrun());
}

void TestBenchRunner::cancelStopsEarly()
{
    const auto inputs = list_directory(m_dir.path().toStdString());
    std::stop_source cancel;
    RunCallbacks callbacks;
    callbacks.result = [&](std::size_t, const MatrixOutcome &) { cancel.request_stop(); };
    RunOptions options;
    options.threads = 1;
    QCOMPARE(run_benchmark(inputs, options, callbacks, cancel.get_token()), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestBenchRunner)
#include "tst_bench_runner.moc"
