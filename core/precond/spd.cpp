#include "precond/spd.h"

#include "precond/errors.h"

#include <Eigen/SparseCholesky>

#include <cmath>
#include <sstream>

namespace fs::precond {

namespace {
void require_square(const sparse::Matrix &A)
{
    if (A.rows() != A.cols()) {
        std::ostringstream os;
        os << "matrix is not square (" << A.rows() << " x " << A.cols() << ")";
        throw NotSpd(NotSpd::Reason::NotSquare, os.str());
    }
}
[[noreturn]] void throw_not_pd()
{
    throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                 "matrix is not positive definite (Cholesky factorisation failed)");
}
} // namespace

void require_spd(const sparse::Matrix &A, double symmetry_tol)
{
    require_square(A);
    const double defect = sparse::symmetry_defect(A);
    if (!(defect <= symmetry_tol)) {
        std::ostringstream os;
        os << "matrix is not symmetric (relative asymmetry " << defect << ")";
        throw NotSpd(NotSpd::Reason::NotSymmetric, os.str());
    }
    (void)logdet_spd(A);
}

sparse::Matrix cholesky_natural(const sparse::Matrix &A)
{
    require_square(A);
    Eigen::SimplicialLLT<sparse::Matrix, Eigen::Lower, Eigen::NaturalOrdering<int>> llt(A);
    if (llt.info() != Eigen::Success)
        throw_not_pd();
    sparse::Matrix L = llt.matrixL();
    L.makeCompressed();
    for (int j = 0; j < L.cols(); ++j)
        if (!(L.coeff(j, j) > 0.0) || !std::isfinite(L.coeff(j, j)))
            throw_not_pd();
    return L;
}

double logdet_spd(const sparse::Matrix &A)
{
    require_square(A);
    Eigen::SimplicialLLT<sparse::Matrix, Eigen::Lower> llt(A);
    if (llt.info() != Eigen::Success)
        throw_not_pd();
    // Eigen reports success for a zero or NaN pivot in some cases; check the diagonal itself.
    const sparse::Matrix L = llt.matrixL();
    double s = 0.0;
    for (int j = 0; j < L.cols(); ++j) {
        const double d = L.coeff(j, j);
        if (!(d > 0.0) || !std::isfinite(d))
            throw_not_pd();
        s += std::log(d);
    }
    return 2.0 * s;
}

double logabsdet_triangular(const sparse::Matrix &L)
{
    double s = 0.0;
    for (int j = 0; j < L.cols(); ++j)
        s += std::log(std::abs(L.coeff(j, j)));
    return s;
}

} // namespace fs::precond
