#include "precond/pcg.h"

#include "precond/errors.h"

#include <cmath>
#include <random>
#include <stdexcept>

namespace fs::precond {

const char *to_string(PcgFailure failure)
{
    return support::name_of(kPcgFailureNames, failure);
}

PcgResult pcg(const sparse::Matrix &A, const sparse::Vector &b, const Preconditioner &M,
              const PcgOptions &options)
{
    const Eigen::Index n = A.rows();
    if (A.cols() != n || b.size() != n)
        throw std::invalid_argument("pcg: matrix and right-hand side sizes differ");
    if (!A.isCompressed())
        throw std::invalid_argument("pcg: the matrix must be in compressed storage");

    PcgResult res;
    res.x = sparse::Vector::Zero(n);
    const double bnorm = b.norm();
    if (options.record_history)
        res.history.push_back(bnorm > 0 ? 1.0 : 0.0);
    if (bnorm == 0.0) {
        res.converged = true;
        return res;
    }
    if (!std::isfinite(bnorm)) {
        res.failure = PcgFailure::NotFinite;
        res.relres = bnorm;
        return res;
    }
    const double stop2 = options.tol * options.tol * bnorm * bnorm;

    sparse::Vector r = b;
    sparse::Vector z(n), p(n), q(n);
    double rz = M.apply_dot(r, z);
    p = z;
    double rr = bnorm * bnorm;
    double *xv = res.x.data();
    double *rv = r.data();
    double *pv = p.data();
    double *qv = q.data();
    const double *zv = nullptr;

    auto fail = [&](PcgFailure f) {
        res.failure = f;
        res.relres = std::sqrt(rr) / bnorm;
        return res;
    };
    if (!std::isfinite(rz))
        return fail(PcgFailure::NotFinite);
    if (!(rz > 0.0))
        return fail(PcgFailure::IndefinitePreconditioner);

    for (int k = 0; k < options.maxiter; ++k) {
        if (options.cancel.stop_requested())
            throw Cancelled();
        const double pq = spmv_symmetric_dot(A, p, q);
        if (!std::isfinite(pq))
            return fail(PcgFailure::NotFinite);
        if (!(pq > 0.0))
            return fail(PcgFailure::IndefiniteOperator);
        const double alpha = rz / pq;
        // x += alpha p, r -= alpha q and ||r||^2 in one pass over memory. Four partial sums
        // break the floating-point add chain the compiler may not reorder on its own.
        double acc[4] = {0.0, 0.0, 0.0, 0.0};
        Eigen::Index i = 0;
        for (; i + 4 <= n; i += 4) {
            for (int u = 0; u < 4; ++u) {
                xv[i + u] += alpha * pv[i + u];
                const double ri = rv[i + u] - alpha * qv[i + u];
                rv[i + u] = ri;
                acc[u] += ri * ri;
            }
        }
        for (; i < n; ++i) {
            xv[i] += alpha * pv[i];
            const double ri = rv[i] - alpha * qv[i];
            rv[i] = ri;
            acc[0] += ri * ri;
        }
        rr = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        res.iterations = k + 1;
        const double rel = std::sqrt(rr) / bnorm;
        if (options.record_history)
            res.history.push_back(rel);
        if (!std::isfinite(rr))
            return fail(PcgFailure::NotFinite);
        if (rr <= stop2) {
            res.converged = true;
            res.relres = rel;
            return res;
        }
        const double rzNew = M.apply_dot(r, z);
        zv = z.data();
        if (!std::isfinite(rzNew))
            return fail(PcgFailure::NotFinite);
        if (!(rzNew > 0.0))
            return fail(PcgFailure::IndefinitePreconditioner);
        const double beta = rzNew / rz;
        rz = rzNew;
        for (Eigen::Index i = 0; i < n; ++i)
            pv[i] = zv[i] + beta * pv[i];
    }
    return fail(PcgFailure::MaxIterations);
}

double true_relres(const sparse::Matrix &A, const sparse::Vector &b, const sparse::Vector &x)
{
    const double bnorm = b.norm();
    const sparse::Vector r = b - A * x;
    return bnorm > 0 ? r.norm() / bnorm : r.norm();
}

sparse::Vector make_rhs(int n, bool random, std::uint64_t seed)
{
    if (!random)
        return sparse::Vector::Ones(n);
    std::mt19937_64 gen(seed);
    sparse::Vector b(n);
    // Drawn by hand from the raw 64-bit stream: std::uniform_real_distribution is not
    // specified bit-for-bit across standard libraries.
    for (int i = 0; i < n; ++i)
        b(i) = 2.0 * (double(gen() >> 11) * 0x1.0p-53) - 1.0;
    return b;
}

} // namespace fs::precond
