// One update step of the perturbation view at the sizes it must keep live (≥ 20 updates/s): a
// 10^5-row tridiagonal matrix (exact O(n) recurrence) and the 300×300 2D Poisson matrix (CHOLMOD
// update/downdate in the ordering the view picks, AMD). A step is everything the view computes per
// slider position: ΔL against the original factor, its diagonal and its locality profile.
// `updates_per_s` (wall clock) and `updates_per_cpu_s` (this thread's CPU time) are the figures to
// compare with 20; `refactor_s` (one numeric refactorisation of A, measured in this process) shows
// what the update path saves.
#include "perturb/live_perturbation.h"
#include "sparse/generators.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>

namespace {

using fs::precond::PrecondKind;
using fs::perturb::LivePerturbation;
using Clock = std::chrono::steady_clock;

double thread_cpu_seconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

double refactor_seconds(const fs::sparse::Matrix &A, fs::factor::Ordering ordering)
{
    fs::factor::Cholesky c(fs::factor::CholeskyOptions{ordering, false});
    c.analyze(A);
    double best = 1e300;
    for (int rep = 0; rep < 3; ++rep) {
        const auto t0 = Clock::now();
        c.factorize(A);
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}

void run(benchmark::State &state, fs::sparse::GeneratedMatrix g, fs::sparse::Index p, fs::sparse::Index q)
{
    const fs::factor::Ordering ordering = fs::perturb::recommended_ordering(g.A);
    const double reference = refactor_seconds(g.A, ordering);
    LivePerturbation live(g.A, g.exact_L, PrecondKind::Cholesky, ordering);
    // A dragged slider visits a different δ each step.
    double delta = 0.5;
    const double cpu0 = thread_cpu_seconds();
    for (auto _ : state) {
        auto r = live.evaluate(p, q, delta);
        benchmark::DoNotOptimize(r.delta.profile.total_sq);
        delta = delta > 2.0 ? 0.5 : delta * 1.01;
    }
    const double cpu = thread_cpu_seconds() - cpu0;
    state.counters["updates_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    // Wall-clock rates on a loaded shared machine mostly measure the other jobs; CPU time of this
    // thread is what one free core would deliver.
    state.counters["updates_per_cpu_s"] = double(state.iterations()) / cpu;
    state.counters["amd"] = ordering == fs::factor::Ordering::Amd ? 1 : 0;
    state.counters["refactor_s"] = reference;
}

void BM_Tridiagonal1e5(benchmark::State &state)
{
    run(state, fs::sparse::laplacian1d(100000), 0, 0);
}

void BM_Counterexample1e5(benchmark::State &state)
{
    run(state, fs::sparse::counterexample(100000), 0, 0);
}

void BM_Poisson300(benchmark::State &state)
{
    const fs::sparse::Index centre = 150 + 300 * 150;
    run(state, fs::sparse::poisson2d(300, 300), centre, centre);
}

void BM_Poisson300Corner(benchmark::State &state)
{
    run(state, fs::sparse::poisson2d(300, 300), 0, 0);
}

} // namespace

BENCHMARK(BM_Tridiagonal1e5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Counterexample1e5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Poisson300)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Poisson300Corner)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
