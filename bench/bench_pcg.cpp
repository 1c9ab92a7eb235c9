// PCG time per iteration: FactorScope's pcg() against Eigen's ConjugateGradient, both with the same
// IC(0) factor applied as preconditioner (two triangular solves), on the same matrix and right-hand
// side in the same process. Both run to the same relative tolerance (1e-8), as in real use: a
// fixed count far past convergence would time arithmetic on denormal residuals instead. Counters:
// iterations and us_per_iter of each, ratio = ours / Eigen per iteration (< 1: FactorScope faster).
//
//   build/bench/bench_pcg [--benchmark_filter=lap2D]
#include "precond/ic0.h"
#include "precond/pcg.h"
#include "precond/preconditioner.h"
#include "sparse/matrix_market.h"

#include <Eigen/IterativeLinearSolvers>
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <string>

namespace {

using fs::sparse::Matrix;
using fs::sparse::Vector;

// Eigen-side preconditioner: z = L^{-T} L^{-1} r with Eigen's own sparse triangular solves.
class EigenFactorPreconditioner {
public:
    EigenFactorPreconditioner() = default;
    template <typename M> EigenFactorPreconditioner &analyzePattern(const M &) { return *this; }
    template <typename M> EigenFactorPreconditioner &factorize(const M &) { return *this; }
    template <typename M> EigenFactorPreconditioner &compute(const M &) { return *this; }
    template <typename Rhs> Vector solve(const Rhs &b) const
    {
        Vector z = s_L->triangularView<Eigen::Lower>().solve(b);
        s_L->transpose().triangularView<Eigen::Upper>().solveInPlace(z);
        return z;
    }
    Eigen::ComputationInfo info() const { return Eigen::Success; }
    static inline const Matrix *s_L = nullptr;
};

struct Problem {
    Matrix A;
    Matrix L;
    Vector b;
};

const Problem &problem(const std::string &name)
{
    static std::map<std::string, Problem> cache;
    auto it = cache.find(name);
    if (it != cache.end())
        return it->second;
    Problem p;
    p.A = fs::sparse::read_matrix_market(std::string(FS_BENCHMARK_DIR) + "/" + name + ".mtx.gz").matrix;
    p.A.makeCompressed();
    auto r = fs::precond::ic0(p.A);
    if (!r.ok)
        throw std::runtime_error(name + ": IC(0) broke down");
    p.L = std::move(r.L);
    p.b = fs::precond::make_rhs(int(p.A.rows()), false);
    return cache.emplace(name, std::move(p)).first->second;
}

void BM_PcgVsEigen(benchmark::State &state, const std::string &name)
{
    const Problem &p = problem(name);
    const fs::precond::FactorPreconditioner M(p.L);
    fs::precond::PcgOptions o;
    o.tol = 1e-8;
    o.maxiter = 10000;
    o.record_history = false;
    EigenFactorPreconditioner::s_L = &p.L;
    Eigen::ConjugateGradient<Matrix, Eigen::Lower | Eigen::Upper, EigenFactorPreconditioner> cg;
    cg.compute(p.A);
    cg.setTolerance(o.tol);
    cg.setMaxIterations(o.maxiter);

    double ours = 0, eigen = 0;
    long oursIters = 0, eigenIters = 0;
    using clock = std::chrono::steady_clock;
    for (auto _ : state) {
        auto t0 = clock::now();
        const auto r = fs::precond::pcg(p.A, p.b, M, o);
        auto t1 = clock::now();
        const Vector x = cg.solve(p.b);
        auto t2 = clock::now();
        benchmark::DoNotOptimize(r.x.data());
        benchmark::DoNotOptimize(x.data());
        ours += std::chrono::duration<double>(t1 - t0).count();
        eigen += std::chrono::duration<double>(t2 - t1).count();
        oursIters += r.iterations;
        // Eigen counts the final (converging) step separately: it performs iterations() + 1
        // mat-vecs, as many as pcg() performs for its reported count.
        eigenIters += long(cg.iterations()) + 1;
    }
    state.counters["n"] = double(p.A.rows());
    state.counters["nnz"] = double(p.A.nonZeros());
    const double runs = double(state.iterations());
    state.counters["ours_iters"] = double(oursIters) / runs;
    state.counters["eigen_iters"] = double(eigenIters) / runs;
    state.counters["ours_us_per_iter"] = 1e6 * ours / double(std::max(1L, oursIters));
    state.counters["eigen_us_per_iter"] = 1e6 * eigen / double(std::max(1L, eigenIters));
    state.counters["ratio"] = state.counters["ours_us_per_iter"] / state.counters["eigen_us_per_iter"];
}

} // namespace

BENCHMARK_CAPTURE(BM_PcgVsEigen, gr_30_30, std::string("gr_30_30"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PcgVsEigen, bcsstk16, std::string("bcsstk16"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PcgVsEigen, lap3D_7pt_n20, std::string("lap3D_7pt_n20"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PcgVsEigen, lap2D_5pt_n100, std::string("lap2D_5pt_n100"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PcgVsEigen, C9840, std::string("C9840"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
