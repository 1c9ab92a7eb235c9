#pragma once
// One entry point that turns (A, kind) into a ready preconditioner, for the CLI, the benchmark
// runner and the GUI alike, plus the K-condition number of the operator PCG then sees.

#include "precond/kcond.h"
#include "precond/kind.h"
#include "precond/kopt_scaling.h"
#include "precond/ordering.h"
#include "precond/preconditioner.h"
#include "sparse/matrix.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

namespace fs::precond {

/// How the K-optimal factor obtains the entries of A^{-1} it needs.
enum class KoptMethod {
    Auto,   ///< dense up to auto_dense_max_n, selected inversion beyond
    Dense,  ///< the dense inverse (the paper's method; n up to a few thousand)
    Selinv, ///< selected inversion on the Cholesky factor's pattern (scales to 10^6 rows)
};
inline constexpr support::NameTable<KoptMethod, 3> kKoptMethodNames{{
    {KoptMethod::Auto, "auto"},
    {KoptMethod::Dense, "dense"},
    {KoptMethod::Selinv, "selinv"},
}};
/// "auto", "dense", "selinv".
const char *to_string(KoptMethod method);
std::optional<KoptMethod> parse_kopt_method(std::string_view name);

struct BuildOptions {
    int threads = 0;                                       ///< 0 = hardware concurrency
    std::int64_t max_dense_bytes = std::int64_t(2) << 30; ///< K-optimal dense bound
    KoptMethod kopt_method = KoptMethod::Auto;
    int auto_dense_max_n = 1500;                          ///< Auto uses the dense inverse up to this n
    /// Selected inversion refuses when its estimate exceeds this (0 = half the physical memory).
    std::int64_t max_selinv_bytes = 0;
    int spai_pattern_power = 1; ///< SPAI on the pattern of A (1) or A² (2)
    /// K-optimal column scaling: Algorithm 1's (paper) or diag(L^-1 A L^-T) = 1 (pcg).
    KoptScaling kopt_scaling = KoptScaling::Paper;
    /// pcg scaling: exact diagonal up to this many flops, a probe estimate beyond (kopt_scaling.h).
    double kopt_scaling_max_exact_work = 4e10;
    int fsai_pattern_power = 1; ///< FSAI on the pattern of tril(A) (1) or tril(A²) (2)
    /// SPAI: keep the symmetrised (M + Mᵀ)/2 that PCG applies (true), or M itself (false: the
    /// approximate inverse as computed, applied as given).
    bool spai_symmetric = true;
    /// Stops K-optimal and SPAI, the set-ups that can run for minutes, when the caller (e.g. a
    /// time-budget watchdog) requests it; they then throw Cancelled.
    std::stop_token cancel;
};

/// A problem moved into a fill-reducing ordering: every preconditioner of a comparison is built
/// for `A` (= P A_orig Pᵀ), so they all belong to the same ordering.
struct OrderedProblem {
    sparse::Matrix A;
    std::vector<int> perm; ///< perm[k] = original index at position k
    Ordering ordering = Ordering::Natural;
};

/// Reorders A (no copy of the pattern logic elsewhere: CLI, runner and GUI all call this).
OrderedProblem order_problem(const sparse::Matrix &A, Ordering ordering);

struct BuiltPreconditioner {
    PrecondKind kind = PrecondKind::None;
    /// Null only when the construction broke down (IC(0) pivot).
    std::unique_ptr<Preconditioner> preconditioner;
    /// Lower-triangular L (ic0, kopt, cholesky), the FSAI factor G (fsai), the SPAI inverse (spai; symmetrised unless
    /// BuildOptions::spai_symmetric is off), or empty.
    sparse::Matrix matrix;
    bool ok = true;
    int breakdown_column = -1; ///< 0-based, IC(0) only
    double breakdown_pivot = 0.0;
    double seconds = 0.0;      ///< wall time of the construction
    /// For K-optimal: the method actually used ("dense" or "selinv"); empty otherwise.
    std::string method;
    /// For K-optimal with KoptScaling::Pcg: how diag(L^-1 A L^-T) was obtained.
    std::optional<SplitDiagonal> scaling;
};

/// Builds the preconditioner of the given kind for the SPD matrix A (stored in full), in A's own
/// ordering (reorder first with order_problem): the one dispatch from a kind to its construction
/// (the benchmark, pcg/factor, the perturbation engine's factor functions). Throws what the underlying constructions throw
/// (NotSpd, SizeRefused with the estimated memory, ...); an IC(0) breakdown is returned with
/// ok = false.
BuiltPreconditioner build_preconditioner(const sparse::Matrix &A, PrecondKind kind,
                                         const BuildOptions &options = {});

struct KcondOutcome {
    std::optional<Kcond> value; ///< empty when refused or undefined
    std::string note;           ///< why value is empty (empty string otherwise)
};

/// K of the preconditioned operator: K(A) for none, K(D^-1/2 A D^-1/2) for Jacobi,
/// K(L^-1 A L^-T) for triangular factors, K(G^1/2 A G^1/2) for SPAI, K(G A G^T) for FSAI. Never throws for refusals or
/// an indefinite preconditioner: those become a note.
KcondOutcome preconditioned_kcond(const sparse::Matrix &A, const BuiltPreconditioner &built,
                                  const KcondOptions &options = {});

} // namespace fs::precond
