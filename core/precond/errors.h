#pragma once
// Structured errors of the preconditioner library. Callers (CLI, GUI) word them; an IC(0)
// breakdown or a PCG failure is an outcome carried in a result, never one of these.

#include "support/parallel.h"
#include <cstdint>
#include <stdexcept>
#include <string>

namespace fs::precond {

/// A dense computation was refused because its memory estimate exceeds the configured bound.
class SizeRefused : public std::runtime_error {
public:
    SizeRefused(const std::string &what_for, std::int64_t n, std::int64_t estimated_bytes,
                std::int64_t limit_bytes);
    std::int64_t n() const noexcept { return m_n; }
    std::int64_t estimated_bytes() const noexcept { return m_estimated; }
    std::int64_t limit_bytes() const noexcept { return m_limit; }

private:
    std::int64_t m_n;
    std::int64_t m_estimated;
    std::int64_t m_limit;
};

/// The input is not usable as an SPD matrix (not square, not symmetric, or a Cholesky pivot failed).
class NotSpd : public std::runtime_error {
public:
    enum class Reason { NotSquare, NotSymmetric, NotPositiveDefinite };
    NotSpd(Reason reason, const std::string &detail);
    Reason reason() const noexcept { return m_reason; }

private:
    Reason m_reason;
};

/// A stop was requested on the caller's cancel token (thrown by support::parallel_for too).
using Cancelled = support::Cancelled;

/// Human-readable byte count ("1.5 GiB") for refusal messages.
std::string format_bytes(std::int64_t bytes);

} // namespace fs::precond
