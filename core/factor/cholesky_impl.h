#pragma once
// Private: the CHOLMOD state behind fs::factor::Cholesky, shared by its translation units.

#include "factor/cholesky.h"

#include "factor/cholmod_view.h"

#include <cholmod.h>

#include <cstdint>
#include <optional>

namespace fs::factor {

struct Cholesky::Impl {
    explicit Impl(CholeskyOptions opts);
    ~Impl();
    Impl(const Impl &) = delete;
    Impl &operator=(const Impl &) = delete;

    /// Throws FactorError when CHOLMOD reported an error (status < 0).
    void check(const char *what) const;
    /// Makes `L` a simplicial LDLᵀ (what cholmod_updown works on).
    void ensure_simplicial_ldl();

    CholeskyOptions options;
    mutable cholmod_common c;
    cholmod_factor *symbolic = nullptr; ///< result of analyze(), never factorised
    cholmod_factor *L = nullptr;        ///< numeric factor (a copy of `symbolic` once factorised)
    bool factored = false;
    bool reshaped = false; ///< L was converted or modified, so it no longer fits `symbolic`
    std::int64_t analyzed_nnz = -1; ///< nonzeros of the lower triangle given to analyze()
    std::vector<Index> perm;
    std::vector<Index> inv_perm;
    // Dense scratch for the sparse path solves of modify_symmetric, kept zero between calls.
    std::vector<double> work_p, work_q;

    /// Names the numeric state of L: a new value whenever L changes, the saved one again when
    /// restore_columns() brings a state back exactly.
    std::uint64_t generation = 0;
    std::uint64_t last_generation = 0;
    void changed() { generation = ++last_generation; }

    /// The definiteness test of the last modification, valid for the state it was computed in: a
    /// slider dragged over one entry modifies the same restored state every step.
    struct PathSolve {
        std::uint64_t generation = 0;
        Index pp = -1, qq = -1;
        std::vector<Index> cols; ///< union of the elimination-tree paths from pp and qq
        double gpp = 0.0, gqq = 0.0, gpq = 0.0;
    };
    std::optional<PathSolve> last_solve;
};

/// A CHOLMOD view (no copy) of a compressed lower triangle; `lower` must outlive it.

/// Columns `cols` of a simplicial factor, scaled as LLᵀ, rows ascending.
FactorColumns read_columns(const cholmod_factor *L, const std::vector<Index> &cols);
/// The same into `out`, whose storage is reused.
void read_columns(const cholmod_factor *L, const std::vector<Index> &cols, FactorColumns &out);
/// Entries stored in the columns `cols` of a simplicial factor.
std::size_t column_entries(const cholmod_factor *L, const std::vector<Index> &cols);

} // namespace fs::factor
