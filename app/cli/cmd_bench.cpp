#include "cli/bench_document.h"
#include "cli/bench_shard.h"
#include "cli/bench_store.h"
#include "cli/cli_args.h"
#include "cli/commands.h"

#include "bench/outcome_json.h"
#include "bench/row_log.h"
#include "bench/runner.h"
#include "precond/setup.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

namespace fs::cli {

namespace {

// Results of the worker threads, handed to the thread that runs the command: the row log and the
// store (a Qt SQL connection belongs to the thread that opened it) are written from there only.
class ResultQueue {
public:
    void push(std::size_t k, bench::MatrixOutcome o)
    {
        {
            std::lock_guard lock(m_mutex);
            m_items.emplace_back(k, std::move(o));
        }
        m_ready.notify_one();
    }
    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_one();
    }
    /// The next result, or nullopt once closed and drained.
    std::optional<std::pair<std::size_t, bench::MatrixOutcome>> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_closed || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        auto item = std::move(m_items.front());
        m_items.pop_front();
        return item;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::pair<std::size_t, bench::MatrixOutcome>> m_items;
    bool m_closed = false;
};

} // namespace

int cmd_bench(const Argv &argv)
{
    if (!argv.empty() && argv[0] == "merge")
        return bench_merge(Argv(argv.begin() + 1, argv.end()));
    if (!argv.empty() && argv[0] == "show")
        return bench_show(Argv(argv.begin() + 1, argv.end()));
    bench::RunOptions options;
    options.tol = 1e-8;
    options.maxiter = 10000;
    options.max_bytes = 0;
    options.record_history = false;
    std::string ordering = "natural", scaling = "paper";
    bool json = false;
    bool resume = false;
    std::optional<std::string> outPath, storePath, shardText;
    Options opts("bench", "Run none, Jacobi, IC(0), K-optimal, SPAI and FSAI on every matrix of a folder (Figure 2). "
                          "bench merge --into STORE SHARD... merges stores; bench show STORE prints one.");
    const auto &dirs = opts.positionals("DIR", "a folder of .mtx / .mtx.gz files");
    opts.choice("ordering", ordering, support::names_of(sparse::kOrderingNames), "ordering applied to every matrix");
    opts.integer("threads", options.threads, 0, 1024, "threads in total (0: automatic)");
    opts.real("budget", options.budget_seconds, "wall-time limit in seconds per matrix and method (0: none)");
    opts.real("tol", options.tol, "PCG stops at this relative residual");
    opts.integer("maxiter", options.maxiter, 1, 100000000, "most PCG iterations");
    opts.integer("max-memory", options.max_bytes, 0, INT64_MAX,
                 "memory bound in bytes for dense or selected-inversion work and reading (0: library defaults)");
    opts.choice("kopt-scaling", scaling, support::names_of(precond::kKoptScalingNames),
                "K-optimal column scaling: Algorithm 1 (paper) or diag(L^-1 A L^-T) = 1 (pcg)");
    opts.integer("fsai-pattern", options.fsai_pattern_power, 1, 2, "FSAI on the pattern of tril(A) (1) or tril(A squared) (2)");
    opts.integer("noise-runs", options.noise_runs, 0, 100,
                 "PCG reruns per preconditioner with values perturbed at 1e-12: iteration ranges, and "
                 "categories within noise marked (0: none)");
    opts.flag("history", options.record_history, "record the residual history of every solve");
    opts.flag("json", json, "print one JSON document");
    opts.text("out", outPath, "also append each finished row to this file (JSON lines), so a killed run keeps them");
    opts.flag("resume", resume, "continue the run of --out: compute only the matrices it has no row for");
    opts.text("store", storePath, "also write each finished row into this benchmark store (the GUI's SQLite format)");
    opts.text("shard", shardText,
              "K/N: only the matrices at positions K-1, K-1+N, ... of the name-sorted list (default under a "
              "Slurm array job: from SLURM_ARRAY_TASK_ID, _MIN and _COUNT)");
    if (!opts.parse(argv))
        return 0;
    if (dirs.size() != 1)
        throw UsageError("bench expects exactly one directory of .mtx / .mtx.gz files");
    const std::string dir = dirs[0];
    if (!std::filesystem::is_directory(dir))
        throw UsageError("not a directory: " + dir);

    options.ordering = *precond::parse_ordering(ordering);
    options.kopt_scaling = *precond::parse_kopt_scaling(scaling);
    if (options.budget_seconds < 0.0)
        throw UsageError("--budget must not be negative");
    if (!(options.tol > 0.0 && options.tol < 1.0))
        throw UsageError("--tol must lie strictly between 0 and 1");
    const bool history = options.record_history;

    if (resume && !outPath)
        throw UsageError("--resume needs --out FILE: the rows of the run to continue");

    std::vector<bench::BenchInput> inputs = bench::list_directory(dir);
    if (inputs.empty())
        throw UsageError("no .mtx or .mtx.gz files in " + dir);
    std::optional<Shard> shard = shardText ? std::optional<Shard>(parse_shard(*shardText)) : slurm_array_shard();
    if (shard && !shardText && !json)
        std::cerr << "shard " << shard->index << "/" << shard->count << " from SLURM_ARRAY_TASK_ID\n";
    if (shard) {
        std::vector<bench::BenchInput> mine;
        for (std::size_t i = 0; i < inputs.size(); ++i)
            if (in_shard(i, *shard))
                mine.push_back(inputs[i]);
        inputs = std::move(mine);
    }
    // Opened before any work, so that a store that cannot be written is reported at once.
    std::unique_ptr<StoreSink> store = storePath ? std::make_unique<StoreSink>(*storePath) : nullptr;

    const std::string settings = bench::settings_key(options);
    std::unique_ptr<bench::RowLog> log;
    if (outPath)
        log = std::make_unique<bench::RowLog>(*outPath, settings, resume);
    std::vector<std::string> rows(inputs.size());
    std::vector<bench::BenchInput> todo;
    std::vector<std::size_t> todoIndex;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (log && log->done().count(inputs[i].name)) {
            rows[i] = log->done().at(inputs[i].name);
            // A row the resumed log already holds goes into the store too: it holds the whole shard.
            if (store)
                store->write(inputs[i].file, settings, bench::from_json(rows[i]));
        } else {
            todo.push_back(inputs[i]);
            todoIndex.push_back(i);
        }
    }
    if (log && !json && resume)
        std::cerr << "resuming " << *outPath << ": " << inputs.size() - todo.size() << " of " << inputs.size()
                  << " matrices done" << (log->dropped() ? ", 1 cut-short row dropped" : "") << '\n';

    const auto t0 = std::chrono::steady_clock::now();
    std::stop_source stop;
    std::optional<std::string> writeError;
    ResultQueue queue;
    bench::RunCallbacks callbacks;
    callbacks.result = [&](std::size_t k, const bench::MatrixOutcome &o) { queue.push(k, o); };
    std::optional<std::string> runError;
    std::thread worker([&] {
        try {
            bench::run_benchmark(todo, options, callbacks, stop.get_token());
        } catch (const std::exception &e) {
            runError = e.what();
        }
        queue.close();
    });
    while (auto item = queue.pop()) {
        const auto &[k, o] = *item;
        const std::size_t i = todoIndex[k];
        rows[i] = bench::to_json(o, history);
        if (!writeError) {
            try {
                if (log)
                    log->append(inputs[i].name, rows[i]);
                if (store)
                    store->write(inputs[i].file, settings, o);
            } catch (const std::exception &e) {
                writeError = e.what();
                stop.request_stop();
            }
        }
        if (!json)
            std::cerr << "  " << o.name << ": " << bench::to_string(o.category) << '\n';
    }
    worker.join();
    if (writeError)
        throw std::runtime_error(*writeError);
    if (runError)
        throw std::runtime_error(*runError);
    BenchHeader header;
    header.directory = dir;
    header.ordering = precond::to_string(options.ordering);
    header.tol = options.tol;
    header.maxiter = options.maxiter;
    header.budget_seconds = options.budget_seconds;
    header.settings = settings;
    header.noise_runs = options.noise_runs;
    header.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    nlohmann::json doc = bench_document(header, rows);
    if (shard)
        doc["shard"] = {{"index", shard->index}, {"count", shard->count}};
    if (json) {
        std::cout << doc.dump(2) << '\n';
        return 0;
    }
    print_bench_table(doc, std::cout);
    return 0;
}

} // namespace fs::cli
