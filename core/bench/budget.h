#pragma once
// Wall-time budget for one step of the benchmark: the guard owns a stop source whose token PCG,
// the set-ups and the K-condition computation poll. A watchdog thread requests the stop at the
// deadline, and a stop requested on the user's token is forwarded at once, so an overrun ends the
// step with Cancelled instead of stalling the whole run.

#include <atomic>
#include <chrono>
#include <optional>
#include <stop_token>
#include <thread>

namespace fs::bench {

class BudgetGuard {
public:
    /// `seconds` <= 0 means no time limit; a stop requested on `outer` (the user's cancel) is
    /// forwarded to token().
    BudgetGuard(double seconds, std::stop_token outer);
    ~BudgetGuard();
    BudgetGuard(const BudgetGuard &) = delete;
    BudgetGuard &operator=(const BudgetGuard &) = delete;

    /// The token to hand to the build, PCG and K-condition options.
    std::stop_token token() const { return m_source.get_token(); }
    /// True when the stop was requested because the time ran out (not because the user cancelled).
    bool expired() const { return m_expired.load(); }
    /// Checks the deadline now (for steps that cannot poll the token themselves).
    bool overrun() const;

private:
    struct Forward {
        std::stop_source *target;
        void operator()() const { target->request_stop(); }
    };

    // In this order so that the watchdog and the forwarding callback go before the source they use.
    std::stop_source m_source;
    std::atomic<bool> m_expired{false};
    std::chrono::steady_clock::time_point m_deadline;
    bool m_limited;
    std::optional<std::stop_callback<Forward>> m_forward;
    std::jthread m_watchdog;
};

} // namespace fs::bench
