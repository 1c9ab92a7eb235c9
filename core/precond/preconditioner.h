#pragma once
// Preconditioners as PCG sees them: z = M^{-1} r for an SPD approximation M of A.

#include "sparse/matrix.h"

#include <memory>
#include <string>

namespace fs::precond {

class Preconditioner {
public:
    virtual ~Preconditioner() = default;
    /// z = M^{-1} r. z is resized; r and z never alias.
    virtual void apply(const sparse::Vector &r, sparse::Vector &z) const = 0;
    /// z = M^{-1} r and returns r^T z; overridden where the dot product can ride along the solve.
    virtual double apply_dot(const sparse::Vector &r, sparse::Vector &z) const
    {
        apply(r, z);
        return r.dot(z);
    }
    /// Short name for reports ("none", "jacobi", "factor", "matvec").
    virtual std::string name() const = 0;
};

/// M = I.
class IdentityPreconditioner final : public Preconditioner {
public:
    void apply(const sparse::Vector &r, sparse::Vector &z) const override { z = r; }
    std::string name() const override { return "none"; }
};

/// M = diag(A). Throws NotSpd when a diagonal entry is not positive.
class JacobiPreconditioner final : public Preconditioner {
public:
    explicit JacobiPreconditioner(const sparse::Matrix &A);
    void apply(const sparse::Vector &r, sparse::Vector &z) const override;
    double apply_dot(const sparse::Vector &r, sparse::Vector &z) const override;
    std::string name() const override { return "jacobi"; }
    const sparse::Vector &inverseDiagonal() const { return m_invDiag; }

private:
    sparse::Vector m_invDiag;
};

/// M = L L^T for a lower-triangular L with nonzero diagonal: two sparse triangular solves.
class FactorPreconditioner final : public Preconditioner {
public:
    /// L must be lower triangular with its diagonal stored first in each column (as every factor
    /// in this library is); throws std::invalid_argument otherwise.
    explicit FactorPreconditioner(sparse::Matrix L);
    void apply(const sparse::Vector &r, sparse::Vector &z) const override;
    double apply_dot(const sparse::Vector &r, sparse::Vector &z) const override;
    std::string name() const override { return "factor"; }
    const sparse::Matrix &factor() const { return m_L; }

private:
    sparse::Matrix m_L;
    // L^T in CSC (= L by rows, diagonal last per column): the forward solve then gathers along
    // rows instead of scattering along columns, which writes each z_j once and needs no copy of r.
    sparse::Matrix m_Lt;
};

/// M^{-1} = G for an explicit approximate inverse G. PCG needs G symmetric positive definite
/// (see spai.h for how SPAI is symmetrised); a nonsymmetric G is applied as given.
class MatVecPreconditioner final : public Preconditioner {
public:
    explicit MatVecPreconditioner(sparse::Matrix G);
    void apply(const sparse::Vector &r, sparse::Vector &z) const override;
    double apply_dot(const sparse::Vector &r, sparse::Vector &z) const override;
    std::string name() const override { return "matvec"; }
    const sparse::Matrix &inverse() const { return m_G; }

private:
    sparse::Matrix m_G;
    bool m_symmetric = false;
};

/// M^{-1} = G^T G for a lower-triangular G (the FSAI factor, see fsai.h): two gathered
/// mat-vecs, y = G r and z = G^T y, and r^T z = |y|² for free.
class FsaiPreconditioner final : public Preconditioner {
public:
    /// G must be square and lower triangular; throws std::invalid_argument otherwise.
    explicit FsaiPreconditioner(sparse::Matrix G);
    void apply(const sparse::Vector &r, sparse::Vector &z) const override;
    double apply_dot(const sparse::Vector &r, sparse::Vector &z) const override;
    std::string name() const override { return "fsai"; }
    const sparse::Matrix &factor() const { return m_G; }

private:
    sparse::Matrix m_G;
    sparse::Matrix m_Gt; // G by rows: y = G r gathers along its columns
};

/// y = A x for a symmetric CSC matrix with both triangles stored (the PCG kernel). Compressed
/// storage required; the result is wrong for a nonsymmetric A.
void spmv_symmetric(const sparse::Matrix &A, const sparse::Vector &x, sparse::Vector &y);

/// y = A x as spmv_symmetric, returning x^T y from the same pass.
double spmv_symmetric_dot(const sparse::Matrix &A, const sparse::Vector &x, sparse::Vector &y);

/// Solves L y = b in place (L lower triangular CSC, diagonal first in each column).
void lower_solve_in_place(const sparse::Matrix &L, sparse::Vector &x);

/// Solves L^T y = b in place (same L as lower_solve_in_place).
void lower_transpose_solve_in_place(const sparse::Matrix &L, sparse::Vector &x);

} // namespace fs::precond
