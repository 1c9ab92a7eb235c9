#include "cli/cli_args.h"
#include "cli/commands.h"

#include "bench/outcome_json.h"
#include "bench/row_log.h"
#include "bench/runner.h"
#include "precond/setup.h"

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <stop_token>

namespace fs::cli {

int cmd_bench(const Argv &argv)
{
    bench::RunOptions options;
    options.tol = 1e-8;
    options.maxiter = 10000;
    options.max_bytes = 0;
    options.record_history = false;
    std::string ordering = "natural", scaling = "paper";
    bool json = false;
    bool resume = false;
    std::optional<std::string> outPath;
    Options opts("bench", "Run none, Jacobi, IC(0), K-optimal, SPAI and FSAI on every matrix of a folder (Figure 2).");
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

    const std::vector<bench::BenchInput> inputs = bench::list_directory(dir);
    if (inputs.empty())
        throw UsageError("no .mtx or .mtx.gz files in " + dir);

    std::unique_ptr<bench::RowLog> log;
    if (outPath)
        log = std::make_unique<bench::RowLog>(*outPath, bench::settings_key(options), resume);
    std::vector<std::string> rows(inputs.size());
    std::vector<bench::BenchInput> todo;
    std::vector<std::size_t> todoIndex;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (log && log->done().count(inputs[i].name)) {
            rows[i] = log->done().at(inputs[i].name);
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
    bench::RunCallbacks callbacks;
    callbacks.result = [&](std::size_t k, const bench::MatrixOutcome &o) {
        const std::size_t i = todoIndex[k];
        rows[i] = bench::to_json(o, history);
        if (log && !writeError) {
            try {
                log->append(inputs[i].name, rows[i]);
            } catch (const bench::RowLogError &e) {
                writeError = e.what();
                stop.request_stop();
            }
        }
        if (!json)
            std::cerr << "  " << o.name << ": " << bench::to_string(o.category) << '\n';
    };
    bench::run_benchmark(todo, options, callbacks, stop.get_token());
    if (writeError)
        throw std::runtime_error(*writeError);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    nlohmann::json doc = {{"directory", dir},
                          {"ordering", precond::to_string(options.ordering)},
                          {"tol", options.tol},
                          {"maxiter", options.maxiter},
                          {"rhs", "ones"},
                          {"budget_seconds", options.budget_seconds},
                          {"settings", bench::settings_key(options)},
                          {"seconds", seconds}};
    nlohmann::json list = nlohmann::json::array();
    std::array<int, bench::CategoryCount> counts{};
    int withinNoise = 0;
    for (const std::string &row : rows) {
        nlohmann::json r = nlohmann::json::parse(row);
        ++counts[std::size_t(*bench::parse_category(r["category"].get<std::string>()))];
        withinNoise += r.value("within_noise", false) ? 1 : 0;
        list.push_back(std::move(r));
    }
    doc["rows"] = std::move(list);
    nlohmann::json summary = nlohmann::json::object();
    for (int c = 0; c < bench::CategoryCount; ++c)
        summary[bench::to_string(bench::Category(c))] = counts[std::size_t(c)];
    doc["categories"] = summary;
    // Matrices whose fewer/tie category is decided inside the IC(0) and K-optimal noise ranges;
    // they are still counted in their category above.
    doc["within_noise"] = options.noise_runs > 0 ? nlohmann::json(withinNoise) : nlohmann::json(nullptr);

    if (json) {
        std::cout << doc.dump(2) << '\n';
        return 0;
    }
    std::cout << std::left << std::setw(18) << "matrix" << std::right << std::setw(8) << "n";
    for (precond::PrecondKind m : bench::AllMethods)
        std::cout << std::setw(9) << precond::to_string(m);
    std::cout << "  category\n";
    for (const auto &r : doc["rows"]) {
        std::cout << std::left << std::setw(18) << r["name"].get<std::string>() << std::right
                  << std::setw(8) << r["n"].get<long long>();
        for (precond::PrecondKind m : bench::AllMethods) {
            const auto &mr = r[precond::to_string(m)];
            std::cout << std::setw(9)
                      << (mr.is_null() ? std::string("-")
                          : mr["converged"].get<bool>() ? std::to_string(mr["iterations"].get<int>())
                                                        : std::string("fail"));
        }
        std::cout << "  " << r["category"].get<std::string>()
                  << (r.value("within_noise", false) ? " (within noise)" : "") << '\n';
    }
    std::cout << "\n";
    for (const auto &[name, count] : summary.items())
        std::cout << std::setw(12) << name << ' ' << count.get<int>() << '\n';
    if (options.noise_runs > 0)
        std::cout << std::setw(12) << "within noise" << ' ' << withinNoise << '\n';
    std::cout << "total " << std::fixed << std::setprecision(1) << seconds << " s\n";
    return 0;
}

} // namespace fs::cli
