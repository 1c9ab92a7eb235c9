#include "cli/cli_args.h"
#include "cli/commands.h"

#include "dataset/dataset.h"
#include "dataset/locality_bound.h"
#include "dataset/run_config.h"
#include "support/name_table.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <limits>
#include <map>
#include <set>
#include <string_view>

namespace fs::cli {

namespace {

// "1-7", "1,3,5" or "2" (ranges and single depths, comma-separated), within min..max; sorted.
std::vector<int> parse_depths(const std::string &text, int min, int max)
{
    const auto fail = [&] {
        return UsageError("--depth expects depths such as 3, 1,3,5 or 1-7, got '" + text + "'");
    };
    const auto number = [&](std::string_view part) {
        int v = 0;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.empty() || ec != std::errc() || ptr != part.data() + part.size())
            throw fail();
        check_range("depth", v, min, max);
        return v;
    };
    std::set<int> depths;
    std::string_view rest(text);
    while (true) {
        const auto comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        const auto dash = item.find('-');
        if (dash == std::string_view::npos) {
            depths.insert(number(item));
        } else {
            const int lo = number(item.substr(0, dash)), hi = number(item.substr(dash + 1));
            if (lo > hi)
                throw fail();
            for (int d = lo; d <= hi; ++d)
                depths.insert(d);
        }
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    return {depths.begin(), depths.end()};
}

struct Row {
    int depth = 0;
    std::optional<int> radius;
    dataset::SplitBound bound;
};

} // namespace

int cmd_bound(const Argv &argv)
{
    std::optional<std::string> depthText, modelName;
    std::string split = "test";
    bool json = false;
    Options opts("bound",
                 "The best mean cosine any model of the receptive radius of --model at each depth can reach on "
                 "the perturbation pairs of a paired dataset: far from the perturbed entry it sees the same "
                 "inputs for A and A', so it predicts the same values there.");
    const auto &positionals = opts.positionals("DATASET", "a dataset folder or its manifest.json");
    opts.text("model", modelName, "mlp, gatv2, gen, mpmlp, transformer, sgformer or gcvae (required)");
    opts.text("depth", depthText, "processor blocks: K, a list K1,K2,... or a range K1-K2 (default 1-7)");
    opts.choice("split", split, {"test", "train", "all"}, "the samples the bound is taken over");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (positionals.size() != 1)
        throw UsageError("bound needs exactly one DATASET (a dataset folder or its manifest.json)");
    if (!modelName)
        throw UsageError("bound needs --model M (" + support::joined(dataset::model_names()) + ")");
    const auto &models = dataset::model_names();
    if (std::find(models.begin(), models.end(), *modelName) == models.end())
        throw UsageError("--model must be one of " + support::joined(models, "|") + ", got '" + *modelName + "'");
    const dataset::ConfigKey *depthKey = dataset::find_config_key("depth");
    const int minDepth = static_cast<int>(depthKey->min.value_or(0));
    const int maxDepth = static_cast<int>(depthKey->max.value_or(64));
    const std::vector<int> depths = parse_depths(depthText.value_or("1-7"), minDepth, maxDepth);
    const std::string &path = positionals.front();

    const dataset::Dataset d = dataset::load_dataset(path);
    std::vector<dataset::Sample> samples;
    if (split != "test")
        samples.insert(samples.end(), d.train.begin(), d.train.end());
    if (split != "train")
        samples.insert(samples.end(), d.test.begin(), d.test.end());

    std::map<int, dataset::SplitBound> byRadius; // mlp has one radius at every depth
    std::vector<Row> rows;
    for (int depth : depths) {
        Row r;
        r.depth = depth;
        r.radius = dataset::receptive_radius(*modelName, depth);
        const int radius = r.radius.value_or(std::numeric_limits<int>::max());
        auto it = byRadius.find(radius);
        if (it == byRadius.end())
            it = byRadius.emplace(radius, dataset::split_bound(samples, radius)).first;
        r.bound = it->second;
        rows.push_back(r);
    }

    if (json) {
        nlohmann::json results = nlohmann::json::array();
        for (const Row &r : rows) {
            nlohmann::json j = {{"depth", r.depth}, {"pairs", r.bound.pairs}, {"unpaired", r.bound.unpaired},
                                {"applicable", r.radius.has_value()}};
            j["radius"] = r.radius ? nlohmann::json(*r.radius) : nlohmann::json(nullptr);
            j["bound"] = r.radius ? nlohmann::json(r.bound.bound) : nlohmann::json(nullptr);
            results.push_back(j);
        }
        std::cout << nlohmann::json{{"model", *modelName}, {"dataset", path},       {"split", split},
                                    {"paired", d.manifest.paired}, {"samples", samples.size()},
                                    {"results", results}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    const dataset::SplitBound counts = rows.empty() ? dataset::SplitBound{} : rows.front().bound;
    std::cout << "dataset " << path << ", " << split << " split: " << samples.size() << " samples, " << counts.pairs
              << " pairs, " << counts.unpaired << " unpaired (each unpaired sample counts 1)\n"
              << "model " << *modelName << ": best mean cosine any model of its receptive radius can reach\n\n"
              << "  depth  radius  bound\n";
    for (const Row &r : rows) {
        char line[96];
        if (r.radius)
            std::snprintf(line, sizeof line, "  %5d  %6d  %.6f\n", r.depth, *r.radius, r.bound.bound);
        else
            std::snprintf(line, sizeof line, "  %5d  %6s  not applicable (%s)\n", r.depth, "-",
                          *modelName == "sgformer" ? "global attention" : "not a factor GNN");
        std::cout << line;
    }
    if (!d.manifest.paired)
        std::cout << "\n(the dataset is not paired: no two samples force a model to agree, so the bound is 1)\n";
    return 0;
}

} // namespace fs::cli
