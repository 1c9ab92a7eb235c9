#include "dataset/dataset.h"

#include "dataset/writer_support.h"
#include "sparse/generator_spec.h"
#include "sparse/matrix_market.h"

#include <nlohmann/json.hpp>

#include <Eigen/SparseCholesky>

#include <algorithm>
#include <limits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

namespace fs::dataset {

namespace fsys = std::filesystem;
using nlohmann::json;
using sparse::Matrix;
using namespace detail;

namespace {

fsys::path manifest_path(const std::string &dirOrManifest)
{
    const fsys::path p(dirOrManifest);
    if (fsys::is_directory(p))
        return p / "manifest.json";
    return p;
}

bool is_spd(const Matrix &A, std::string &why)
{
    if (A.rows() != A.cols()) {
        why = "not square";
        return false;
    }
    if (A.rows() == 0) {
        why = "empty";
        return false;
    }
    if (!sparse::is_symmetric(A, 1e-12)) {
        why = "not symmetric";
        return false;
    }
    Eigen::SimplicialLLT<Matrix, Eigen::Lower, Eigen::AMDOrdering<int>> llt(A);
    if (llt.info() != Eigen::Success) {
        why = "not positive definite";
        return false;
    }
    return true;
}

/// An integer field of outside data: an integral JSON number within int's range (a float as
/// large as 4e69 would make the plain conversion undefined); anything else names the field.
int int_field(const json &v, const std::string &what)
{
    constexpr double lo = std::numeric_limits<int>::min(), hi = std::numeric_limits<int>::max();
    if (v.is_number_unsigned()) {
        if (v.get<std::uint64_t>() <= static_cast<std::uint64_t>(hi))
            return static_cast<int>(v.get<std::uint64_t>());
    } else if (v.is_number_integer()) {
        const auto x = v.get<std::int64_t>();
        if (x >= lo && x <= hi)
            return static_cast<int>(x);
    } else if (v.is_number_float()) {
        const double x = v.get<double>();
        if (std::isfinite(x) && x == std::trunc(x) && x >= lo && x <= hi)
            return static_cast<int>(x);
    } else {
        throw DatasetError(what + " is not a number");
    }
    throw DatasetError(what + " is not an integer of a usable size (" + v.dump() + ")");
}

std::vector<SampleRef> parse_samples(const json &arr, const std::string &where)
{
    if (!arr.is_array())
        throw DatasetError(where + " is not an array");
    std::vector<SampleRef> out;
    for (const auto &e : arr) {
        SampleRef s;
        s.A = e.at("A").get<std::string>();
        s.L = e.at("L").get<std::string>();
        // Sample files live in the dataset's folder: a manifest cannot point elsewhere.
        for (const std::string *file : {&s.A, &s.L}) {
            const fsys::path p(*file);
            const bool escapes = file->empty() || p.is_absolute() || p.has_root_name() ||
                                 std::any_of(p.begin(), p.end(), [](const fsys::path &c) { return c == ".."; });
            if (escapes)
                throw DatasetError(where + ": the sample file '" + *file + "' is not a name inside the dataset folder");
        }
        s.name = e.value("name", s.A);
        s.n = e.contains("n") ? int_field(e["n"], where + ": n of " + s.name) : 0;
        if (e.contains("seed") && e["seed"].is_number_unsigned())
            s.seed = e["seed"].get<std::uint64_t>();
        if (e.contains("pair") && !e["pair"].is_null())
            s.pair = int_field(e["pair"], where + ": pair of " + s.name);
        s.perturbed = e.value("perturbed", false);
        if (e.contains("perturbation") && !e["perturbation"].is_null()) {
            const json &p = e["perturbation"];
            const int row = int_field(p.at("row"), where + ": perturbation row of " + s.name);
            const int col = int_field(p.at("col"), where + ": perturbation column of " + s.name);
            if (row < 1 || col < 1 || (s.n > 0 && (row > s.n || col > s.n)))
                throw DatasetError(where + ": the perturbation of " + s.name + " lies outside 1.." + std::to_string(s.n));
            s.perturbation = PairPerturbation{row - 1, col - 1, p.at("delta").get<double>()};
        }
        out.push_back(std::move(s));
    }
    return out;
}

// True when every stored entry of R is also stored in A (both compressed, same shape).
bool pattern_inside(const Matrix &R, const Matrix &A)
{
    for (Eigen::Index c = 0; c < R.outerSize(); ++c) {
        Matrix::InnerIterator a(A, c);
        for (Matrix::InnerIterator r(R, c); r; ++r) {
            while (a && a.row() < r.row())
                ++a;
            if (!a || a.row() != r.row())
                return false;
        }
    }
    return true;
}

// Why a target T of A does not have the shape its dataset promises ("" when it does): a factor is
// lower triangular; the generative targets also lie inside the pattern of A (or A², pattern 2).
std::string target_problem(const Matrix &A, const Matrix &T, const std::string &target, int pattern)
{
    if (target != "spai") {
        const Matrix upper = T.triangularView<Eigen::StrictlyUpper>();
        if (upper.nonZeros() > 0)
            return "is not lower triangular";
    }
    if ((target == "spai" || target == "fsai") && !pattern_inside(T, pattern == 2 ? sparse::pattern_power(A, 2) : A))
        return std::string("has an entry outside the pattern of A") + (pattern == 2 ? "²" : "");
    return {};
}

// Each pair id names at most two samples, both in one split.
void check_pairs(const Manifest &m, const std::string &where)
{
    std::map<int, std::pair<int, const char *>> seen; // id -> (count, split)
    const auto visit = [&](const std::vector<SampleRef> &split, const char *name) {
        for (const SampleRef &s : split) {
            if (!s.pair)
                continue;
            auto [it, fresh] = seen.try_emplace(*s.pair, 0, name);
            if (!fresh && std::string(it->second.second) != name)
                throw DatasetError(where + ": pair " + std::to_string(*s.pair) + " is split between train and test");
            if (++it->second.first > 2)
                throw DatasetError(where + ": pair " + std::to_string(*s.pair) + " has more than two samples");
        }
    };
    visit(m.train, "train");
    visit(m.test, "test");
}

Sample load_sample(const fsys::path &dir, const SampleRef &ref, const std::string &target, int pattern)
{
    Sample s;
    s.name = ref.name;
    s.pair = ref.pair;
    s.perturbed = ref.perturbed;
    s.perturbation = ref.perturbation;
    try {
        s.A = sparse::read_matrix_market((dir / ref.A).string()).matrix;
        s.L = sparse::read_matrix_market((dir / ref.L).string()).matrix;
    } catch (const sparse::MatrixMarketError &e) {
        throw DatasetError(std::string("dataset sample ") + ref.name + ": " + e.what());
    }
    const std::string what = target == "spai" ? "R" : target == "fsai" ? "G" : "L";
    if (s.A.rows() != s.A.cols() || s.L.rows() != s.A.rows() || s.L.cols() != s.A.cols())
        throw DatasetError("dataset sample " + ref.name + ": A and " + what + " sizes differ");
    s.A.makeCompressed();
    s.L.makeCompressed();
    if (const std::string why = target_problem(s.A, s.L, target, pattern); !why.empty())
        throw DatasetError("dataset sample " + ref.name + ": " + what + " (" + ref.L + ") " + why);
    return s;
}

} // namespace

Manifest write_kopt_dataset(const std::string &fromDir, const std::string &outDir,
                            const FactorFunction &factor, const KoptOptions &options,
                            const ProgressFunction &progress, std::stop_token stop)
{
    if (!fsys::is_directory(fromDir))
        throw DatasetError(fromDir + " is not a directory");
    if (options.paired && options.test >= 0 && options.test % 2 != 0)
        throw DatasetError("a paired dataset needs an even test count (samples, two per pair), got "
                           + std::to_string(options.test));
    std::vector<fsys::path> files;
    for (const auto &e : fsys::directory_iterator(fromDir)) {
        const std::string name = e.path().filename().string();
        const auto ends = [&](const std::string &suffix) {
            return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        if (e.is_regular_file() && (ends(".mtx") || ends(".mtx.gz")))
            files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    const fsys::path dir(outDir);
    begin_writing(dir);
    step(progress, stop, 0, static_cast<int>(files.size()));
    Manifest m;
    m.kind = "kopt";
    m.target = "kopt";
    m.seed = options.seed;
    m.paired = options.paired;
    json generator = {{"name", "kopt"}, {"source", fsys::absolute(fromDir).string()}};
    if (options.paired) {
        generator["perturb_entry"] = {options.perturb_row + 1, options.perturb_col + 1};
        generator["perturb_rel"] = options.perturb_rel;
    }
    m.generatorJson = generator.dump();
    // One unit per file: its sample, or its pair (A first). Units are shuffled into the splits
    // whole, so the two samples of a pair always share one.
    std::vector<std::vector<SampleRef>> kept;
    int samples = 0;
    std::optional<int> commonN;
    bool sameN = true;
    int visited = 0;
    for (const auto &f : files) {
        if (visited > 0)
            step(progress, stop, visited, static_cast<int>(files.size()));
        ++visited;
        const std::string fname = f.filename().string();
        try {
            const Matrix A = sparse::read_matrix_market(f.string()).matrix;
            std::string why;
            if (!is_spd(A, why)) {
                m.skipped.emplace_back(fname, why);
                continue;
            }
            const std::string base = fname.substr(0, fname.find(".mtx"));
            std::vector<SampleRef> unit(1);
            unit[0].name = base;
            if (!options.paired) {
                write_pair(dir, samples, A, factor(A), "K-optimal pair for " + fname, unit[0]);
            } else {
                const PairPerturbation p =
                    perturbation_of(A, options.perturb_row, options.perturb_col, options.perturb_rel, why);
                if (!why.empty()) {
                    m.skipped.emplace_back(fname, why);
                    continue;
                }
                const Matrix Ap = perturbed_matrix(A, p);
                if (!is_spd(Ap, why)) {
                    m.skipped.emplace_back(fname, "A' (" + perturbation_text(p) + ") is " + why);
                    continue;
                }
                const Matrix L = factor(A), Lp = factor(Ap);
                unit.resize(2);
                unit[1].name = base + "_perturbed";
                unit[1].perturbed = true;
                const int pairId = static_cast<int>(kept.size());
                for (SampleRef &r : unit) {
                    r.pair = pairId;
                    r.perturbation = p;
                }
                write_pair(dir, samples, A, L, "K-optimal pair for " + fname, unit[0]);
                write_pair(dir, samples + 1, Ap, Lp, "K-optimal pair for " + fname + ", " + perturbation_text(p),
                           unit[1]);
            }
            if (commonN && *commonN != unit[0].n)
                sameN = false;
            commonN = unit[0].n;
            samples += static_cast<int>(unit.size());
            kept.push_back(std::move(unit));
        } catch (const std::exception &e) {
            m.skipped.emplace_back(fname, e.what());
        }
    }
    step(progress, stop, visited, static_cast<int>(files.size()));
    if (kept.empty())
        throw DatasetError("no SPD matrix in " + fromDir);
    const int units = static_cast<int>(kept.size());
    const int wanted = options.test < 0 ? -1 : options.paired ? options.test / 2 : options.test;
    const int test = wanted >= 0 ? std::min(wanted, units - 1) : (units >= 2 ? std::max(1, units / 6) : 0);
    std::vector<int> order(static_cast<std::size_t>(units));
    for (int i = 0; i < units; ++i)
        order[static_cast<std::size_t>(i)] = i;
    // Fisher-Yates by hand: std::shuffle's sequence differs between standard libraries.
    std::mt19937_64 rng(options.seed);
    for (int i = units - 1; i > 0; --i)
        std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(rng() % static_cast<std::uint64_t>(i + 1))]);
    for (int i = 0; i < units; ++i)
        for (const SampleRef &r : kept[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])])
            (i < units - test ? m.train : m.test).push_back(r);
    m.count = samples;
    if (sameN)
        m.n = commonN;
    write_manifest(m, dir);
    return m;
}

Manifest write_spai_dataset(const SpaiDatasetOptions &o, const std::string &outDir, const FactorFunction &spai,
                            const ProgressFunction &progress, std::stop_token stop)
{
    if (o.count < 1 || o.test < 0 || o.test >= o.count)
        throw DatasetError("need count >= 1 and 0 <= test < count");
    if (o.side < 2 || o.side > 10'000)
        throw DatasetError("need a grid side n in 2..10000");
    if (o.problem != "diffusion" && o.problem != "biharmonic" && o.problem != "mixed")
        throw DatasetError("unknown problem '" + o.problem + "' (diffusion, biharmonic, mixed)");
    if (o.target != "spai" && o.target != "fsai")
        throw DatasetError("unknown target '" + o.target + "' (spai, fsai)");
    if (o.pattern != 1 && o.pattern != 2)
        throw DatasetError("the target pattern must be 1 (A) or 2 (A²), got " + std::to_string(o.pattern));
    const sparse::GeneratorSpec &diffusion = sparse::generator_spec(sparse::GeneratorKind::Diffusion2d);
    const sparse::GeneratorSpec &biharmonicSpec = sparse::generator_spec(sparse::GeneratorKind::Biharmonic2d);
    if (!diffusion.param("sigma")->admits(o.sigma))
        throw DatasetError("sigma must be >= 0");
    if (!diffusion.param("length")->admits(o.length))
        throw DatasetError("the correlation length must be > 0");
    sparse::GeneratorParams params;
    params.set("n", o.side).set("sigma", o.sigma).set("length", o.length);
    const fsys::path dir(outDir);
    begin_writing(dir);
    step(progress, stop, 0, o.count);
    Manifest m;
    m.kind = "spai";
    m.target = o.target;
    m.pattern = o.pattern;
    m.count = o.count;
    m.n = o.side * o.side;
    m.seed = o.seed;
    const std::string generator = o.problem == "mixed"        ? "mixed"
                                  : o.problem == "biharmonic" ? biharmonicSpec.name
                                                              : diffusion.name;
    m.generatorJson =
        json{{"name", generator}, {"side", o.side}, {"sigma", o.sigma}, {"length", o.length}}.dump();
    for (int k = 0; k < o.count; ++k) {
        const std::uint64_t seed = o.seed + static_cast<std::uint64_t>(k);
        const bool biharmonic = o.problem == "biharmonic" || (o.problem == "mixed" && k % 2 == 1);
        params.set("seed", static_cast<std::int64_t>(seed));
        const sparse::GeneratorSpec &spec = biharmonic ? biharmonicSpec : diffusion;
        const sparse::GeneratedMatrix g = sparse::generate(spec, params);
        const Matrix R = spai(g.A);
        if (R.rows() != g.A.rows() || R.cols() != g.A.cols())
            throw DatasetError("the approximate inverse of sample " + std::to_string(k) + " has the wrong size");
        if (const std::string why = target_problem(g.A, R, o.target, o.pattern); !why.empty())
            throw DatasetError("the " + o.target + " target of sample " + std::to_string(k) + " " + why);
        SampleRef ref;
        ref.name = std::string(spec.name) + "_" + std::to_string(k);
        ref.seed = seed;
        const std::string power = o.pattern == 2 ? "²" : "";
        const bool fsai = o.target == "fsai";
        const std::string what = fsai ? " (target: FSAI factor G, M⁻¹ = GᵀG, pattern of tril(A" + power + "))"
                                      : " (target: SPAI approximate inverse R, pattern of A" + power + ")";
        write_pair(dir, k, g.A, R, g.description + what, ref, fsai ? "G" : "R");
        (k < o.count - o.test ? m.train : m.test).push_back(std::move(ref));
        step(progress, stop, k + 1, o.count);
    }
    write_manifest(m, dir);
    return m;
}

Manifest read_manifest(const std::string &dirOrManifest)
{
    const fsys::path path = manifest_path(dirOrManifest);
    std::ifstream is(path, std::ios::binary);
    if (!is)
        throw DatasetError("cannot open dataset manifest " + path.string());
    const std::string text((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
    return parse_manifest(text, path.string());
}

Manifest parse_manifest(std::string_view text, const std::string &where)
{
    try {
        const json j = json::parse(text);
        if (!j.is_object() || j.value("format", std::string()) != kManifestFormat)
            throw DatasetError(where + " is not a factorscope dataset manifest");
        Manifest m;
        m.kind = j.at("kind").get<std::string>();
        m.target = j.value("target", std::string());
        if (j.contains("pattern")) {
            m.pattern = int_field(j["pattern"], where + ": pattern");
            if (m.pattern != 1 && m.pattern != 2)
                throw DatasetError(where + ": pattern must be 1 or 2");
        }
        m.count = int_field(j.at("count"), where + ": count");
        if (j.contains("n") && j["n"].is_number_integer())
            m.n = int_field(j["n"], where + ": n");
        m.seed = j.value("seed", std::uint64_t(0));
        m.generatorJson = j.value("generator", json::object()).dump();
        m.train = parse_samples(j.at("train"), "train");
        m.test = parse_samples(j.at("test"), "test");
        m.paired = j.value("paired", false);
        check_pairs(m, where);
        if (j.contains("skipped")) {
            for (const auto &s : j["skipped"]) {
                if (!s.is_object())
                    throw DatasetError(where + ": an entry of \"skipped\" is not an object");
                m.skipped.emplace_back(s.value("file", ""), s.value("reason", ""));
            }
        }
        return m;
    } catch (const json::exception &e) {
        throw DatasetError(where + ": " + e.what());
    }
}

Dataset load_dataset(const std::string &dirOrManifest)
{
    Dataset d;
    d.manifest = read_manifest(dirOrManifest);
    const fsys::path dir = manifest_path(dirOrManifest).parent_path();
    for (const auto &r : d.manifest.train)
        d.train.push_back(load_sample(dir, r, d.manifest.target, d.manifest.pattern));
    for (const auto &r : d.manifest.test)
        d.test.push_back(load_sample(dir, r, d.manifest.target, d.manifest.pattern));
    if (d.train.empty())
        throw DatasetError("dataset " + dirOrManifest + " has no training samples");
    return d;
}

} // namespace fs::dataset
