#pragma once
// JSON form of a benchmark outcome: the CLI prints it and the GUI stores it, so both read the same
// fields.

#include "bench/outcome.h"

#include <string>

namespace fs::bench {

/// One row of `factorscope-cli bench --json`: name, group, file, n, nnz, kind, category,
/// not_spd_reason, seconds, and per method {iterations, converged, failure, kcond, ...}.
/// Residual histories are included only when `with_history`.
std::string to_json(const MatrixOutcome &outcome, bool with_history);

/// Inverse of to_json. Throws std::runtime_error on malformed input.
MatrixOutcome from_json(const std::string &text);

} // namespace fs::bench
