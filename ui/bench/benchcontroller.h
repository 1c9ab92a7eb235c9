#pragma once

#include "bench/benchstore.h"

#include <bench/runner.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <stop_token>

namespace fs::ui {

// Runs the benchmark on a worker thread and hands each finished matrix to the GUI thread as a
// queued signal, so the store and the models are only touched there. Matrices whose stored result
// (same file contents, same settings) is known are skipped.
class BenchController : public QObject
{
    Q_OBJECT

public:
    explicit BenchController(QObject *parent = nullptr);
    ~BenchController() override;

    /// Starts a run unless one is in progress. `known`: keys already stored.
    bool start(const std::vector<fs::bench::BenchInput> &inputs, const fs::bench::RunOptions &options,
               const QSet<QString> &known);
    void cancel();
    bool isRunning() const { return m_running; }
    /// Blocks (processing events) until the run ends; for tests and batch rendering.
    void waitForFinished();

    int total() const { return m_total; }
    int done() const { return m_done.load(); }
    int skipped() const { return m_skipped.load(); }
    /// Matrices actually computed since construction (not taken from the store).
    int computedCount() const { return m_computed; }
    qint64 elapsedMs() const { return m_running ? m_clock.elapsed() : m_lastElapsed; }

Q_SIGNALS:
    void started(int total);
    void resultReady(const fs::ui::BenchRecord &record);
    void finished(bool cancelled);

private:
    void deliver(const BenchRecord &record);

    QFutureWatcher<void> m_watcher;
    std::stop_source m_cancel; ///< a fresh one per run; its token goes to the worker
    std::atomic<int> m_done{0};
    std::atomic<int> m_skipped{0};
    int m_total = 0;
    int m_computed = 0;
    bool m_running = false;
    QElapsedTimer m_clock;
    qint64 m_lastElapsed = 0;
};

} // namespace fs::ui
