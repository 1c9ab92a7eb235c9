#include "widgets/coalescingrunner.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace fs::ui {

namespace {

// A runner's work is background work: its pool thread gives way to the GUI thread whenever both
// want a core (nice +10 for this thread and the threads it starts, such as K-optimal's workers),
// so a dragged slider stays smooth on a machine with as many busy threads as cores. Raising one's
// own nice value needs no privilege; on other systems this does nothing.
void yield_to_gui_thread()
{
#ifdef __linux__
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        const int current = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
        if (current < 10)
            setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    }
#endif
}

} // namespace

CoalescingRunner::CoalescingRunner(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Finish>::finished, this, &CoalescingRunner::jobDone);
}

CoalescingRunner::~CoalescingRunner()
{
    m_pending.clear();
    m_stop.request_stop();
    m_watcher.waitForFinished();
}

void CoalescingRunner::submit(int lane, Start start)
{
    m_pending[lane] = std::move(start);
    startNext();
}

void CoalescingRunner::drop(int lane)
{
    m_pending.erase(lane);
}

void CoalescingRunner::cancel()
{
    m_pending.clear();
    m_stop.request_stop();
}

void CoalescingRunner::waitForIdle()
{
    while (m_busy || !m_pending.empty()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_busy)
            QThread::msleep(1);
    }
}

void CoalescingRunner::startNext()
{
    while (!m_busy && !m_pending.empty()) {
        const auto first = m_pending.begin();
        const Start start = std::move(first->second);
        m_pending.erase(first);
        Work work = start ? start() : Work();
        if (!work)
            continue;
        m_stop = std::stop_source();
        m_busy = true;
        m_watcher.setFuture(QtConcurrent::run([work = std::move(work), token = m_stop.get_token()] {
            yield_to_gui_thread();
            return work(token);
        }));
    }
    if (!m_busy && m_pending.empty())
        Q_EMIT idle();
}

void CoalescingRunner::jobDone()
{
    m_busy = false;
    const bool cancelled = m_stop.stop_requested();
    const Finish finish = m_watcher.future().result();
    if (finish && !cancelled)
        finish();
    startNext();
}

} // namespace fs::ui
