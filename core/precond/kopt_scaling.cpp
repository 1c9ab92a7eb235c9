#include "precond/kopt_scaling.h"

#include "precond/kcond.h"
#include "precond/preconditioner.h"
#include "support/parallel.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace fs::precond {

const char *to_string(KoptScaling scaling)
{
    return support::name_of(kKoptScalingNames, scaling);
}

std::optional<KoptScaling> parse_kopt_scaling(std::string_view name)
{
    return support::value_of(kKoptScalingNames, name);
}

namespace {

SplitDiagonal estimate(const sparse::Matrix &Ain, const sparse::Matrix &Lin, const SplitDiagonalOptions &o)
{
    sparse::Matrix A = Ain, L = Lin;
    A.makeCompressed();
    L.makeCompressed();
    const int n = int(A.rows());
    const int probes = std::max(2, o.probes);
    const int threads = std::min(support::resolve_threads(o.threads), probes);
    // Probes run in batches of `threads`, each into its own vector, and are summed in probe order
    // afterwards: the estimate is then the same for every thread count and run.
    std::vector<sparse::Vector> batch(static_cast<std::size_t>(threads));
    std::vector<double> sum(std::size_t(n), 0.0), sumsq(std::size_t(n), 0.0);
    for (int first = 0; first < probes; first += threads) {
        const int count = std::min(threads, probes - first);
        support::parallel_for(
            count, threads,
            [&](int, int slot) {
                const int k = first + slot;
                std::mt19937_64 rng(o.seed * 0x9e3779b97f4a7c15ULL + std::uint64_t(k));
                sparse::Vector v(n);
                for (int i = 0; i < n; ++i)
                    v(i) = (rng() >> 63) ? 1.0 : -1.0;
                sparse::Vector t = v;
                lower_transpose_solve_in_place(L, t); // t = L^{-T} v
                sparse::Vector &u = batch[std::size_t(slot)];
                spmv_symmetric(A, t, u);              // u = A t
                lower_solve_in_place(L, u);           // u = L^{-1} A L^{-T} v
                u.array() *= v.array();               // this probe's estimate of the diagonal
            },
            1, o.cancel);
        for (int slot = 0; slot < count; ++slot)
            for (int i = 0; i < n; ++i) {
                const double e = batch[std::size_t(slot)](i);
                sum[std::size_t(i)] += e;
                sumsq[std::size_t(i)] += e * e;
            }
    }
    SplitDiagonal out;
    out.exact = false;
    out.probes = probes;
    out.d.assign(std::size_t(n), 0.0);
    for (int i = 0; i < n; ++i) {
        const double s = sum[std::size_t(i)], s2 = sumsq[std::size_t(i)];
        const double mean = s / probes;
        const double var = std::max(0.0, (s2 - probes * mean * mean) / (probes - 1));
        out.d[std::size_t(i)] = mean;
        if (mean != 0.0)
            out.max_relative_error = std::max(out.max_relative_error, std::sqrt(var / probes) / std::abs(mean));
    }
    return out;
}

} // namespace

SplitDiagonal split_diagonal(const sparse::Matrix &A, const sparse::Matrix &L, const SplitDiagonalOptions &options)
{
    if (kcond_split_work(A, L) > options.max_exact_work)
        return estimate(A, L, options);
    KcondOptions ko;
    ko.threads = options.threads;
    ko.cancel = options.cancel;
    SplitDiagonal out;
    out.d = kcond_split_diagonal(A, L, ko);
    return out;
}

ScaledFactor scale_for_pcg(const sparse::Matrix &A, const sparse::Matrix &L, const SplitDiagonalOptions &options)
{
    ScaledFactor out;
    out.diagonal = split_diagonal(A, L, options);
    out.L = L;
    out.L.makeCompressed();
    for (int j = 0; j < int(out.L.cols()); ++j) {
        const double dj = out.diagonal.d[std::size_t(j)];
        if (!(dj > 0.0) || !std::isfinite(dj))
            throw std::runtime_error("cannot scale column " + std::to_string(j + 1) +
                                     " for PCG: diag(L^-1 A L^-T) = " + std::to_string(dj));
        const double s = std::sqrt(dj);
        for (int p = out.L.outerIndexPtr()[j]; p < out.L.outerIndexPtr()[j + 1]; ++p)
            out.L.valuePtr()[p] *= s;
    }
    return out;
}

} // namespace fs::precond
