#include "perturb/perturbation.h"

#include "factor/tridiagonal.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace fs::perturb {

using factor::FactorError;
using factor::FactorModification;
using factor::TridiagonalFactor;
using factor::is_tridiagonal;
using factor::tridiagonal_cholesky;

namespace {

constexpr double kUnitRoundoff = std::numeric_limits<double>::epsilon() / 2.0;

void check_entry(const sparse::Matrix &A, Index p, Index q)
{
    if (p < 0 || q < 0 || p >= A.rows() || q >= A.rows())
        throw std::out_of_range("perturbation entry (" + std::to_string(p + 1) + ","
                                + std::to_string(q + 1) + ") outside the " + std::to_string(A.rows())
                                + "x" + std::to_string(A.cols()) + " matrix");
}

bool is_structural_zero(const sparse::Matrix &A, Index p, Index q)
{
    return !is_stored(A, p, q);
}

std::string too_large(double estimate, double tolerance)
{
    std::ostringstream w;
    w << "estimated relative error " << estimate << " exceeds " << tolerance
      << ": the matrix is too ill-conditioned for a trustworthy factor in double precision";
    return w.str();
}

double pivot_spread(const sparse::Matrix &L)
{
    const sparse::Vector d = L.diagonal();
    if (d.size() == 0)
        return 1.0;
    const double lo = d.cwiseAbs().minCoeff(), hi = d.cwiseAbs().maxCoeff();
    return lo > 0 ? (hi / lo) * (hi / lo) : std::numeric_limits<double>::infinity();
}

} // namespace

bool is_stored(const sparse::Matrix &A, Index i, Index j)
{
    if (i < 0 || j < 0 || i >= A.rows() || j >= A.cols())
        return false;
    for (sparse::Matrix::InnerIterator it(A, j); it; ++it)
        if (it.row() == i)
            return true;
    return false;
}

void assess_pivot_spread(PerturbationResult &r, const sparse::Matrix &L_old, const sparse::Matrix &L_new,
                         double tolerance)
{
    r.error_estimate = kUnitRoundoff * std::max(pivot_spread(L_old), pivot_spread(L_new));
    if (!(r.error_estimate <= tolerance)) {
        r.reliable = false;
        r.warning = too_large(r.error_estimate, tolerance);
    }
}

sparse::Matrix perturbed(const sparse::Matrix &A, Index p, Index q, double delta)
{
    check_entry(A, p, q);
    sparse::Matrix B = A;
    if (delta == 0.0)
        return B; // no explicit zero enters the pattern
    B.coeffRef(p, q) += delta;
    if (p != q)
        B.coeffRef(q, p) += delta;
    B.makeCompressed();
    return B;
}

CholeskyPerturbation::CholeskyPerturbation(sparse::Matrix A, Ordering ordering, double tolerance)
    : m_A(std::move(A)), m_chol(factor::CholeskyOptions{ordering, /*modifiable*/ true}), m_tolerance(tolerance)
{
    m_A.makeCompressed();
    if (is_tridiagonal(m_A)) {
        const TridiagonalFactor t = tridiagonal_cholesky(m_A, tolerance); // throws if indefinite
        m_extraError = std::max(t.error_estimate, t.quad_discrepancy);
        m_extraWarning = t.warning;
    }
    m_chol.factorize(m_A);
    m_cond = m_chol.condition_estimate(m_A);
}

void CholeskyPerturbation::assess(LiveModification &r, double cond) const
{
    // The forward error of a Cholesky factor is about u·cond (Sun 1991; cond of the diagonally
    // scaled matrix, Demmel 1989). Updates and downdates are backward stable, so ΔL = L' - L is
    // as accurate as the worse conditioned of A and A' allows.
    r.error_estimate = std::max(kUnitRoundoff * cond, m_extraError);
    if (!m_extraWarning.empty()) {
        r.reliable = false;
        r.warning = m_extraWarning;
    } else if (!(r.error_estimate <= m_tolerance)) {
        r.reliable = false;
        r.warning = too_large(r.error_estimate, m_tolerance);
    }
}

PerturbationResult CholeskyPerturbation::perturb(Index p, Index q, double delta)
{
    check_entry(m_A, p, q);
    PerturbationResult r;
    r.pattern_changed = is_structural_zero(m_A, p, q);
    LiveModification m = modify(p, q, delta);
    r.new_entries = m.mod.new_entries;
    r.perm = m_chol.permutation();
    r.delta = compute_delta(m.mod, static_cast<Index>(m_A.rows()), m_A, p, q, r.perm);
    r.reliable = m.reliable;
    r.error_estimate = m.error_estimate;
    r.warning = std::move(m.warning);
    return r;
}

void CholeskyPerturbation::refactor(const sparse::Matrix &A)
{
    m_A = A;
    m_A.makeCompressed();
    m_chol.analyze(m_A);
    m_chol.factorize(m_A);
    m_cond = m_chol.condition_estimate(m_A);
    m_sinceEstimate = 0;
}

void CholeskyPerturbation::restore(const factor::SavedColumns &saved, Index p, Index q, double value, double cond)
{
    check_entry(m_A, p, q);
    m_chol.restore_columns(saved);
    m_A.coeffRef(p, q) = value;
    if (p != q)
        m_A.coeffRef(q, p) = value;
    m_cond = cond;
}

LiveModification CholeskyPerturbation::modify(Index p, Index q, double delta, bool read_before,
                                              factor::FactorColumns reuse)
{
    check_entry(m_A, p, q);
    // Refusal happens inside modify_symmetric before the factor is touched; m_A is only changed
    // once the factor has been.
    FactorModification mod;
    try {
        mod = m_chol.modify_symmetric(p, q, delta, 64 * kUnitRoundoff, read_before, std::move(reuse));
    } catch (const FactorError &) {
        // CHOLMOD failed midway: rebuild the factor of the unchanged matrix before reporting
        // (analysing again, since earlier perturbations may have added entries to A).
        m_chol.analyze(m_A);
        m_chol.factorize(m_A);
        throw;
    }
    // In place: a copy of A would cost more than the update itself on large matrices.
    if (delta != 0.0) {
        m_A.coeffRef(p, q) += delta;
        if (p != q)
            m_A.coeffRef(q, p) += delta;
    }
    // The bound only grows; when it would flag the result, replace it by a fresh estimate (a few
    // solves) so that a long session of small perturbations does not drift into "unreliable".
    const double condBefore = m_cond;
    m_cond *= mod.max_eig / mod.margin;
    // While the matrix stays ill-conditioned, re-estimate only every 16th time (each costs ~10
    // solves with the factor).
    const bool crossed = kUnitRoundoff * condBefore <= m_tolerance;
    if (!(kUnitRoundoff * m_cond <= m_tolerance) && (crossed || ++m_sinceEstimate >= 16)) {
        m_cond = m_chol.condition_estimate(m_A);
        m_sinceEstimate = 0;
    }
    LiveModification m;
    m.mod = std::move(mod);
    assess(m, std::max(condBefore, m_cond));
    return m;
}

PerturbationResult perturb_tridiagonal(const sparse::Matrix &A, Index p, Index q, double delta,
                                       const sparse::Matrix *exact_L, double tolerance)
{
    check_entry(A, p, q);
    if (!is_tridiagonal(A) || std::abs(p - q) > 1)
        throw std::invalid_argument("tridiagonal perturbation needs a tridiagonal matrix and |p-q| <= 1");
    const auto n = static_cast<Index>(A.rows());
    const sparse::Matrix Anew = perturbed(A, p, q, delta);
    sparse::Vector diag = Anew.diagonal();
    sparse::Vector sub(std::max<Index>(0, n - 1));
    for (Index i = 0; i + 1 < n; ++i)
        sub[i] = Anew.coeff(i + 1, i);

    PerturbationResult r;
    r.pattern_changed = is_structural_zero(A, p, q);
    sparse::Matrix Lold, Lnew;
    if (exact_L) {
        if (exact_L->rows() != n || exact_L->cols() != n)
            throw std::invalid_argument("exact factor has the wrong size");
        Lold = *exact_L;
        // Rows before max(p, q) of the factor do not depend on the perturbed entries.
        const Index k = std::max(p, q);
        TridiagonalFactor t = tridiagonal_cholesky(diag, sub, k, k > 0 ? Lold.coeff(k - 1, k - 1) : 0.0,
                                                   tolerance);
        for (Index i = 0; i < k; ++i) {
            t.diag[i] = Lold.coeff(i, i);
            // L_{k,k-1} = A_{k,k-1}/L_{k-1,k-1} changes only when A_{k,k-1} itself is perturbed.
            if (i + 1 < k || (i + 1 == k && p == q))
                t.sub[i] = Lold.coeff(i + 1, i);
        }
        Lnew = t.to_matrix();
        r.error_estimate = std::max(t.error_estimate, t.quad_discrepancy);
        r.reliable = t.reliable;
        r.warning = t.warning;
    } else {
        const TridiagonalFactor told = tridiagonal_cholesky(A, tolerance);
        const TridiagonalFactor tnew = tridiagonal_cholesky(diag, sub, 0, 0.0, tolerance);
        Lold = told.to_matrix();
        Lnew = tnew.to_matrix();
        r.error_estimate = std::max({told.error_estimate, told.quad_discrepancy, tnew.error_estimate,
                                     tnew.quad_discrepancy});
        r.reliable = told.reliable && tnew.reliable;
        r.warning = !told.reliable ? "unperturbed factor: " + told.warning
                                   : (!tnew.reliable ? "perturbed factor: " + tnew.warning : "");
    }
    r.delta = compute_delta(Lold, Lnew, Anew, p, q);
    r.new_entries = static_cast<Index>(Lnew.nonZeros() - Lold.nonZeros());
    return r;
}

PerturbationResult perturb_from_scratch(const sparse::Matrix &A, Index p, Index q, double delta,
                                        const FactorFunction &factor, double tolerance)
{
    check_entry(A, p, q);
    const sparse::Matrix Anew = perturbed(A, p, q, delta);
    const sparse::Matrix Lold = factor(A);
    const sparse::Matrix Lnew = factor(Anew);
    PerturbationResult r;
    r.pattern_changed = is_structural_zero(A, p, q);
    r.delta = compute_delta(Lold, Lnew, Anew, p, q);
    r.new_entries = static_cast<Index>(std::max<Eigen::Index>(0, Lnew.nonZeros() - Lold.nonZeros()));
    assess_pivot_spread(r, Lold, Lnew, tolerance);
    return r;
}

} // namespace fs::perturb
