#pragma once
// eval.json, the evaluation factorscope-train writes when a run finishes: its schema, the pieces
// both evaluations (factor GNNs and the generative SPAI model) write it from, and the parser that
// reads it back into plain values.
//
//   factor GNNs  {"summary": {"samples", "mean_cos", "pcg_<method>": SUMMARY}, "samples": [{"name",
//                 "n", "cos", "cos_kopt", "cos_ic0", "pcg": {"predicted" | "kopt" | "ic0" | "target" |
//                 "none": PCG}}]}
//   gcvae        {"kind": "gcvae", "target": "spai" | "fsai" (absent: spai), "pattern": 1 | 2,
//                 "summary": {"samples", "latent_draws", "mean_cos", "spd"? (fsai: test matrices
//                 whose decoded G all have a positive diagonal), "pcg_<method>": SUMMARY},
//                 "samples": [{"name", "n", "cos", "residual" (spai: ‖I − A R‖_F) | "kcond" (fsai:
//                 K(G A Gᵀ)): {method: num}, "spd"? (fsai), "pcg": {method: PCG}, "nnz": {method: int}}]}
//   PCG          {"iterations", "converged", "relres", "failure"?}; a reference factor that could
//                 not be built: {"converged": false, "failure": "breakdown" | "unavailable"}
//   SUMMARY      {"converged": count, "median_iterations": int | null}
//
// The PCG runs are core/precond's numerics (the CLI and the GUI run the same code); this file only
// fixes the protocol (b = 1, x0 = 0, ‖r‖/‖b‖ <= 1e-8, at most 10000 iterations) and the failure
// names.

#include "sparse/matrix.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fs::dataset {

// --- One PCG run ---

struct PcgOutcome {
    int iterations = 0;
    bool converged = false;
    double relres = 0.0; ///< ‖r‖/‖b‖ reached; NaN when read from a file that has none
    std::string failure; ///< "", "max_iterations", "breakdown", "not_finite", "singular_factor",
                         ///< "indefinite_preconditioner"; as written when read from a file
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

/// PCG with a factorized approximate inverse, M⁻¹ = GᵀG (FSAI's G, lower triangular; applied as
/// two sparse products, without forming GᵀG). Throws std::invalid_argument when the sizes differ or
/// G is not lower triangular.
PcgOutcome pcg_with_fsai(const sparse::Matrix &A, const sparse::Matrix &G, double tol = 1e-8, int maxiter = 10000);

/// PCG with Jacobi, M = diag(A); a diagonal entry <= 0 is "indefinite_preconditioner".
PcgOutcome pcg_with_jacobi(const sparse::Matrix &A, double tol = 1e-8, int maxiter = 10000);

// --- Writing ---

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

// --- Reading ---

class EvalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct EvalSample {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::string name;
    int n = 0;
    double cos = nan;
    double cos_kopt = nan; ///< factor GNNs
    double cos_ic0 = nan;  ///< factor GNNs
    /// gcvae: what the target minimises, by method (NaN when not a number): ‖I − A R‖_F (spai) or
    /// K(G A Gᵀ) (fsai)
    std::map<std::string, double> residual;
    std::map<std::string, PcgOutcome> pcg;      ///< by method; methods whose value is no object are absent
    std::map<std::string, std::int64_t> nnz;    ///< gcvae: nonzeros by method
};

enum class EvalKind { Factor, Gcvae };

struct EvalReport {
    EvalKind kind = EvalKind::Factor;
    std::string target = "spai"; ///< gcvae: "spai" or "fsai"
    int pattern = 1;             ///< gcvae: the targets' pattern, A (1) or A² (2)
    double mean_cos = std::numeric_limits<double>::quiet_NaN(); ///< summary.mean_cos
    std::vector<EvalSample> samples;
};

/// Reads an eval.json object; missing or ill-typed members keep their defaults (a PCG object
/// without "relres" reads as NaN). Throws EvalError when j is not an object.
EvalReport parse_eval(const nlohmann::json &j);
/// The same from the file's text. Throws EvalError for text that is not a JSON object.
EvalReport parse_eval_text(std::string_view text);

} // namespace fs::dataset

namespace fs::learn {
// The names the trainer's evaluations write eval.json with.
using dataset::PcgOutcome;
using dataset::factor_cosine;
using dataset::pcg_json;
using dataset::pcg_summary;
using dataset::pcg_with_factor;
using dataset::pcg_with_fsai;
using dataset::pcg_with_inverse;
using dataset::pcg_with_jacobi;
using dataset::reference_ic0;
using dataset::reference_kopt;
} // namespace fs::learn
