// The coalescing background runner: newest request wins per lane, lower lanes first, a cancelled
// job sees its stop_token and its result is dropped, and Start sees what earlier jobs finished.
#include "widgets/coalescingrunner.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using fs::ui::CoalescingRunner;

namespace {

// A job that blocks its pool thread until `release` is set, so a test can queue behind it.
CoalescingRunner::Start blocking(std::atomic<bool> &release, std::vector<int> &log, int id)
{
    return [&release, &log, id] {
        return CoalescingRunner::Work([&release, &log, id](std::stop_token) {
            while (!release.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return CoalescingRunner::Finish([&log, id] { log.push_back(id); });
        });
    };
}

CoalescingRunner::Start quick(std::vector<int> &log, int id)
{
    return [&log, id] {
        return CoalescingRunner::Work([&log, id](std::stop_token) { return CoalescingRunner::Finish([&log, id] { log.push_back(id); }); });
    };
}

} // namespace

class TestCoalescingRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newestPendingWins();
    void lowerLaneStartsFirst();
    void cancelStopsRunningWorkAndDropsItsResult();
    void emptyWorkIsSkipped();
    void destructorWaitsForRunningWork();
};

void TestCoalescingRunner::newestPendingWins()
{
    CoalescingRunner runner;
    std::atomic<bool> release{false};
    std::vector<int> log;
    runner.submit(1, blocking(release, log, 0));
    QVERIFY(runner.isBusy());
    for (int i = 1; i <= 10; ++i)
        runner.submit(1, quick(log, i));
    release = true;
    runner.waitForIdle();
    // The running job finishes, then only the last of the ten waiting ones runs.
    QCOMPARE(log, (std::vector<int>{0, 10}));
}

void TestCoalescingRunner::lowerLaneStartsFirst()
{
    CoalescingRunner runner;
    std::atomic<bool> release{false};
    std::vector<int> log;
    runner.submit(5, blocking(release, log, 0));
    runner.submit(2, quick(log, 2));
    runner.submit(0, quick(log, 1));
    runner.submit(2, quick(log, 3)); // replaces 2 in its lane
    release = true;
    runner.waitForIdle();
    QCOMPARE(log, (std::vector<int>{0, 1, 3}));
}

void TestCoalescingRunner::cancelStopsRunningWorkAndDropsItsResult()
{
    CoalescingRunner runner;
    std::vector<int> log;
    std::atomic<bool> sawStop{false};
    runner.submit(0, [&] {
        return CoalescingRunner::Work([&](std::stop_token stop) {
            while (!stop.stop_requested())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            sawStop = true;
            return CoalescingRunner::Finish([&log] { log.push_back(1); });
        });
    });
    runner.submit(1, quick(log, 2));
    QVERIFY(runner.isBusy());
    QSignalSpy idle(&runner, &CoalescingRunner::idle);
    runner.cancel();
    runner.waitForIdle();
    QVERIFY(sawStop.load());
    QVERIFY(log.empty()); // neither the cancelled job's result nor the dropped pending one
    QVERIFY(idle.count() >= 1);
    // The runner works again afterwards, with a fresh stop token.
    runner.submit(0, quick(log, 3));
    runner.waitForIdle();
    QCOMPARE(log, std::vector<int>{3});
}

void TestCoalescingRunner::emptyWorkIsSkipped()
{
    CoalescingRunner runner;
    std::vector<int> log;
    int engine = 0; // set by the first job's Finish, read by the second job's Start
    runner.submit(0, [&] {
        return CoalescingRunner::Work([&](std::stop_token) { return CoalescingRunner::Finish([&] { engine = 7; }); });
    });
    runner.submit(1, [&] {
        if (engine != 7)
            return CoalescingRunner::Work();
        return CoalescingRunner::Work([&](std::stop_token) { return CoalescingRunner::Finish([&] { log.push_back(engine); }); });
    });
    runner.submit(2, [] { return CoalescingRunner::Work(); });
    runner.waitForIdle();
    QCOMPARE(log, std::vector<int>{7});
    QVERIFY(!runner.isBusy() && !runner.hasPending());
}

void TestCoalescingRunner::destructorWaitsForRunningWork()
{
    std::atomic<bool> finished{false};
    {
        CoalescingRunner runner;
        runner.submit(0, [&] {
            return CoalescingRunner::Work([&](std::stop_token stop) {
                while (!stop.stop_requested())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                finished = true;
                return CoalescingRunner::Finish();
            });
        });
        QVERIFY(runner.isBusy());
    }
    QVERIFY(finished.load());
}

QTEST_GUILESS_MAIN(TestCoalescingRunner)
#include "tst_coalescingrunner.moc"
