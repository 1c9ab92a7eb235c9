#include "cli/experiment_report.h"

#include "support/atomic_file.h"

#ifdef FS_CLI_FIGURES
#include "training/experimentfigure.h"

#include <QApplication>
#endif

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs::cli {

using nlohmann::json;

namespace {

json number(double v)
{
    return std::isnan(v) ? json(nullptr) : json(v);
}

std::string fixed(double v, int digits = 4)
{
    if (std::isnan(v))
        return "";
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

void write_file(const std::filesystem::path &path, const std::string &text)
{
    support::write_file_atomic(path, text);
}

std::string csv(const ExperimentResults &r)
{
    std::string out = "dataset,model,depth,radius,bound,best_test_cos,best_epoch,test_cos_far,status,seconds\n";
    for (const auto &d : r.datasets)
        for (const auto &m : d.results)
            out += d.label + "," + m.model + "," + std::to_string(m.depth) + ","
                   + (m.radius ? std::to_string(*m.radius) : std::string()) + "," + fixed(m.bound, 6) + ","
                   + fixed(m.best_test_cos, 6) + "," + std::to_string(m.best_epoch) + "," + fixed(m.test_cos_far, 6)
                   + "," + m.status + "," + fixed(m.seconds, 1) + "\n";
    return out;
}

std::string markdown(const ExperimentResults &r)
{
    std::ostringstream os;
    for (const auto &d : r.datasets) {
        std::vector<int> depths;
        for (const auto &m : d.results)
            if (std::find(depths.begin(), depths.end(), m.depth) == depths.end())
                depths.push_back(m.depth);
        os << "### " << r.figure << " (" << r.scale << "): " << d.title << ", " << d.test_samples
           << " test samples\n\nBest test cosine / bound of the model's receptive radius"
           << (d.paired ? "" : " (unpaired data: nothing caps a local model, the bound is 1)") << ".\n\n| model |";
        for (int k : depths)
            os << " depth " << k << " |";
        os << "\n|---|";
        for (std::size_t k = 0; k < depths.size(); ++k)
            os << "---|";
        os << '\n';
        std::vector<std::string> models;
        for (const auto &m : d.results)
            if (std::find(models.begin(), models.end(), m.model) == models.end())
                models.push_back(m.model);
        for (const auto &model : models) {
            os << "| " << model << " |";
            for (int k : depths) {
                for (const auto &m : d.results) {
                    if (m.model != model || m.depth != k)
                        continue;
                    const std::string cos = m.status == "finished" || !std::isnan(m.best_test_cos)
                                                ? fixed(m.best_test_cos, 3)
                                                : m.status;
                    os << ' ' << cos << " / " << (m.radius ? fixed(m.bound, 3) : std::string("n/a")) << " |";
                }
            }
            os << '\n';
        }
        os << '\n';
    }
    return os.str();
}

} // namespace

json to_json(const ExperimentResults &r)
{
    json datasets = json::array();
    for (const auto &d : r.datasets) {
        json rows = json::array();
        for (const auto &m : d.results) {
            json row = {{"model", m.model},
                        {"depth", m.depth},
                        {"radius", m.radius ? json(*m.radius) : json(nullptr)},
                        {"bound", m.radius ? number(m.bound) : json(nullptr)},
                        {"applicable", m.radius.has_value()},
                        {"best_test_cos", number(m.best_test_cos)},
                        {"best_epoch", m.best_epoch},
                        {"test_cos_far", number(m.test_cos_far)},
                        {"status", m.status},
                        {"run_dir", m.run_dir},
                        {"seconds", m.seconds},
                        {"epochs", m.epochs}};
            if (!m.error.empty())
                row["error"] = m.error;
            rows.push_back(row);
        }
        datasets.push_back({{"label", d.label},
                            {"title", d.title},
                            {"paired", d.paired},
                            {"test_samples", d.test_samples},
                            {"results", rows}});
    }
    return {{"figure", r.figure}, {"scale", r.scale}, {"seconds", r.seconds}, {"datasets", datasets}};
}

std::string read_text(const std::filesystem::path &path)
{
    std::ifstream is(path);
    std::stringstream ss;
    ss << is.rdbuf();
    return ss.str();
}

std::vector<std::string> write_experiment_report(const ExperimentResults &results, const std::filesystem::path &root)
{
    const json j = to_json(results);
    write_file(root / "results.json", j.dump(2) + "\n");
    write_file(root / "table.csv", csv(results));
    write_file(root / "table.md", markdown(results));
    std::vector<std::string> written = {"results.json", "table.csv", "table.md"};

#ifdef FS_CLI_FIGURES
    // The figure is drawn by the dashboard's plotting code, offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "factorscope-cli";
    static char *argv[] = {name, nullptr};
    std::unique_ptr<QApplication> app;
    if (!QCoreApplication::instance())
        app = std::make_unique<QApplication>(argc, argv);
    QStringList files;
    QString error;
    const QString base = QString::fromStdString((root / results.figure).string());
    if (!ui::writeExperimentFigure(j, base, &files, &error))
        std::cerr << "the figure was not written: " << error.toStdString() << '\n';
    for (const QString &f : files)
        written.push_back(std::filesystem::path(f.toStdString()).filename().string());
#else
    std::cerr << "the figure was not written: this factorscope-cli was built without the GUI library"
                 " (FACTORSCOPE_WITH_GUI=OFF)\n";
#endif
    return written;
}

} // namespace fs::cli
