// factorscope-train: trains a factor-predicting GNN in its own process and reports JSON lines,
// so a crash, a kill or a CUDA out-of-memory error never reaches the GUI that started it.
#include "learn/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int)
{
    g_stop.store(true);
}

void usage(std::ostream &os)
{
    os << "usage: factorscope-train --config run.json --out RUN_DIR [--key value ...]\n"
          "       factorscope-train --dataset DIR --out RUN_DIR [--key value ...]\n"
          "       factorscope-train --resume RUN_DIR [--epochs N --patience N --threads N --device D]\n"
          "       factorscope-train --dump-layers FILE.json [--seed S]\n\n"
          "keys:";
    for (const auto &k : fs::learn::TrainConfig::keys())
        os << ' ' << k;
    os << "\nOne JSON object per line on stdout; the last one has \"status\": finished, stopped or failed.\n"
          "SIGTERM/SIGINT stop after the current batch; --resume continues from the last epoch.\n";
}

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
    std::vector<std::pair<std::string, std::string>> overrides;
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            std::string key = args[i];
            if (key == "--help" || key == "-h") {
                usage(std::cout);
                return 0;
            }
            if (key.rfind("--", 0) != 0)
                return fail("unexpected argument '" + key + "'", 2);
            key = key.substr(2);
            std::string value;
            if (const auto eq = key.find('='); eq != std::string::npos) {
                value = key.substr(eq + 1);
                key.resize(eq);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                return fail("option --" + key + " needs a value", 2);
            }
            if (key == "config")
                configPath = value;
            else if (key == "out")
                outDir = value;
            else if (key == "resume")
                resumeDir = value;
            else if (key == "dump-layers")
                dumpPath = value;
            else
                overrides.emplace_back(key, value);
        }

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
        std::signal(SIGTERM, on_signal);
        std::signal(SIGINT, on_signal);
        run.stop = &g_stop;
        run.log = &std::cout;
        return fs::learn::run_training(config, run);
    } catch (const std::exception &e) {
        return fail(e.what(), 2);
    }
}
