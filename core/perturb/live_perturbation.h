#pragma once
// One perturbation engine for every factor kind the perturbation view and the CLI offer: each call
// evaluates A + δ(e_p e_qᵀ + e_q e_pᵀ) against the unperturbed A (never against the previous call),
// so a slider that jumps back and forth always shows ΔL relative to the same original factor.

#include "perturb/perturbation.h"
#include "precond/errors.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace fs::precond {

using factor::Index;

enum class FactorKind {
    Cholesky, ///< exact factor (O(n) recurrence when tridiagonal, else CHOLMOD update/downdate)
    Ic0,      ///< incomplete Cholesky, pattern of tril(A)
    Kopt,     ///< K-optimal (Algorithm 1) through selected inversion
    Spai,     ///< sparse approximate inverse R = spai(A).M (pattern of A, neither triangular nor symmetric)
};

/// How LivePerturbation obtains the perturbed factor.
enum class LivePath {
    Tridiagonal,    ///< exact O(n) recurrence (with the generator's exact factor when known)
    UpdateDowndate, ///< CHOLMOD update/downdate of a live factor
    FromScratch,    ///< both factors recomputed (IC(0), K-optimal, Cholesky off-pattern, SPAI off-pattern)
    SpaiColumns,    ///< only the SPAI columns whose pattern contains p or q recomputed
};

/// K-optimal is refused above this estimate of selected-inversion memory, since a live view
/// recomputes it twice per update.
inline constexpr std::int64_t kLiveKoptMaxBytes = std::int64_t(1) << 30;

/// Factor function of a kind, for perturb_from_scratch. IC(0) breakdowns throw
/// factor::NotPositiveDefinite with the failing column; K-optimal throws what kopt_selinv throws.
/// For Spai it returns R = spai(A).M (square, not triangular).
factor::FactorFunction factor_function(FactorKind kind, int threads = 0);

/// The ordering a live exact Cholesky should use: natural unless its factor would be so much
/// larger than an AMD factor that an update could not keep up with a dragged slider (large banded
/// matrices such as 2D/3D grids). Tridiagonal matrices always stay natural (no fill at all).
factor::Ordering recommended_ordering(const sparse::Matrix &A);

class LivePerturbation {
public:
    /// Prepares the engine (factorises A once when the path is update/downdate). `exact_L` is a
    /// generator's exact factor of A (natural order). Throws NotPositiveDefinite when A is not SPD,
    /// SizeRefused for a K-optimal request above kLiveKoptMaxBytes. The Spai kind keeps a live
    /// Cholesky factor (recommended ordering) as well, only to refuse an indefinite A' exactly as
    /// the Cholesky kind does and to assess the conditioning; its ΔR is in natural order.
    LivePerturbation(sparse::Matrix A, std::optional<sparse::Matrix> exact_L, FactorKind kind,
                     factor::Ordering ordering, int threads = 0);
    ~LivePerturbation();
    LivePerturbation(const LivePerturbation &) = delete;
    LivePerturbation &operator=(const LivePerturbation &) = delete;

    /// ΔL for A + δ(e_p e_qᵀ + e_q e_pᵀ) against the unperturbed A (ΔR for Spai). Throws
    /// PerturbationRefused / NotPositiveDefinite (an IC(0) breakdown included) and leaves the engine
    /// as it was.
    factor::PerturbationResult evaluate(Index p, Index q, double delta);

    /// The path evaluate() takes for an entry (p, q).
    LivePath path_for(Index p, Index q) const;
    /// The unperturbed factor, in factor order (computed on first use); R for Spai.
    const sparse::Matrix &base_factor();
    /// perm[k] = row of A at factor position k; empty for the identity.
    const std::vector<Index> &permutation() const { return m_perm; }
    const sparse::Matrix &matrix() const { return m_A; }
    FactorKind kind() const { return m_kind; }
    factor::Ordering ordering() const { return m_ordering; }
    bool has_exact_factor() const { return m_exactL.has_value(); }

private:
    factor::PerturbationResult evaluate_spai(Index p, Index q, double delta);

    sparse::Matrix m_A;
    std::optional<sparse::Matrix> m_exactL;
    FactorKind m_kind;
    factor::Ordering m_ordering;
    int m_threads;
    bool m_tridiagonal = false;
    std::unique_ptr<factor::CholeskyPerturbation> m_engine;
    std::optional<sparse::Matrix> m_baseFactor;
    std::vector<Index> m_perm;
};

} // namespace fs::precond
