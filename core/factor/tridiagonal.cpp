#include "factor/tridiagonal.h"

#include <qd/dd_real.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace fs::factor {

namespace {
constexpr double kUnitRoundoff = std::numeric_limits<double>::epsilon() / 2.0;
}

sparse::Matrix TridiagonalFactor::to_matrix() const
{
    const auto n = static_cast<Index>(diag.size());
    std::vector<sparse::Triplet> t;
    t.reserve(2 * static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) {
        t.emplace_back(i, i, diag[i]);
        if (i + 1 < n)
            t.emplace_back(i + 1, i, sub[i]);
    }
    sparse::Matrix L(n, n);
    L.setFromTriplets(t.begin(), t.end());
    return L;
}

bool is_tridiagonal(const sparse::Matrix &A)
{
    if (A.rows() != A.cols())
        return false;
    for (Index j = 0; j < A.outerSize(); ++j)
        for (sparse::Matrix::InnerIterator it(A, j); it; ++it)
            if (std::abs(it.row() - j) > 1 && it.value() != 0.0)
                return false;
    return true;
}

namespace {

double as_double(__float128 x)
{
    return static_cast<double>(x);
}

double as_double(const dd_real &x)
{
    return to_double(x);
}

// The recurrence in double, cross-checked in the extended type X.
template <class X>
TridiagonalFactor recurrence(const sparse::Vector &a_diag, const sparse::Vector &a_sub, Index start,
                             double prev_diag, double tolerance, const char *precisionName)
{
    const auto n = static_cast<Index>(a_diag.size());
    if (a_sub.size() != std::max<Index>(0, n - 1))
        throw std::invalid_argument("tridiagonal: subdiagonal must have n-1 entries");
    if (start < 0 || start > n || (start > 0 && !(prev_diag > 0.0)))
        throw std::invalid_argument("tridiagonal: bad restart point");
    const double u = kUnitRoundoff;
    TridiagonalFactor f;
    f.diag = sparse::Vector::Zero(n);
    f.sub = sparse::Vector::Zero(std::max<Index>(0, n - 1));

    double d = start > 0 ? prev_diag * prev_diag : 0.0;      // d_{i-1} in double
    X dq = start > 0 ? X(prev_diag) * prev_diag : X(0.0);
    double rel = start > 0 ? 2.0 * u : 0.0;                  // relative error of d_{i-1}
    bool doubleFailed = false;
    Index doubleFailedAt = -1;
    for (Index i = start; i < n; ++i) {
        const double a = a_diag[i];
        const double s = i > 0 ? a_sub[i - 1] : 0.0;
        double t = 0.0, relT = 0.0;
        X tq(0.0);
        if (i > 0) {
            t = s * s / d;
            tq = X(s) * s / dq;
            // s² carries 2u from the data and u from the product; the division adds u.
            relT = rel + 4.0 * u;
        }
        const double dNew = a - t;
        const X dqNew = X(a) - tq;
        if (!(dqNew > 0)) {
            std::ostringstream msg;
            msg << "matrix is not positive definite: pivot " << i + 1
                << " (1-based) is not positive even in " << precisionName << " precision";
            throw NotPositiveDefinite(msg.str(), i);
        }
        if (!doubleFailed && !(dNew > 0.0)) {
            doubleFailed = true;
            doubleFailedAt = i;
        }
        const double dUse = doubleFailed ? as_double(dqNew) : dNew;
        // Absolute error of d_i: data rounding of A_ii, error of t, rounding of the subtraction.
        rel = (u * std::abs(a) + std::abs(t) * relT) / dUse + u;
        f.error_estimate = std::max(f.error_estimate, rel);
        // The difference in extended precision, the ratio in double (it is only compared with a
        // tolerance): one extended division per row instead of two.
        const double disc = std::abs(as_double(X(dNew) - dqNew)) / as_double(dqNew);
        if (!doubleFailed)
            f.quad_discrepancy = std::max(f.quad_discrepancy, disc);
        d = dUse;
        dq = dqNew;
        f.diag[i] = std::sqrt(d);
        if (i > 0) {
            const double lprev = i == start ? prev_diag : f.diag[i - 1];
            f.sub[i - 1] = s / lprev;
        }
    }
    std::ostringstream w;
    if (doubleFailed)
        w << "double-precision recurrence broke down at pivot " << doubleFailedAt + 1
          << " (values taken from " << precisionName << " precision); ";
    if (f.quad_discrepancy > tolerance)
        w << "double and " << precisionName << " precision differ by " << f.quad_discrepancy << " (relative); ";
    if (!(f.error_estimate <= tolerance))
        w << "estimated forward error " << f.error_estimate << " exceeds " << tolerance
          << ": the matrix is too ill-conditioned for double precision; ";
    f.warning = w.str();
    if (!f.warning.empty())
        f.warning.resize(f.warning.size() - 2);
    f.reliable = f.warning.empty();
    return f;
}

} // namespace

TridiagonalFactor tridiagonal_cholesky(const sparse::Vector &a_diag, const sparse::Vector &a_sub,
                                       Index start, double prev_diag, double tolerance, CrossCheck check)
{
    if (check == CrossCheck::DoubleDouble)
        return recurrence<dd_real>(a_diag, a_sub, start, prev_diag, tolerance, "double-double");
    return recurrence<__float128>(a_diag, a_sub, start, prev_diag, tolerance, "quadruple");
}

TridiagonalFactor tridiagonal_cholesky(const sparse::Matrix &A, double tolerance)
{
    if (!is_tridiagonal(A))
        throw std::invalid_argument("matrix is not tridiagonal");
    const auto n = static_cast<Index>(A.rows());
    sparse::Vector diag = A.diagonal();
    sparse::Vector sub(std::max<Index>(0, n - 1));
    for (Index i = 0; i + 1 < n; ++i)
        sub[i] = A.coeff(i + 1, i);
    return tridiagonal_cholesky(diag, sub, 0, 0.0, tolerance);
}

} // namespace fs::factor
