// Training end to end on a small synthetic set: the cosine similarity rises, an interrupted and
// resumed run equals an uninterrupted one (stopped, or killed with SIGKILL at random moments and
// with its newest checkpoint damaged), SIGTERM stops cleanly, bad input fails in JSON.
#include "dataset/dataset.h"
#include "learn/trainer.h"
#include "dataset/locality_bound.h"
#include "precond/kopt.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QThread>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <csignal>
#include <filesystem>
#include <random>
#include <fstream>
#include <sstream>

using namespace fs::learn;
using nlohmann::json;

namespace {

std::vector<json> read_lines(const std::string &text)
{
    std::vector<json> out;
    std::istringstream is(text);
    std::string line;
    while (std::getline(is, line))
        if (!line.empty())
            out.push_back(json::parse(line));
    return out;
}

std::string slurp(const std::string &path)
{
    std::ifstream is(path);
    std::stringstream ss;
    ss << is.rdbuf();
    return ss.str();
}

TrainConfig small_config(const std::string &dataset)
{
    TrainConfig c;
    c.dataset = dataset;
    c.model = "mpmlp";
    c.depth = 2;
    c.hidden = 16;
    c.batch_size = 8;
    c.lr = 5e-3;
    c.epochs = 6;
    c.patience = 0;
    c.threads = 1;
    c.device = "cpu";
    c.seed = 4;
    return c;
}

} // namespace

class TestLearnTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainingRaisesCosine();
    void resumeEqualsUninterrupted();
    void sigtermStopsCleanly();
    void sigkillResumesFromLastGoodCheckpoint();
    void badDatasetFails();
    void badOptionsFail();
    void configRoundTrip();
    void koptBenchmarkTrainsFinite();
    void nonFiniteLossFails();
    void pairedRunReportsBound();

private:
    QTemporaryDir m_tmp;
    std::string m_data;
};

void TestLearnTraining::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    SyntheticOptions o;
    o.count = 56;
    o.test = 8;
    o.n = 12;
    o.seed = 3;
    m_data = m_tmp.filePath(QStringLiteral("data")).toStdString();
    write_synthetic_dataset(o, m_data);
}

void TestLearnTraining::trainingRaisesCosine()
{
    TrainConfig c = small_config(m_data);
    c.epochs = 25;
    std::ostringstream out;
    RunOptions run;
    run.run_dir = m_tmp.filePath(QStringLiteral("raise")).toStdString();
    run.log = &out;
    QCOMPARE(run_training(c, run), 0);
    const auto lines = read_lines(out.str());
    QCOMPARE(lines.size(), std::size_t(26));
    const double first = lines.front().at("test_cos").get<double>();
    const double best = lines.back().at("best_cos").get<double>();
    QVERIFY2(best > first + 0.05, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(best)));
    QCOMPARE(lines.back().at("status").get<std::string>(), std::string("finished"));
    // The learning rate schedule: x0.6 every lr_step epochs.
    QCOMPARE(lines[0].at("lr").get<double>(), 5e-3);
    const json eval = json::parse(slurp(run.run_dir + "/eval.json"));
    QCOMPARE(eval.at("samples").size(), std::size_t(8));
    const json &s0 = eval.at("samples")[0];
    QVERIFY(s0.at("pcg").at("kopt").at("converged").get<bool>());
    // The target is the exact factor: PCG with it converges in one or two iterations.
    QVERIFY(s0.at("pcg").at("target").at("iterations").get<int>() <= 2);
    QVERIFY(std::abs(s0.at("cos_kopt").get<double>()) <= 1.0 + 1e-12);
    QVERIFY(QFile::exists(QString::fromStdString(run.run_dir + "/checkpoints/best.pt")));
    QCOMPARE(read_lines(slurp(run.run_dir + "/metrics.jsonl")).size(), std::size_t(25));
}

void TestLearnTraining::resumeEqualsUninterrupted()
{
    const TrainConfig c = small_config(m_data);
    RunOptions whole;
    whole.run_dir = m_tmp.filePath(QStringLiteral("whole")).toStdString();
    std::ostringstream o1;
    whole.log = &o1;
    QCOMPARE(run_training(c, whole), 0);

    RunOptions part;
    part.run_dir = m_tmp.filePath(QStringLiteral("part")).toStdString();
    part.stop_after_epochs = 3;
    std::ostringstream o2;
    part.log = &o2;
    QCOMPARE(run_training(c, part), 3);
    QCOMPARE(read_lines(o2.str()).back().at("status").get<std::string>(), std::string("stopped"));
    part.resume = true;
    part.stop_after_epochs = -1;
    QCOMPARE(run_training(load_run_config(part.run_dir), part), 0);

    const auto a = read_lines(slurp(whole.run_dir + "/metrics.jsonl"));
    const auto b = read_lines(slurp(part.run_dir + "/metrics.jsonl"));
    QCOMPARE(a.size(), std::size_t(6));
    QCOMPARE(b.size(), std::size_t(6));
    for (std::size_t k = 0; k < a.size(); ++k) {
        QCOMPARE(b[k].at("epoch").get<int>(), a[k].at("epoch").get<int>());
        for (const char *key : {"train_cos", "test_cos", "loss", "lr"})
            QVERIFY2(b[k].at(key).get<double>() == a[k].at(key).get<double>(),
                     qPrintable(QStringLiteral("epoch %1 %2").arg(k + 1).arg(QString::fromLatin1(key))));
    }
    const json ea = json::parse(slurp(whole.run_dir + "/eval.json"));
    const json eb = json::parse(slurp(part.run_dir + "/eval.json"));
    QCOMPARE(eb.at("summary").at("mean_cos").get<double>(), ea.at("summary").at("mean_cos").get<double>());
}

void TestLearnTraining::sigtermStopsCleanly()
{
    const QString dir = m_tmp.filePath(QStringLiteral("term"));
    QProcess p;
    p.start(QStringLiteral(FS_TRAIN_PATH),
            {QStringLiteral("--dataset"), QString::fromStdString(m_data), QStringLiteral("--out"), dir,
             QStringLiteral("--epochs"), QStringLiteral("100000"), QStringLiteral("--threads"), QStringLiteral("1"),
             QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--patience"), QStringLiteral("0")});
    QVERIFY(p.waitForStarted());
    // Wait for the first epoch line, then ask it to stop.
    QByteArray out;
    while (!out.contains("\"epoch\"") && p.waitForReadyRead(60000))
        out += p.readAllStandardOutput();
    QVERIFY(out.contains("\"epoch\""));
    p.terminate();
    QVERIFY(p.waitForFinished(60000));
    out += p.readAllStandardOutput();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 3);
    const auto lines = read_lines(out.toStdString());
    const json last = lines.back();
    QCOMPARE(last.at("status").get<std::string>(), std::string("stopped"));
    const int epochs = last.at("epoch").get<int>();
    QVERIFY(epochs >= 1);
    const json state = json::parse(slurp(dir.toStdString() + "/checkpoints/latest.json"));
    QCOMPARE(state.at("epoch").get<int>(), epochs);

    // And it resumes from there.
    QProcess r;
    r.start(QStringLiteral(FS_TRAIN_PATH), {QStringLiteral("--resume"), dir, QStringLiteral("--epochs"),
                                            QString::number(epochs + 1)});
    QVERIFY(r.waitForFinished(120000));
    const auto more = read_lines(r.readAllStandardOutput().toStdString());
    QCOMPARE(r.exitCode(), 0);
    QCOMPARE(more.front().at("epoch").get<int>(), epochs + 1);
    QCOMPARE(more.back().at("status").get<std::string>(), std::string("finished"));
}

void TestLearnTraining::sigkillResumesFromLastGoodCheckpoint()
{
    TrainConfig c = small_config(m_data);
    c.epochs = 12;
    const QString config = m_tmp.filePath(QStringLiteral("kill_config.json"));
    std::ofstream(config.toStdString()) << c.to_json().dump();
    const auto train = [&](const QStringList &args, std::mt19937 *rng, QByteArray *err) {
        QProcess p;
        p.start(QStringLiteral(FS_TRAIN_PATH), args);
        if (!p.waitForStarted())
            return -2;
        if (rng) {
            // Kill somewhere after the k-th epoch line: inside an epoch, or while a checkpoint is written.
            const int k = std::uniform_int_distribution<int>(1, 4)(*rng);
            QByteArray out;
            while (out.count("\"epoch\"") < k && p.state() == QProcess::Running && p.waitForReadyRead(60000))
                out += p.readAllStandardOutput();
            QThread::usleep(std::uniform_int_distribution<int>(0, 20000)(*rng));
            if (p.state() == QProcess::Running) {
                ::kill(pid_t(p.processId()), SIGKILL);
                p.waitForFinished(30000);
                return -1;
            }
        }
        p.waitForFinished(120000);
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3;
    };
    const QString whole = m_tmp.filePath(QStringLiteral("kill_whole"));
    QCOMPARE(train({QStringLiteral("--config"), config, QStringLiteral("--out"), whole}, nullptr, nullptr), 0);

    const QString dir = m_tmp.filePath(QStringLiteral("kill_run"));
    const unsigned seed = std::random_device{}();
    qInfo("kill moments drawn with seed %u", seed);
    std::mt19937 rng(seed);
    int kills = 0, rc = -1;
    for (int attempt = 0; attempt < 30 && rc != 0; ++attempt) {
        const QStringList args = attempt == 0
            ? QStringList{QStringLiteral("--config"), config, QStringLiteral("--out"), dir}
            : QStringList{QStringLiteral("--resume"), dir};
        rc = train(args, attempt < 8 ? &rng : nullptr, nullptr);
        if (rc == -1)
            ++kills;
    }
    QCOMPARE(rc, 0);
    QVERIFY2(kills >= 1, "no run was killed before it finished");
    qInfo("%d kills before the run finished", kills);

    // Deterministically: the newest checkpoint loses its tail (as a disk that lost its last
    // writes would leave it); resume warns, takes the one before, and still ends identically.
    const QString damagedDir = m_tmp.filePath(QStringLiteral("kill_damaged"));
    QCOMPARE(train({QStringLiteral("--config"), config, QStringLiteral("--out"), damagedDir, QStringLiteral("--epochs"),
                    QStringLiteral("5")},
                   nullptr, nullptr),
             0);
    {
        namespace fsys = std::filesystem;
        const fsys::path newest = damagedDir.toStdString() + "/checkpoints/epoch-000005";
        QVERIFY(fsys::exists(newest / "model.pt"));
        QVERIFY(fsys::exists(damagedDir.toStdString() + "/checkpoints/epoch-000004"));
        fsys::resize_file(newest / "model.pt", fsys::file_size(newest / "model.pt") / 2);
        fsys::remove(damagedDir.toStdString() + "/eval.json");
    }
    QByteArray err;
    QCOMPARE(train({QStringLiteral("--resume"), damagedDir, QStringLiteral("--epochs"), QStringLiteral("12")}, nullptr,
                   &err),
             0);
    QVERIFY2(err.contains("warning: checkpoint epoch-000005: model.pt") && err.contains("resuming from epoch 4"),
             err.constData());
    QVERIFY(slurp(damagedDir.toStdString() + "/log.txt").find("warning: checkpoint epoch-000005") != std::string::npos);
    const auto d = read_lines(slurp(damagedDir.toStdString() + "/metrics.jsonl"));
    QCOMPARE(d.size(), std::size_t(12));
    const json ed = json::parse(slurp(damagedDir.toStdString() + "/eval.json"));

    const auto a = read_lines(slurp(whole.toStdString() + "/metrics.jsonl"));
    const auto b = read_lines(slurp(dir.toStdString() + "/metrics.jsonl"));
    QCOMPARE(a.size(), std::size_t(12));
    QCOMPARE(b.size(), std::size_t(12)); // every epoch once: none lost, none repeated
    for (std::size_t k = 0; k < a.size(); ++k) {
        QCOMPARE(b[k].at("epoch").get<int>(), int(k + 1));
        for (const char *key : {"train_cos", "test_cos", "loss"})
            QVERIFY2(b[k].at(key).get<double>() == a[k].at(key).get<double>(),
                     qPrintable(QStringLiteral("epoch %1 %2").arg(k + 1).arg(QString::fromLatin1(key))));
    }
    const json ea = json::parse(slurp(whole.toStdString() + "/eval.json"));
    const json eb = json::parse(slurp(dir.toStdString() + "/eval.json"));
    QCOMPARE(eb.at("summary").at("mean_cos").get<double>(), ea.at("summary").at("mean_cos").get<double>());
    QCOMPARE(ed.at("summary").at("mean_cos").get<double>(), ea.at("summary").at("mean_cos").get<double>());
    for (std::size_t k = 0; k < a.size(); ++k)
        QVERIFY2(d[k].at("train_cos").get<double>() == a[k].at("train_cos").get<double>(),
                 qPrintable(QStringLiteral("damaged run, epoch %1").arg(k + 1)));
}

void TestLearnTraining::badDatasetFails()
{
    QProcess p;
    p.start(QStringLiteral(FS_TRAIN_PATH), {QStringLiteral("--dataset"), m_tmp.filePath(QStringLiteral("nowhere")),
                                            QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("bad"))});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.exitCode() != 0);
    const auto lines = read_lines(p.readAllStandardOutput().toStdString());
    QCOMPARE(lines.size(), std::size_t(1));
    QCOMPARE(lines.back().at("status").get<std::string>(), std::string("failed"));
    QVERIFY(lines.back().at("error").get<std::string>().find("manifest") != std::string::npos);

    // A manifest whose matrix file is missing.
    const std::string broken = m_tmp.filePath(QStringLiteral("broken")).toStdString();
    QVERIFY(QDir().mkpath(QString::fromStdString(broken)));
    std::ofstream(broken + "/manifest.json")
        << R"({"format":"factorscope-dataset","version":1,"kind":"synthetic","count":1,"n":3,"seed":0,)"
           R"("train":[{"A":"A_0.mtx","L":"L_0.mtx"}],"test":[]})";
    std::ostringstream out;
    RunOptions run;
    run.run_dir = m_tmp.filePath(QStringLiteral("broken_run")).toStdString();
    run.log = &out;
    TrainConfig c = small_config(broken);
    QCOMPARE(run_training(c, run), 1);
    const json last = read_lines(out.str()).back();
    QCOMPARE(last.at("status").get<std::string>(), std::string("failed"));
    QVERIFY(last.at("error").get<std::string>().find("A_0.mtx") != std::string::npos);
}

void TestLearnTraining::badOptionsFail()
{
    QProcess p;
    p.start(QStringLiteral(FS_TRAIN_PATH), {QStringLiteral("--dataset"), QString::fromStdString(m_data),
                                            QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("opt")),
                                            QStringLiteral("--model"), QStringLiteral("resnet")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.exitCode() != 0);
    const json last = read_lines(p.readAllStandardOutput().toStdString()).back();
    QCOMPARE(last.at("status").get<std::string>(), std::string("failed"));
    QVERIFY(last.at("error").get<std::string>().find("resnet") != std::string::npos);

    // Asking for CUDA where there is none (this machine, and any CPU build) fails the same way.
    TrainConfig c = small_config(m_data);
    c.device = "cuda";
    std::ostringstream out;
    RunOptions run;
    run.run_dir = m_tmp.filePath(QStringLiteral("cuda")).toStdString();
    run.log = &out;
    const int rc = run_training(c, run);
    const json last2 = read_lines(out.str()).back();
    if (last2.at("device").get<std::string>() == "cpu") {
        QCOMPARE(rc, 1);
        QVERIFY(last2.at("error").get<std::string>().find("CUDA") != std::string::npos);
    }
}

void TestLearnTraining::configRoundTrip()
{
    TrainConfig c;
    c.set("depth", "5");
    c.set("lr", "0.01");
    c.set("model", "gatv2");
    c.set("dataset", "x");
    TrainConfig d;
    d.apply(c.to_json());
    QCOMPARE(d.to_json(), c.to_json());
    QVERIFY_THROWS_EXCEPTION(ConfigError, c.set("depht", "3"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, c.set("depth", "three"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, c.apply(json{{"epochs", "many"}}));
    c.depth = -1;
    QVERIFY_THROWS_EXCEPTION(ConfigError, c.validate());
}

void TestLearnTraining::koptBenchmarkTrainsFinite()
{
    // The Figure 4 data: K-optimal factors of the bundled benchmark, the 1e99-scaled matrix among
    // them (its factor reaches 3e49, beyond float32). Local inputs and unit-norm targets keep every
    // loss finite.
    const std::string data = m_tmp.filePath(QStringLiteral("kopt")).toStdString();
    const auto factor = [](const fs::sparse::Matrix &A) { return fs::precond::kopt_dense(A).L; };
    const Manifest m = write_kopt_dataset(FS_BENCHMARK_DIR, data, factor);
    bool huge = false;
    for (const auto *split : {&m.train, &m.test})
        for (const auto &s : *split)
            huge = huge || s.name.find("1e99") != std::string::npos;
    QVERIFY2(huge, "the 1e99 matrix is part of the benchmark");
    TrainConfig c = small_config(data);
    c.model = "mlp";
    c.depth = 1;
    c.epochs = 2;
    std::ostringstream out;
    RunOptions run;
    run.run_dir = m_tmp.filePath(QStringLiteral("kopt_run")).toStdString();
    run.log = &out;
    QCOMPARE(run_training(c, run), 0);
    const auto lines = read_lines(out.str());
    QCOMPARE(lines.size(), std::size_t(3));
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        QVERIFY2(lines[k].at("loss").is_number() && std::isfinite(lines[k].at("loss").get<double>()), lines[k].dump().c_str());
        QVERIFY(lines[k].at("test_cos").is_number());
    }
    QCOMPARE(lines.back().at("status").get<std::string>(), std::string("finished"));
}

void TestLearnTraining::nonFiniteLossFails()
{
    // A learning rate of 1e30 throws the weights out of float range after one step: the run must
    // end with a failure naming the matrices, not go on printing null losses.
    TrainConfig c = small_config(m_data);
    c.lr = 1e30;
    c.epochs = 3;
    std::ostringstream out;
    RunOptions run;
    run.run_dir = m_tmp.filePath(QStringLiteral("nan")).toStdString();
    run.log = &out;
    QCOMPARE(run_training(c, run), 1);
    const auto lines = read_lines(out.str());
    const json last = lines.back();
    QCOMPARE(last.at("status").get<std::string>(), std::string("failed"));
    QVERIFY2(last.at("error").get<std::string>().find("not finite") != std::string::npos, last.dump().c_str());
    QVERIFY(!last.at("matrix").get<std::string>().empty());
    for (std::size_t k = 0; k + 1 < lines.size(); ++k)
        QVERIFY(std::isfinite(lines[k].at("loss").get<double>()));
}

void TestLearnTraining::pairedRunReportsBound()
{
    // Paired counterexample data: every epoch line carries the bound of the run's radius and the
    // far-entry cosine, and the bound equals the dataset's own (locality_bound.h).
    SyntheticOptions o;
    o.family = "counterexample";
    o.paired = true;
    o.count = 48;
    o.test = 16;
    o.n = 30;
    o.seed = 5;
    const std::string data = m_tmp.filePath(QStringLiteral("pairs")).toStdString();
    write_synthetic_dataset(o, data);
    TrainConfig c = small_config(data);
    c.model = "mpmlp";
    c.depth = 3;
    c.epochs = 4;
    std::ostringstream out;
    RunOptions run;
    run.run_dir = m_tmp.filePath(QStringLiteral("pairs_run")).toStdString();
    run.log = &out;
    QCOMPARE(run_training(c, run), 0);
    const auto lines = read_lines(out.str());
    const double bound = fs::dataset::split_bound(load_dataset(data).test, 2).bound;
    QVERIFY(bound < 0.95);
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        QVERIFY(std::abs(lines[k].at("bound").get<double>() - bound) < 1e-12);
        QVERIFY(lines[k].at("test_cos").get<double>() <= bound + 1e-6);
        QVERIFY(lines[k].at("test_cos_far").is_number());
    }
}

QTEST_APPLESS_MAIN(TestLearnTraining)
#include "tst_learn_training.moc"
