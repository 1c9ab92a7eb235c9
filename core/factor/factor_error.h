#pragma once
// Structured errors of the factorisation layer. The CLI prints what(); the GUI words the fields.

#include "sparse/matrix.h"

#include <stdexcept>
#include <string>

namespace fs::factor {

using sparse::Index;

/// The matrix (or the matrix a perturbation would produce) is not positive definite.
class NotPositiveDefinite : public std::runtime_error {
public:
    /// `column`: 0-based row/column of the input matrix whose pivot failed (-1 when unknown);
    /// `pivot`: the failing pivot's position in the factor (differs from column under a fill-reducing
    /// ordering).
    NotPositiveDefinite(const std::string &what, Index column, Index pivot = -1)
        : std::runtime_error(what), m_column(column), m_pivot(pivot < 0 ? column : pivot)
    {}
    Index column() const noexcept { return m_column; }
    Index pivot() const noexcept { return m_pivot; }

private:
    Index m_column;
    Index m_pivot;
};

/// A perturbation refused before anything was changed: it would make the matrix indefinite or so
/// close to singular that its factor is meaningless. `margin` is the smallest eigenvalue of
/// I + S Uᵀ A⁻¹ U (the factor by which the perturbation can shrink an eigenvalue of A).
class PerturbationRefused : public NotPositiveDefinite {
public:
    PerturbationRefused(const std::string &what, Index column, double margin)
        : NotPositiveDefinite(what, column), m_margin(margin)
    {}
    double margin() const noexcept { return m_margin; }

private:
    double m_margin;
};

/// CHOLMOD failed for another reason (out of memory, invalid input, size overflow).
class FactorError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace fs::factor
