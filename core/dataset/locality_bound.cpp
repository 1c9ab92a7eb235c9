#include "dataset/locality_bound.h"

#include "dataset/run_config.h"
#include "sparse/graph_hops.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>

namespace fs::dataset {

namespace {

using sparse::Matrix;

double phi(double a, double c)
{
    return c >= 0.0 ? std::hypot(a, c) : a;
}

// The pair in the plane span{u, u'}: u = (ux, uy), u' = (vx, vy) in an orthonormal basis, with the
// norms a, ap of the two near parts. mean(θ) is the pair's best mean cosine for g = (cos θ, sin θ).
struct PlaneProblem {
    double a = 0.0, ap = 0.0;
    double ux = 0.0, uy = 0.0, vx = 0.0, vy = 0.0;

    double mean(double theta) const
    {
        const double c = std::cos(theta), s = std::sin(theta);
        return 0.5 * (phi(a, ux * c + uy * s) + phi(ap, vx * c + vy * s));
    }
};

// Maximum of f on [lo, hi] by golden-section search (f unimodal there).
template <class F>
double golden_max(const F &f, double lo, double hi)
{
    const double r = (std::sqrt(5.0) - 1.0) / 2.0;
    double x1 = hi - r * (hi - lo), x2 = lo + r * (hi - lo);
    double f1 = f(x1), f2 = f(x2);
    for (int it = 0; it < 200 && hi - lo > 1e-13; ++it) {
        if (f1 < f2) {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + r * (hi - lo);
            f2 = f(x2);
        } else {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - r * (hi - lo);
            f1 = f(x1);
        }
    }
    return std::max({f1, f2, f(0.5 * (lo + hi))});
}

// Each term of mean(θ) is one bump (√(a² + ρ² cos²(θ − α)) over a half circle, flat elsewhere), so
// the sum has at most two local maxima besides flat stretches, each with a basin of width about π.
// A grid far finer than that finds every basin; golden-section search then refines the best grid
// points to machine precision.
double maximise(const PlaneProblem &p)
{
    constexpr int kGrid = 1024;
    constexpr double step = 2.0 * std::numbers::pi / kGrid;
    std::array<double, kGrid> v{};
    for (int k = 0; k < kGrid; ++k)
        v[static_cast<std::size_t>(k)] = p.mean(k * step);
    std::vector<std::pair<double, int>> peaks;
    for (int k = 0; k < kGrid; ++k) {
        const double here = v[static_cast<std::size_t>(k)];
        if (here >= v[static_cast<std::size_t>((k + kGrid - 1) % kGrid)]
            && here >= v[static_cast<std::size_t>((k + 1) % kGrid)])
            peaks.emplace_back(here, k);
    }
    std::sort(peaks.begin(), peaks.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
    double best = peaks.empty() ? v[0] : peaks.front().first;
    const std::size_t refine = std::min<std::size_t>(peaks.size(), 4);
    for (std::size_t i = 0; i < refine; ++i) {
        const double centre = peaks[i].second * step;
        best = std::max(best, golden_max([&](double t) { return p.mean(t); }, centre - step, centre + step));
    }
    return best;
}

// Sums over the entries of a pair: of L², L'² and L·L' on the near and on the far part.
struct PairSums {
    double nearLL = 0.0, nearPP = 0.0;
    double farLL = 0.0, farPP = 0.0, farLP = 0.0;

    void add(double l, double lp, bool far)
    {
        if (far) {
            farLL += l * l;
            farPP += lp * lp;
            farLP += l * lp;
        } else {
            nearLL += l * l;
            nearPP += lp * lp;
        }
    }
};

// The bound from the sums alone: everything the maximisation needs is the Gram matrix of the far
// parts and the near norms of the unit-norm targets.
double bound_from_sums(const PairSums &s)
{
    const double totL = s.nearLL + s.farLL, totP = s.nearPP + s.farPP;
    const double sL = totL > 0.0 ? 1.0 / totL : 0.0, sP = totP > 0.0 ? 1.0 / totP : 0.0; // of squares
    PlaneProblem p;
    p.a = std::sqrt(s.nearLL * sL);
    p.ap = std::sqrt(s.nearPP * sP);
    const double uu = s.farLL * sL, vv = s.farPP * sP;
    const double uv = s.farLP * std::sqrt(sL * sP);
    const double nu = std::sqrt(uu), nv = std::sqrt(vv);
    if (nu == 0.0 && nv == 0.0)
        return 0.5 * (p.a + p.ap);
    // Coordinates in an orthonormal basis e1, e2 of span{u, u'}, e1 along u (along u' if u = 0).
    const bool alongU = nu > 0.0;
    const double first = alongU ? nu : nv, second = alongU ? nv : nu;
    const double along = std::clamp(uv / first, -second, second);
    // From the Gram matrix the component across e1 is only known to about sqrt(eps)·second, so
    // anything below that is taken as parallel (the bound moves by as little).
    const double across = std::sqrt(std::max(0.0, second * second - along * along));
    const bool parallel = across <= 1e-7 * second;
    if (alongU) {
        p.ux = nu;
        p.vx = along;
        p.vy = parallel ? 0.0 : across;
    } else {
        p.vx = nv;
        p.ux = along;
        p.uy = parallel ? 0.0 : across;
    }
    // Parallel (or one far part zero): g = ±e1 are the only unit vectors of the span.
    const double best = parallel ? std::max(p.mean(0.0), p.mean(std::numbers::pi)) : maximise(p);
    return std::clamp(best, -1.0, 1.0);
}

} // namespace

std::vector<int> entry_hops(const Matrix &A, const PairPerturbation &p)
{
    const std::array<sparse::Index, 2> sources{p.row, p.col};
    const std::vector<int> dist =
        sparse::hop_distances(A, std::span<const sparse::Index>(sources.data(), p.row == p.col ? 1 : 2));
    std::vector<int> hops;
    hops.reserve(static_cast<std::size_t>(A.nonZeros()));
    for (Eigen::Index j = 0; j < A.outerSize(); ++j) {
        const int dj = dist[static_cast<std::size_t>(j)];
        for (Matrix::InnerIterator it(A, j); it; ++it) {
            if (it.row() < j)
                continue;
            const int di = dist[static_cast<std::size_t>(it.row())];
            hops.push_back(di < 0 ? dj : dj < 0 ? di : std::min(di, dj));
        }
    }
    return hops;
}

std::vector<char> far_entries(const std::vector<int> &hops, int radius)
{
    std::vector<char> far(hops.size());
    for (std::size_t e = 0; e < hops.size(); ++e)
        far[e] = hops[e] < 0 || hops[e] > radius ? 1 : 0;
    return far;
}

double pair_bound(std::span<const double> L, std::span<const double> Lp, const std::vector<char> &far)
{
    if (L.size() != Lp.size() || L.size() != far.size())
        throw std::invalid_argument("pair_bound: L, L' and the far mask differ in length");
    PairSums sums;
    for (std::size_t e = 0; e < L.size(); ++e)
        sums.add(L[e], Lp[e], far[e] != 0);
    return bound_from_sums(sums);
}

std::vector<double> factor_pair_bounds(const Matrix &A, const PairPerturbation &p, const Matrix &L,
                                       const Matrix &deltaL, std::span<const sparse::Index> perm, int max_radius)
{
    if (L.rows() != L.cols() || L.rows() != A.rows() || deltaL.rows() != L.rows() || deltaL.cols() != L.cols())
        throw std::invalid_argument("factor_pair_bounds: A, L and ΔL differ in size");
    if (!perm.empty() && perm.size() != static_cast<std::size_t>(A.rows()))
        throw std::invalid_argument("factor_pair_bounds: the permutation does not match A");
    if (max_radius < 0)
        throw std::invalid_argument("factor_pair_bounds: max_radius must be >= 0");
    const std::array<sparse::Index, 2> sources{p.row, p.col};
    const std::vector<int> dist =
        sparse::hop_distances(A, std::span<const sparse::Index>(sources.data(), p.row == p.col ? 1 : 2));
    const auto hop = [&](sparse::Index k) { return dist[static_cast<std::size_t>(perm.empty() ? k : perm[k])]; };
    // One bin per hop distance 0..max_radius, then one for farther and unreachable entries.
    const std::size_t bins = static_cast<std::size_t>(max_radius) + 2;
    std::vector<double> ll(bins, 0.0), pp(bins, 0.0), lp(bins, 0.0);
    const auto add = [&](sparse::Index i, sparse::Index j, double l, double d) {
        const int hi = hop(i), hj = hop(j);
        const int h = hi < 0 ? hj : hj < 0 ? hi : std::min(hi, hj);
        const std::size_t b = h < 0 || h > max_radius ? bins - 1 : static_cast<std::size_t>(h);
        const double lPrime = l + d;
        ll[b] += l * l;
        pp[b] += lPrime * lPrime;
        lp[b] += l * lPrime;
    };
    for (Eigen::Index j = 0; j < L.outerSize(); ++j) {
        Matrix::InnerIterator l(L, j), d(deltaL, j);
        while (l || d) {
            if (l && (!d || l.row() < d.row())) {
                add(l.row(), sparse::Index(j), l.value(), 0.0);
                ++l;
            } else if (d && (!l || d.row() < l.row())) {
                add(d.row(), sparse::Index(j), 0.0, d.value());
                ++d;
            } else {
                add(l.row(), sparse::Index(j), l.value(), d.value());
                ++l;
                ++d;
            }
        }
    }
    return bounds_from_hop_sums(ll, pp, lp);
}

std::vector<double> bounds_from_hop_sums(std::span<const double> ll, std::span<const double> pp,
                                         std::span<const double> lp)
{
    if (ll.size() < 2 || pp.size() != ll.size() || lp.size() != ll.size())
        throw std::invalid_argument("bounds_from_hop_sums: the three sums need the same length, at least 2");
    const std::size_t bins = ll.size();
    std::vector<double> out;
    for (std::size_t r = 0; r + 1 < bins; ++r) {
        PairSums s;
        for (std::size_t b = 0; b < bins; ++b) {
            if (b <= r) {
                s.nearLL += ll[b];
                s.nearPP += pp[b];
            } else {
                s.farLL += ll[b];
                s.farPP += pp[b];
                s.farLP += lp[b];
            }
        }
        out.push_back(bound_from_sums(s));
    }
    return out;
}

std::vector<double> values_on_tril(const Matrix &A, const Matrix &L)
{
    if (A.rows() != L.rows() || A.cols() != L.cols())
        throw std::invalid_argument("values_on_tril: A and L differ in size");
    std::vector<double> out;
    out.reserve(static_cast<std::size_t>(A.nonZeros()));
    for (Eigen::Index j = 0; j < A.outerSize(); ++j) {
        Matrix::InnerIterator l(L, j);
        for (Matrix::InnerIterator a(A, j); a; ++a) {
            if (a.row() < j)
                continue;
            while (l && l.row() < a.row())
                ++l;
            out.push_back(l && l.row() == a.row() ? l.value() : 0.0);
        }
    }
    return out;
}

SplitBound split_bound(const std::vector<Sample> &samples, int radius)
{
    SplitBound out;
    std::map<int, std::vector<const Sample *>> byPair;
    for (const Sample &s : samples) {
        if (s.pair)
            byPair[*s.pair].push_back(&s);
        else
            ++out.unpaired;
    }
    double sum = 0.0;
    for (const auto &[id, members] : byPair) {
        const bool complete = members.size() == 2 && members[0]->perturbation && members[1]->perturbation;
        if (!complete) {
            out.unpaired += static_cast<int>(members.size());
            continue;
        }
        const Sample &base = members[0]->perturbed && !members[1]->perturbed ? *members[1] : *members[0];
        const Sample &other = &base == members[0] ? *members[1] : *members[0];
        const std::vector<char> far = far_entries(entry_hops(base.A, *base.perturbation), radius);
        const std::vector<double> L = values_on_tril(base.A, base.L), Lp = values_on_tril(base.A, other.L);
        sum += 2.0 * pair_bound(L, Lp, far);
        ++out.pairs;
    }
    const int total = 2 * out.pairs + out.unpaired;
    out.bound = total > 0 ? (sum + out.unpaired) / total : 1.0;
    return out;
}

std::optional<int> receptive_radius(const std::string &model, int depth)
{
    if (depth < 0)
        throw ConfigError("depth must be >= 0, got " + std::to_string(depth));
    if (model == "mlp")
        return 0;
    if (model == "gatv2" || model == "gen" || model == "mpmlp" || model == "transformer")
        return std::max(0, depth - 1);
    if (model == "sgformer" || model == "gcvae")
        return std::nullopt;
    std::string known;
    for (const std::string &m : model_names())
        known += (known.empty() ? "" : ", ") + m;
    throw ConfigError("unknown model '" + model + "' (" + known + ")");
}

} // namespace fs::dataset
