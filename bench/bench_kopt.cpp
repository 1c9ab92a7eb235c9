// K-optimal factor with the dense inverse: time against n (2D Laplacians of n = 250 ... 2000),
// next to the reference cost of forming the same dense inverse with Eigen (LLT, then solve with
// the identity). Counters: seconds of each and ratio = kopt_dense / Eigen inverse; kopt_dense
// includes its own inverse, so the ratio shows what the column solves and the triangular-block
// inverse cost relative to Eigen's full inverse.
//
//   build/bench/bench_kopt [--benchmark_filter=/1000]
#include "precond/kopt.h"
#include "sparse/matrix.h"

#include <Eigen/Dense>
#include <benchmark/benchmark.h>

#include <chrono>

namespace {

using fs::sparse::Matrix;

// gx x gy grid, 5-point stencil: the kind of sparse SPD matrix K-optimal is meant for.
Matrix laplacian(int gx, int gy)
{
    std::vector<fs::sparse::Triplet> t;
    const int n = gx * gy;
    for (int y = 0; y < gy; ++y)
        for (int x = 0; x < gx; ++x) {
            const int i = y * gx + x;
            t.emplace_back(i, i, 4.0);
            if (x + 1 < gx) {
                t.emplace_back(i, i + 1, -1.0);
                t.emplace_back(i + 1, i, -1.0);
            }
            if (y + 1 < gy) {
                t.emplace_back(i, i + gx, -1.0);
                t.emplace_back(i + gx, i, -1.0);
            }
        }
    Matrix A(n, n);
    A.setFromTriplets(t.begin(), t.end());
    A.makeCompressed();
    return A;
}

Matrix forSize(int n)
{
    switch (n) {
    case 250: return laplacian(10, 25);
    case 500: return laplacian(20, 25);
    case 1000: return laplacian(25, 40);
    default: return laplacian(40, n / 40);
    }
}

void BM_KoptDense(benchmark::State &state)
{
    const Matrix A = forSize(int(state.range(0)));
    fs::precond::KoptOptions o;
    o.threads = int(state.range(1));
    double ours = 0, eigen = 0;
    using clock = std::chrono::steady_clock;
    for (auto _ : state) {
        auto t0 = clock::now();
        const auto r = fs::precond::kopt_dense(A, o);
        auto t1 = clock::now();
        const Eigen::MatrixXd Ad = Eigen::MatrixXd(A);
        const Eigen::MatrixXd B = Ad.llt().solve(Eigen::MatrixXd::Identity(A.rows(), A.cols()));
        auto t2 = clock::now();
        benchmark::DoNotOptimize(r.L.valuePtr());
        benchmark::DoNotOptimize(B.data());
        ours += std::chrono::duration<double>(t1 - t0).count();
        eigen += std::chrono::duration<double>(t2 - t1).count();
    }
    const double runs = double(state.iterations());
    state.counters["n"] = double(A.rows());
    state.counters["threads"] = double(o.threads);
    state.counters["kopt_s"] = ours / runs;
    state.counters["eigen_inverse_s"] = eigen / runs;
    state.counters["ratio"] = ours / eigen;
}

} // namespace

BENCHMARK(BM_KoptDense)
    ->ArgsProduct({{250, 500, 1000, 2000}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(1);

BENCHMARK_MAIN();
