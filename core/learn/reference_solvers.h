#pragma once
// The preconditioners a learned factor is judged against (K-optimal, IC(0)) and the PCG that
// judges them, in plain Eigen.
//
// core/precond has faster and more general versions, but it needs CHOLMOD, and the trainer must
// build where only LibTorch and header-only libraries exist. The evaluation sets are small (the
// synthetic benchmark is tridiagonal, n in the hundreds), so the dense K-optimal construction and
// a straightforward row-oriented IC(0) are enough. One implementation is used in both builds so
// that eval.json means the same thing everywhere; tst_learn_reference checks it against
// core/precond where that library exists.

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

/// PCG on A x = b (b = all ones, x0 = 0) with M = L Lᵀ; stops at ‖r‖/‖b‖ <= tol or maxiter.
/// L: lower triangular (only its lower triangle is read). An empty L means no preconditioner.
/// A column of L may carry either sign: M is unchanged by flipping it.
PcgOutcome pcg_with_factor(const sparse::Matrix &A, const sparse::Matrix &L, double tol = 1e-8,
                           int maxiter = 10000);

/// PCG as above with an explicit approximate inverse: z = Minv r. Minv must be symmetric for PCG
/// to be meaningful; an indefinite one shows as failure "indefinite_preconditioner" (rᵀz <= 0).
/// Throws std::invalid_argument when the sizes differ.
PcgOutcome pcg_with_inverse(const sparse::Matrix &A, const sparse::Matrix &Minv, double tol = 1e-8,
                            int maxiter = 10000);

/// {"iterations", "converged", "relres", "failure"?}: one PCG outcome in eval.json.
nlohmann::json pcg_json(const PcgOutcome &outcome);

/// {"converged": count, "median_iterations": median over the converged runs or null}.
nlohmann::json pcg_summary(std::vector<int> convergedIterations);

/// (R + Rᵀ) / 2: how a non-symmetric approximate inverse is applied in PCG.
sparse::Matrix symmetric_part(const sparse::Matrix &R);

/// diag(A)⁻¹ as a sparse matrix (the Jacobi approximate inverse).
sparse::Matrix jacobi_inverse(const sparse::Matrix &A);

/// ‖I − A R‖_F, the quantity SPAI minimises column by column (= ‖I − Rᵀ A‖_F for symmetric A).
double inverse_residual_fro(const sparse::Matrix &A, const sparse::Matrix &R);

/// IC(0) on the pattern of tril(A); nullopt on a breakdown (pivot <= 0 or not finite).
std::optional<sparse::Matrix> ic0_factor(const sparse::Matrix &A);

/// Dense K-optimal factor (Algorithm 1 of [P1]) on the pattern of tril(A), positive diagonal.
/// nullopt when A is not SPD or n > max_n (the dense inverse costs n² memory and n³ time).
std::optional<sparse::Matrix> kopt_factor_dense(const sparse::Matrix &A, int max_n = 4000);

/// Exact Cholesky factor in natural order (lower, positive diagonal); nullopt if not SPD.
std::optional<sparse::Matrix> cholesky_factor(const sparse::Matrix &A);

/// Cosine similarity of the values of two factors on the stored pattern of tril(P):
/// entries missing from either matrix count as zero. 0 when either vector is zero.
double factor_cosine(const sparse::Matrix &X, const sparse::Matrix &Y, const sparse::Matrix &P);

} // namespace fs::learn
