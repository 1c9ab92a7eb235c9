#pragma once
// Kaporin's K-condition number K(M) = (tr(M)/n) / det(M)^{1/n} >= 1 (= 1 iff M = cI), always
// through log-determinants: log K = log(tr(M)/n) - logdet(M)/n. Determinants of sparse SPD
// matrices overflow or underflow double for modest n, their logarithms never do.
//
// Costs (n = size, nnz counts stored entries):
//  - kcond(A), kcond_jacobi, kcond_approx_inverse: one sparse Cholesky of A (and of G).
//  - kcond_split(A, L) = K(L^{-1} A L^{-T}): the trace needs one triangular solve and one
//    mat-vec per column, about n (nnz(L) + nnz(A)) flops; refused beyond options.max_work.
//  - kcond_paper(A, L) = K(L^T A^{-1} L): one solve with the Cholesky factor R of A per column,
//    about 2 n nnz(R) flops; refused beyond options.max_work.

#include "sparse/matrix.h"

#include <Eigen/Dense>

#include <cstdint>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <vector>

namespace fs::precond {

struct Kcond {
    double K = 1.0;     ///< exp(log_K); +inf when it overflows
    double log_K = 0.0; ///< log(trace/n) - logdet/n (>= 0 up to rounding)
    double trace = 0.0;
    double logdet = 0.0;
    int n = 0;
};

struct KcondOptions {
    int threads = 0;                 ///< 0 = hardware concurrency
    double max_work = 4e10;          ///< flop estimate beyond which kcond_split/paper refuse
    std::stop_token cancel;          ///< a requested stop throws Cancelled
};

/// Thrown by kcond_split / kcond_paper when the flop estimate exceeds KcondOptions::max_work.
class WorkRefused : public std::runtime_error {
public:
    WorkRefused(const std::string &what_for, double estimated_flops, double limit);
    double estimated_flops() const noexcept { return m_estimate; }

private:
    double m_estimate;
};

/// Assembles a Kcond from trace and log-determinant of an n x n SPD matrix.
Kcond kcond_from(double trace, double logdet, int n);

/// K(M) of a dense SPD matrix (LLT). Throws NotSpd.
Kcond kcond_dense(const Eigen::MatrixXd &M);

/// K(A) of a sparse SPD matrix (lower triangle read). Throws NotSpd.
Kcond kcond(const sparse::Matrix &A);

/// K(D^{-1/2} A D^{-1/2}), D = diag(A): the Jacobi-preconditioned operator. Throws NotSpd.
Kcond kcond_jacobi(const sparse::Matrix &A);

/// K(G^{1/2} A G^{1/2}) for a symmetric approximate inverse G (trace = sum_ij G_ij A_ij). Both A
/// and G must be stored in full (both triangles). Throws NotSpd when A or G is not SPD.
Kcond kcond_approx_inverse(const sparse::Matrix &A, const sparse::Matrix &G);

/// K(G A G^T) for a lower-triangular FSAI factor G (any square G): trace = sum_i g_i^T A g_i by
/// one sparse product, logdet = logdet(A) + 2 sum log|G_ii|. Throws NotSpd when A is not SPD or
/// G is singular.
Kcond kcond_fsai(const sparse::Matrix &A, const sparse::Matrix &G);
/// The same with logdet(A) given (kcond(A).logdet), for many G of one A. Throws NotSpd when G is
/// singular.
Kcond kcond_fsai(const sparse::Matrix &A, const sparse::Matrix &G, double logdetA);

/// Flop estimate of kcond_split.
double kcond_split_work(const sparse::Matrix &A, const sparse::Matrix &L);

/// K(L^{-1} A L^{-T}) for lower-triangular L (diagonal first per column), A stored in full.
/// Throws NotSpd (A not SPD), WorkRefused, Cancelled.
Kcond kcond_split(const sparse::Matrix &A, const sparse::Matrix &L, const KcondOptions &options = {});

/// diag(L^{-1} A L^{-T}) exactly, about kcond_split_work flops (no work bound applied). Throws
/// Cancelled.
std::vector<double> kcond_split_diagonal(const sparse::Matrix &A, const sparse::Matrix &L,
                                         const KcondOptions &options = {});

/// K(L^T A^{-1} L), the objective the K-optimal factor minimises. Throws NotSpd, WorkRefused,
/// Cancelled.
Kcond kcond_paper(const sparse::Matrix &A, const sparse::Matrix &L, const KcondOptions &options = {});

} // namespace fs::precond
