#include "precond/noise.h"

#include <algorithm>
#include <random>

namespace fs::precond {

namespace {

// The same factor for (i, j) and (j, i): a symmetric matrix stays symmetric.
double factor(std::uint64_t seed, int i, int j, double relative)
{
    const auto lo = std::uint64_t(std::min(i, j)), hi = std::uint64_t(std::max(i, j));
    std::mt19937_64 rng(seed ^ (lo * 0x9e3779b97f4a7c15ULL) ^ (hi * 0xc2b2ae3d27d4eb4fULL));
    return 1.0 + relative * std::uniform_real_distribution<double>(-1.0, 1.0)(rng);
}

sparse::Matrix perturbed(const sparse::Matrix &M, double relative, std::uint64_t seed)
{
    sparse::Matrix P = M;
    P.makeCompressed();
    for (int j = 0; j < int(P.cols()); ++j)
        for (int p = P.outerIndexPtr()[j]; p < P.outerIndexPtr()[j + 1]; ++p)
            P.valuePtr()[p] *= factor(seed, P.innerIndexPtr()[p], j, relative);
    return P;
}

} // namespace

std::unique_ptr<Preconditioner> perturbed_preconditioner(const sparse::Matrix &A, const BuiltPreconditioner &built,
                                                         double relative, std::uint64_t seed)
{
    if (!built.ok || !built.preconditioner)
        return nullptr;
    switch (built.kind) {
    case PrecondKind::None: return nullptr;
    case PrecondKind::Jacobi: {
        sparse::Matrix D(A.rows(), A.cols());
        D.reserve(Eigen::VectorXi::Ones(A.cols()));
        for (int i = 0; i < int(A.cols()); ++i)
            D.insert(i, i) = A.coeff(i, i) * factor(seed, i, i, relative);
        return std::make_unique<JacobiPreconditioner>(D);
    }
    case PrecondKind::Ic0:
    case PrecondKind::Kopt:
    case PrecondKind::Cholesky: return std::make_unique<FactorPreconditioner>(perturbed(built.matrix, relative, seed));
    case PrecondKind::Spai: return std::make_unique<MatVecPreconditioner>(perturbed(built.matrix, relative, seed));
    case PrecondKind::Fsai: return std::make_unique<FsaiPreconditioner>(perturbed(built.matrix, relative, seed));
    }
    return nullptr;
}

NoiseRange noise_range(const sparse::Matrix &A, const sparse::Vector &b, const BuiltPreconditioner &built,
                       const PcgResult &base, const PcgOptions &pcg_options, const NoiseOptions &options)
{
    NoiseRange r;
    r.min = r.max = base.iterations;
    r.all_converged = base.converged;
    PcgOptions po = pcg_options;
    po.record_history = false;
    for (int k = 0; k < options.runs; ++k) {
        const auto M = perturbed_preconditioner(A, built, options.relative, options.seed + std::uint64_t(k));
        if (!M)
            break;
        const PcgResult p = pcg(A, b, *M, po);
        r.min = std::min(r.min, p.iterations);
        r.max = std::max(r.max, p.iterations);
        r.all_converged = r.all_converged && p.converged;
        ++r.runs;
    }
    return r;
}

} // namespace fs::precond
