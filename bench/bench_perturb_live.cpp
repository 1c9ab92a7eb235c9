// One slider step of the perturbation view, end to end: everything the view computes per position
// (ΔL against the original factor, its diagonal per row, its locality profile, |ΔL| binned at
// 512 × 512 and the cosine bound of every radius), by perturb::LiveFrames as the view and
// `factorscope-cli perturb --sweep` run it.
//
// Side by side in the same process, the reference is the same output computed the way the view
// did before the live shortcuts: the tridiagonal recurrence from row 0 (or the generic update
// followed by the downdate that undoes it), a hop search per step, and the bound over all of L.
// Counters: updates_per_s (wall clock), updates_per_cpu_s (this thread's CPU time, what one free
// core delivers on a loaded machine), reference_per_s, speedup = updates_per_s / reference_per_s,
// refactor_s (one numeric factorisation of A in the view's ordering). Frames are handed back to the
// engine as the view hands them back.
#include "dataset/locality_bound.h"
#include "perturb/live_frame.h"
#include "sparse/generators.h"
#include "sparse/pattern_bins.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>

namespace {

using fs::perturb::LiveFrames;
using fs::perturb::LivePerturbation;
using fs::precond::PrecondKind;
using fs::sparse::Index;
using Clock = std::chrono::steady_clock;

constexpr int kGrid = 512;

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

// What the view computed per step before: a result without per-entry caches, then the bins and the
// bound over the whole factor.
double reference_step(const fs::sparse::GeneratedMatrix &g, fs::perturb::CholeskyPerturbation *generic, Index p,
                      Index q, double delta, const fs::sparse::Matrix &L)
{
    fs::perturb::PerturbationResult r;
    if (!generic) {
        r = fs::perturb::perturb_tridiagonal(g.A, p, q, delta, g.exact_L ? &*g.exact_L : nullptr);
    } else {
        r = generic->perturb(p, q, delta);
        generic->perturb(p, q, -delta);
    }
    const auto &dL = r.delta.delta_L;
    const auto bins = fs::sparse::bin_pattern(dL, fs::sparse::BinWindow::whole(dL), kGrid, kGrid);
    const auto bound = fs::dataset::factor_pair_bounds(g.A, {p, q, delta}, L, dL, r.perm, fs::perturb::kShareBeyondMax);
    return bound.back() + double(bins.total);
}

void run(benchmark::State &state, const fs::sparse::GeneratedMatrix &g, Index p, Index q,
         PrecondKind kind = PrecondKind::Cholesky, bool withReference = true, int referenceSteps = 8)
{
    const fs::factor::Ordering ordering =
        kind == PrecondKind::Cholesky ? fs::perturb::recommended_ordering(g.A) : fs::factor::Ordering::Natural;
    auto engine = std::make_shared<LivePerturbation>(g.A, g.exact_L, kind, ordering);
    (void)engine->base_factor(); // computed when the view opens the matrix, before any drag
    LiveFrames frames(engine, kGrid);
    double delta = 0.5;
    auto next = [&] { delta = delta > 2.0 ? 0.5 : delta * 1.01; };

    double referenceRate = 0.0;
    if (withReference && kind == PrecondKind::Cholesky) {
        const bool tridiagonal = engine->path_for(p, q) == fs::perturb::LivePath::Tridiagonal;
        std::unique_ptr<fs::perturb::CholeskyPerturbation> generic;
        if (!tridiagonal)
            generic = std::make_unique<fs::perturb::CholeskyPerturbation>(g.A, ordering);
        const fs::sparse::Matrix &L = engine->base_factor();
        const int reps = referenceSteps;
        double sink = 0.0;
        const auto t0 = Clock::now();
        for (int k = 0; k < reps; ++k) {
            sink += reference_step(g, generic.get(), p, q, delta, L);
            next();
        }
        referenceRate = reps / std::chrono::duration<double>(Clock::now() - t0).count();
        benchmark::DoNotOptimize(sink);
    }

    const double cpu0 = thread_cpu_seconds();
    for (auto _ : state) {
        fs::perturb::LiveFrame f = frames.frame(p, q, delta);
        if (f.pair_sums) {
            const auto bound = fs::dataset::bounds_from_hop_sums(f.pair_sums->ll, f.pair_sums->pp, f.pair_sums->lp);
            benchmark::DoNotOptimize(bound.back());
        }
        benchmark::DoNotOptimize(f.delta_bins.total);
        frames.recycle(std::move(f)); // as the view hands back the frame it replaces
        next();
    }
    const double cpu = thread_cpu_seconds() - cpu0;
    state.counters["updates_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["updates_per_cpu_s"] = double(state.iterations()) / cpu;
    if (referenceRate > 0.0) {
        state.counters["reference_per_s"] = referenceRate;
        // Both rates from this process; the wall-clock rate of the loop is the counter above.
        state.counters["speedup_cpu"] = double(state.iterations()) / cpu / referenceRate;
    }
    state.counters["amd"] = ordering == fs::factor::Ordering::Amd ? 1 : 0;
    state.counters["refactor_s"] = refactor_seconds(g.A, ordering);
    state.counters["refactorizations"] = engine->health().refactorizations;
}

const fs::sparse::GeneratedMatrix &poisson300()
{
    static const fs::sparse::GeneratedMatrix g = fs::sparse::poisson2d(300, 300);
    return g;
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
    const Index centre = 150 + 300 * 150;
    run(state, poisson300(), centre, centre);
}

void BM_Poisson300Corner(benchmark::State &state)
{
    run(state, poisson300(), 0, 0);
}

void BM_Poisson300Ic0(benchmark::State &state)
{
    const Index centre = 150 + 300 * 150;
    run(state, poisson300(), centre, centre, PrecondKind::Ic0, false);
}

void BM_Poisson300Kopt(benchmark::State &state)
{
    const Index centre = 150 + 300 * 150;
    run(state, poisson300(), centre, centre, PrecondKind::Kopt, false);
}

void BM_Poisson300Spai(benchmark::State &state)
{
    const Index centre = 150 + 300 * 150;
    run(state, poisson300(), centre, centre, PrecondKind::Spai, false);
}

void BM_Poisson300Fsai(benchmark::State &state)
{
    const Index centre = 150 + 300 * 150;
    run(state, poisson300(), centre, centre, PrecondKind::Fsai, false);
}

// n = 10^6: the centre of a 1000 × 1000 grid (AMD); a step changes 3.6 million factor entries.
void BM_Poisson1000(benchmark::State &state)
{
    const fs::sparse::GeneratedMatrix g = fs::sparse::poisson2d(1000, 1000);
    const Index centre = 500 + 1000 * 500;
    run(state, g, centre, centre, PrecondKind::Cholesky, true, 2);
}

// "Compare kinds": the view evaluates the four factor kinds of the comparison (engine only, the
// locality profile is what it plots) for each slider step.
void BM_Poisson300CompareKinds(benchmark::State &state)
{
    const Index centre = 150 + 300 * 150;
    const auto &g = poisson300();
    std::vector<std::unique_ptr<LivePerturbation>> engines;
    for (PrecondKind kind : {PrecondKind::Cholesky, PrecondKind::Ic0, PrecondKind::Kopt, PrecondKind::Spai}) {
        const auto ordering =
            kind == PrecondKind::Cholesky ? fs::perturb::recommended_ordering(g.A) : fs::factor::Ordering::Natural;
        engines.push_back(std::make_unique<LivePerturbation>(g.A, g.exact_L, kind, ordering));
        (void)engines.back()->base_factor();
    }
    double delta = 0.5;
    const double cpu0 = thread_cpu_seconds();
    for (auto _ : state) {
        for (auto &e : engines)
            benchmark::DoNotOptimize(e->evaluate(centre, centre, delta).delta.profile.total_sq);
        delta = delta > 2.0 ? 0.5 : delta * 1.01;
    }
    state.counters["updates_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["updates_per_cpu_s"] = double(state.iterations()) / (thread_cpu_seconds() - cpu0);
}

} // namespace

BENCHMARK(BM_Tridiagonal1e5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Counterexample1e5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Poisson300)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Poisson300Corner)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Poisson300Ic0)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);
BENCHMARK(BM_Poisson300Kopt)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(40);
BENCHMARK(BM_Poisson300Spai)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);
BENCHMARK(BM_Poisson300Fsai)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);
BENCHMARK(BM_Poisson300CompareKinds)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);
BENCHMARK(BM_Poisson1000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(40);
BENCHMARK_MAIN();
