#include "bench/benchcontroller.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::ui {

BenchController::BenchController(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        m_running = false;
        m_lastElapsed = m_clock.elapsed();
        Q_EMIT finished(m_cancel.stop_requested());
    });
}

BenchController::~BenchController()
{
    cancel();
    m_watcher.waitForFinished();
}

bool BenchController::start(const std::vector<fs::bench::BenchInput> &inputs,
                            const fs::bench::RunOptions &options, const QSet<QString> &known)
{
    if (m_running)
        return false;
    m_cancel = std::stop_source();
    m_done = 0;
    m_skipped = 0;
    m_total = int(inputs.size());
    m_running = true;
    m_clock.start();
    Q_EMIT started(m_total);

    const QString settings = QString::fromStdString(fs::bench::settings_key(options));
    QPointer<BenchController> self(this);
    const std::stop_token cancel = m_cancel.get_token();
    m_watcher.setFuture(QtConcurrent::run([=, this] {
        // Hashing reads every file once; it runs here so a large folder does not freeze the GUI.
        std::vector<fs::bench::BenchInput> todo;
        QStringList hashes;
        for (const auto &input : inputs) {
            if (cancel.stop_requested())
                return;
            const QString hash = BenchStore::hashFile(QString::fromStdString(input.file));
            if (!hash.isEmpty() && known.contains(BenchStore::makeKey(hash, settings))) {
                ++m_skipped;
                ++m_done;
                continue;
            }
            todo.push_back(input);
            hashes.append(hash);
        }
        fs::bench::RunCallbacks callbacks;
        callbacks.result = [&](std::size_t i, const fs::bench::MatrixOutcome &outcome) {
            BenchRecord record;
            record.fileHash = hashes.at(qsizetype(i));
            record.settings = settings;
            record.key = BenchStore::makeKey(record.fileHash, settings);
            record.outcome = outcome;
            ++m_done;
            QMetaObject::invokeMethod(
                self, [self, record] { if (self) self->deliver(record); }, Qt::QueuedConnection);
        };
        fs::bench::run_benchmark(todo, options, callbacks, cancel);
    }));
    return true;
}

void BenchController::deliver(const BenchRecord &record)
{
    ++m_computed;
    Q_EMIT resultReady(record);
}

void BenchController::cancel()
{
    m_cancel.request_stop();
}

void BenchController::waitForFinished()
{
    if (!m_running)
        return;
    QEventLoop loop;
    connect(this, &BenchController::finished, &loop, &QEventLoop::quit);
    loop.exec();
    // Results queued just before the end are delivered before anyone looks at the store.
    QCoreApplication::processEvents();
}

} // namespace fs::ui
