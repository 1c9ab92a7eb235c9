#pragma once
// What the benchmark records for one matrix, and the Figure 2 category derived from it.

#include "precond/kind.h"
#include "support/name_table.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fs::bench {

using precond::PrecondKind;

/// The preconditioners every matrix is run with, in table order (every kind but the exact
/// Cholesky factor). Their names (precond::to_string) are the JSON keys and the SQLite values.
inline constexpr int MethodCount = 6;
inline constexpr std::array<PrecondKind, MethodCount> AllMethods = {
    PrecondKind::None, PrecondKind::Jacobi, PrecondKind::Ic0, PrecondKind::Kopt, PrecondKind::Spai,
    PrecondKind::Fsai};

/// Position of `kind` in AllMethods; throws std::out_of_range for a kind the benchmark does not run.
std::size_t method_index(PrecondKind kind);

/// Figure 2 of [P1], plus the two outcomes that keep a matrix out of the comparison.
enum class Category {
    KoptOnly,   ///< IC(0) failed, K-optimal converged
    KoptFewer,  ///< both converged, K-optimal in fewer iterations
    Ic0Fewer,   ///< both converged, IC(0) in fewer iterations
    Ic0Only,    ///< K-optimal failed, IC(0) converged
    Tie,        ///< both converged in the same number of iterations
    BothFailed,
    NotSpd,     ///< the matrix is not SPD (or unreadable): nothing was run
};
inline constexpr int CategoryCount = 7;

inline constexpr support::NameTable<Category, CategoryCount> kCategoryNames{{
    {Category::KoptOnly, "kopt_only"},
    {Category::KoptFewer, "kopt_fewer"},
    {Category::Ic0Fewer, "ic0_fewer"},
    {Category::Ic0Only, "ic0_only"},
    {Category::Tie, "tie"},
    {Category::BothFailed, "both_failed"},
    {Category::NotSpd, "not_spd"},
}};

/// Stable identifier ("kopt_only", ..., "not_spd").
const char *to_string(Category category);
std::optional<Category> parse_category(std::string_view name);

/// Failure identifiers besides PCG's own ("max_iterations", "indefinite_operator", ...).
inline constexpr char FailureIc0Breakdown[] = "ic0_breakdown";
inline constexpr char FailureTimeBudget[] = "time_budget_exceeded";
inline constexpr char FailureMemoryBudget[] = "memory_budget_exceeded";
inline constexpr char FailureError[] = "error";

struct MethodOutcome {
    int iterations = 0;
    bool converged = false;
    std::string failure;            ///< empty when converged
    std::string detail;             ///< human detail of the failure (breakdown column, refusal, ...)
    std::optional<double> kcond;    ///< K of the preconditioned operator; empty when not computed
    std::string kcond_note;
    std::string kopt_method;        ///< "dense" / "selinv" for K-optimal
    double setup_seconds = 0.0;
    double solve_seconds = 0.0;
    std::vector<double> history;    ///< relative residual before iteration 1 and after each
    /// [min, max] iterations over the run and its reruns with values perturbed at 1e-12
    /// (RunOptions::noise_runs); empty when not measured.
    std::optional<std::array<int, 2>> iterations_range;
};

struct MatrixOutcome {
    std::string name;
    std::string group;
    std::string file;
    long long n = 0;
    long long nnz = 0;              ///< stored nonzeros of the full (symmetry-expanded) matrix
    std::string kind;               ///< "spd", "not_spd" (what the SPD check found)
    std::string not_spd_reason;
    std::array<MethodOutcome, MethodCount> methods;
    Category category = Category::NotSpd;
    /// Both converged in different numbers of iterations (a "fewer" category), and the IC(0) and
    /// K-optimal iteration ranges overlap: the category is within rounding noise.
    bool within_noise = false;
    double seconds = 0.0;           ///< wall time of the whole matrix

    const MethodOutcome &at(PrecondKind m) const { return methods[method_index(m)]; }
    MethodOutcome &at(PrecondKind m) { return methods[method_index(m)]; }
};

/// The Figure 2 category from the IC(0) and K-optimal outcomes (a failure to converge, a
/// breakdown or an exhausted budget all count as failed).
Category categorize(const MethodOutcome &ic0, const MethodOutcome &kopt);

/// Whether the IC(0) / K-optimal comparison lies within noise (see MatrixOutcome::within_noise).
bool within_noise(const MethodOutcome &ic0, const MethodOutcome &kopt);

} // namespace fs::bench
