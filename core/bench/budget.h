#pragma once
// Wall-time budget for one step of the benchmark: a watchdog thread raises the cancel flag that
// PCG and the K-condition computation poll, so an overrun ends the step with Cancelled instead of
// stalling the whole run.

#include <atomic>
#include <chrono>
#include <thread>

namespace fs::bench {

class BudgetGuard {
public:
    /// `seconds` <= 0 means no time limit; `outer` (optional) is the user's cancel flag, forwarded.
    BudgetGuard(double seconds, const std::atomic<bool> *outer);
    ~BudgetGuard();
    BudgetGuard(const BudgetGuard &) = delete;
    BudgetGuard &operator=(const BudgetGuard &) = delete;

    /// The flag to hand to PCG / K-condition options.
    const std::atomic<bool> *flag() const { return &m_flag; }
    /// True when the flag went up because the time ran out (not because the user cancelled).
    bool expired() const { return m_expired.load(); }
    /// Checks the deadline now (for steps that cannot poll the flag themselves).
    bool overrun() const;

private:
    std::atomic<bool> m_flag{false};
    std::atomic<bool> m_expired{false};
    const std::atomic<bool> *m_outer;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_limited;
    std::jthread m_watchdog;
};

} // namespace fs::bench
