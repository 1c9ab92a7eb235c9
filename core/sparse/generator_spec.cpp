#include "sparse/generator_spec.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

namespace fs::sparse {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxIndex = double(std::numeric_limits<Index>::max());
constexpr double kMaxInt = double(std::numeric_limits<int>::max());
constexpr double kMaxSeed = double(std::numeric_limits<std::int64_t>::max());

// The parameter vocabulary, in form order. Sizes reach the largest index the matrix type has; the
// generators reject what is too large for the matrix they build ("grid too large").
enum Param { Order, GridX, GridY, GridZ, Side, Degree, Shift, Growth, Spread, Sigma, Length, Seed, ParamCount };

const std::vector<ParamSpec> &vocabulary()
{
    using T = ParamType;
    static const std::vector<ParamSpec> params = {
        {"n", "Order n", "order of the matrix", T::Integer, 200, 1, kMaxIndex, false, true},
        {"nx", "Grid nx", "grid points in x", T::Integer, 50, 1, kMaxIndex, false, true, nullptr, "n"},
        {"ny", "Grid ny", "grid points in y (default: nx)", T::Integer, 50, 1, kMaxIndex, false, false, "nx"},
        {"nz", "Grid nz", "grid points in z (default: nx)", T::Integer, 50, 1, kMaxIndex, false, false, "nx"},
        {"n", "Grid side", "interior grid points per side: the matrix has order n²", T::Integer, 32, 1, kMaxIndex,
         false, true},
        {"degree", "Mean degree", "mean vertex degree of the random graph", T::Integer, 4, 1, kMaxInt},
        {"shift", "Shift", "multiple of I added to the graph Laplacian", T::Real, 1.0, 0, kInf, true},
        {"growth", "Growth ρ", "geometric growth of u (and decay of v) per index", T::Real, 1.25, 0, kInf, true},
        {"spread", "Spread", "a_i, b_i are log-uniform in [1/spread, spread]", T::Real, 2.0, 1, kInf},
        {"sigma", "Log-coefficient σ", "standard deviation of log k (0: constant coefficients)", T::Real, 1.0, 0,
         kInf},
        {"length", "Correlation length", "correlation length of log k on the unit square", T::Real, 0.1, 0, kInf,
         true},
        {"seed", "Seed", "seed of the random generator", T::Integer, 1, 0, kMaxSeed},
    };
    return params;
}

std::vector<ParamSpec> params_of(std::initializer_list<Param> which)
{
    std::vector<ParamSpec> out;
    for (Param p : which)
        out.push_back(vocabulary()[std::size_t(p)]);
    return out;
}

[[noreturn]] void fail(const std::string &message)
{
    throw GeneratorError(message);
}

std::string number(double v)
{
    std::ostringstream os;
    os << std::setprecision(6) << v;
    return os.str();
}

// Why `value` is outside p's range: "must be at least 1", "must be > 0", "must be at most 1000".
std::string range_text(const ParamSpec &p, double value)
{
    if (p.type == ParamType::Integer)
        return value < p.min ? "must be at least " + std::to_string(p.integer_min())
                             : "must be at most " + std::to_string(p.integer_max());
    if (value > p.max && std::isfinite(value))
        return "must be <= " + number(p.max);
    return (p.min_open ? "must be > " : "must be >= ") + number(p.min);
}

const char *kind_name(GeneratorKind kind)
{
    return support::name_of(kGeneratorNames, kind);
}

} // namespace

bool ParamSpec::admits(double value) const
{
    if (!std::isfinite(value) || value > max)
        return false;
    return min_open ? value > min : value >= min;
}

std::int64_t ParamSpec::integer_min() const
{
    return std::int64_t(min);
}

std::int64_t ParamSpec::integer_max() const
{
    return max >= kMaxSeed ? std::numeric_limits<std::int64_t>::max() : std::int64_t(max);
}

const ParamSpec *GeneratorSpec::param(std::string_view name) const
{
    for (const ParamSpec &p : params)
        if (name == p.name)
            return &p;
    return nullptr;
}

const std::vector<ParamSpec> &generator_parameters()
{
    return vocabulary();
}

const std::vector<GeneratorSpec> &generator_specs()
{
    using K = GeneratorKind;
    static const std::vector<GeneratorSpec> specs = {
        {K::Laplacian1d, kind_name(K::Laplacian1d), "1D Laplacian tridiag(-1, 2, -1), with its exact factor", true,
         params_of({Order})},
        {K::Counterexample, kind_name(K::Counterexample),
         "counterexample of Theorem 2.1 of [P1]: L_ii = 1/i, L_i,i-1 = 1, with its exact factor", true,
         params_of({Order})},
        {K::Semiseparable, kind_name(K::Semiseparable),
         "rank-1 semiseparable inverse factor, the synthetic benchmark of [P1] section 5.1 (exact factor)", true,
         params_of({Order, Growth, Spread, Seed})},
        {K::Poisson2d, kind_name(K::Poisson2d), "2D Poisson, 5-point stencil, Dirichlet boundary", false,
         params_of({GridX, GridY})},
        {K::Poisson3d, kind_name(K::Poisson3d), "3D Poisson, 7-point stencil, Dirichlet boundary", false,
         params_of({GridX, GridY, GridZ})},
        {K::GraphLaplacian, kind_name(K::GraphLaplacian), "Laplacian of a random graph plus shift * I", false,
         params_of({Order, Degree, Shift, Seed})},
        {K::Diffusion2d, kind_name(K::Diffusion2d),
         "2D diffusion -div(k grad u) with a log-normal random coefficient k", false,
         params_of({Side, Sigma, Length, Seed})},
        {K::Biharmonic2d, kind_name(K::Biharmonic2d), "2D biharmonic L diag(k) L with a log-normal random k",
         false, params_of({Side, Sigma, Length, Seed})},
    };
    return specs;
}

const GeneratorSpec &generator_spec(GeneratorKind kind)
{
    for (const GeneratorSpec &s : generator_specs())
        if (s.kind == kind)
            return s;
    fail("unknown generator kind");
}

const GeneratorSpec *find_generator(std::string_view name)
{
    std::optional<GeneratorKind> kind = support::value_of(kGeneratorNames, name);
    if (!kind)
        kind = support::value_of(kGeneratorAliases, name);
    return kind ? &generator_spec(*kind) : nullptr;
}

std::string generator_names()
{
    return support::joined(support::names_of(kGeneratorNames));
}

GeneratorParams &GeneratorParams::set(std::string_view name, std::int64_t value)
{
    m_values.insert_or_assign(std::string(name), Value(value));
    return *this;
}

GeneratorParams &GeneratorParams::set(std::string_view name, double value)
{
    m_values.insert_or_assign(std::string(name), Value(value));
    return *this;
}

bool GeneratorParams::has(std::string_view name) const
{
    return m_values.find(name) != m_values.end();
}

std::int64_t GeneratorParams::integer(std::string_view name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end() || !std::holds_alternative<std::int64_t>(it->second))
        fail("no integer parameter '" + std::string(name) + "'");
    return std::get<std::int64_t>(it->second);
}

double GeneratorParams::real(std::string_view name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        fail("no parameter '" + std::string(name) + "'");
    return std::visit([](auto v) { return double(v); }, it->second);
}

GeneratorParams resolve(const GeneratorSpec &spec, const GeneratorParams &given)
{
    for (const auto &entry : given.values()) {
        const auto &name = entry.first; // a plain reference: clang 14 cannot capture a structured binding
        const bool known = std::any_of(spec.params.begin(), spec.params.end(), [&](const ParamSpec &p) {
            return name == p.name || (p.alias && name == p.alias && !spec.param(p.alias));
        });
        if (!known)
            fail(std::string(spec.name) + " has no parameter '" + name + "'");
    }
    GeneratorParams out;
    // Parameters a same_as refers to come first in every spec, so one pass suffices.
    for (const ParamSpec &p : spec.params) {
        const char *source = given.has(p.name) ? p.name
                             : (p.alias && !spec.param(p.alias) && given.has(p.alias)) ? p.alias
                                                                                       : nullptr;
        GeneratorParams::Value v;
        if (source)
            v = given.values().find(source)->second;
        else if (p.same_as)
            v = out.values().find(p.same_as)->second;
        else if (p.type == ParamType::Integer)
            v = std::int64_t(p.default_value);
        else
            v = p.default_value;
        const std::string who = std::string(spec.name) + ": " + p.name;
        if (p.type == ParamType::Integer) {
            if (const double *d = std::get_if<double>(&v)) {
                if (!(std::trunc(*d) == *d) || !(std::abs(*d) < kMaxSeed))
                    fail(who + " must be an integer");
                v = std::int64_t(*d);
            }
            const std::int64_t i = std::get<std::int64_t>(v);
            if (i < p.integer_min() || i > p.integer_max())
                fail(who + " " + range_text(p, double(i)));
            out.set(p.name, i);
        } else {
            const double d = std::visit([](auto x) { return double(x); }, v);
            if (!p.admits(d))
                fail(who + " " + range_text(p, d));
            out.set(p.name, d);
        }
    }
    return out;
}

GeneratedMatrix generate(const GeneratorSpec &spec, const GeneratorParams &given)
{
    const GeneratorParams r = resolve(spec, given);
    const auto size = [&](const char *name) { return static_cast<Index>(r.integer(name)); };
    const auto seed = [&] { return static_cast<std::uint64_t>(r.integer("seed")); };
    const auto field = [&] {
        RandomFieldParams f;
        f.sigma = r.real("sigma");
        f.length = r.real("length");
        return f;
    };
    switch (spec.kind) {
    case GeneratorKind::Laplacian1d:
        return laplacian1d(size("n"));
    case GeneratorKind::Counterexample:
        return counterexample(size("n"));
    case GeneratorKind::Semiseparable:
        return semiseparable(size("n"), seed(), SemiseparableParams{r.real("growth"), r.real("spread")});
    case GeneratorKind::Poisson2d:
        return poisson2d(size("nx"), size("ny"));
    case GeneratorKind::Poisson3d:
        return poisson3d(size("nx"), size("ny"), size("nz"));
    case GeneratorKind::GraphLaplacian:
        return graph_laplacian(size("n"), static_cast<int>(r.integer("degree")), r.real("shift"), seed());
    case GeneratorKind::Diffusion2d:
        return diffusion2d(size("n"), seed(), field());
    case GeneratorKind::Biharmonic2d:
        return biharmonic2d(size("n"), seed(), field());
    }
    fail("unknown generator kind");
}

GeneratedMatrix generate(std::string_view name, const GeneratorParams &given)
{
    const GeneratorSpec *spec = find_generator(name);
    if (!spec)
        fail("unknown generator '" + std::string(name) + "' (one of: " + generator_names() + ")");
    return generate(*spec, given);
}

std::string generator_title(const GeneratorSpec &spec, const GeneratorParams &given)
{
    const GeneratorParams r = resolve(spec, given);
    const auto i = [&](const char *name) { return std::to_string(r.integer(name)); };
    const std::string name = spec.name;
    switch (spec.kind) {
    case GeneratorKind::Laplacian1d:
    case GeneratorKind::Counterexample:
        return name + " n=" + i("n");
    case GeneratorKind::Semiseparable:
        return name + " n=" + i("n") + " seed=" + i("seed");
    case GeneratorKind::Poisson2d:
        return name + " " + i("nx") + "x" + i("ny");
    case GeneratorKind::Poisson3d:
        return name + " " + i("nx") + "x" + i("ny") + "x" + i("nz");
    case GeneratorKind::GraphLaplacian:
        return name + " n=" + i("n") + " degree=" + i("degree") + " seed=" + i("seed");
    case GeneratorKind::Diffusion2d:
    case GeneratorKind::Biharmonic2d:
        return name + " " + i("n") + "x" + i("n") + " sigma=" + number(r.real("sigma"))
               + " length=" + number(r.real("length")) + " seed=" + i("seed");
    }
    return name;
}

} // namespace fs::sparse
