#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <map>
#include <stop_token>

namespace fs::ui {

// Runs background work one job at a time off the GUI thread, for views that recompute on every
// slider step: while a job runs, a newer request replaces the pending one of its lane (the newest
// wins, stale work never queues up), and the running job can be asked to stop through its
// std::stop_token. Lanes order what is pending: a lower lane starts first (a view's "set up"
// lane before its "evaluate" lane).
class CoalescingRunner : public QObject
{
    Q_OBJECT

public:
    /// Runs on the GUI thread after the work, unless the runner was cancelled meanwhile.
    using Finish = std::function<void()>;
    /// Runs on a pool thread.
    using Work = std::function<Finish(std::stop_token)>;
    /// Runs on the GUI thread when the job is about to start, so it sees what earlier jobs
    /// finished; an empty Work means there is nothing left to do for this request.
    using Start = std::function<Work()>;

    explicit CoalescingRunner(QObject *parent = nullptr);
    /// Asks the running job to stop and waits for it.
    ~CoalescingRunner() override;

    /// Replaces the pending request of `lane` and starts it when nothing runs.
    void submit(int lane, Start start);
    /// Forgets the pending request of `lane`.
    void drop(int lane);
    /// Forgets every pending request and asks the running job to stop; its Finish is not run.
    void cancel();

    bool isBusy() const { return m_busy; }
    bool hasPending() const { return !m_pending.empty(); }
    bool hasPending(int lane) const { return m_pending.count(lane) > 0; }
    /// Processes events until nothing runs or is pending (tests and headless rendering).
    void waitForIdle();

Q_SIGNALS:
    /// Nothing runs and nothing is pending.
    void idle();

private:
    void startNext();
    void jobDone();

    std::map<int, Start> m_pending;
    QFutureWatcher<Finish> m_watcher;
    std::stop_source m_stop;
    bool m_busy = false;
};

} // namespace fs::ui
