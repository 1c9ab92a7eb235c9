#pragma once
// The parts of eval.json both evaluations (factor GNNs and the generative SPAI model) share: a PCG
// run as eval.json records it, the per-method summary, and the reference factors. The numerics
// are core/precond's (the CLI and the GUI run the same code); this file only fixes the protocol
// (b = 1, x0 = 0, ‖r‖/‖b‖ <= 1e-8, at most 10000 iterations) and the schema's failure names.

#include "sparse/matrix.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace fs::learn {

struct PcgOutcome {
    int iterations = 0;
    bool converged = false;
    double relres = 0.0;
    std::string failure; ///< "", "max_iterations", "breakdown", "not_finite", "singular_factor",
                         ///< "indefinite_preconditioner"
};

/// PCG with M = L Lᵀ. Only the lower triangle of L is read; an empty L means no preconditioner. A
/// column of L may carry either sign (M is unchanged by flipping it); a zero or non-finite diagonal
/// entry is failure "singular_factor". p^T A p <= 0 or r^T z <= 0 is "breakdown".
PcgOutcome pcg_with_factor(const sparse::Matrix &A, const sparse::Matrix &L, double tol = 1e-8,
                           int maxiter = 10000);

/// PCG with an explicit approximate inverse, z = Minv r. Minv must be symmetric for PCG to be
/// meaningful; an indefinite one shows as failure "indefinite_preconditioner" (r^T z <= 0).
/// Throws std::invalid_argument when the sizes differ.
PcgOutcome pcg_with_inverse(const sparse::Matrix &A, const sparse::Matrix &Minv, double tol = 1e-8,
                            int maxiter = 10000);

/// PCG with Jacobi, M = diag(A); a diagonal entry <= 0 is "indefinite_preconditioner".
PcgOutcome pcg_with_jacobi(const sparse::Matrix &A, double tol = 1e-8, int maxiter = 10000);

/// {"iterations", "converged", "relres", "failure"?}: one PCG outcome in eval.json.
nlohmann::json pcg_json(const PcgOutcome &outcome);

/// {"converged": count, "median_iterations": median over the converged runs or null}.
nlohmann::json pcg_summary(std::vector<int> convergedIterations);

/// IC(0) of A (precond::ic0); nullopt on a breakdown.
std::optional<sparse::Matrix> reference_ic0(const sparse::Matrix &A);

/// The dense K-optimal factor of A (precond::kopt_dense) for n <= max_n; nullopt when A is larger
/// (the dense inverse costs n² memory and n³ time) or not SPD.
std::optional<sparse::Matrix> reference_kopt(const sparse::Matrix &A, int max_n = 4000);

/// Cosine similarity of the values of two factors on the stored pattern of tril(P): entries
/// missing from either matrix count as zero. 0 when either vector is zero.
double factor_cosine(const sparse::Matrix &X, const sparse::Matrix &Y, const sparse::Matrix &P);

} // namespace fs::learn
