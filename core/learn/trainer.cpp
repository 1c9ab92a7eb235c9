#include "learn/trainer.h"

#include "learn/distributed.h"
#include "support/atomic_file.h"
#include "support/parallel.h"

#include "dataset/checkpoints.h"
#include "dataset/dataset.h"
#include "dataset/locality_bound.h"
#include "dataset/stream_line.h"
#include "learn/evaluation.h"
#include "learn/graph.h"
#include "learn/model.h"
#include "learn/train_task.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <utility>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

namespace fs::learn {

namespace fsys = std::filesystem;
using nlohmann::json;

namespace {

class TrainError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

torch::Device pick_device(const std::string &name)
{
    if (name == "cpu")
        return torch::kCPU;
    const bool cuda = torch::cuda::is_available();
    if (name == "auto")
        return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (!cuda)
        throw TrainError("device '" + name + "' requested but CUDA is not available");
    return torch::Device(name);
}

void write_json_file(const fsys::path &path, const json &j)
{
    support::write_file_atomic(path, j.dump(2) + "\n");
}

json read_json_file(const fsys::path &path)
{
    std::ifstream is(path);
    if (!is)
        throw TrainError("cannot read " + path.string());
    return json::parse(is);
}

/// Progress that survives a restart: enough to continue exactly where the run left off.
struct TrainState {
    int epoch = 0; ///< completed epochs
    double best = -2.0;
    int best_epoch = 0;
    int bad_epochs = 0;
    double elapsed = 0.0;
    json to_json() const
    {
        return {{"epoch", epoch}, {"best", best}, {"best_epoch", best_epoch}, {"bad_epochs", bad_epochs},
                {"elapsed", elapsed}};
    }
    static TrainState from_json(const json &j)
    {
        TrainState s;
        s.epoch = j.at("epoch").get<int>();
        s.best = j.at("best").get<double>();
        s.best_epoch = j.at("best_epoch").get<int>();
        s.bad_epochs = j.at("bad_epochs").get<int>();
        s.elapsed = j.at("elapsed").get<double>();
        return s;
    }
};

template <typename T> void save_atomic(const T &object, const fsys::path &path)
{
    const fsys::path part = support::part_path(path);
    torch::save(object, part.string());
    support::commit_part(part, path);
}

/// Writes JSON lines to the caller's stream, metrics.jsonl and (in words) log.txt.
class Reporter {
public:
    Reporter(std::ostream *out, const fsys::path &dir) : m_out(out), m_dir(dir) {}
    void open(bool append)
    {
        const auto mode = append ? std::ios::app : std::ios::trunc;
        m_metrics.open(m_dir / "metrics.jsonl", std::ios::out | mode);
        m_log.open(m_dir / "log.txt", std::ios::out | std::ios::app);
    }
    /// metrics.jsonl first: written before the epoch's checkpoint is committed, so a kill between
    /// the two makes --resume redo the epoch (and trim the line) instead of losing its line.
    void record(const dataset::EpochLine &line)
    {
        m_line = dataset::to_json(line).dump();
        if (m_metrics.is_open())
            m_metrics << m_line << '\n' << std::flush;
    }
    /// Then the stream and log.txt, once the checkpoint is on disk (`line` as recorded).
    void announce(const dataset::EpochLine &line)
    {
        if (m_out)
            *m_out << m_line << '\n' << std::flush;
        if (m_log.is_open()) {
            char words[320];
            const auto maybe = [](double v) { return std::isnan(v) ? std::string("-") : std::to_string(v); };
            std::snprintf(words, sizeof words,
                          "epoch %d: train cos %.4f, test cos %s, loss %.4f, lr %.3g, %.2f s%s%s",
                          line.epoch, line.train_cos, maybe(line.test_cos).c_str(), line.loss, line.lr, line.seconds,
                          std::isnan(line.bound) ? "" : (", bound " + maybe(line.bound)).c_str(),
                          std::isnan(line.test_cos_far) ? "" : (", far test cos " + maybe(line.test_cos_far)).c_str());
            m_log << words << '\n' << std::flush;
        }
    }
    void emit(const json &j)
    {
        if (m_out)
            *m_out << j.dump() << '\n' << std::flush;
        if (m_log.is_open())
            m_log << j.dump() << '\n' << std::flush;
    }
    void note(const std::string &text)
    {
        if (m_log.is_open())
            m_log << text << '\n' << std::flush;
    }
    /// A warning goes to stderr at once and into log.txt once that is open.
    void warn(const std::string &text)
    {
        std::cerr << "warning: " << text << std::endl;
        m_pending.push_back("warning: " + text);
    }
    std::vector<std::string> pending() { return std::exchange(m_pending, {}); }

private:
    std::ostream *m_out;
    fsys::path m_dir;
    std::ofstream m_metrics, m_log;
    std::string m_line; ///< the last recorded epoch line, as JSON
    std::vector<std::string> m_pending;
};

/// Drops metrics lines beyond the checkpointed epoch (written after a checkpoint the process
/// did not live to replace).
void trim_metrics(const fsys::path &path, int lastEpoch)
{
    std::ifstream is(path);
    std::string line, kept;
    while (std::getline(is, line)) {
        if (line.empty())
            continue;
        const json j = json::parse(line, nullptr, false);
        if (!j.is_discarded() && j.value("epoch", 0) <= lastEpoch)
            kept += line + '\n';
    }
    is.close();
    support::write_file_atomic(path, kept);
}

struct EpochResult {
    double mean_cos = 0.0;
    double loss = 0.0;
    std::map<std::string, double> means;
};

/// The factor GNNs: loss 1 − cosine of predicted and true L per matrix.
class FactorTask final : public TrainTask {
public:
    FactorTask(const TrainConfig &config, const Dataset &data, torch::Device device)
        : m_data(data), m_device(device), m_model(ModelConfig{config.model, config.depth, config.hidden})
    {
        if (data.manifest.kind == "spai")
            throw TrainError("model " + config.model + " learns triangular factors; dataset " + config.dataset
                             + " holds approximate inverses (kind spai): use model gcvae or another dataset");
        m_train = graphs_of(data.train);
        m_test = graphs_of(data.test);
        // On a paired test set the run knows what no model of its radius can exceed, and which
        // entries of each test sample lie beyond that radius from the pair's perturbation.
        const std::optional<int> radius = dataset::receptive_radius(config.model, config.depth);
        const bool paired = !data.test.empty()
            && std::all_of(data.test.begin(), data.test.end(), [](const Sample &s) { return s.pair && s.perturbation; });
        if (radius && paired) {
            m_bound = dataset::split_bound(data.test, *radius).bound;
            for (std::size_t k = 0; k < data.test.size(); ++k) {
                const std::vector<char> far =
                    dataset::far_entries(dataset::entry_hops(data.test[k].A, *data.test[k].perturbation), *radius);
                std::vector<double> mask(far.begin(), far.end());
                m_test[k].far = torch::tensor(mask, torch::kFloat64);
            }
        }
        m_model->to(device, torch::kFloat32);
    }
    torch::nn::Module &module() override { return *m_model; }
    std::size_t size(bool test) const override { return test ? m_test.size() : m_train.size(); }
    std::string sample_name(bool test, std::size_t k) const override
    {
        return (test ? m_data.test : m_data.train).at(k).name;
    }
    std::optional<double> bound() const override { return m_bound; }
    BatchOutcome run(bool test, const std::vector<std::size_t> &members, bool, std::uint64_t) override
    {
        std::vector<const MatrixGraph *> graphs;
        for (std::size_t k : members)
            graphs.push_back(&(test ? m_test : m_train)[k]);
        const GraphBatch batch = collate(graphs).to(m_device, torch::kFloat32);
        const torch::Tensor pred = m_model->forward(batch);
        const torch::Tensor cos = grouped_cosine(pred, batch.y, batch.target_batch, batch.num_graphs);
        const torch::Tensor finite = torch::isfinite(cos.detach()).to(torch::kCPU);
        for (std::int64_t g = 0; g < finite.size(0); ++g)
            if (!finite[g].item<bool>()) {
                const std::string name = sample_name(test, members[static_cast<std::size_t>(g)]);
                throw SampleError("the cosine of matrix " + name + " is not finite (the model's prediction overflowed)", name);
            }
        BatchOutcome out{1.0 - cos.mean(), cos.sum().item<double>(), {}};
        if (test && batch.far.defined()) {
            // Entries beyond the radius only; a sample with none counts as reached (cosine 1).
            const torch::Tensor farCos = grouped_cosine(pred.detach() * batch.far, batch.y * batch.far,
                                                        batch.target_batch, batch.num_graphs);
            const torch::Tensor farCount = scatter_sum(batch.far, batch.target_batch, batch.num_graphs);
            out.sums["cos_far"] = torch::where(farCount > 0, farCos, torch::ones_like(farCos)).sum().item<double>();
        }
        return out;
    }
    json evaluate() override { return evaluate_model(*m_model, m_data.test, m_test, m_device); }

private:
    static std::vector<MatrixGraph> graphs_of(const std::vector<Sample> &samples)
    {
        std::vector<MatrixGraph> graphs;
        graphs.reserve(samples.size());
        for (const Sample &s : samples) {
            try {
                graphs.push_back(make_graph(s.A, &s.L));
            } catch (const std::invalid_argument &e) {
                throw SampleError("matrix " + s.name + ": " + e.what(), s.name);
            }
        }
        return graphs;
    }

    const Dataset &m_data;
    torch::Device m_device;
    FactorGnn m_model;
    std::vector<MatrixGraph> m_train, m_test;
    std::optional<double> m_bound;
};

void save_module(torch::nn::Module &module, const fsys::path &path)
{
    const fsys::path part = support::part_path(path);
    torch::serialize::OutputArchive archive;
    module.save(archive);
    archive.save_to(part.string());
    support::commit_part(part, path);
}

void load_module(torch::nn::Module &module, const fsys::path &path, torch::Device device)
{
    torch::serialize::InputArchive archive;
    archive.load_from(path.string(), device);
    module.load(archive);
}

/// Loads the newest checkpoint that passes its digests and loads cleanly, warning about each one
/// passed over; run folders from before epoch folders existed resume from latest.pt.
TrainState restore_checkpoint(const fsys::path &ckpt, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                              torch::Device device, Reporter &report)
{
    std::vector<std::string> rejected;
    const std::vector<dataset::Checkpoint> good = dataset::good_checkpoints(ckpt, rejected);
    std::optional<TrainState> restored;
    for (const dataset::Checkpoint &c : good) {
        try {
            TrainState s = TrainState::from_json(c.state);
            load_module(model, c.dir / "model.pt", device);
            torch::load(optimizer, (c.dir / "optimizer.pt").string(), device);
            restored = s;
            break;
        } catch (const std::exception &e) {
            std::string why = e.what();
            why.resize(std::min(why.find('\n'), why.size()));
            rejected.push_back(c.dir.filename().string() + ": " + why);
        }
    }
    if (!restored && good.empty() && fsys::exists(ckpt / "latest.pt")) {
        restored = TrainState::from_json(read_json_file(ckpt / "latest.json"));
        load_module(model, ckpt / "latest.pt", device);
        torch::load(optimizer, (ckpt / "latest_optimizer.pt").string(), device);
    }
    // Killed before its first epoch ended, or every checkpoint damaged: the run starts over (the
    // model's initial weights come from the seed, so this is the run it would have been).
    const TrainState state = restored.value_or(TrainState{});
    for (const std::string &r : rejected)
        report.warn("checkpoint " + r + "; resuming from epoch " + std::to_string(state.epoch));
    if (!restored)
        report.warn("no usable checkpoint in " + ckpt.string() + ": starting from epoch 1");
    return state;
}

} // namespace

std::unique_ptr<TrainTask> make_factor_task(const TrainConfig &config, const Dataset &data, torch::Device device)
{
    return std::make_unique<FactorTask>(config, data, device);
}

TrainConfig load_run_config(const std::string &runDir)
{
    const fsys::path p = fsys::path(runDir) / "config.json";
    std::ifstream is(p);
    if (!is)
        throw ConfigError("no run to resume: cannot read " + p.string());
    TrainConfig c;
    try {
        c.apply(json::parse(is));
    } catch (const json::exception &e) {
        throw ConfigError(p.string() + ": " + e.what());
    }
    return c;
}

int run_training(const TrainConfig &config, const RunOptions &options)
{
    const fsys::path dir(options.run_dir);
    const fsys::path ckpt = dir / "checkpoints";
    // In a data-parallel run only rank 0 (the lead) writes: the stream, the run folder, checkpoints.
    const bool lead = options.world.rank == 0;
    Reporter report(lead ? options.log : nullptr, dir);
    std::string deviceName = "cpu";
    TrainState state;
    std::unique_ptr<Communicator> comm;
    try {
        config.validate();
        if (options.run_dir.empty())
            throw TrainError("no run directory given (--out DIR)");
        if (lead && !options.resume && fsys::exists(ckpt / "latest.json"))
            throw TrainError(options.run_dir + " already holds a run: use --resume or another --out");
        if (options.world.distributed()) {
            if (config.batch_size < options.world.size)
                throw TrainError("batch_size " + std::to_string(config.batch_size) + " is smaller than the "
                                 + std::to_string(options.world.size) + " ranks: every rank needs a share of each batch");
            comm = std::make_unique<Communicator>(options.world);
        }
        if (lead)
            fsys::create_directories(ckpt);
        if (lead && !options.resume) {
            // An absolute dataset path keeps --resume working from any directory.
            TrainConfig stored = config;
            stored.dataset = fsys::absolute(config.dataset).lexically_normal().string();
            write_json_file(dir / "config.json", stored.to_json());
            report.open(false);
        }
        torch::Device device = pick_device(config.device);
        // Ranks sharing a node take its GPUs in turn ("auto" and "cuda" name no particular one).
        if (comm && device.is_cuda() && (config.device == "auto" || config.device == "cuda"))
            device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(
                                                     options.world.local_rank % std::max<int>(1, static_cast<int>(torch::cuda::device_count()))));
        deviceName = device.str();
        torch::set_num_threads(support::resolve_threads(config.threads));
        torch::manual_seed(config.seed);

        const Dataset data = load_dataset(config.dataset);
        const std::unique_ptr<TrainTask> task = config.model == "gcvae" ? make_gcvae_task(config, data, device)
                                                                        : make_factor_task(config, data, device);
        torch::nn::Module &model = task->module();

        torch::optim::Adam optimizer(model.parameters(), torch::optim::AdamOptions(config.lr));
        if (options.resume) {
            state = restore_checkpoint(ckpt, model, optimizer, device, report);
            if (lead) {
                trim_metrics(dir / "metrics.jsonl", state.epoch);
                report.open(true);
            }
            for (const std::string &w : report.pending())
                report.note(w);
        }
        report.note("dataset " + config.dataset + ": " + std::to_string(task->size(false)) + " train, "
                    + std::to_string(task->size(true)) + " test; device " + deviceName
                    + (comm ? "; " + std::to_string(comm->size()) + " ranks (" + options.world.launcher + ")" : ""));
        // Every rank starts from rank 0's parameters (the same seed gives the same ones anyway; a
        // resumed rank may have read another checkpoint).
        std::vector<torch::Tensor> parameters = model.parameters();
        if (comm)
            comm->broadcast(parameters);
        const int ranks = comm ? comm->size() : 1, rank = comm ? comm->rank() : 0;

        auto run_batches = [&](bool test, const std::vector<std::size_t> &order, bool training, std::uint64_t noise,
                               const std::function<bool()> &stopNow) -> std::optional<EpochResult> {
            EpochResult r;
            double lossSum = 0.0;
            int batches = 0;
            model.train(training);
            torch::AutoGradMode grad(training);
            for (std::size_t start = 0; start < order.size(); start += static_cast<std::size_t>(config.batch_size)) {
                if (stopNow && stopNow())
                    return std::nullopt;
                const std::vector<std::size_t> members(
                    order.begin() + static_cast<std::ptrdiff_t>(start),
                    order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + static_cast<std::size_t>(config.batch_size))));
                // Data-parallel: rank r takes members r, r + ranks, ...; its loss is weighted by its
                // share, so the summed gradients are those of the global batch's mean loss. A rank
                // without a share runs the first member with weight 0 (the metrics keep one layout).
                std::vector<std::size_t> mine = members;
                double weight = 1.0;
                if (comm) {
                    mine.clear();
                    for (std::size_t k = static_cast<std::size_t>(rank); k < members.size(); k += static_cast<std::size_t>(ranks))
                        mine.push_back(members[k]);
                    weight = static_cast<double>(mine.size()) / static_cast<double>(members.size());
                    if (mine.empty())
                        mine.push_back(members.front());
                }
                const BatchOutcome out = task->run(test, mine, training, noise * 0x100000001B3ULL + static_cast<std::uint64_t>(batches));
                const double share = weight > 0.0 ? 1.0 : 0.0;
                std::vector<double> metrics = {out.loss.item<double>() * weight, out.score_sum * share};
                for (const auto &[key, value] : out.sums)
                    metrics.push_back(value * share);
                if (comm)
                    comm->sum(metrics);
                const double lossValue = metrics[0];
                const double scoreSum = metrics[1];
                if (!std::isfinite(lossValue) || !std::isfinite(scoreSum)) {
                    std::string names;
                    for (std::size_t k : members)
                        names += (names.empty() ? "" : ", ") + task->sample_name(test, k);
                    throw SampleError(std::string(std::isfinite(lossValue) ? "the score" : "the loss")
                                          + " is not finite on a batch of matrices " + names,
                                      names);
                }
                if (training) {
                    optimizer.zero_grad();
                    (comm ? out.loss * weight : out.loss).backward();
                    if (comm) {
                        std::vector<torch::Tensor> grads;
                        for (torch::Tensor &p : parameters) {
                            if (!p.grad().defined())
                                p.mutable_grad() = torch::zeros_like(p);
                            grads.push_back(p.grad());
                        }
                        comm->sum(grads);
                    }
                    optimizer.step();
                }
                r.mean_cos += scoreSum;
                std::size_t m = 2;
                for (const auto &[key, value] : out.sums)
                    r.means[key] += metrics[m++];
                lossSum += lossValue;
                ++batches;
            }
            const double count = static_cast<double>(std::max<std::size_t>(1, order.size()));
            r.mean_cos /= count;
            for (auto &[key, value] : r.means)
                value /= count;
            r.loss = batches ? lossSum / batches : 0.0;
            return r;
        };

        int epochsThisRun = 0;
        auto stopRequested = [&] {
            return (options.stop && options.stop->load())
                || (options.stop_after_epochs >= 0 && epochsThisRun >= options.stop_after_epochs);
        };
        std::vector<std::size_t> testOrder(task->size(true));
        for (std::size_t k = 0; k < testOrder.size(); ++k)
            testOrder[k] = k;
        bool early = false;
        while (state.epoch < config.epochs) {
            if (stopRequested())
                break;
            const int epoch = state.epoch + 1;
            const double lr = config.lr * std::pow(config.lr_gamma, (epoch - 1) / config.lr_step);
            for (auto &group : optimizer.param_groups())
                static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
            // The batch order is a function of (seed, epoch) so a resumed run sees the same batches.
            std::vector<std::size_t> order(task->size(false));
            for (std::size_t k = 0; k < order.size(); ++k)
                order[k] = k;
            std::mt19937_64 rng(config.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(epoch));
            for (std::size_t k = order.size(); k > 1; --k)
                std::swap(order[k - 1], order[rng() % k]);

            const auto t0 = std::chrono::steady_clock::now();
            const std::uint64_t noise = config.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(epoch);
            const auto trainResult = run_batches(false, order, true, noise, [&] { return options.stop && options.stop->load(); });
            if (!trainResult)
                break; // the partial epoch is dropped: the latest checkpoint is still consistent
            std::optional<EpochResult> testResult;
            if (!testOrder.empty())
                testResult = run_batches(true, testOrder, false, 0, {});
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            state.epoch = epoch;
            state.elapsed += seconds;
            ++epochsThisRun;
            const double score = testResult ? testResult->mean_cos : trainResult->mean_cos;
            const bool improved = score > state.best;
            if (improved) {
                state.best = score;
                state.best_epoch = epoch;
                state.bad_epochs = 0;
                if (lead) {
                    save_module(model, ckpt / "best.pt");
                    write_json_file(ckpt / "best.json", state.to_json());
                }
            } else {
                ++state.bad_epochs;
            }
            dataset::EpochLine line;
            line.epoch = epoch;
            line.train_cos = trainResult->mean_cos;
            line.loss = trainResult->loss;
            line.lr = lr;
            line.seconds = seconds;
            line.elapsed = state.elapsed;
            line.device = deviceName;
            if (testResult)
                line.test_cos = testResult->mean_cos;
            if (const std::optional<double> bound = task->bound())
                line.bound = *bound;
            for (const auto &[key, value] : trainResult->means)
                dataset::set_number(line, key, value);
            if (testResult)
                for (const auto &[key, value] : testResult->means)
                    dataset::set_number(line, "test_" + key, value);
            report.record(line);
            // The model, the optimizer and the state become visible together or not at all.
            if (lead) {
                const fsys::path part = dataset::begin_checkpoint(ckpt, epoch);
                save_module(model, part / "model.pt");
                save_atomic(optimizer, part / "optimizer.pt");
                dataset::commit_checkpoint(ckpt, part, epoch, state.to_json());
            }
            report.announce(line);
            if (config.patience > 0 && state.bad_epochs >= config.patience) {
                early = true;
                break;
            }
        }

        dataset::FinalLine finalLine;
        finalLine.device = deviceName;
        json final = {{"epoch", state.epoch}, {"best_epoch", state.best_epoch}, {"elapsed", state.elapsed}};
        final["best_cos"] = state.best_epoch > 0 ? json(state.best) : json(nullptr);
        if (const std::optional<double> bound = task->bound())
            final["bound"] = *bound;
        if (state.epoch < config.epochs && !early) {
            finalLine.status = dataset::RunOutcome::Stopped;
            final.update(dataset::to_json(finalLine));
            report.emit(final);
            return 3;
        }
        final["early_stopped"] = early;
        // The evaluation is rank 0's alone: the others are done once training is.
        if (!lead)
            return 0;
        if (fsys::exists(ckpt / "best.pt"))
            load_module(model, ckpt / "best.pt", device);
        model.eval();
        const json eval = task->evaluate();
        write_json_file(dir / "eval.json", eval);
        final["eval"] = eval.at("summary");
        finalLine.status = dataset::RunOutcome::Finished;
        final.update(dataset::to_json(finalLine));
        report.emit(final);
        return 0;
    } catch (const std::exception &e) {
        dataset::FinalLine failed;
        failed.error = e.what();
        // c10::Error appends a C++ backtrace; the first line is the message.
        if (const auto nl = failed.error.find('\n'); nl != std::string::npos)
            failed.error.resize(nl);
        if (const auto *sample = dynamic_cast<const SampleError *>(&e))
            failed.matrix = sample->matrix;
        failed.device = deviceName;
        json line = dataset::to_json(failed);
        line["epoch"] = state.epoch;
        report.emit(line);
        if (!lead) // the stream is rank 0's; the other ranks say why they stopped on stderr
            std::cerr << "rank " << options.world.rank << ": " << line.dump() << std::endl;
        return 1;
    }
}

} // namespace fs::learn
