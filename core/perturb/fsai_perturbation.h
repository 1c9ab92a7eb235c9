#pragma once
// The change ΔG = G' - G of the FSAI factor G = fsai(A) (pattern of tril(A)) under the symmetric
// perturbation A' = A + δ(e_p e_qᵀ + e_q e_pᵀ), with the summaries of the triangular factors.
//
// Row i of G solves with A[s_i, s_i], s_i = {j <= i : A_ij stored}. The perturbation changes the
// entries (p, q) and (q, p) only, so row i can change only when both p and q lie in s_i: i >= p, q
// and i adjacent to (or equal to) both. ΔG lives in those rows, within one hop of p and q.

#include "perturb/perturbation.h"

#include <vector>

namespace fs::perturb {

/// The rows of G a perturbation of (p, q) can change (ascending): i >= max(p, q) with p and q in s_i.
std::vector<Index> fsai_affected_rows(const sparse::Matrix &A, Index p, Index q);

/// ΔG for A' = A + δ(e_p e_qᵀ + e_q e_pᵀ), given G = fsai(A). When (p, q) is stored in A the
/// pattern stays and only the affected rows are recomputed; a structural zero changes the pattern,
/// so G' = fsai(A') is computed whole. The locality profile uses the graph of A'. Throws
/// std::out_of_range for bad indices, NotSpd when a row block of A' is not positive definite.
PerturbationResult perturb_fsai(const sparse::Matrix &A, const sparse::Matrix &G, Index p, Index q,
                                double delta, int threads = 0);

} // namespace fs::perturb
