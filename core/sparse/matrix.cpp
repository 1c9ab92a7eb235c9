#include "sparse/matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace fs::sparse {

double symmetry_defect(const Matrix &A)
{
    if (A.rows() != A.cols())
        return std::numeric_limits<double>::infinity();
    if (A.nonZeros() == 0)
        return 0.0;
    const Matrix At = A.transpose();
    const Matrix D = A - At;
    double scale = 0.0;
    for (int k = 0; k < A.outerSize(); ++k)
        for (Matrix::InnerIterator it(A, k); it; ++it)
            scale = std::max(scale, std::abs(it.value()));
    double defect = 0.0;
    for (int k = 0; k < D.outerSize(); ++k)
        for (Matrix::InnerIterator it(D, k); it; ++it)
            defect = std::max(defect, std::abs(it.value()));
    return scale > 0.0 ? defect / scale : defect;
}

bool is_symmetric(const Matrix &A, double rel_tol)
{
    return A.rows() == A.cols() && symmetry_defect(A) <= rel_tol;
}

Matrix lower_triangle(const Matrix &A)
{
    return A.triangularView<Eigen::Lower>();
}

Matrix pattern_power(const Matrix &A, int power)
{
    if (power != 1 && power != 2)
        throw std::invalid_argument("a pattern power must be 1 (A) or 2 (A²), got " + std::to_string(power));
    if (power == 2 && A.rows() != A.cols())
        throw std::invalid_argument("the pattern of A² needs a square A");
    Matrix S = A;
    S.makeCompressed();
    std::fill(S.valuePtr(), S.valuePtr() + S.nonZeros(), 1.0);
    if (power == 2) {
        S = (S * S).pruned();
        S.makeCompressed();
    }
    return S;
}

Matrix permute_symmetric(const Matrix &A, const std::vector<Index> &perm)
{
    const int n = static_cast<int>(A.rows());
    Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> P(n);
    // Eigen's P maps an old index to its new position; perm[k] is the old index at position k.
    for (int k = 0; k < n; ++k)
        P.indices()[perm[static_cast<std::size_t>(k)]] = k;
    Matrix B;
    B = A.twistedBy(P);
    B.makeCompressed();
    return B;
}

Vector permute_vector(const Vector &x, const std::vector<Index> &perm)
{
    Vector y(x.size());
    for (Eigen::Index k = 0; k < x.size(); ++k)
        y[k] = x[perm[static_cast<std::size_t>(k)]];
    return y;
}

Vector unpermute_vector(const Vector &xp, const std::vector<Index> &perm)
{
    Vector x(xp.size());
    for (Eigen::Index k = 0; k < xp.size(); ++k)
        x[perm[static_cast<std::size_t>(k)]] = xp[k];
    return x;
}

} // namespace fs::sparse
