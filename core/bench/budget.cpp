#include "bench/budget.h"

#include <condition_variable>
#include <mutex>

namespace fs::bench {

BudgetGuard::BudgetGuard(double seconds, std::stop_token outer)
    : m_deadline(std::chrono::steady_clock::now()
                 + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                     std::chrono::duration<double>(seconds > 0 ? seconds : 0.0)))
    , m_limited(seconds > 0)
{
    // Forwards at once when the user's stop was requested already.
    if (outer.stop_possible())
        m_forward.emplace(std::move(outer), Forward{&m_source});
    if (!m_limited)
        return;
    m_watchdog = std::jthread([this](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any cv;
        std::unique_lock lock(mutex);
        cv.wait_until(lock, stop, m_deadline, [] { return false; });
        if (stop.stop_requested()) // the guard went away first: the step finished in time
            return;
        // The expiry is recorded before the stop, so whoever sees Cancelled also sees expired().
        if (!m_source.stop_requested())
            m_expired = true;
        m_source.request_stop();
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
