#include "bench/runner.h"

#include "bench/budget.h"
#include "precond/errors.h"
#include "precond/kopt.h"
#include "precond/selected_inversion.h"
#include "precond/noise.h"
#include "precond/spai.h"
#include "precond/pcg.h"
#include "precond/setup.h"
#include "precond/spd.h"
#include "sparse/matrix_market.h"

#include "support/parallel.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>


namespace fs::bench {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string strip_extension(std::string name)
{
    for (const char *ext : {".gz", ".mtx"})
        if (name.size() > std::strlen(ext) && name.ends_with(ext))
            name.resize(name.size() - std::strlen(ext));
    return name;
}

std::vector<std::string> split_csv(const std::string &line)
{
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                out.back() += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                out.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else if (c != '\r') {
            out.back() += c;
        }
    }
    return out;
}

std::map<std::string, std::string> read_groups(const std::filesystem::path &index)
{
    std::map<std::string, std::string> groups;
    std::ifstream in(index);
    std::string line;
    if (!std::getline(in, line))
        return groups;
    const auto header = split_csv(line);
    const auto column = [&](std::initializer_list<const char *> names) -> int {
        for (const char *name : names)
            for (std::size_t i = 0; i < header.size(); ++i)
                if (header[i] == name)
                    return int(i);
        return -1;
    };
    const int nameCol = column({"name", "Name"});
    const int groupCol = column({"group", "Group"});
    // The bundled INDEX.csv names where a file came from, not its collection group; the group
    // ("HB/bcsstk01") is then found in the notes, else the source repository stands in for it.
    const int sourceCol = column({"group_or_source_path"});
    const int notesCol = column({"notes"});
    if (nameCol < 0 || (groupCol < 0 && sourceCol < 0))
        return groups;
    while (std::getline(in, line)) {
        const auto f = split_csv(line);
        const auto field = [&](int c) { return c >= 0 && std::size_t(c) < f.size() ? f[std::size_t(c)] : std::string(); };
        const std::string name = field(nameCol);
        if (name.empty())
            continue;
        if (groupCol >= 0) {
            groups[name] = field(groupCol);
            continue;
        }
        const std::string notes = field(notesCol);
        std::string group;
        for (std::size_t at = notes.find("/" + name); at != std::string::npos && group.empty();
             at = notes.find("/" + name, at + 1)) {
            std::size_t begin = at;
            while (begin > 0 && (std::isalnum((unsigned char)notes[begin - 1]) || notes[begin - 1] == '_'))
                --begin;
            group = notes.substr(begin, at - begin);
        }
        if (group.empty()) {
            const std::string source = field(sourceCol);
            const std::size_t slash = source.find('/'), colon = source.find(':');
            group = slash == std::string::npos ? source
                    : source.substr(slash + 1, colon == std::string::npos ? std::string::npos : colon - slash - 1);
        }
        groups[name] = group;
    }
    return groups;
}

// Runs one preconditioner under its own time budget; throws Cancelled only for the user's cancel.
void run_method(const sparse::Matrix &A, const sparse::Vector &b, PrecondKind method,
                const RunOptions &options, std::stop_token cancel, MethodOutcome &out)
{
    BudgetGuard guard(options.budget_seconds, cancel);
    precond::BuildOptions bo;
    bo.threads = 1;
    bo.kopt_scaling = options.kopt_scaling;
    bo.fsai_pattern_power = options.fsai_pattern_power;
    if (options.max_bytes > 0) {
        bo.max_dense_bytes = options.max_bytes;
        bo.max_selinv_bytes = options.max_bytes;
    }
    const auto t0 = Clock::now();
    precond::BuiltPreconditioner built;
    try {
        bo.cancel = guard.token();
        built = precond::build_preconditioner(A, method, bo);
    } catch (const precond::SizeRefused &e) {
        out.failure = FailureMemoryBudget;
        out.detail = e.what();
        out.setup_seconds = since(t0);
        return;
    } catch (const precond::Cancelled &) {
        out.setup_seconds = since(t0);
        if (!guard.expired())
            throw;
        out.failure = FailureTimeBudget;
        out.detail = "preconditioner set-up exceeded the time budget";
        return;
    } catch (const std::exception &e) {
        out.failure = FailureError;
        out.detail = e.what();
        out.setup_seconds = since(t0);
        return;
    }
    out.setup_seconds = since(t0);
    out.kopt_method = built.method;
    if (cancel.stop_requested())
        throw precond::Cancelled();
    // IC(0) and Jacobi cannot be interrupted; an overrun there is recognised once they return.
    if (guard.overrun()) {
        out.failure = FailureTimeBudget;
        out.detail = "preconditioner set-up exceeded the time budget";
        return;
    }
    if (!built.ok) {
        out.failure = FailureIc0Breakdown;
        out.detail = "pivot " + std::to_string(built.breakdown_pivot) + " at column "
                     + std::to_string(built.breakdown_column + 1);
        return;
    }

    precond::PcgOptions po;
    po.tol = options.tol;
    po.maxiter = options.maxiter;
    po.record_history = options.record_history;
    po.cancel = guard.token();
    const auto t1 = Clock::now();
    try {
        const precond::PcgResult r = precond::pcg(A, b, *built.preconditioner, po);
        out.iterations = r.iterations;
        out.converged = r.converged;
        if (!r.converged)
            out.failure = r.failure == precond::PcgFailure::None ? "max_iterations"
                                                                 : precond::to_string(r.failure);
        out.history = r.history;
        if (options.noise_runs > 0 && method != PrecondKind::None) {
            precond::NoiseOptions no;
            no.runs = options.noise_runs;
            const precond::NoiseRange nr = precond::noise_range(A, b, built, r, po, no);
            out.iterations_range = std::array<int, 2>{nr.min, nr.max};
        }
    } catch (const precond::Cancelled &) {
        out.solve_seconds = since(t1);
        if (!guard.expired())
            throw;
        out.failure = FailureTimeBudget;
        out.detail = "PCG exceeded the time budget";
        return;
    }
    out.solve_seconds = since(t1);

    if (!options.compute_kcond)
        return;
    precond::KcondOptions ko;
    ko.threads = 1;
    ko.cancel = guard.token();
    try {
        const precond::KcondOutcome kc = precond::preconditioned_kcond(A, built, ko);
        if (kc.value)
            out.kcond = kc.value->K;
        out.kcond_note = kc.note;
    } catch (const precond::Cancelled &) {
        if (!guard.expired())
            throw;
        out.kcond_note = "time budget exceeded";
    } catch (const std::exception &e) {
        out.kcond_note = e.what();
    }
}

} // namespace

std::string settings_key(const RunOptions &options)
{
    std::ostringstream s;
    s << "ordering=" << precond::to_string(options.ordering) << ";tol=" << options.tol
      << ";maxiter=" << options.maxiter << ";rhs=ones;budget=" << options.budget_seconds
      << ";max_bytes=" << options.max_bytes;
    if (options.kopt_scaling != precond::KoptScaling::Paper)
        s << ";kopt_scaling=" << precond::to_string(options.kopt_scaling);
    if (options.fsai_pattern_power != 1)
        s << ";fsai_pattern=" << options.fsai_pattern_power;
    if (options.noise_runs > 0)
        s << ";noise_runs=" << options.noise_runs;
    s << ";methods=";
    // The method list is part of the key: results stored before a method was added are
    // recomputed instead of showing that method as failed.
    for (std::size_t i = 0; i < AllMethods.size(); ++i)
        s << (i ? "," : "") << precond::to_string(AllMethods[i]);
    return s.str();
}

std::vector<BenchInput> list_directory(const std::string &directory)
{
    namespace fsys = std::filesystem;
    const auto groups = read_groups(fsys::path(directory) / "INDEX.csv");
    std::vector<BenchInput> inputs;
    for (const auto &entry : fsys::directory_iterator(directory)) {
        const std::string file = entry.path().filename().string();
        if (!entry.is_regular_file() || !(file.ends_with(".mtx") || file.ends_with(".mtx.gz")))
            continue;
        BenchInput in;
        in.file = entry.path().string();
        in.name = strip_extension(file);
        if (const auto it = groups.find(in.name); it != groups.end())
            in.group = it->second;
        inputs.push_back(std::move(in));
    }
    std::sort(inputs.begin(), inputs.end(),
              [](const BenchInput &a, const BenchInput &b) { return a.name < b.name; });
    return inputs;
}

MatrixOutcome run_matrix(const BenchInput &input, const RunOptions &options, std::stop_token cancel)
{
    const auto t0 = Clock::now();
    MatrixOutcome out;
    out.file = input.file;
    out.name = input.name.empty() ? strip_extension(std::filesystem::path(input.file).filename().string())
                                  : input.name;
    out.group = input.group;
    out.category = Category::NotSpd;
    out.kind = "not_spd";

    sparse::Matrix A0;
    try {
        const sparse::MmHeader header = sparse::read_matrix_market_header(input.file);
        out.n = header.rows;
        // Coordinates, values and the compressed copy: about 40 bytes per stored entry, twice
        // for a symmetric file that is expanded.
        const std::int64_t estimate =
            header.entries * 40 * (header.symmetry == sparse::MmSymmetry::General ? 1 : 2);
        if (options.max_bytes > 0 && estimate > options.max_bytes) {
            out.not_spd_reason = "memory budget exceeded: reading needs about "
                                 + precond::format_bytes(estimate);
            out.kind = "refused";
            out.seconds = since(t0);
            return out;
        }
        A0 = sparse::read_matrix_market(input.file).matrix;
        out.n = A0.rows();
        out.nnz = A0.nonZeros();
        precond::require_spd(A0);
    } catch (const precond::NotSpd &e) {
        out.not_spd_reason = e.what();
        out.seconds = since(t0);
        return out;
    } catch (const std::exception &e) {
        out.kind = "unreadable";
        out.not_spd_reason = e.what();
        out.seconds = since(t0);
        return out;
    }
    out.kind = "spd";

    const precond::OrderedProblem problem = precond::order_problem(A0, options.ordering);
    const sparse::Vector b =
        precond::permute_vector(precond::make_rhs(int(problem.A.rows()), false), problem.perm);
    for (PrecondKind m : AllMethods) {
        if (cancel.stop_requested())
            throw precond::Cancelled();
        run_method(problem.A, b, m, options, cancel, out.at(m));
    }
    out.category = categorize(out.at(PrecondKind::Ic0), out.at(PrecondKind::Kopt));
    out.within_noise = within_noise(out.at(PrecondKind::Ic0), out.at(PrecondKind::Kopt));
    out.seconds = since(t0);
    return out;
}

std::size_t run_benchmark(const std::vector<BenchInput> &inputs, const RunOptions &options,
                          const RunCallbacks &callbacks, std::stop_token cancel)
{
    std::size_t finished = 0;
    std::mutex reportMutex;
    const auto work = [&](int, int item) {
        const auto i = std::size_t(item);
        if (callbacks.started) {
            std::lock_guard lock(reportMutex);
            callbacks.started(i);
        }
        MatrixOutcome outcome;
        try {
            outcome = run_matrix(inputs[i], options, cancel);
        } catch (const precond::Cancelled &) {
            return;
        }
        std::lock_guard lock(reportMutex);
        ++finished;
        if (callbacks.result)
            callbacks.result(i, outcome);
    };
    try {
        // One matrix per item: their costs differ by orders of magnitude, so they are handed out one by one.
        support::parallel_for(int(inputs.size()), support::resolve_threads(options.threads), work, 1, cancel);
    } catch (const support::Cancelled &) {
    }
    return finished;
}

} // namespace fs::bench
