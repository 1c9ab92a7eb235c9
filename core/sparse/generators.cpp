#include "sparse/generators.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <random>
#include <sstream>
#include <vector>

namespace fs::sparse {

namespace {

// Portable transforms over the raw 64-bit stream (std distributions are library-specific).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    /// Standard normal by Box-Muller (one of the pair; two uniforms per draw).
    double normal()
    {
        constexpr double twoPi = 6.283185307179586476925286766559;
        const double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));
        return radius * std::cos(twoPi * uniform());
    }
    /// Uniform integer in [0, k), unbiased by rejection.
    std::uint64_t below(std::uint64_t k)
    {
        const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max()
                                    - std::numeric_limits<std::uint64_t>::max() % k;
        std::uint64_t x;
        do {
            x = m_engine();
        } while (x >= limit);
        return x % k;
    }

private:
    std::mt19937_64 m_engine;
};

void require(bool ok, const std::string &message)
{
    if (!ok)
        throw GeneratorError(message);
}

Matrix from_triplets(Index n, std::vector<Triplet> &t)
{
    Matrix M(n, n);
    M.setFromTriplets(t.begin(), t.end());
    M.makeCompressed();
    return M;
}

// A = L Lᵀ for lower-bidiagonal L given by its diagonal and subdiagonal (sub[i] = L_{i+1,i}).
GeneratedMatrix from_bidiagonal(const std::vector<double> &diag, const std::vector<double> &sub,
                                std::string description)
{
    const Index n = static_cast<Index>(diag.size());
    std::vector<Triplet> a, l;
    a.reserve(3 * diag.size());
    l.reserve(2 * diag.size());
    for (Index i = 0; i < n; ++i) {
        const double s = i > 0 ? sub[i - 1] : 0.0;
        a.emplace_back(i, i, diag[i] * diag[i] + s * s);
        l.emplace_back(i, i, diag[i]);
        if (i + 1 < n) {
            const double off = sub[i] * diag[i];
            a.emplace_back(i + 1, i, off);
            a.emplace_back(i, i + 1, off);
            l.emplace_back(i + 1, i, sub[i]);
        }
    }
    return {from_triplets(n, a), from_triplets(n, l), std::move(description)};
}

// Shortest round-trip text of a parameter for descriptions ("0.1", not "0.100000").
std::string number(double v)
{
    std::ostringstream os;
    os << std::setprecision(6) << v;
    return os.str();
}

void check_field(Index side, const RandomFieldParams &p, const char *who)
{
    const std::string name(who);
    require(side >= 1, name + ": side must be at least 1");
    require(static_cast<long long>(side) * side <= std::numeric_limits<Index>::max() / 13,
            name + ": grid too large");
    require(p.sigma >= 0 && std::isfinite(p.sigma), name + ": sigma must be >= 0");
    require(p.length > 0 && std::isfinite(p.length), name + ": correlation length must be > 0");
    require(p.modes >= 1 && p.modes <= 1'000'000, name + ": modes must lie in 1..1000000");
}

// k = exp(sigma g) at the (side + 2)² grid nodes, boundary included; k[i + (side + 2) * j] is node
// (i, j) at (i, j) / (side + 1).
std::vector<double> lognormal_field(Index side, std::uint64_t seed, const RandomFieldParams &p,
                                    const char *who)
{
    constexpr double twoPi = 6.283185307179586476925286766559;
    struct Mode {
        double wx, wy, phase;
    };
    Rng rng(seed);
    std::vector<Mode> modes(static_cast<std::size_t>(p.modes));
    for (Mode &m : modes) {
        // Box-Muller: two independent standard normals per mode.
        const double radius = std::sqrt(-2.0 * std::log(1.0 - rng.uniform()));
        const double angle = twoPi * rng.uniform();
        m.wx = radius * std::cos(angle) / p.length;
        m.wy = radius * std::sin(angle) / p.length;
        m.phase = twoPi * rng.uniform();
    }
    const Index g = side + 2;
    const double h = 1.0 / double(side + 1);
    const double scale = std::sqrt(2.0 / double(p.modes));
    std::vector<double> k(static_cast<std::size_t>(g) * static_cast<std::size_t>(g));
    for (Index j = 0; j < g; ++j)
        for (Index i = 0; i < g; ++i) {
            const double x = i * h, y = j * h;
            double sum = 0.0;
            for (const Mode &m : modes)
                sum += std::cos(m.wx * x + m.wy * y + m.phase);
            const double v = std::exp(p.sigma * scale * sum);
            require(std::isfinite(v) && v >= std::numeric_limits<double>::min(),
                    std::string(who) + ": sigma too large, the coefficient field leaves the double range");
            k[static_cast<std::size_t>(i + g * j)] = v;
        }
    return k;
}

std::string field_description(const char *what, Index side, std::uint64_t seed, const RandomFieldParams &p)
{
    return std::string(what) + " " + std::to_string(side) + "x" + std::to_string(side) + " seed="
           + std::to_string(seed) + " sigma=" + number(p.sigma) + " length=" + number(p.length)
           + " modes=" + std::to_string(p.modes);
}

} // namespace

GeneratedMatrix laplacian1d(Index n)
{
    require(n >= 1, "laplacian1d: n must be at least 1");
    std::vector<Triplet> t;
    t.reserve(3 * static_cast<std::size_t>(n));
    std::vector<double> diag(n), sub(n > 1 ? n - 1 : 0);
    for (Index i = 0; i < n; ++i) {
        t.emplace_back(i, i, 2.0);
        if (i + 1 < n) {
            t.emplace_back(i + 1, i, -1.0);
            t.emplace_back(i, i + 1, -1.0);
            sub[i] = -std::sqrt(double(i + 1) / double(i + 2));
        }
        diag[i] = std::sqrt(double(i + 2) / double(i + 1));
    }
    // A is built from its integer entries, not from L Lᵀ, so that it is exactly tridiag(-1,2,-1).
    GeneratedMatrix g = from_bidiagonal(diag, sub, "laplacian1d n=" + std::to_string(n));
    g.A = from_triplets(n, t);
    return g;
}

GeneratedMatrix counterexample(Index n)
{
    require(n >= 1, "counterexample: n must be at least 1");
    std::vector<double> diag(n), sub(n > 1 ? n - 1 : 0, 1.0);
    for (Index i = 0; i < n; ++i)
        diag[i] = 1.0 / double(i + 1);
    return from_bidiagonal(diag, sub,
                           "counterexample (Theorem 2.1 of [P1]) n=" + std::to_string(n));
}

GeneratedMatrix random_counterexample(Index n, std::uint64_t seed, double sigma)
{
    require(n >= 1, "random_counterexample: n must be at least 1");
    require(sigma >= 0 && std::isfinite(sigma), "random_counterexample: sigma must be >= 0");
    Rng rng(seed);
    std::vector<double> diag(n), sub(n > 1 ? n - 1 : 0);
    for (Index i = 0; i < n; ++i) {
        // exp(0 * z) is exactly 1, so sigma = 0 reproduces counterexample(n) bit for bit.
        diag[i] = std::exp(sigma * rng.normal()) / double(i + 1);
        if (i > 0)
            sub[i - 1] = std::exp(sigma * rng.normal());
    }
    return from_bidiagonal(diag, sub,
                           "random_counterexample n=" + std::to_string(n) + " seed=" + std::to_string(seed)
                               + " sigma=" + number(sigma));
}

GeneratedMatrix weighted_path_laplacian(Index n, std::uint64_t seed, double sigma)
{
    require(n >= 1, "weighted_path_laplacian: n must be at least 1");
    require(sigma >= 0 && std::isfinite(sigma), "weighted_path_laplacian: sigma must be >= 0");
    Rng rng(seed);
    std::vector<double> w(static_cast<std::size_t>(n) + 1);
    for (double &x : w)
        x = std::exp(sigma * rng.normal());
    std::vector<Triplet> t;
    t.reserve(3 * static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) {
        t.emplace_back(i, i, w[static_cast<std::size_t>(i)] + w[static_cast<std::size_t>(i) + 1]);
        if (i + 1 < n) {
            t.emplace_back(i + 1, i, -w[static_cast<std::size_t>(i) + 1]);
            t.emplace_back(i, i + 1, -w[static_cast<std::size_t>(i) + 1]);
        }
    }
    return {from_triplets(n, t), std::nullopt,
            "weighted_path_laplacian n=" + std::to_string(n) + " seed=" + std::to_string(seed)
                + " sigma=" + number(sigma) + " (Dirichlet)"};
}

GeneratedMatrix semiseparable(Index n, std::uint64_t seed, const SemiseparableParams &params)
{
    require(n >= 1, "semiseparable: n must be at least 1");
    require(params.growth > 0 && std::isfinite(params.growth), "semiseparable: growth must be > 0");
    require(params.spread >= 1 && std::isfinite(params.spread), "semiseparable: spread must be >= 1");
    Rng rng(seed);
    const double logSpread = std::log(params.spread);
    // a_i and b_i only: the rho^(±(i-1)) factors of u and v cancel in L = T⁻¹, which keeps L free
    // of overflow for any n.
    std::vector<double> a(n), b(n);
    for (Index i = 0; i < n; ++i) {
        a[i] = std::exp(logSpread * (2.0 * rng.uniform() - 1.0));
        b[i] = std::exp(logSpread * (2.0 * rng.uniform() - 1.0));
    }
    std::vector<double> diag(n), sub(n > 1 ? n - 1 : 0);
    for (Index i = 0; i < n; ++i) {
        diag[i] = 1.0 / (a[i] * b[i]);
        if (i + 1 < n)
            sub[i] = -params.growth / (a[i] * b[i + 1]);
    }
    return from_bidiagonal(diag, sub,
                           "semiseparable n=" + std::to_string(n) + " seed=" + std::to_string(seed)
                               + " growth=" + std::to_string(params.growth)
                               + " spread=" + std::to_string(params.spread));
}

GeneratedMatrix poisson2d(Index nx, Index ny)
{
    require(nx >= 1 && ny >= 1, "poisson2d: nx and ny must be at least 1");
    require(static_cast<long long>(nx) * ny <= std::numeric_limits<Index>::max() / 5,
            "poisson2d: grid too large");
    const Index n = nx * ny;
    std::vector<Triplet> t;
    t.reserve(5 * static_cast<std::size_t>(n));
    for (Index y = 0; y < ny; ++y)
        for (Index x = 0; x < nx; ++x) {
            const Index k = x + nx * y;
            t.emplace_back(k, k, 4.0);
            if (x > 0) t.emplace_back(k, k - 1, -1.0);
            if (x + 1 < nx) t.emplace_back(k, k + 1, -1.0);
            if (y > 0) t.emplace_back(k, k - nx, -1.0);
            if (y + 1 < ny) t.emplace_back(k, k + nx, -1.0);
        }
    return {from_triplets(n, t), std::nullopt,
            "poisson2d " + std::to_string(nx) + "x" + std::to_string(ny) + " (5-point, Dirichlet)"};
}

GeneratedMatrix poisson3d(Index nx, Index ny, Index nz)
{
    require(nx >= 1 && ny >= 1 && nz >= 1, "poisson3d: nx, ny and nz must be at least 1");
    require(static_cast<long long>(nx) * ny * nz <= std::numeric_limits<Index>::max() / 7,
            "poisson3d: grid too large");
    const Index n = nx * ny * nz;
    const Index plane = nx * ny;
    std::vector<Triplet> t;
    t.reserve(7 * static_cast<std::size_t>(n));
    for (Index z = 0; z < nz; ++z)
        for (Index y = 0; y < ny; ++y)
            for (Index x = 0; x < nx; ++x) {
                const Index k = x + nx * (y + ny * z);
                t.emplace_back(k, k, 6.0);
                if (x > 0) t.emplace_back(k, k - 1, -1.0);
                if (x + 1 < nx) t.emplace_back(k, k + 1, -1.0);
                if (y > 0) t.emplace_back(k, k - nx, -1.0);
                if (y + 1 < ny) t.emplace_back(k, k + nx, -1.0);
                if (z > 0) t.emplace_back(k, k - plane, -1.0);
                if (z + 1 < nz) t.emplace_back(k, k + plane, -1.0);
            }
    return {from_triplets(n, t), std::nullopt,
            "poisson3d " + std::to_string(nx) + "x" + std::to_string(ny) + "x" + std::to_string(nz)
                + " (7-point, Dirichlet)"};
}

GeneratedMatrix graph_laplacian(Index n, int degree, double shift, std::uint64_t seed)
{
    require(n >= 2, "graph_laplacian: n must be at least 2");
    require(degree >= 1 && degree < n, "graph_laplacian: degree must lie in 1..n-1");
    require(shift > 0 && std::isfinite(shift), "graph_laplacian: shift must be > 0");
    Rng rng(seed);
    const long long draws = std::llround(double(n) * degree / 2.0);
    std::vector<std::pair<Index, Index>> edges;
    edges.reserve(static_cast<std::size_t>(draws));
    for (long long e = 0; e < draws; ++e) {
        const auto i = static_cast<Index>(rng.below(std::uint64_t(n)));
        auto j = static_cast<Index>(rng.below(std::uint64_t(n - 1)));
        if (j >= i)
            ++j; // distinct endpoints without a second draw
        edges.emplace_back(std::min(i, j), std::max(i, j));
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<double> deg(n, 0.0);
    std::vector<Triplet> t;
    t.reserve(2 * edges.size() + n);
    for (auto [i, j] : edges) {
        t.emplace_back(i, j, -1.0);
        t.emplace_back(j, i, -1.0);
        deg[i] += 1.0;
        deg[j] += 1.0;
    }
    for (Index i = 0; i < n; ++i)
        t.emplace_back(i, i, deg[i] + shift);
    return {from_triplets(n, t), std::nullopt,
            "graph_laplacian n=" + std::to_string(n) + " degree=" + std::to_string(degree)
                + " shift=" + std::to_string(shift) + " seed=" + std::to_string(seed)};
}

GeneratedMatrix diffusion2d(Index side, std::uint64_t seed, const RandomFieldParams &p)
{
    check_field(side, p, "diffusion2d");
    const std::vector<double> k = lognormal_field(side, seed, p, "diffusion2d");
    const Index g = side + 2;
    const auto at = [&](Index i, Index j) { return k[static_cast<std::size_t>(i + g * j)]; };
    // Each face coefficient is computed once and used by both of its nodes, so A is exactly
    // symmetric; for k = 1 it is exactly 1.
    const auto face = [](double a, double b) { return 2.0 * a * b / (a + b); };
    const Index n = side * side;
    std::vector<Triplet> t;
    t.reserve(5 * static_cast<std::size_t>(n));
    std::vector<double> diag(static_cast<std::size_t>(n), 0.0);
    // Node (i, j) is unknown (i - 1) + side * (j - 1) when 1 <= i, j <= side.
    const auto unknown = [&](Index i, Index j) -> Index {
        return i >= 1 && i <= side && j >= 1 && j <= side ? (i - 1) + side * (j - 1) : -1;
    };
    const auto link = [&](Index a, Index b, double c) {
        if (a >= 0)
            diag[static_cast<std::size_t>(a)] += c;
        if (b >= 0)
            diag[static_cast<std::size_t>(b)] += c;
        if (a >= 0 && b >= 0) {
            t.emplace_back(a, b, -c);
            t.emplace_back(b, a, -c);
        }
    };
    for (Index j = 1; j <= side; ++j)
        for (Index i = 0; i <= side; ++i) {
            link(unknown(i, j), unknown(i + 1, j), face(at(i, j), at(i + 1, j)));
            link(unknown(j, i), unknown(j, i + 1), face(at(j, i), at(j, i + 1)));
        }
    for (Index a = 0; a < n; ++a)
        t.emplace_back(a, a, diag[static_cast<std::size_t>(a)]);
    return {from_triplets(n, t), std::nullopt,
            field_description("diffusion2d", side, seed, p) + " (5-point FV, harmonic faces, Dirichlet)"};
}

GeneratedMatrix biharmonic2d(Index side, std::uint64_t seed, const RandomFieldParams &p)
{
    check_field(side, p, "biharmonic2d");
    const std::vector<double> k = lognormal_field(side, seed, p, "biharmonic2d");
    const Index g = side + 2;
    Matrix LK = poisson2d(side, side).A; // becomes L diag(k)
    for (Index c = 0; c < LK.outerSize(); ++c) {
        const double kc = k[static_cast<std::size_t>((c % side + 1) + g * (c / side + 1))];
        for (Matrix::InnerIterator it(LK, c); it; ++it)
            it.valueRef() *= kc;
    }
    const Matrix L = poisson2d(side, side).A;
    Matrix B = LK * L;
    // The product's rounding need not be symmetric; averaging with the transpose makes it so
    // exactly (and changes nothing when k = 1, where every entry is an integer).
    Matrix Bt = B.transpose();
    B = 0.5 * (B + Bt);
    B.makeCompressed();
    return {std::move(B), std::nullopt,
            field_description("biharmonic2d", side, seed, p) + " (13-point L diag(k) L, Dirichlet)"};
}

} // namespace fs::sparse
