// Matrix Market parse throughput: FactorScope's reader against Eigen's loadMarket, on the same
// generated file in the same process. Reports MB/s of each and the speed-up as counters.
//
//   build/bench/bench_mtx_parse [--benchmark_min_time=2]
#include "sparse/matrix_market.h"

#include <benchmark/benchmark.h>
#include <unsupported/Eigen/SparseExtra>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

namespace {

struct GeneratedFile {
    std::string path;
    double megabytes = 0;
    GeneratedFile()
    {
        // A 2D 9-point stencil on a 700x700 grid with random values: ~4.4M entries, ~110 MB, general.
        const int g = 700, n = g * g;
        std::vector<fs::sparse::Triplet> t;
        t.reserve(static_cast<std::size_t>(n) * 9);
        std::mt19937_64 rng(42);
        std::uniform_real_distribution<double> v(-1.0, 1.0);
        for (int y = 0; y < g; ++y)
            for (int x = 0; x < g; ++x)
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx)
                        if (x + dx >= 0 && x + dx < g && y + dy >= 0 && y + dy < g)
                            t.emplace_back(y * g + x, (y + dy) * g + x + dx, v(rng));
        fs::sparse::Matrix A(n, n);
        A.setFromTriplets(t.begin(), t.end());
        path = (std::filesystem::temp_directory_path() / "factorscope_bench_parse.mtx").string();
        fs::sparse::WriteOptions opt;
        opt.symmetric_if_possible = false;
        fs::sparse::write_matrix_market(path, A, opt);
        megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    }
    ~GeneratedFile() { std::remove(path.c_str()); }
};

const GeneratedFile &file()
{
    static GeneratedFile f;
    return f;
}

double seconds_of(auto &&fn)
{
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void BM_FactorScopeReader(benchmark::State &state)
{
    const auto &f = file();
    for (auto _ : state) {
        auto m = fs::sparse::read_matrix_market(f.path);
        benchmark::DoNotOptimize(m.matrix.nonZeros());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.megabytes * 1e6));
}

void BM_EigenLoadMarket(benchmark::State &state)
{
    const auto &f = file();
    for (auto _ : state) {
        Eigen::SparseMatrix<double> A;
        Eigen::loadMarket(A, f.path);
        benchmark::DoNotOptimize(A.nonZeros());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.megabytes * 1e6));
}

/// Alternates the two readers in each iteration so both see the same machine load.
void BM_SpeedupOverEigen(benchmark::State &state)
{
    const auto &f = file();
    double ours = 0, ref = 0;
    for (auto _ : state) {
        ours += seconds_of([&] { benchmark::DoNotOptimize(fs::sparse::read_matrix_market(f.path).matrix.nonZeros()); });
        ref += seconds_of([&] {
            Eigen::SparseMatrix<double> A;
            Eigen::loadMarket(A, f.path);
            benchmark::DoNotOptimize(A.nonZeros());
        });
    }
    const double it = static_cast<double>(state.iterations());
    state.counters["file_MB"] = f.megabytes;
    state.counters["ours_MBps"] = f.megabytes * it / ours;
    state.counters["eigen_MBps"] = f.megabytes * it / ref;
    state.counters["speedup"] = ref / ours;
}

} // namespace

BENCHMARK(BM_FactorScopeReader)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_EigenLoadMarket)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_SpeedupOverEigen)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
