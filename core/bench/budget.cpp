#include "bench/budget.h"

#include <condition_variable>
#include <mutex>

namespace fs::bench {

BudgetGuard::BudgetGuard(double seconds, const std::atomic<bool> *outer)
    : m_outer(outer)
    , m_deadline(std::chrono::steady_clock::now()
                 + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                     std::chrono::duration<double>(seconds > 0 ? seconds : 0.0)))
    , m_limited(seconds > 0)
{
    if (!m_limited && !m_outer)
        return;
    m_watchdog = std::jthread([this](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any cv;
        std::unique_lock lock(mutex);
        // Polling (rather than one wait until the deadline) also forwards the user's cancel.
        while (!stop.stop_requested()) {
            if (m_outer && m_outer->load()) {
                m_flag = true;
                return;
            }
            if (m_limited && std::chrono::steady_clock::now() >= m_deadline) {
                m_expired = true;
                m_flag = true;
                return;
            }
            cv.wait_for(lock, stop, std::chrono::milliseconds(20), [] { return false; });
        }
    });
}

BudgetGuard::~BudgetGuard()
{
    m_watchdog.request_stop();
}

bool BudgetGuard::overrun() const
{
    return m_expired.load() || (m_limited && std::chrono::steady_clock::now() >= m_deadline);
}

} // namespace fs::bench
