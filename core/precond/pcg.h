#pragma once
// Preconditioned conjugate gradients for SPD systems, with the failure modes kept as outcomes.

#include "precond/preconditioner.h"
#include "sparse/matrix.h"
#include "support/name_table.h"

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

namespace fs::precond {

struct PcgOptions {
    double tol = 1e-8;   ///< stop when ||r_k||_2 / ||b||_2 <= tol
    int maxiter = 10000; ///< iteration limit (a run that reaches it has not converged)
    bool record_history = true;
    std::stop_token cancel; ///< checked every iteration; a requested stop throws Cancelled
};

enum class PcgFailure {
    None,
    MaxIterations,          ///< the limit was reached before the tolerance
    IndefiniteOperator,     ///< p^T A p <= 0: A is not positive definite along p
    IndefinitePreconditioner, ///< r^T M^{-1} r <= 0: the preconditioner is not positive definite
    NotFinite,              ///< NaN or Inf appeared (overflow, or a singular preconditioner)
};

inline constexpr support::NameTable<PcgFailure, 5> kPcgFailureNames{{
    {PcgFailure::None, "none"},
    {PcgFailure::MaxIterations, "max_iterations"},
    {PcgFailure::IndefiniteOperator, "indefinite_operator"},
    {PcgFailure::IndefinitePreconditioner, "indefinite_preconditioner"},
    {PcgFailure::NotFinite, "not_finite"},
}};

/// Stable lower-case identifier of a failure ("max_iterations", ...); "none" for None.
const char *to_string(PcgFailure failure);

struct PcgResult {
    sparse::Vector x;
    int iterations = 0;  ///< iterations performed (0 when b = 0 or x0 = 0 already satisfies tol)
    bool converged = false;
    double relres = 0.0; ///< ||b - A x||_2 / ||b||_2 from the recurrence (see true_relres)
    PcgFailure failure = PcgFailure::None;
    /// Relative residual before iteration 1 (= 1) and after each iteration.
    std::vector<double> history;
};

/// Solves A x = b by PCG from x0 = 0. A: symmetric, both triangles stored, compressed
/// (read_matrix_market output); the products use A's columns as rows, so a nearly symmetric A acts
/// as A^T. The preconditioner is applied as z = M^{-1} r. The stopping test uses the recursively
/// updated residual. Never throws for numerical failures; throws std::invalid_argument for
/// mismatched sizes or uncompressed storage, Cancelled on cancel.
PcgResult pcg(const sparse::Matrix &A, const sparse::Vector &b, const Preconditioner &M,
              const PcgOptions &options = {});

/// ||b - A x||_2 / ||b||_2 computed directly (to check the recurrence's residual).
double true_relres(const sparse::Matrix &A, const sparse::Vector &b, const sparse::Vector &x);

/// Right-hand side: all ones, or uniform in [-1, 1] from a seeded generator (std::mt19937_64,
/// so the same seed gives the same vector on every platform).
sparse::Vector make_rhs(int n, bool random, std::uint64_t seed = 0);

} // namespace fs::precond
