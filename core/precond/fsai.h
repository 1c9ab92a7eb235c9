#pragma once
// Factorized sparse approximate inverse (FSAI, Kolotilina and Yeremin): a lower-triangular G with
// M^{-1} = G^T G, the SPD member of the approximate-inverse family. Row i of G lives on
// s = {j <= i : P(i,j) != 0} (P = A or A², i last in s) and comes from one small SPD solve
// A[s,s] y = e_last, G[i,s] = y / sqrt(y_last). G minimises K(G A G^T) over that pattern, and
// G A G^T has a unit diagonal, so PCG with it sees an operator whose K-condition number is
// exp(mean log-eigenvalue gap) and never an indefinite preconditioner when A is SPD.

#include "sparse/matrix.h"

#include <functional>
#include <span>
#include <stop_token>

namespace fs::precond {

struct FsaiOptions {
    int threads = 0;       ///< worker threads for the row problems; 0 = hardware concurrency
    int pattern_power = 1; ///< pattern of tril(A) (1) or of tril(A²) (2)
    /// Refuse (WorkRefused) when the row solves need more flops than this: sum of m_i³/3 over the
    /// row sizes m_i, which a few dense rows of A² can make enormous.
    double max_work = 2e11;
    std::function<void(double)> progress;
    std::stop_token cancel; ///< a requested stop throws Cancelled
};

/// The lower-triangular pattern G gets: tril(A) or tril(A²) of A's stored pattern (structural,
/// no cancellation), values 1. Throws std::invalid_argument for a power other than 1 or 2.
sparse::Matrix fsai_pattern(const sparse::Matrix &A, int pattern_power);

/// Flops of the row solves of fsai() on `pattern` (fsai_pattern's output): sum of m_i³/3 + m_i².
double fsai_work(const sparse::Matrix &pattern);

/// FSAI factor G (lower triangular CSC, diagonal first in each column) of an SPD A stored in full.
/// Throws NotSpd (NotSquare; NotPositiveDefinite naming the row whose A[s,s] is not SPD),
/// WorkRefused beyond options.max_work, std::invalid_argument for a bad pattern_power, Cancelled
/// on cancel.
sparse::Matrix fsai(const sparse::Matrix &A, const FsaiOptions &options = {});

/// Recomputes rows `rows` of an FSAI factor G of A in place (G keeps its pattern, which must be
/// that of fsai(A) for a matrix with A's pattern). Row i depends only on A[s_i, s_i], so after a
/// change of A that keeps its pattern, recomputing the rows whose s_i holds the changed entries
/// gives exactly fsai(A). Throws as fsai(), std::out_of_range for a bad row.
void fsai_rows(const sparse::Matrix &A, std::span<const sparse::Index> rows, sparse::Matrix &G,
               const FsaiOptions &options = {});

} // namespace fs::precond
