#include "cli/bench_store.h"

#include "cli/bench_document.h"
#include "cli/cli_args.h"

#include "bench/outcome_json.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>

#ifdef FS_CLI_FIGURES
#include "bench/benchstore.h"

#include <QCoreApplication>
#endif

namespace fs::cli {

namespace {

#ifndef FS_CLI_FIGURES
[[noreturn]] void no_gui_library()
{
    throw std::runtime_error("benchmark stores need the GUI library (Qt SQL): this factorscope-cli was built "
                             "with FACTORSCOPE_WITH_GUI=OFF");
}
#else
// Two rows of one matrix agree when everything but timings and the file's path agrees: shards run
// on different nodes take different times, and a store may have read the file from elsewhere.
nlohmann::json comparable(nlohmann::json j)
{
    if (j.is_object()) {
        for (const char *key : {"seconds", "setup_seconds", "solve_seconds", "file"})
            j.erase(key);
        for (auto &[key, value] : j.items())
            value = comparable(value);
    }
    return j;
}

// Qt SQL wants an application object; it must outlive every store and die before exit() runs
// Qt's own static destructors, so each command holds one in scope.
std::unique_ptr<QCoreApplication> core_application()
{
    static int argc = 1;
    static char name[] = "factorscope-cli";
    static char *argv[] = {name, nullptr};
    if (QCoreApplication::instance())
        return nullptr;
    return std::make_unique<QCoreApplication>(argc, argv);
}

std::unique_ptr<ui::BenchStore> open_store(const std::string &path, bool mustExist)
{
    if (mustExist && !std::filesystem::is_regular_file(path))
        throw std::runtime_error("no benchmark store at " + path);
    auto store = std::make_unique<ui::BenchStore>();
    if (!store->open(QString::fromStdString(path)))
        throw std::runtime_error("cannot open the benchmark store " + path + ": " + store->errorString().toStdString());
    if (!store->notice().isEmpty())
        std::cerr << "note: " << store->notice().toStdString() << '\n';
    return store;
}
#endif

} // namespace

#ifdef FS_CLI_FIGURES
struct StoreSink::Impl {
    std::unique_ptr<QCoreApplication> app = core_application(); // destroyed after the store
    std::string path;
    std::unique_ptr<ui::BenchStore> store;
};

StoreSink::StoreSink(const std::string &path) : m_impl(std::make_unique<Impl>())
{
    m_impl->path = path;
    m_impl->store = open_store(path, false);
}

StoreSink::~StoreSink() = default;

void StoreSink::write(const std::string &file, const std::string &settings, const bench::MatrixOutcome &outcome)
{
    ui::BenchRecord r;
    r.fileHash = ui::BenchStore::hashFile(QString::fromStdString(file));
    if (r.fileHash.isEmpty())
        throw std::runtime_error("cannot read " + file + " to hash it for the store");
    r.settings = QString::fromStdString(settings);
    r.key = ui::BenchStore::makeKey(r.fileHash, r.settings);
    r.outcome = outcome;
    if (!m_impl->store->write(r))
        throw std::runtime_error("cannot write " + m_impl->path + ": " + m_impl->store->errorString().toStdString());
}

int bench_merge(const Argv &argv)
{
    std::optional<std::string> into;
    bool json = false;
    Options opts("bench merge", "Merge benchmark stores (e.g. the shards of an array job) into one store.");
    const auto &shards = opts.positionals("SHARD", "stores to merge (.sqlite)");
    opts.text("into", into, "the store to merge into (created if missing; required)");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (!into)
        throw UsageError("bench merge needs --into STORE");
    if (shards.empty())
        throw UsageError("bench merge needs at least one SHARD store");
    const auto app = core_application();
    auto target = open_store(*into, false);
    std::map<QString, ui::BenchRecord> existing;
    for (const ui::BenchRecord &r : target->loadEverything())
        existing.emplace(r.key, r);
    // Every shard is read and checked before anything is written: a conflict leaves the store as it was.
    std::vector<ui::BenchRecord> toWrite;
    std::map<QString, std::string> origin;
    int same = 0;
    for (const std::string &path : shards) {
        if (std::filesystem::exists(path) && std::filesystem::equivalent(path, *into))
            throw UsageError("bench merge: " + path + " is the store merged into");
        auto shard = open_store(path, true);
        for (const ui::BenchRecord &r : shard->loadEverything()) {
            const auto it = existing.find(r.key);
            if (it == existing.end()) {
                existing.emplace(r.key, r);
                origin[r.key] = path;
                toWrite.push_back(r);
                continue;
            }
            const auto a = comparable(nlohmann::json::parse(bench::to_json(it->second.outcome, false)));
            const auto b = comparable(nlohmann::json::parse(bench::to_json(r.outcome, false)));
            if (a != b) {
                const auto o = origin.find(r.key);
                throw std::runtime_error("conflicting rows for matrix " + r.outcome.name + " (settings "
                                         + r.settings.toStdString() + "): " + path + " differs from "
                                         + (o == origin.end() ? *into : o->second));
            }
            ++same;
        }
    }
    for (const ui::BenchRecord &r : toWrite)
        if (!target->write(r))
            throw std::runtime_error("cannot write " + *into + ": " + target->errorString().toStdString());
    if (json)
        std::cout << nlohmann::json{{"store", *into}, {"added", toWrite.size()}, {"already_there", same},
                                    {"rows", existing.size()}}
                         .dump()
                  << '\n';
    else
        std::cout << "merged " << shards.size() << " store(s) into " << *into << ": " << toWrite.size() << " added, "
                  << same << " already there, " << existing.size() << " rows in all\n";
    return 0;
}

int bench_show(const Argv &argv)
{
    std::optional<std::string> settings;
    bool json = false, history = false;
    Options opts("bench show", "Print a benchmark store as `bench DIR` prints a run.");
    const auto &stores = opts.positionals("STORE", "the store (.sqlite)");
    opts.text("settings", settings, "the settings key to show (default: the only one in the store)");
    opts.flag("json", json, "print the JSON document of bench DIR --json");
    opts.flag("history", history, "include the residual histories the store holds");
    if (!opts.parse(argv))
        return 0;
    if (stores.size() != 1)
        throw UsageError("bench show expects exactly one STORE");
    const auto app = core_application();
    auto store = open_store(stores[0], true);
    const QList<ui::BenchRecord> all = store->loadEverything();
    std::map<std::string, std::vector<const ui::BenchRecord *>> bySettings;
    for (const ui::BenchRecord &r : all)
        bySettings[r.settings.toStdString()].push_back(&r);
    if (!settings) {
        if (bySettings.size() > 1) {
            std::string list;
            for (const auto &[key, rows] : bySettings)
                list += "\n  " + key + " (" + std::to_string(rows.size()) + " rows)";
            throw UsageError("the store holds results of several settings; choose one with --settings:" + list);
        }
        settings = bySettings.empty() ? std::string() : bySettings.begin()->first;
    }
    std::vector<const ui::BenchRecord *> chosen = bySettings[*settings];
    // bench DIR lists its matrices sorted by name; so does the store's query within one settings key.
    BenchHeader header = header_from_settings(*settings);
    std::vector<std::string> rows;
    for (const ui::BenchRecord *r : chosen) {
        rows.push_back(bench::to_json(r->outcome, history));
        header.seconds += r->outcome.seconds;
        if (header.directory.empty())
            header.directory = std::filesystem::path(r->outcome.file).parent_path().string();
    }
    const nlohmann::json doc = bench_document(header, rows);
    if (json)
        std::cout << doc.dump(2) << '\n';
    else
        print_bench_table(doc, std::cout);
    return 0;
}
#else
struct StoreSink::Impl {};
StoreSink::StoreSink(const std::string &) { no_gui_library(); }
StoreSink::~StoreSink() = default;
void StoreSink::write(const std::string &, const std::string &, const bench::MatrixOutcome &) { no_gui_library(); }
int bench_merge(const Argv &) { no_gui_library(); }
int bench_show(const Argv &) { no_gui_library(); }
#endif

} // namespace fs::cli
