#pragma once
// K-optimal factors of a perturbed matrix without a new inversion. Column i of the K-optimal factor
// needs only the block B[s_i, s_i] of B = A⁻¹ (s_i: row i and the rows below it in column i of A).
// For A' = A + U S Uᵀ (U = [e_p] or [e_p e_q]) the Woodbury identity gives
//   A'⁻¹ = B − W C Wᵀ,  W = B U (columns p and q of A⁻¹),  C = (S⁻¹ + Uᵀ W)⁻¹,
// so every block changes by a rank-one (rank-two) term: the blocks of B are gathered once from the
// selected inverse, W takes one or two solves with a Cholesky factor of A once per entry, and each
// step re-solves the small blocks only (O(Σ |s_i|³), no factorisation, no inversion).

#include "factor/cholesky.h"
#include "perturb/perturbation.h"

#include <Eigen/Dense>

#include <span>
#include <vector>

namespace fs::perturb {

class KoptLowRank {
public:
    /// The selected inverse of A (natural order) and the blocks B[s_i, s_i]; throws NotSpd.
    KoptLowRank(const sparse::Matrix &A, int threads);

    /// The K-optimal factor of A (natural order), equal to precond::kopt_selinv(A).L.
    const sparse::Matrix &base_factor() const { return m_L; }

    /// The change of the K-optimal factor for A + δ(e_p e_qᵀ + e_q e_pᵀ), (p, q) on the pattern of
    /// A. Throws precond::NotSpd when the perturbed matrix is not positive definite.
    /// `context` as for DeltaBuilder (factor hops are the hops of the rows of A: natural order).
    PerturbationResult perturb(const sparse::Matrix &A, Index p, Index q, double delta, DeltaContext context);

private:
    int m_threads;
    sparse::Matrix m_L;                    ///< K-optimal factor of A
    std::vector<std::int64_t> m_blockPtr;  ///< column i's block starts at m_blocks[m_blockPtr[i]]
    std::vector<double> m_blocks;          ///< B[s_i, s_i], column-major, per column i
    factor::Cholesky m_chol;               ///< of A, for the columns of A⁻¹
    Index m_p = -1, m_q = -1;
    Eigen::MatrixXd m_W;                   ///< A⁻¹ e_p (and A⁻¹ e_q)
};

} // namespace fs::perturb
