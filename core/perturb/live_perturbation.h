#pragma once
// One perturbation engine for every factor kind the perturbation view and the CLI offer: each call
// evaluates A + δ(e_p e_qᵀ + e_q e_pᵀ) against the unperturbed A (never against the previous call),
// so a slider that jumps back and forth always shows ΔL relative to the same original factor.

#include "factor/tridiagonal.h"
#include "perturb/kopt_perturbation.h"
#include "perturb/outcome.h"
#include "perturb/perturbation.h"
#include "precond/kind.h"

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <unordered_set>
#include <vector>

namespace fs::perturb {

using precond::PrecondKind;

/// The kinds the engine perturbs, in the order the CLI and the GUI list them:
///  - Cholesky: exact factor (O(n) recurrence when tridiagonal, else CHOLMOD update/downdate);
///  - Ic0: incomplete Cholesky, pattern of tril(A);
///  - Kopt: K-optimal (Algorithm 1) through selected inversion;
///  - Spai: sparse approximate inverse R = spai(A).M (pattern of A, neither triangular nor symmetric);
///  - Fsai: factorized approximate inverse G (pattern of tril(A)), M^{-1} = G^T G. Row i of G
///    depends only on A[s_i, s_i], so a change of A(p, q) moves only the rows whose s_i holds both.
inline constexpr std::array<PrecondKind, 5> kPerturbKinds = {PrecondKind::Cholesky, PrecondKind::Ic0,
                                                             PrecondKind::Kopt, PrecondKind::Spai,
                                                             PrecondKind::Fsai};

/// The orderings the engine offers (for the Cholesky kind; the others keep the order of A).
inline constexpr std::array<Ordering, 2> kPerturbOrderings = {Ordering::Natural, Ordering::Amd};

/// How LivePerturbation obtains the perturbed factor.
enum class LivePath {
    Tridiagonal,    ///< exact O(n) recurrence (with the generator's exact factor when known)
    UpdateDowndate, ///< CHOLMOD update/downdate of a live factor
    FromScratch,    ///< both factors recomputed (IC(0), K-optimal, SPAI off-pattern)
    SpaiColumns,    ///< only the SPAI columns whose pattern contains p or q recomputed
    FsaiRows,       ///< only the FSAI rows whose pattern holds both p and q recomputed
    Ic0Columns,     ///< IC(0) of A' from column min(p, q) on; the columns before are those of A
    KoptLowRank,    ///< K-optimal blocks of A'⁻¹ by a rank-one/two update of A⁻¹'s (Woodbury)
};

/// K-optimal is refused above this estimate of selected-inversion memory, since a live view
/// recomputes it twice per update.
inline constexpr std::int64_t kLiveKoptMaxBytes = std::int64_t(1) << 30;

struct LiveOptions {
    int threads = 0; ///< worker threads of K-optimal and SPAI; 0 = hardware concurrency
    /// Bound on the selected-inversion memory of a K-optimal engine; 0 = none (a one-off run).
    std::int64_t max_kopt_bytes = kLiveKoptMaxBytes;
};

/// The factor of a kind for a matrix, as perturb_from_scratch applies it to A and A': L for IC(0)
/// (a breakdown throws factor::NotPositiveDefinite with the failing column), K-optimal (by
/// selected inversion, natural order) and Cholesky; R = spai(A).M for Spai (square, not
/// triangular). Built by precond::build_preconditioner, the one dispatch on the kind.
FactorFunction factor_function(PrecondKind kind, int threads = 0);

/// The ordering a live exact Cholesky should use: natural unless its factor would be so much
/// larger than an AMD factor that an update could not keep up with a dragged slider (large banded
/// matrices such as 2D/3D grids). Tridiagonal matrices always stay natural (no fill at all).
Ordering recommended_ordering(const sparse::Matrix &A);

/// The state of the live exact factor. Reversing an update by a downdate leaves rounding behind,
/// and over a long drag it would accumulate; instead the engine keeps the changed columns as they
/// were and writes them back (bit for bit) before the next step or another entry, so the factor is
/// always the unperturbed one plus one modification. Fill from structural zeros stays in the pattern
/// as explicit zeros; when it has grown the factor by a tenth, the factor is computed afresh.
struct LiveHealth {
    std::int64_t steps = 0;          ///< modifications applied
    std::int64_t restores = 0;       ///< times the unperturbed columns were written back
    std::int64_t explicit_zeros = 0; ///< factor entries that fill added and restores zeroed (now)
    int refactorizations = 0;        ///< fresh factorisations after the first
};

/// An evaluation with its exceptions classified: `result` is set exactly when outcome.ok().
struct Evaluation {
    Outcome outcome;
    std::optional<PerturbationResult> result;
};

class LivePerturbation {
public:
    /// Prepares the engine (factorises A once when the path is update/downdate). `exact_L` is a
    /// generator's exact factor of A (natural order). Throws std::invalid_argument for a kind not in
    /// kPerturbKinds, NotPositiveDefinite when A is not SPD, SizeRefused for a K-optimal request
    /// above options.max_kopt_bytes. The Spai kind keeps a live Cholesky factor (recommended
    /// ordering) as well, only to refuse an indefinite A' exactly as the Cholesky kind does and to
    /// assess the conditioning; its ΔR is in natural order.
    LivePerturbation(sparse::Matrix A, std::optional<sparse::Matrix> exact_L, PrecondKind kind,
                     Ordering ordering, const LiveOptions &options = {});
    ~LivePerturbation();
    LivePerturbation(const LivePerturbation &) = delete;
    LivePerturbation &operator=(const LivePerturbation &) = delete;

    /// ΔL for A + δ(e_p e_qᵀ + e_q e_pᵀ) against the unperturbed A (ΔR for Spai). Throws
    /// PerturbationRefused / NotPositiveDefinite (an IC(0) breakdown included) and leaves the engine
    /// as it was.
    /// `sink` is fed each column of the change as it is assembled, on the paths that assemble ΔL
    /// column by column (exact Cholesky, tridiagonal, IC(0), K-optimal); its begin() tells whether
    /// it was fed.
    PerturbationResult evaluate(Index p, Index q, double delta, DeltaColumnSink *sink = nullptr);

    /// evaluate() with what it throws classified.
    Evaluation try_evaluate(Index p, Index q, double delta);

    /// The path evaluate() takes for an entry (p, q).
    LivePath path_for(Index p, Index q) const;
    /// The unperturbed factor, in factor order (computed on first use); R for Spai.
    const sparse::Matrix &base_factor();
    /// perm[k] = row of A at factor position k; empty for the identity.
    const std::vector<Index> &permutation() const { return m_perm; }
    const sparse::Matrix &matrix() const { return m_A; }
    PrecondKind kind() const { return m_kind; }
    Ordering ordering() const { return m_ordering; }
    bool has_exact_factor() const { return m_exactL.has_value(); }
    /// Hop distance of every row of A from {p, q} (computed once per entry, then reused).
    std::span<const int> hops(Index p, Index q);
    /// The same for every row of the factor evaluate() changes (factor order, PerturbationResult::perm).
    std::span<const int> factor_hops(Index p, Index q);
    /// Hands back a result no longer shown, so that the next evaluation fills its storage instead of
    /// allocating (and faulting in) tens of megabytes per step at 10^6 rows. Safe from any thread.
    void recycle(FactorDelta &&done);
    LiveHealth health() const;

private:
    struct Undo {
        Index p = -1, q = -1;
        double delta = 0.0;  ///< what the live factor has added to A(p, q)
        double value = 0.0;  ///< A(p, q) before
        double cond = 0.0;   ///< the engine's condition bound before
        factor::SavedColumns saved;  ///< the changed columns as stored, unperturbed
        factor::FactorColumns before; ///< the same as L columns, for ΔL of the next step
    };
    struct TridiagonalBase {
        factor::TridiagonalFactor L;
        sparse::Vector a_diag, a_sub;
    };

    PerturbationResult evaluate_spai(Index p, Index q, double delta);
    PerturbationResult evaluate_cholesky(Index p, Index q, double delta, DeltaColumnSink *sink);
    PerturbationResult evaluate_tridiagonal(Index p, Index q, double delta, DeltaColumnSink *sink);
    PerturbationResult evaluate_ic0(Index p, Index q, double delta, DeltaColumnSink *sink);
    /// Writes the unperturbed columns back; returns what was undone (nothing when nothing was held).
    std::optional<Undo> undo_live();
    /// undo_live(), then a fresh factorisation when explicit fill has grown the factor by a tenth.
    void return_to_base();
    void refactor_live();
    TridiagonalBase &tridiagonal_base();
    bool recurrence_applies() const;
    CholeskyPerturbation &engine();
    /// The builder context of an evaluation of (p, q): factor hops, the sink, recycled storage.
    DeltaContext context(Index p, Index q, DeltaColumnSink *sink);

    sparse::Matrix m_A;
    std::optional<sparse::Matrix> m_exactL;
    PrecondKind m_kind;
    Ordering m_ordering;
    LiveOptions m_options;
    bool m_tridiagonal = false;
    std::unique_ptr<CholeskyPerturbation> m_engine;
    std::optional<sparse::Matrix> m_baseFactor;
    std::vector<Index> m_perm;
    std::optional<Undo> m_undo;                     ///< how to undo what the live factor holds
    factor::FactorColumns m_afterSpare; ///< storage of the last step's changed columns, filled again
    std::int64_t m_factorEntries = 0;               ///< of the last fresh factorisation
    std::unordered_set<std::int64_t> m_explicitZeros; ///< fill entries (j·n + i) restores zeroed
    LiveHealth m_health; ///< counters; explicit_zeros is m_explicitZeros.size()
    std::optional<TridiagonalBase> m_triBase;
    std::unique_ptr<KoptLowRank> m_kopt;
    Index m_hopP = -1, m_hopQ = -1;
    std::vector<int> m_hops;
    std::vector<int> m_factorHops; ///< m_hops in factor order, filled on first use per entry
    std::mutex m_spareMutex;
    FactorDelta m_spare; ///< storage of a result handed back by recycle()
};

/// A prepared engine, or why there is none.
struct LiveSetup {
    Outcome outcome;
    std::shared_ptr<LivePerturbation> engine; ///< set exactly when outcome.ok()
};

/// Constructs a LivePerturbation with what the constructor throws classified.
LiveSetup prepare_live(sparse::Matrix A, std::optional<sparse::Matrix> exact_L, PrecondKind kind,
                       Ordering ordering, const LiveOptions &options = {});

} // namespace fs::perturb
