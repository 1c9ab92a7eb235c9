// Live perturbation of an exact Cholesky factor by update/downdate versus numeric refactorisation
// (symbolic analysis reused), on the 2D Poisson matrix from n = 10^4 to 10^6. Each benchmark
// reports `speedup` = (refactorisation seconds) / (seconds per perturbation), both measured in this
// process, because absolute timings on a shared machine are noise.
#include "perturb/perturbation.h"
#include "sparse/generators.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>
#include <random>

namespace {

using fs::factor::Ordering;
using Clock = std::chrono::steady_clock;

struct Problem {
    fs::sparse::Matrix A;
    Ordering ordering;
    double refactor_seconds = 0; ///< best of a few numeric factorisations, CHOLMOD's fastest form
    std::int64_t factor_nnz = 0;
};

// Grids are built and timed once per size and shared by the benchmarks of that size.
Problem &problem(int side, Ordering ordering)
{
    static std::map<std::pair<int, int>, std::unique_ptr<Problem>> cache;
    auto &slot = cache[{side, int(ordering)}];
    if (!slot) {
        slot = std::make_unique<Problem>();
        slot->A = fs::sparse::poisson2d(side, side).A;
        slot->ordering = ordering;
        fs::factor::Cholesky ref(fs::factor::CholeskyOptions{ordering, false});
        ref.analyze(slot->A);
        double best = 1e300;
        for (int rep = 0; rep < 3; ++rep) {
            const auto t0 = Clock::now();
            ref.factorize(slot->A);
            best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
        }
        slot->refactor_seconds = best;
        slot->factor_nnz = ref.factor_nonzeros();
    }
    return *slot;
}

Ordering ordering_of(const benchmark::State &state) { return state.range(1) ? Ordering::Amd : Ordering::Natural; }

void report(benchmark::State &state, const Problem &pb, double seconds)
{
    const double per = seconds / double(state.iterations());
    state.counters["n"] = double(pb.A.rows());
    state.counters["nnz_L"] = double(pb.factor_nnz);
    state.counters["refactor_ms"] = pb.refactor_seconds * 1e3;
    state.counters["perturb_ms"] = per * 1e3;
    state.counters["speedup"] = pb.refactor_seconds / per;
}

// The whole engine step: update/downdate, ΔL on the changed columns, locality profile.
void BM_PerturbEngine(benchmark::State &state)
{
    const int side = int(state.range(0));
    Problem &pb = problem(side, ordering_of(state));
    fs::perturb::CholeskyPerturbation engine(pb.A, pb.ordering);
    std::mt19937_64 rng(7);
    double seconds = 0, sign = 1;
    int p = 0;
    for (auto _ : state) {
        // A neighbour pair (on the pattern): A_pq goes from -1 to -0.75 (still diagonally dominant,
        // so SPD) and back on the next iteration, so the matrix never drifts.
        if (sign > 0)
            p = 1 + int(rng() % (side - 2)) + side * (1 + int(rng() % (side - 2)));
        const auto t0 = Clock::now();
        auto r = engine.perturb(p, p + 1, sign * 0.25);
        seconds += std::chrono::duration<double>(Clock::now() - t0).count();
        benchmark::DoNotOptimize(r.delta.changed_entries);
        sign = -sign;
    }
    report(state, pb, seconds);
}

// Update/downdate of the factor alone (no ΔL, no profile).
void BM_UpdownOnly(benchmark::State &state)
{
    const int side = int(state.range(0));
    Problem &pb = problem(side, ordering_of(state));
    fs::factor::Cholesky chol(fs::factor::CholeskyOptions{pb.ordering, true});
    chol.factorize(pb.A);
    std::mt19937_64 rng(7);
    double seconds = 0, sign = 1;
    int p = 0;
    for (auto _ : state) {
        if (sign > 0)
            p = 1 + int(rng() % (side - 2)) + side * (1 + int(rng() % (side - 2)));
        const auto t0 = Clock::now();
        auto m = chol.modify_symmetric(p, p + 1, sign * 0.25);
        seconds += std::chrono::duration<double>(Clock::now() - t0).count();
        benchmark::DoNotOptimize(m.new_entries);
        sign = -sign;
    }
    report(state, pb, seconds);
}

void sizes(benchmark::internal::Benchmark *b)
{
    b->Args({100, 0})->Args({100, 1})->Args({316, 1})->Args({1000, 1});
    b->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
}

} // namespace

BENCHMARK(BM_PerturbEngine)->Apply(sizes);
BENCHMARK(BM_UpdownOnly)->Apply(sizes);
BENCHMARK_MAIN();
