// K-optimal at scale: the selected-inversion route against (a) the dense-inverse route at
// n = 1000, 2000, 5000 and (b) one CHOLMOD numeric factorisation of the same matrix in the same
// fill-reducing ordering, for 2D/3D Poisson up to 10^6 rows. Ratios and peak memory are counters.
//
//   build/bench/bench_selinv                       # everything (the 10^6 case takes a while)
//   build/bench/bench_selinv --benchmark_filter=Dense
#include "factor/cholmod_view.h"
#include "precond/kopt.h"
#include "precond/selected_inversion.h"
#include "sparse/generators.h"

#include <benchmark/benchmark.h>
#include <cholmod.h>

#include <chrono>
#include <fstream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/// Resets the kernel's peak-RSS mark so each case reports its own peak.
void reset_peak_rss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

double peak_rss_mb()
{
    std::ifstream f("/proc/self/status");
    std::string key;
    while (f >> key) {
        if (key == "VmHWM:") {
            double kb = 0;
            f >> kb;
            return kb / 1024.0;
        }
        f.ignore(1 << 12, '\n');
    }
    return 0;
}

fs::sparse::Matrix poisson(int dims, int side)
{
    return dims == 2 ? fs::sparse::poisson2d(side, side).A : fs::sparse::poisson3d(side, side, side).A;
}

/// Seconds of one CHOLMOD numeric factorisation (analysis excluded) in the given ordering.
double cholmod_numeric_seconds(const fs::sparse::Matrix &A, fs::precond::Ordering ordering)
{
    cholmod_common c;
    cholmod_start(&c);
    c.nmethods = 1;
    c.method[0].ordering = ordering == fs::precond::Ordering::Amd ? CHOLMOD_AMD : CHOLMOD_METIS;
    cholmod_sparse s = fs::factor::view_lower(A);
    cholmod_factor *L = cholmod_analyze(&s, &c);
    const auto t0 = Clock::now();
    cholmod_factorize(&s, L, &c);
    const double t = since(t0);
    cholmod_free_factor(&L, &c);
    cholmod_finish(&c);
    return t;
}

void BM_SelinvVsDense(benchmark::State &state)
{
    const int side = static_cast<int>(state.range(0));
    const fs::sparse::Matrix A = poisson(2, side);
    double dense = 0, sel = 0;
    for (auto _ : state) {
        auto t0 = Clock::now();
        benchmark::DoNotOptimize(fs::precond::kopt_dense(A).L.nonZeros());
        dense += since(t0);
        t0 = Clock::now();
        benchmark::DoNotOptimize(fs::precond::kopt_selinv(A).L.nonZeros());
        sel += since(t0);
    }
    state.counters["n"] = static_cast<double>(A.rows());
    state.counters["dense_s"] = dense / static_cast<double>(state.iterations());
    state.counters["selinv_s"] = sel / static_cast<double>(state.iterations());
    state.counters["speedup"] = dense / sel;
}

void BM_SelinvVsCholmod(benchmark::State &state)
{
    const int dims = static_cast<int>(state.range(0));
    const int side = static_cast<int>(state.range(1));
    const auto ordering = fs::precond::Ordering::NestedDissection;
    const fs::sparse::Matrix A = poisson(dims, side);
    double chol = 0, total = 0, inv = 0, kopt = 0, peak = 0, lnz = 0, analyze = 0;
    for (auto _ : state) {
        chol += cholmod_numeric_seconds(A, ordering);
        reset_peak_rss();
        fs::precond::SelinvOptions opt;
        opt.ordering = ordering;
        const auto t0 = Clock::now();
        const auto r = fs::precond::kopt_selinv(A, opt);
        total += since(t0);
        inv += r.inversion_seconds;
        analyze += r.analyze_seconds;
        kopt += r.kopt_seconds;
        lnz = static_cast<double>(r.factor_nonzeros);
        peak = std::max(peak, peak_rss_mb());
    }
    const double it = static_cast<double>(state.iterations());
    state.counters["n"] = static_cast<double>(A.rows());
    state.counters["nnz_L"] = lnz;
    state.counters["cholmod_s"] = chol / it;
    state.counters["kopt_total_s"] = total / it;
    state.counters["selinv_s"] = inv / it;
    state.counters["columns_s"] = kopt / it;
    state.counters["analyze_s"] = analyze / it;
    state.counters["ratio_to_cholmod"] = total / chol;
    // Both routes need the same ordering; the reference above excludes it, so this ratio does too.
    state.counters["ratio_wo_analysis"] = (total - analyze) / chol;
    state.counters["peak_MB"] = peak;
}

} // namespace

// 2D Poisson in its natural ordering: n = 1024, 2025, 5041.
BENCHMARK(BM_SelinvVsDense)->Arg(32)->Arg(45)->Arg(71)->Iterations(1)->Unit(benchmark::kSecond);
// {dims, side}: 2D n = 10^4, 10^5 (316^2), 10^6; 3D n = 21^3, 46^3, 64^3.
BENCHMARK(BM_SelinvVsCholmod)
    ->Args({2, 100})->Args({2, 316})->Args({2, 1000})
    ->Args({3, 21})->Args({3, 46})->Args({3, 64})
    ->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK_MAIN();
