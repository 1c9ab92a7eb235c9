// The synthetic families of dataset.h, unpaired (A + e1 e1ᵀ with its target, [P1] eq. 8) or in
// perturbation pairs (A, chol(A)), (A', chol(A')).
#include "dataset/dataset.h"

#include "dataset/writer_support.h"
#include "precond/errors.h"
#include "precond/spd.h"
#include "sparse/generator_spec.h"
#include "sparse/generators.h"
#include "support/name_table.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace fs::dataset {

namespace {

namespace fsys = std::filesystem;
using nlohmann::json;
using sparse::Index;
using sparse::Matrix;
using namespace detail;

enum class Family { Semiseparable, Counterexample, Laplacian };

constexpr support::NameTable<Family, 3> kFamilies{{
    {Family::Semiseparable, "semiseparable"},
    {Family::Counterexample, "counterexample"},
    {Family::Laplacian, "laplacian"},
}};

sparse::GeneratedMatrix base_matrix(Family family, const SyntheticOptions &o, std::uint64_t seed)
{
    switch (family) {
    case Family::Semiseparable: {
        // Through the generator table, for its range checks and messages.
        sparse::GeneratorParams params;
        params.set("n", o.n).set("growth", o.growth).set("spread", o.spread);
        params.set("seed", static_cast<std::int64_t>(seed));
        return sparse::generate(sparse::generator_spec(sparse::GeneratorKind::Semiseparable), params);
    }
    case Family::Counterexample:
        return sparse::random_counterexample(o.n, seed, o.sigma);
    case Family::Laplacian:
        return sparse::weighted_path_laplacian(o.n, seed, o.sigma);
    }
    throw DatasetError("unknown synthetic family");
}

// The Cholesky factor of the tridiagonal SPD matrix A by the recurrence of the brief (§2), with
// the rows before `start` taken from `known`, the factor of a matrix whose lower triangle agrees
// with A's in those rows (they do not change). Where the rounded A is ill-conditioned but the exact
// factor of the unperturbed matrix is known, continuing from it at the perturbed row keeps the
// perturbed factor accurate. Empty when a pivot is not positive (A is not SPD).
std::optional<Matrix> tridiagonal_factor(const Matrix &A, const Matrix *known, Index start)
{
    const Index n = static_cast<Index>(A.rows());
    std::vector<double> diag(static_cast<std::size_t>(n)), sub(static_cast<std::size_t>(std::max<Index>(n - 1, 0)));
    for (Index i = 0; i < start; ++i) {
        diag[static_cast<std::size_t>(i)] = known->coeff(i, i);
        if (i + 1 < start)
            sub[static_cast<std::size_t>(i)] = known->coeff(i + 1, i);
    }
    for (Index i = start; i < n; ++i) {
        double d = A.coeff(i, i);
        if (i > 0) {
            const double s = A.coeff(i, i - 1) / diag[static_cast<std::size_t>(i - 1)];
            sub[static_cast<std::size_t>(i - 1)] = s;
            d -= s * s;
        }
        if (!(d > 0.0) || !std::isfinite(d))
            return std::nullopt;
        diag[static_cast<std::size_t>(i)] = std::sqrt(d);
    }
    std::vector<sparse::Triplet> t;
    t.reserve(2 * diag.size());
    for (Index i = 0; i < n; ++i) {
        t.emplace_back(i, i, diag[static_cast<std::size_t>(i)]);
        if (i + 1 < n)
            t.emplace_back(i + 1, i, sub[static_cast<std::size_t>(i)]);
    }
    Matrix L(n, n);
    L.setFromTriplets(t.begin(), t.end());
    L.makeCompressed();
    return L;
}

// The factor of the unperturbed base matrix: exact from the generator where it is known.
Matrix base_factor(const sparse::GeneratedMatrix &g, const std::string &name)
{
    if (g.exact_L)
        return *g.exact_L;
    std::optional<Matrix> L = tridiagonal_factor(g.A, nullptr, 0);
    if (!L)
        throw DatasetError("the matrix of sample " + name + " is not SPD");
    return *L;
}

std::string generator_json(Family family, const SyntheticOptions &o)
{
    json j = {{"name", support::name_of(kFamilies, family)}};
    if (family == Family::Semiseparable) {
        j["growth"] = o.growth;
        j["spread"] = o.spread;
    } else {
        j["sigma"] = o.sigma;
    }
    if (o.paired) {
        j["perturb_entry"] = {o.perturb_row + 1, o.perturb_col + 1};
        j["perturb_rel"] = o.perturb_rel;
    }
    return j.dump();
}

void check(const SyntheticOptions &o)
{
    if (o.count < 1 || o.test < 0 || o.test >= o.count)
        throw DatasetError("need count >= 1 and 0 <= test < count");
    if (o.paired && (o.count % 2 != 0 || o.test % 2 != 0))
        throw DatasetError("a paired dataset needs an even count and an even test count (samples, two per pair), got "
                           + std::to_string(o.count) + " and " + std::to_string(o.test));
    if (o.n < 2)
        throw DatasetError("need n >= 2");
    if (!(o.sigma >= 0.0) || !std::isfinite(o.sigma))
        throw DatasetError("sigma must be a finite number >= 0");
}

} // namespace

Manifest write_synthetic_dataset(const SyntheticOptions &o, const std::string &outDir,
                                 const ProgressFunction &progress, std::stop_token stop)
{
    const std::optional<Family> family = support::value_of(kFamilies, o.family);
    if (!family)
        throw DatasetError("unknown synthetic family '" + o.family + "' ("
                           + support::joined(support::names_of(kFamilies)) + ")");
    check(o);
    const fsys::path dir(outDir);
    begin_writing(dir);
    step(progress, stop, 0, o.count);
    Manifest m;
    m.kind = "synthetic";
    m.target = o.paired ? "cholesky" : o.literal ? "literal" : "perturbed";
    m.count = o.count;
    m.n = o.n;
    m.seed = o.seed;
    m.paired = o.paired;
    m.generatorJson = generator_json(*family, o);
    const std::string familyName = support::name_of(kFamilies, *family);
    const int trainSamples = o.count - o.test;
    const int bases = o.paired ? o.count / 2 : o.count;
    int written = 0;
    const auto add = [&](SampleRef ref, const Matrix &A, const Matrix &L, const std::string &comment) {
        write_pair(dir, written, A, L, comment, ref);
        (written < trainSamples ? m.train : m.test).push_back(std::move(ref));
        ++written;
        step(progress, stop, written, o.count);
    };
    for (int k = 0; k < bases; ++k) {
        const std::uint64_t seed = o.seed + static_cast<std::uint64_t>(k);
        const sparse::GeneratedMatrix g = base_matrix(*family, o, seed);
        const std::string name = familyName + "_" + std::to_string(k);
        const std::string origin = g.description + ", seed " + std::to_string(seed);
        SampleRef ref;
        ref.name = name;
        ref.seed = seed;
        if (!o.paired) {
            Matrix Am = g.A;
            Am.coeffRef(0, 0) += 1.0;
            Am.makeCompressed();
            Matrix L;
            if (o.literal) {
                // chol(A) of an ill-conditioned unperturbed A is only trustworthy from the generator.
                L = base_factor(g, name);
            } else {
                try {
                    L = precond::cholesky_natural(Am);
                } catch (const precond::NotSpd &) {
                    throw DatasetError("chol(A + e1 e1ᵀ) failed for seed " + std::to_string(seed));
                }
            }
            add(ref, Am, L, origin + ", A11 += 1 (target " + m.target + ")");
            continue;
        }
        std::string why;
        const PairPerturbation p = perturbation_of(g.A, o.perturb_row, o.perturb_col, o.perturb_rel, why);
        if (!why.empty())
            throw DatasetError("sample " + name + ": " + why);
        const Matrix L = base_factor(g, name);
        const Matrix Ap = perturbed_matrix(g.A, p);
        const std::optional<Matrix> Lp = tridiagonal_factor(Ap, &L, std::max(p.row, p.col));
        const std::string perturbedName = name + "_perturbed";
        if (!Lp)
            throw DatasetError("A' of sample " + perturbedName + " (pair " + std::to_string(k) + ", "
                               + perturbation_text(p) + ") is not SPD");
        ref.pair = k;
        ref.perturbation = p;
        SampleRef pref = ref;
        pref.name = perturbedName;
        pref.perturbed = true;
        add(ref, g.A, L, origin + " (pair " + std::to_string(k) + ": unperturbed, target chol(A))");
        add(pref, Ap, *Lp, origin + " (pair " + std::to_string(k) + ": " + perturbation_text(p) + ", target chol(A'))");
    }
    write_manifest(m, dir);
    return m;
}

} // namespace fs::dataset
