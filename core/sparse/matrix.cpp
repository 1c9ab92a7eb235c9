#include "sparse/matrix.h"

#include <cmath>
#include <limits>

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

} // namespace fs::sparse
