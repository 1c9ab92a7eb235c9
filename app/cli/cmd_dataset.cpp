#include "cli/cli_args.h"
#include "cli/commands.h"

#include "dataset/dataset.h"
#include "precond/kopt.h"
#include "precond/setup.h"
#include "precond/inverse_target.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iostream>
#include <limits>
#include <optional>
#include <string_view>

namespace fs::cli {

namespace {

// --test, 0..count-1 (its range depends on --count, so it is checked once both are known).
int test_count(const std::optional<long long> &test, int fallback, int count)
{
    if (!test)
        return fallback;
    check_range("test", *test, 0, count - 1);
    return static_cast<int>(*test);
}

// The options of a paired dataset, shared by `dataset synthetic` and `dataset kopt`.
struct PairArgs {
    bool paired = false;
    std::optional<std::string> entry;
    std::optional<double> rel;

    void declare(Options &opts)
    {
        opts.flag("paired", paired, "write pairs (A, chol(A)), (A', chol(A')) with A' = A + delta e_i e_j^T (+ mirror)");
        opts.text("perturb-entry", entry, "I,J: the entry of A that A' changes (1-based; default 1,1; needs --paired)");
        opts.real("perturb-rel", rel, "delta = X * A(I,J) (default 1: the entry doubled; needs --paired)");
    }

    // Checks the options and returns the 0-based entry and the relative change.
    void resolve(sparse::Index &row, sparse::Index &col, double &relative) const
    {
        if (!paired && (entry || rel))
            throw UsageError("--perturb-entry and --perturb-rel need --paired");
        if (entry) {
            const std::string &text = *entry;
            const auto comma = text.find(',');
            const auto parse = [&](std::string_view part) {
                long long v = 0;
                auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
                if (part.empty() || ec != std::errc() || ptr != part.data() + part.size() || v < 1
                    || v > std::numeric_limits<sparse::Index>::max())
                    throw UsageError("--perturb-entry expects I,J (1-based positive integers), got '" + text + "'");
                return static_cast<sparse::Index>(v - 1);
            };
            if (comma == std::string::npos)
                throw UsageError("--perturb-entry expects I,J (1-based positive integers), got '" + text + "'");
            const std::string_view all(text);
            row = parse(all.substr(0, comma));
            col = parse(all.substr(comma + 1));
        }
        if (rel) {
            if (*rel == 0.0)
                throw UsageError("--perturb-rel must be nonzero (0 would make both samples of a pair equal)");
            relative = *rel;
        }
    }
};

void report(const learn::Manifest &m, const std::string &out, bool json)
{
    if (json) {
        nlohmann::json skipped = nlohmann::json::array();
        for (const auto &[file, reason] : m.skipped)
            skipped.push_back({{"file", file}, {"reason", reason}});
        nlohmann::json j{{"out", out},           {"kind", m.kind},
                         {"target", m.target},   {"count", m.count},
                         {"train", m.train.size()}, {"test", m.test.size()},
                         {"paired", m.paired},   {"skipped", skipped}};
        if (m.paired)
            j["pairs"] = m.count / 2;
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << out << "/manifest.json: " << m.kind << " dataset, " << m.train.size() << " train + "
              << m.test.size() << " test samples";
    if (m.paired)
        std::cout << " in " << m.count / 2 << " perturbation pairs";
    std::cout << " (target " << m.target << ")\n";
    for (const auto &[file, reason] : m.skipped)
        std::cout << "  skipped " << file << ": " << reason << '\n';
}

int synthetic(const Argv &argv)
{
    learn::SyntheticOptions o;
    o.count = 1200;
    o.n = 100;
    o.seed = 1;
    std::optional<long long> test;
    std::optional<std::string> out;
    std::string target = "perturbed";
    bool json = false;
    PairArgs pairs;
    Options opts("dataset synthetic",
                 "Write (A, L) samples of a synthetic tridiagonal family: semiseparable ([P1] section 5.1), "
                 "counterexample (randomised Theorem 2.1) or laplacian (a local contrast).");
    opts.integer("count", o.count, 1, 10'000'000, "samples in all (--paired: even, two per pair)");
    opts.integer("test", test, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max(),
                 "of them in the test set, 0..count-1 (default: min(200, count/6), even when paired)");
    opts.integer("n", o.n, 2, 100'000'000, "order of the matrices");
    opts.integer("seed", o.seed, 0, std::numeric_limits<long long>::max(), "random seed");
    opts.choice("family", o.family, {"semiseparable", "counterexample", "laplacian"}, "the matrix family");
    opts.choice("target", target, {"perturbed", "literal"},
                "unpaired: L = chol(A + e1 e1^T) (perturbed) or chol(A) (literal)");
    opts.real("growth", o.growth, "semiseparable: geometric growth rho");
    opts.real("spread", o.spread, "semiseparable: a_i, b_i log-uniform in [1/spread, spread]");
    opts.real("sigma", o.sigma, "counterexample, laplacian: log-normal spread of the random factors / weights");
    pairs.declare(opts);
    opts.text("out", out, "the dataset folder (required)");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (!out)
        throw UsageError("dataset synthetic needs --out DIR");
    const bool semiseparable = o.family == "semiseparable";
    for (const char *option : {"growth", "spread"})
        if (!semiseparable && opts.given(option))
            throw UsageError(std::string("--") + option + " applies to --family semiseparable only");
    if (semiseparable && opts.given("sigma"))
        throw UsageError("--sigma applies to --family counterexample and laplacian only");
    if (!(o.sigma >= 0.0))
        throw UsageError("--sigma must be >= 0");
    o.paired = pairs.paired;
    pairs.resolve(o.perturb_row, o.perturb_col, o.perturb_rel);
    if (o.paired) {
        if (opts.given("target"))
            throw UsageError("--target applies to unpaired datasets (paired targets are chol(A) and chol(A'))");
        if (o.count % 2 != 0)
            throw UsageError("--paired needs an even --count (samples, two per pair), got " + std::to_string(o.count));
        if (test && *test % 2 != 0)
            throw UsageError("--paired needs an even --test (samples, two per pair), got " + std::to_string(*test));
        if (o.perturb_row >= o.n || o.perturb_col >= o.n)
            throw UsageError("--perturb-entry lies outside 1.." + std::to_string(o.n));
        if (std::abs(o.perturb_row - o.perturb_col) > 1)
            throw UsageError("--perturb-entry must be a stored entry of the tridiagonal A (|I - J| <= 1)");
    }
    const int defaultTest = std::min(200, o.count / 6);
    o.test = test_count(test, o.paired ? defaultTest - defaultTest % 2 : defaultTest, o.count);
    o.literal = target == "literal";
    report(learn::write_synthetic_dataset(o, *out), *out, json);
    return 0;
}

int kopt(const Argv &argv)
{
    learn::KoptOptions o;
    o.test = -1;
    o.seed = 1;
    precond::KoptOptions ko;
    ko.threads = 0;
    std::optional<std::string> from, out;
    bool json = false;
    PairArgs pairs;
    Options opts("dataset kopt", "Write (A, L) pairs with L the K-optimal factor of every SPD matrix of a folder.");
    opts.text("from", from, "folder of .mtx / .mtx.gz files (required)");
    opts.text("out", out, "the dataset folder (required)");
    opts.integer("test", o.test, -1, 10'000'000,
                 "samples in the test set (-1: one in six; --paired: even, two per pair)");
    pairs.declare(opts);
    opts.integer("seed", o.seed, 0, std::numeric_limits<long long>::max(), "shuffles the files before the split");
    opts.integer("threads", ko.threads, 0, 4096, "worker threads (0: all cores)");
    std::string methodName = "auto";
    opts.choice("method", methodName, support::names_of(precond::kKoptMethodNames),
                "K-optimal from the dense inverse, from selected inversion, or auto (dense up to n = 1500)");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (!from || !out)
        throw UsageError("dataset kopt needs --from DIR and --out DIR");
    precond::BuildOptions build;
    build.threads = ko.threads;
    build.kopt_method = *precond::parse_kopt_method(methodName);
    o.paired = pairs.paired;
    pairs.resolve(o.perturb_row, o.perturb_col, o.perturb_rel);
    if (o.paired && o.test > 0 && o.test % 2 != 0)
        throw UsageError("--paired needs an even --test (samples, two per pair), got " + std::to_string(o.test));
    // A matrix refused by its memory estimate is recorded as skipped (SizeRefused's message). The
    // dense inverse costs O(n³): selected inversion makes the bundled benchmark several times faster.
    const auto factor = [&](const sparse::Matrix &A) {
        return precond::build_preconditioner(A, precond::PrecondKind::Kopt, build).matrix;
    };
    report(learn::write_kopt_dataset(*from, *out, factor, o), *out, json);
    return 0;
}

int spai(const Argv &argv)
{
    learn::SpaiDatasetOptions o;
    o.seed = 1;
    std::optional<int> count, side;
    std::optional<long long> test;
    std::optional<std::string> out;
    int threads = 0;
    bool json = false;
    Options opts("dataset spai",
                 "Write (A, R) pairs of elliptic problems, R the SPAI of A or (--target fsai) its FSAI factor G.");
    opts.integer("count", count, 1, 10'000'000, "pairs in all (required)");
    opts.integer("test", test, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max(),
                 "of them in the test set, 0..count-1 (default: min(" + std::to_string(o.test) + ", count/6))");
    opts.integer("n", side, 2, 10'000, "grid side: matrices of order n² (required)");
    opts.integer("seed", o.seed, 0, std::numeric_limits<long long>::max(), "sample k uses seed + k");
    opts.choice("problem", o.problem, {"diffusion", "biharmonic", "mixed"}, "mixed: the two alternate");
    opts.real("sigma", o.sigma, "standard deviation of the log-normal coefficient field");
    opts.real("length", o.length, "its correlation length");
    opts.choice("target", o.target, {"spai", "fsai"},
                "spai: R = argmin ||A R - I||_F; fsai: lower-triangular G with M^-1 = G^T G (SPD)");
    opts.integer("pattern", o.pattern, 1, 2, "the targets' pattern: that of A (1) or of A² (2)");
    opts.integer("threads", threads, 0, 4096, "worker threads (0: all cores)");
    opts.text("out", out, "the dataset folder (required)");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (!out)
        throw UsageError("dataset spai needs --out DIR");
    if (!count || !side)
        throw UsageError("dataset spai needs --count C and --n N (grid side)");
    o.count = *count;
    o.side = *side;
    o.test = test_count(test, std::min(o.test, o.count / 6), o.count);
    const auto approximateInverse = [&](const sparse::Matrix &A) {
        return precond::inverse_target(A, o.target, o.pattern, threads);
    };
    report(learn::write_spai_dataset(o, *out, approximateInverse), *out, json);
    return 0;
}

} // namespace

int cmd_dataset(const Argv &argv)
{
    static const char *const usage =
        "usage: dataset synthetic --count N --n N [--seed S] [--test T] "
        "[--family semiseparable|counterexample|laplacian] [--sigma S] [--target perturbed|literal] "
        "[--paired [--perturb-entry I,J] [--perturb-rel D]] --out DIR | "
        "dataset kopt --from DIR --out DIR [--paired [--perturb-entry I,J] [--perturb-rel D]] | "
        "dataset spai --count C --n SIDE [--seed S] [--test T] "
        "[--problem diffusion|biharmonic|mixed] [--sigma X] [--length X] [--target spai|fsai] [--pattern 1|2] "
        "[--threads T] [--json] "
        "--out DIR";
    if (argv.empty())
        throw UsageError(usage);
    if (argv[0] == "--help" || argv[0] == "-h") {
        std::cout << usage << "\n(dataset KIND --help: the options of one kind)\n";
        return 0;
    }
    const Argv rest(argv.begin() + 1, argv.end());
    if (argv[0] == "synthetic")
        return synthetic(rest);
    if (argv[0] == "kopt")
        return kopt(rest);
    if (argv[0] == "spai")
        return spai(rest);
    throw UsageError("dataset: unknown kind '" + argv[0] + "' (synthetic, kopt, spai)");
}

} // namespace fs::cli
