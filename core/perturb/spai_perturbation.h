#pragma once
// The change ΔR = R' - R of the sparse approximate inverse R = spai(A).M under the symmetric
// perturbation A' = A + δ(e_p e_qᵀ + e_q e_pᵀ), with the same summaries (diagonal difference,
// locality profile over every entry of ΔR) as the triangular factors.
//
// Column k of R solves a least-squares problem built from the columns of A in the pattern of
// A(:,k) only. The perturbation changes columns p and q of A, so column k of R can change only when
// p or q lies in the pattern of A'(:,k); every other column is bit-for-bit the same. Hence ΔR lives
// in the columns k with hop(k) <= 1 from {p, q} and in rows of their patterns (hop <= 2).

#include "perturb/perturbation.h"

#include <vector>

namespace fs::perturb {

/// The columns of R that a perturbation of (p, q) can change: every k with A(p, k) or A(q, k)
/// stored (ascending). On A's own pattern these are all that spai_columns must recompute.
std::vector<Index> spai_affected_columns(const sparse::Matrix &A, Index p, Index q);

/// ΔR for A' = A + δ(e_p e_qᵀ + e_q e_pᵀ), given R = spai(A).M. When (p, q) is stored in A (or δ = 0)
/// the pattern stays and only the affected columns are recomputed; a structural zero changes the
/// pattern of A and of R, so R' = spai(A') is computed whole and ΔR lies on the union of both
/// patterns. The locality profile uses the graph of A'. Does not check definiteness (the caller
/// refuses indefinite A' like the other kinds); reliable and error_estimate are left at their
/// defaults. Throws std::out_of_range for bad indices.
PerturbationResult perturb_spai(const sparse::Matrix &A, const sparse::Matrix &R, Index p,
                                        Index q, double delta, int threads = 0);

} // namespace fs::perturb
