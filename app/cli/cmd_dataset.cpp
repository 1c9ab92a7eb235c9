#include "cli/cli_args.h"
#include "cli/commands.h"

#include "learn/dataset.h"
#include "precond/kopt.h"
#include "precond/spai.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace fs::cli {

namespace {

void report(const learn::Manifest &m, const std::string &out, bool json)
{
    if (json) {
        nlohmann::json skipped = nlohmann::json::array();
        for (const auto &[file, reason] : m.skipped)
            skipped.push_back({{"file", file}, {"reason", reason}});
        std::cout << nlohmann::json{{"out", out},           {"kind", m.kind},
                                    {"target", m.target},   {"count", m.count},
                                    {"train", m.train.size()}, {"test", m.test.size()},
                                    {"skipped", skipped}}
                         .dump(2)
                  << '\n';
        return;
    }
    std::cout << out << "/manifest.json: " << m.kind << " dataset, " << m.train.size() << " train + "
              << m.test.size() << " test pairs (target " << m.target << ")\n";
    for (const auto &[file, reason] : m.skipped)
        std::cout << "  skipped " << file << ": " << reason << '\n';
}

int synthetic(const Argv &argv)
{
    Args args(argv, {"count", "n", "seed", "test", "target", "growth", "spread", "out"}, {"json"});
    if (!args.positional().empty())
        throw UsageError("dataset synthetic takes no positional arguments");
    const auto out = args.value("out");
    if (!out)
        throw UsageError("dataset synthetic needs --out DIR");
    learn::SyntheticOptions o;
    o.count = static_cast<int>(args.integer("count", 1200, 1, 10'000'000));
    o.test = static_cast<int>(args.integer("test", std::min(200, o.count / 6), 0, o.count - 1));
    o.n = static_cast<int>(args.integer("n", 100, 2, 100'000'000));
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, std::numeric_limits<long long>::max()));
    o.literal = args.choice("target", "perturbed", {"perturbed", "literal"}) == "literal";
    o.growth = args.real("growth", o.growth);
    o.spread = args.real("spread", o.spread);
    report(learn::write_synthetic_dataset(o, *out), *out, args.flag("json"));
    return 0;
}

int kopt(const Argv &argv)
{
    Args args(argv, {"from", "out", "test", "seed", "threads"}, {"json"});
    const auto from = args.value("from");
    const auto out = args.value("out");
    if (!from || !out)
        throw UsageError("dataset kopt needs --from DIR and --out DIR");
    learn::KoptOptions o;
    o.test = static_cast<int>(args.integer("test", -1, -1, 10'000'000));
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, std::numeric_limits<long long>::max()));
    precond::KoptOptions ko;
    ko.threads = static_cast<int>(args.integer("threads", 0, 0, 4096));
    // A matrix too large for the dense inverse is recorded as skipped (SizeRefused's message).
    const auto factor = [&](const sparse::Matrix &A) { return precond::kopt_dense(A, ko).L; };
    report(learn::write_kopt_dataset(*from, *out, factor, o), *out, args.flag("json"));
    return 0;
}

int spai(const Argv &argv)
{
    Args args(argv, {"count", "n", "seed", "test", "problem", "sigma", "length", "threads", "out"}, {"json"});
    if (!args.positional().empty())
        throw UsageError("dataset spai takes no positional arguments");
    const auto out = args.value("out");
    if (!out)
        throw UsageError("dataset spai needs --out DIR");
    if (!args.has("count") || !args.has("n"))
        throw UsageError("dataset spai needs --count C and --n N (grid side)");
    learn::SpaiDatasetOptions o;
    o.count = static_cast<int>(args.integer("count", o.count, 1, 10'000'000));
    o.test = static_cast<int>(args.integer("test", std::min(o.test, o.count / 6), 0, o.count - 1));
    o.side = static_cast<int>(args.integer("n", o.side, 2, 10'000));
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, std::numeric_limits<long long>::max()));
    o.problem = args.choice("problem", o.problem, {"diffusion", "biharmonic", "mixed"});
    o.sigma = args.real("sigma", o.sigma);
    o.length = args.real("length", o.length);
    precond::SpaiOptions so;
    so.threads = static_cast<int>(args.integer("threads", 0, 0, 4096));
    const auto approximateInverse = [&](const sparse::Matrix &A) { return precond::spai(A, so).M; };
    report(learn::write_spai_dataset(o, *out, approximateInverse), *out, args.flag("json"));
    return 0;
}

} // namespace

int cmd_dataset(const Argv &argv)
{
    if (argv.empty())
        throw UsageError("usage: dataset synthetic --count N --n N [--seed S] [--test T] "
                         "[--target perturbed|literal] --out DIR | dataset kopt --from DIR --out DIR | "
                         "dataset spai --count C --n SIDE [--seed S] [--test T] "
                         "[--problem diffusion|biharmonic|mixed] [--sigma X] [--length X] [--threads T] [--json] "
                         "--out DIR");
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
