// factorscope-cli experiment fig3|fig4: Figure 3 or 4 of [P1] by one command — the dataset(s), the
// six node models at depths 1, 3, 5, 7 trained by factorscope-train (locally or through a launcher
// template), and a figure and table of the best test cosine against the locality bound.
//
// A second invocation with the same --out reuses what exists: datasets with a manifest, finished
// runs (eval.json); an interrupted run continues with --resume.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/experiment_report.h"
#include "cli/tool_paths.h"

#include "dataset/dataset.h"
#include "dataset/experiment.h"
#include "dataset/locality_bound.h"
#include "dataset/stream_line.h"
#include "precond/kopt.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs::cli {

namespace {

namespace fsys = std::filesystem;
using nlohmann::json;

/// The dataset of one spec entry, written unless its manifest exists.
std::string ensure_dataset(const dataset::ExperimentDataset &d, const fsys::path &root, int threads)
{
    const fsys::path dir = root / "data" / d.label;
    if (fsys::exists(dir / "manifest.json")) {
        std::cerr << "dataset " << d.label << ": reusing " << dir.string() << '\n';
        return dir.string();
    }
    std::cerr << "dataset " << d.label << ": writing " << dir.string() << '\n';
    const auto progress = [&](int done, int total) {
        std::cerr << "\r  " << done << " / " << total << std::flush;
    };
    if (d.kopt) {
        precond::KoptOptions ko;
        ko.threads = threads;
        const auto factor = [&](const sparse::Matrix &A) {
            if (d.max_n > 0 && A.rows() > d.max_n)
                throw std::runtime_error("order " + std::to_string(A.rows()) + " is above this scale's limit of "
                                         + std::to_string(d.max_n));
            return precond::kopt_dense(A, ko).L;
        };
        dataset::write_kopt_dataset(d.from, dir.string(), factor, d.koptOptions, progress);
    } else {
        dataset::write_synthetic_dataset(d.synthetic, dir.string(), progress);
    }
    std::cerr << '\n';
    return dir.string();
}

struct RunOutcome {
    std::string status = "failed"; ///< finished | stopped | failed
    std::string error;
    double best_test_cos = dataset::EpochLine::nan;
    int best_epoch = 0;
    double test_cos_far = dataset::EpochLine::nan; ///< at the best epoch
    double seconds = 0.0;
    int epochs = 0;
};

/// What metrics.jsonl and log.txt of a run directory say.
RunOutcome read_run(const fsys::path &dir)
{
    RunOutcome r;
    std::ifstream metrics(dir / "metrics.jsonl");
    std::string line;
    while (std::getline(metrics, line)) {
        const auto parsed = dataset::parse_stream_line(line);
        if (const auto *e = std::get_if<dataset::EpochLine>(&parsed)) {
            r.epochs = e->epoch;
            if (!std::isnan(e->elapsed))
                r.seconds = e->elapsed;
            if (!std::isnan(e->test_cos) && (std::isnan(r.best_test_cos) || e->test_cos > r.best_test_cos)) {
                r.best_test_cos = e->test_cos;
                r.best_epoch = e->epoch;
                r.test_cos_far = e->test_cos_far;
            }
        }
    }
    std::ifstream log(dir / "log.txt");
    while (std::getline(log, line)) {
        const auto parsed = dataset::parse_stream_line(line);
        if (const auto *f = std::get_if<dataset::FinalLine>(&parsed)) {
            r.status = dataset::to_string(f->status);
            r.error = f->error;
        }
    }
    return r;
}

/// Runs factorscope-train through the launcher template; progress on stderr.
void train(const std::string &launcher, const std::vector<std::string> &args, const fsys::path &dir,
           const std::string &what)
{
    std::string quoted;
    for (const auto &a : args)
        quoted += (quoted.empty() ? "" : " ") + shell_quote(a);
    std::string command = launcher;
    if (command.find("{args}") == std::string::npos)
        command += " {args}";
    command.replace(command.find("{args}"), 6, quoted);
    fsys::create_directories(dir);
    command += " 2>>" + shell_quote((dir / "stderr.txt").string());
    FILE *pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        throw std::runtime_error("cannot start: " + command);
    char buffer[65536];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        const auto parsed = dataset::parse_stream_line(buffer);
        if (const auto *e = std::get_if<dataset::EpochLine>(&parsed)) {
            std::cerr << "\r  " << what << ": epoch " << e->epoch << ", test cos "
                      << (std::isnan(e->test_cos) ? std::string("-") : std::to_string(e->test_cos))
                      << (std::isnan(e->bound) ? std::string() : ", bound " + std::to_string(e->bound)) << "   "
                      << std::flush;
        } else if (const auto *f = std::get_if<dataset::FinalLine>(&parsed)) {
            std::cerr << "\r  " << what << ": " << dataset::to_string(f->status)
                      << (f->error.empty() ? std::string() : " (" + f->error + ")") << "                    \n";
        }
    }
    ::pclose(pipe);
}

} // namespace

int cmd_experiment(const Argv &argv)
{
    std::string figure = "fig3", scale = "quick";
    std::optional<std::string> out, from, launcher, models, depths, device;
    std::optional<int> epochs;
    int threads = 0;
    bool asJson = false;
    Options opts("experiment", "Reproduce Figure 3 or 4 of the seed paper: datasets, the six models at depths "
                               "1, 3, 5, 7, and a figure and table of the best test cosine against the bound.");
    const auto &names = opts.positionals("FIGURE", "fig3 or fig4");
    opts.text("out", out, "the experiment folder (required); an existing one is continued");
    opts.choice("scale", scale, {"quick", "paper"}, "quick: within 45 minutes on 2 cores; paper: [P1]'s sizes");
    opts.text("device", device, "auto (default), cpu, cuda or cuda:N (passed to factorscope-train)");
    opts.text("launcher", launcher,
              "command template; {args} becomes the trainer's arguments (default: the local factorscope-train)");
    opts.text("from", from, "fig4: folder of .mtx matrices (default: the bundled benchmark)");
    opts.text("models", models, "comma-separated subset of the six models");
    opts.text("depths", depths, "comma-separated depths (default 1,3,5,7)");
    opts.integer("epochs", epochs, 1, 100'000, "override the scale's epochs");
    opts.integer("threads", threads, 0, 4096, "worker threads for the K-optimal factors (0: all cores)");
    opts.flag("json", asJson, "print the results as one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (names.size() != 1 || (names[0] != "fig3" && names[0] != "fig4"))
        throw UsageError("experiment needs one FIGURE: fig3 or fig4");
    figure = names[0];
    if (!out)
        throw UsageError("experiment needs --out DIR");
    using dataset::ExperimentFigure;
    using dataset::ExperimentScale;
    dataset::ExperimentSpec spec = dataset::experiment_spec(
        figure == "fig3" ? ExperimentFigure::Fig3 : ExperimentFigure::Fig4,
        scale == "quick" ? ExperimentScale::Quick : ExperimentScale::Paper, from ? *from : bundled_benchmark_dir());
    if (models) {
        spec.models = split_list(*models);
        for (const auto &m : spec.models)
            if (std::find(dataset::model_names().begin(), dataset::model_names().end(), m) == dataset::model_names().end()
                || m == "gcvae")
                throw UsageError("--models: '" + m + "' is not one of the six factor models");
    }
    if (depths) {
        spec.depths.clear();
        for (const auto &d : split_list(*depths)) {
            try {
                spec.depths.push_back(std::stoi(d));
            } catch (const std::exception &) {
                throw UsageError("--depths: '" + d + "' is not a number");
            }
            check_range("depths", spec.depths.back(), 0, 64);
        }
    }
    if (epochs)
        spec.training.epochs = *epochs;
    spec.training.device = device.value_or("auto");
    const std::string trainerCommand = launcher ? *launcher : [] {
        const std::string trainer = find_tool("factorscope-train");
        if (trainer.empty())
            throw std::runtime_error("factorscope-train was not found next to factorscope-cli or on PATH "
                                     "(it is built where LibTorch is installed); give --launcher TEMPLATE");
        return shell_quote(trainer) + " {args}";
    }();

    const fsys::path root(*out);
    fsys::create_directories(root);
    ExperimentResults results;
    results.figure = figure;
    results.scale = scale;
    const int total = static_cast<int>(spec.datasets.size() * spec.models.size() * spec.depths.size());
    int index = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto &d : spec.datasets) {
        const std::string dir = ensure_dataset(d, root, threads);
        const dataset::Dataset data = dataset::load_dataset(dir);
        DatasetResults dr;
        dr.label = d.label;
        dr.title = d.title;
        dr.paired = std::any_of(data.test.begin(), data.test.end(), [](const dataset::Sample &s) { return s.pair.has_value(); });
        dr.test_samples = static_cast<int>(data.test.size());
        for (const auto &model : spec.models) {
            for (int depth : spec.depths) {
                ++index;
                ModelResult r;
                r.model = model;
                r.depth = depth;
                r.radius = dataset::receptive_radius(model, depth);
                if (r.radius)
                    r.bound = dataset::split_bound(data.test, *r.radius).bound;
                const fsys::path runDir = root / "runs" / d.label / (model + "-d" + std::to_string(depth));
                r.run_dir = fsys::relative(runDir, root).string();
                const std::string what = "[" + std::to_string(index) + "/" + std::to_string(total) + "] " + d.label
                                         + " " + model + " depth " + std::to_string(depth);
                if (!fsys::exists(runDir / "eval.json")) {
                    dataset::RunConfig c = spec.training;
                    c.dataset = fsys::absolute(dir).string();
                    c.model = model;
                    c.depth = depth;
                    c.batch_size = d.batch_size;
                    std::vector<std::string> args = c.to_argv();
                    args.insert(args.end(), {"--out", runDir.string()});
                    if (fsys::exists(runDir / "checkpoints" / "latest.json"))
                        args.push_back("--resume");
                    train(trainerCommand, args, runDir, what);
                } else {
                    std::cerr << "  " << what << ": reusing the finished run\n";
                }
                const RunOutcome o = read_run(runDir);
                r.status = o.status;
                r.error = o.error;
                r.best_test_cos = o.best_test_cos;
                r.best_epoch = o.best_epoch;
                r.test_cos_far = o.test_cos_far;
                r.seconds = o.seconds;
                r.epochs = o.epochs;
                dr.results.push_back(r);
            }
        }
        results.datasets.push_back(std::move(dr));
    }
    results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::vector<std::string> written = write_experiment_report(results, root);
    if (asJson) {
        nlohmann::json j = to_json(results);
        j["files"] = written;
        std::cout << j.dump(2) << '\n';
    } else {
        std::cout << read_text(root / "table.md");
        for (const auto &f : written)
            std::cout << "wrote " << (root / f).string() << '\n';
    }
    int failed = 0;
    for (const auto &d : results.datasets)
        for (const auto &r : d.results)
            failed += r.status != "finished";
    return failed ? 1 : 0;
}

} // namespace fs::cli
