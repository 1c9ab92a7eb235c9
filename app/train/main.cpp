// factorscope-train: trains a factor-predicting GNN in its own process and reports JSON lines,
// so a crash, a kill or a CUDA out-of-memory error never reaches the GUI that started it.
#include "common/parse_error.h"
#include "learn/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

// Not a std::stop_source: on_signal sets it, and request_stop is not async-signal-safe.
std::atomic<bool> g_stop{false};

extern "C" void on_signal(int)
{
    g_stop.store(true);
}

const char *const kUsage =
    "Trains a factor-predicting GNN and reports one JSON object per line on stdout; the last one\n"
    "has \"status\": finished, stopped or failed.\n\n"
    "  factorscope-train --config run.json --out RUN_DIR [--key value ...]\n"
    "  factorscope-train --dataset DIR --out RUN_DIR [--key value ...]\n"
    "  factorscope-train --resume RUN_DIR [--epochs N --patience N --threads N --device D]\n"
    "  factorscope-train --dump-layers FILE.json [--seed S]\n"
    "Under torchrun (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT) or srun (SLURM_PROCID, SLURM_NTASKS)\n"
    "the processes train one model data-parallel; rank 0 writes the stream and the run folder.\n";

int fail(const std::string &error, int code)
{
    std::cout << nlohmann::json{{"status", "failed"}, {"error", error}}.dump() << std::endl;
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string configPath, outDir, resumeDir, dumpPath;
    // Every key of TrainConfig as --key value (the last one given wins); TrainConfig::set checks
    // the values as it checks a config file.
    std::map<std::string, std::string> given;
    CLI::App app(kUsage, "factorscope-train");
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("--config", configPath, "run settings (JSON); --key value options override them")
        ->type_name("FILE");
    app.add_option("--out", outDir, "the run folder")->type_name("DIR");
    app.add_option("--resume", resumeDir, "continue the run in this folder from its last epoch")->type_name("DIR");
    app.add_option("--dump-layers", dumpPath, "write the layer reference outputs and stop")->type_name("FILE");
    for (const auto &key : fs::learn::TrainConfig::keys())
        app.add_option("--" + key, [&given, key](const CLI::results_t &r) { given[key] = r.back(); return true; })
            ->type_name("VALUE")
            ->group("Settings (override those of --config)");
    app.footer("SIGTERM/SIGINT stop after the current batch; --resume continues from the last epoch.");
    try {
        try {
            app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
        } catch (const CLI::CallForHelp &) {
            std::cout << app.help();
            return 0;
        } catch (const CLI::ParseError &e) {
            return fail(fs::app::parse_error_message(app, args, e), 2);
        }
        std::vector<std::pair<std::string, std::string>> overrides;
        for (const auto &key : fs::learn::TrainConfig::keys())
            if (const auto it = given.find(key); it != given.end())
                overrides.emplace_back(key, it->second);

        fs::learn::TrainConfig config;
        if (!dumpPath.empty()) {
            for (const auto &[k, v] : overrides)
                config.set(k, v);
            fs::learn::dump_layer_reference(dumpPath, config.seed);
            std::cout << nlohmann::json{{"status", "finished"}, {"dump", dumpPath}}.dump() << std::endl;
            return 0;
        }
        fs::learn::RunOptions run;
        if (!resumeDir.empty()) {
            if (!configPath.empty() || (!outDir.empty() && outDir != resumeDir))
                return fail("--resume takes the run's own config.json and folder", 2);
            config = fs::learn::load_run_config(resumeDir);
            // Anything else would not match the checkpoint.
            static const std::set<std::string> resumable = {"epochs", "patience", "threads", "device"};
            for (const auto &[k, v] : overrides) {
                if (!resumable.count(k))
                    return fail("--" + k + " cannot change when resuming (only epochs, patience, threads, device)", 2);
                config.set(k, v);
            }
            run.run_dir = resumeDir;
            run.resume = true;
        } else {
            if (!configPath.empty()) {
                std::ifstream is(configPath);
                if (!is)
                    return fail("cannot read config " + configPath, 2);
                config.apply(nlohmann::json::parse(is));
            }
            for (const auto &[k, v] : overrides)
                config.set(k, v);
            if (outDir.empty())
                return fail("no run directory given (--out RUN_DIR)", 2);
            run.run_dir = outDir;
        }
        try {
            run.world = fs::learn::world_from_environment();
        } catch (const std::invalid_argument &e) {
            return fail(e.what(), 2);
        }
        std::signal(SIGTERM, on_signal);
        std::signal(SIGINT, on_signal);
        run.stop = &g_stop;
        run.log = &std::cout;
        return fs::learn::run_training(config, run);
    } catch (const std::exception &e) {
        return fail(e.what(), 2);
    }
}
