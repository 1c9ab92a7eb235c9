#pragma once
// Column scaling of a triangular factor for PCG. Algorithm 1 scales each K-optimal column so that
// diag(L^T A^{-1} L) = 1, the optimum for K(L^T A^{-1} L); PCG applies M = L L^T and sees
// L^{-1} A L^{-T}. Scaling column i by sqrt(d_i), d = diag(L^{-1} A L^{-T}), makes that operator's
// diagonal 1, which minimises its K-condition number over all diagonal scalings (AM-GM on d), so
// it never raises K(L^{-1} A L^{-T}).
//
// d_i = y_i^T A y_i with L^T y_i = e_i: exact for all i costs about n (nnz(L) + nnz(A)) flops (the
// same loop as the trace of kcond_split). Beyond a work bound d is estimated from R Rademacher
// probes v (Bekas, Kokiopoulou and Saad): d ~ mean_k v_k ⊙ (L^{-1} A L^{-T} v_k), three sparse
// passes per probe; its error per entry is reported as the probes' standard error.

#include "sparse/matrix.h"
#include "support/name_table.h"

#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace fs::precond {

enum class KoptScaling {
    Paper, ///< Algorithm 1 as published: diag(L^T A^{-1} L) = 1
    Pcg,   ///< rescaled so that diag(L^{-1} A L^{-T}) = 1
};
inline constexpr support::NameTable<KoptScaling, 2> kKoptScalingNames{{
    {KoptScaling::Paper, "paper"},
    {KoptScaling::Pcg, "pcg"},
}};
const char *to_string(KoptScaling scaling);
std::optional<KoptScaling> parse_kopt_scaling(std::string_view name);

struct SplitDiagonalOptions {
    int threads = 0;
    double max_exact_work = 4e10; ///< flops beyond which the diagonal is estimated
    int probes = 64;              ///< Rademacher probes of the estimate
    std::uint64_t seed = 1;
    std::stop_token cancel;
};

struct SplitDiagonal {
    std::vector<double> d;           ///< diag(L^{-1} A L^{-T})
    bool exact = true;               ///< false: estimated from probes
    int probes = 0;                  ///< probes used (0 when exact)
    double max_relative_error = 0.0; ///< largest standard error / |d_i| of the estimate (0 when exact)
};

/// diag(L^{-1} A L^{-T}) for lower-triangular L (diagonal first per column), A stored in full.
/// Throws Cancelled on cancel.
SplitDiagonal split_diagonal(const sparse::Matrix &A, const sparse::Matrix &L,
                             const SplitDiagonalOptions &options = {});

struct ScaledFactor {
    sparse::Matrix L;       ///< L diag(sqrt(d))
    SplitDiagonal diagonal; ///< d before scaling
};

/// L with column i multiplied by sqrt(d_i), d = split_diagonal(A, L). Throws std::runtime_error
/// when some d_i is not positive and finite (A not SPD or L singular), Cancelled on cancel.
ScaledFactor scale_for_pcg(const sparse::Matrix &A, const sparse::Matrix &L,
                           const SplitDiagonalOptions &options = {});

} // namespace fs::precond
