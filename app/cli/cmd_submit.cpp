// factorscope-cli submit bench|sweep: the benchmark of a folder as a Slurm array job of shards with
// a merge job after it, or a training sweep as one array task per (model, depth). The batch scripts
// are written next to the results (so they can be read and resubmitted by hand) and submitted with
// sbatch; --dry-run prints them instead.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/process_run.h"
#include "cli/tool_paths.h"

#include "support/atomic_file.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace fs::cli {

namespace fsys = std::filesystem;
using nlohmann::json;

namespace {

// What every submission shares: where it runs and the user's own sbatch lines.
struct SlurmOptions {
    std::optional<std::string> partition, time, gres;
    std::vector<std::string> extra; ///< each one "#SBATCH <arg>" line
    bool dryRun = false, json = false;

    void add_to(Options &opts, bool withGres)
    {
        opts.text("partition", partition, "Slurm partition (default: the cluster's default)");
        opts.text("time", time, "time limit per task, as sbatch --time takes it (e.g. 30:00)");
        if (withGres)
            opts.text("gres", gres, "generic resources per task, e.g. gpu:1");
        opts.texts("sbatch-arg", extra, "one more sbatch option for the scripts, e.g. --sbatch-arg=--mem=4G");
        opts.flag("dry-run", dryRun, "print the batch scripts instead of submitting them");
        opts.flag("json", json, "print one JSON object");
    }
    std::string header(const std::string &jobName, const std::string &output, const std::string &array) const
    {
        std::ostringstream s;
        s << "#!/bin/bash\n#SBATCH --job-name=" << jobName << "\n#SBATCH --output=" << output << '\n';
        if (!array.empty())
            s << "#SBATCH --array=" << array << '\n';
        if (partition)
            s << "#SBATCH --partition=" << *partition << '\n';
        if (time)
            s << "#SBATCH --time=" << *time << '\n';
        if (gres)
            s << "#SBATCH --gres=" << *gres << '\n';
        for (const std::string &a : extra)
            s << "#SBATCH " << a << '\n';
        return s.str();
    }
};

std::string absolute(const std::string &path)
{
    return fsys::weakly_canonical(fsys::absolute(path)).string();
}

std::string tool(const std::string &name)
{
    const std::string path = find_tool(name);
    if (path.empty())
        throw std::runtime_error(name + " was not found next to factorscope-cli or on PATH");
    return path;
}

// sbatch --parsable prints "ID" or "ID;CLUSTER".
std::string submit_script(const std::string &script, const std::vector<std::string> &extra = {})
{
    std::vector<std::string> argv = {"sbatch", "--parsable"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(script);
    const ProcessResult r = run_process(argv);
    if (!r.started)
        throw std::runtime_error("sbatch could not be run (is Slurm installed and on PATH?): " + r.error);
    std::string err = r.err;
    while (!err.empty() && (err.back() == '\n' || err.back() == ' '))
        err.pop_back();
    if (r.exit_code != 0)
        throw std::runtime_error("sbatch refused " + fsys::path(script).filename().string() + ": "
                                 + (err.empty() ? "exit status " + std::to_string(r.exit_code) : err));
    std::string id = r.out.substr(0, r.out.find_first_of(";\n"));
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
        throw std::runtime_error("sbatch printed no job id: '" + r.out + "'");
    return id;
}

void cancel_quietly(const std::string &id)
{
    run_process({"scancel", id});
}

void write_script(const fsys::path &path, const std::string &text)
{
    support::write_file_atomic(path, text);
    fsys::permissions(path, fsys::perms::owner_exec | fsys::perms::group_exec, fsys::perm_options::add);
}

int submit_bench(const Argv &argv)
{
    std::optional<std::string> storePath;
    int tasks = 0;
    SlurmOptions slurm;
    std::vector<std::string> benchArgs;
    std::optional<long long> threads;
    Options opts("submit bench",
                 "Benchmark a folder as a Slurm array job of shards and merge them into one store after it.");
    const auto &dirs = opts.positionals("DIR", "the folder of .mtx / .mtx.gz files (on a filesystem the nodes share)");
    opts.integer("tasks", tasks, 1, 100000, "shards, i.e. array tasks (required)");
    opts.text("store", storePath, "the merged benchmark store to write (.sqlite, required)");
    opts.integer("threads", threads, 1, 1024, "threads per shard (default: the task's SLURM_CPUS_PER_TASK, else 1)");
    opts.texts("bench-arg", benchArgs, "one more option for every shard's bench, e.g. --bench-arg=--noise-runs=4");
    slurm.add_to(opts, false);
    if (!opts.parse(argv))
        return 0;
    if (dirs.size() != 1)
        throw UsageError("submit bench expects exactly one directory");
    if (!opts.given("tasks"))
        throw UsageError("submit bench needs --tasks N");
    if (!storePath)
        throw UsageError("submit bench needs --store FILE.sqlite");
    if (!fsys::is_directory(dirs[0]))
        throw UsageError("not a directory: " + dirs[0]);
    const std::string dir = absolute(dirs[0]), store = absolute(*storePath);
    const fsys::path work = fsys::path(store).replace_extension(".slurm");
    const std::string cli = tool("factorscope-cli");

    std::ostringstream shard;
    shard << slurm.header("fs-bench", (work / "logs" / "shard-%a.log").string(), "1-" + std::to_string(tasks))
          << "# Shard SLURM_ARRAY_TASK_ID of " << tasks << " of " << dir << "; merge.sbatch merges them into "
          << store << ".\nset -eu\nexec " << shell_quote(cli) << " bench " << shell_quote(dir) << " --store "
          << shell_quote((work / "shards").string() + "/shard-") << "\"$SLURM_ARRAY_TASK_ID\"" << ".sqlite"
          << " --threads " << (threads ? std::to_string(*threads) : std::string("\"${SLURM_CPUS_PER_TASK:-1}\""));
    for (const std::string &a : benchArgs)
        shard << ' ' << shell_quote(a);
    shard << '\n';
    std::ostringstream merge;
    merge << slurm.header("fs-bench-merge", (work / "logs" / "merge.log").string(), "")
          << "# Runs after every shard finished (sbatch --dependency=afterok:<shards>).\nset -eu\nexec "
          << shell_quote(cli) << " bench merge --into " << shell_quote(store);
    for (int k = 1; k <= tasks; ++k)
        merge << ' ' << shell_quote((work / "shards" / ("shard-" + std::to_string(k) + ".sqlite")).string());
    merge << '\n';

    const fsys::path shardScript = work / "bench.sbatch", mergeScript = work / "merge.sbatch";
    if (slurm.dryRun) {
        std::cout << "# " << shardScript.string() << " (sbatch " << shardScript.string() << ")\n"
                  << shard.str() << "\n# " << mergeScript.string() << " (sbatch --dependency=afterok:<job id above> "
                  << mergeScript.string() << ")\n"
                  << merge.str();
        return 0;
    }
    fsys::create_directories(work / "logs");
    fsys::create_directories(work / "shards");
    write_script(shardScript, shard.str());
    write_script(mergeScript, merge.str());
    const std::string shardJob = submit_script(shardScript.string());
    std::string mergeJob;
    try {
        mergeJob = submit_script(mergeScript.string(), {"--dependency=afterok:" + shardJob, "--kill-on-invalid-dep=yes"});
    } catch (const std::exception &e) {
        cancel_quietly(shardJob); // no shards without the merge that collects them
        throw std::runtime_error(std::string(e.what()) + " (the shard job " + shardJob + " was cancelled)");
    }
    const json doc = {{"jobs",
                       {{{"id", shardJob}, {"name", "fs-bench"}, {"tasks", tasks}, {"script", shardScript.string()}},
                        {{"id", mergeJob},
                         {"name", "fs-bench-merge"},
                         {"depends_on", shardJob},
                         {"script", mergeScript.string()}}}},
                      {"store", store},
                      {"work", work.string()}};
    if (slurm.json)
        std::cout << doc.dump() << '\n';
    else
        std::cout << "submitted " << tasks << " shard(s) as job " << shardJob << " and the merge as job " << mergeJob
                  << "; the store will be " << store << " (logs in " << (work / "logs").string() << ")\n";
    return 0;
}

int submit_sweep(const Argv &argv)
{
    std::optional<std::string> dataset, models, depths, out;
    int ranks = 1;
    SlurmOptions slurm;
    std::vector<std::string> trainOptions;
    Options opts("submit sweep", "Train every (model, depth) of a sweep as one task of a Slurm array job.");
    opts.text("dataset", dataset, "the dataset folder (required)");
    opts.text("models", models, "comma-separated models (required)");
    opts.text("depths", depths, "comma-separated depths (required)");
    opts.text("out", out, "the runs folder; run MODEL-dDEPTH goes to RUNS/MODEL-dDEPTH (required)");
    opts.texts("train-option", trainOptions, "KEY=VALUE for every run's factorscope-train --KEY VALUE, e.g. epochs=50");
    opts.integer("ranks", ranks, 1, 4096,
                 "data-parallel ranks per run: each task is srun --ntasks=R factorscope-train (one c10d group)");
    slurm.add_to(opts, true);
    if (!opts.parse(argv))
        return 0;
    if (!dataset || !models || !depths || !out)
        throw UsageError("submit sweep needs --dataset, --models, --depths and --out");
    if (!fsys::exists(fsys::path(*dataset) / "manifest.json"))
        throw UsageError(*dataset + " is not a dataset folder (no manifest.json)");
    const std::vector<std::string> modelList = split_list(*models);
    std::vector<int> depthList;
    for (const std::string &d : split_list(*depths))
        depthList.push_back(int(parse_integer("--depths", d, 0, 64)));
    if (modelList.empty() || depthList.empty())
        throw UsageError("--models and --depths must name at least one each");
    for (const std::string &m : modelList)
        if (m.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            throw UsageError("not a model name: '" + m + "'");
    std::vector<std::string> trainArgs;
    for (const std::string &kv : trainOptions) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--train-option wants KEY=VALUE, got '" + kv + "'");
        trainArgs.push_back("--" + kv.substr(0, eq));
        trainArgs.push_back(kv.substr(eq + 1));
    }
    const std::string data = absolute(*dataset), runs = absolute(*out);
    const fsys::path work = fsys::path(runs) / "slurm";
    const std::string trainer = tool("factorscope-train");
    json runList = json::array();
    std::ostringstream modelsArray, depthsArray;
    for (const std::string &m : modelList)
        for (int d : depthList) {
            modelsArray << ' ' << m;
            depthsArray << ' ' << d;
            runList.push_back({{"task", runList.size() + 1},
                               {"model", m},
                               {"depth", d},
                               {"dir", (fsys::path(runs) / (m + "-d" + std::to_string(d))).string()}});
        }
    const std::size_t count = runList.size();
    std::ostringstream script;
    SlurmOptions perTask = slurm;
    if (ranks > 1)
        perTask.extra.insert(perTask.extra.begin(), "--ntasks=" + std::to_string(ranks));
    // srun starts the ranks; they find each other from SLURM_PROCID, SLURM_NTASKS and the node list.
    const std::string launch = ranks > 1 ? "srun --ntasks=" + std::to_string(ranks) + " --kill-on-bad-exit=1 " : "";
    script << perTask.header("fs-sweep", (work / "logs" / "run-%a.log").string(), "1-" + std::to_string(count))
           << "# One training run per array task: task k trains models[k-1] at depths[k-1] on " << data
           << ".\nset -eu\nmodels=(" << modelsArray.str() << " )\ndepths=(" << depthsArray.str()
           << " )\ni=$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN))\nm=${models[$i]}\nd=${depths[$i]}\n";
    if (ranks > 1)
        // The batch script runs on the allocation's first node, where srun puts rank 0: its own
        // address needs no name lookup (the trainer would otherwise resolve the node list's first
        // name). The port comes from the job id unless MASTER_PORT is set.
        script << "export MASTER_ADDR=${MASTER_ADDR:-$(hostname -I 2>/dev/null | awk '{print $1}')}\n"
               << "[ -n \"$MASTER_ADDR\" ] || unset MASTER_ADDR\n";
    script << "run="
           << shell_quote(runs) << "/\"$m-d$d\"\n"
           << "# A task that is run again (requeued, resubmitted) continues its run from the last checkpoint.\n"
           << "if [ -f \"$run/config.json\" ]; then\n    exec " << launch << shell_quote(trainer) << " --resume \"$run\"\nfi\n"
           << "exec " << launch << shell_quote(trainer) << " --dataset " << shell_quote(data)
           << " --model \"$m\" --depth \"$d\" --out \"$run\"";
    for (const std::string &a : trainArgs)
        script << ' ' << shell_quote(a);
    script << '\n';
    const fsys::path scriptPath = work / "sweep.sbatch";
    if (slurm.dryRun) {
        std::cout << "# " << scriptPath.string() << " (sbatch " << scriptPath.string() << ")\n" << script.str();
        return 0;
    }
    fsys::create_directories(work / "logs");
    write_script(scriptPath, script.str());
    const std::string job = submit_script(scriptPath.string());
    const json doc = {{"jobs", {{{"id", job}, {"name", "fs-sweep"}, {"tasks", count}, {"script", scriptPath.string()}}}},
                      {"runs", runList},
                      {"ranks", ranks},
                      {"out", runs}};
    if (slurm.json)
        std::cout << doc.dump() << '\n';
    else
        std::cout << "submitted " << count << " run(s) as job " << job << " into " << runs << " (logs in "
                  << (work / "logs").string() << ")\n";
    return 0;
}

} // namespace

int cmd_submit(const Argv &argv)
{
    static const char *const usage =
        "usage: submit bench DIR --tasks N --store OUT.sqlite [--partition P] [--time T] [--sbatch-arg A]... "
        "[--dry-run] [--json] | submit sweep --dataset D --models M,... --depths K,... --out RUNS [--gres gpu:1] "
        "[--ranks R] [--train-option KEY=VALUE]... [--partition P] [--time T] [--sbatch-arg A]... [--dry-run] [--json]";
    if (argv.empty())
        throw UsageError(usage);
    if (argv[0] == "--help" || argv[0] == "-h") {
        std::cout << usage << "\n(submit bench|sweep --help: the options of one)\n";
        return 0;
    }
    const Argv rest(argv.begin() + 1, argv.end());
    if (argv[0] == "bench")
        return submit_bench(rest);
    if (argv[0] == "sweep")
        return submit_sweep(rest);
    throw UsageError("submit: unknown kind '" + argv[0] + "' (bench, sweep)");
}

} // namespace fs::cli
