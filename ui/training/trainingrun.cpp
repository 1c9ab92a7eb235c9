#include "training/trainingrun.h"

#include "dataset/stream_line.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <nlohmann/json.hpp>

#include <cmath>

namespace fs::ui {

namespace {

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList toQStringList(const std::vector<std::string> &items)
{
    QStringList out;
    for (const std::string &item : items)
        out << QString::fromStdString(item);
    return out;
}

nlohmann::json toNlohmann(const QJsonObject &json)
{
    return nlohmann::json::parse(QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString(), nullptr, false);
}

QJsonObject toQt(const nlohmann::json &json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json.dump())).object();
}

} // namespace

QStringList TrainingConfig::nodeModels()
{
    return toQStringList(dataset::node_model_names());
}

QStringList TrainingConfig::models()
{
    return toQStringList(dataset::model_names());
}

QStringList TrainingConfig::arguments() const
{
    return toQStringList(core.to_argv(dataset::ConfigKeys::Launch));
}

QJsonObject TrainingConfig::toJson() const
{
    // The other models' trainers never see the gcvae keys, so their run.json stays as before.
    return toQt(core.to_json(dataset::ConfigKeys::Launch));
}

TrainingConfig TrainingConfig::fromJson(const QJsonObject &json)
{
    TrainingConfig c;
    c.core.apply_known(toNlohmann(json));
    return c;
}

bool EpochPoint::hasGenerativeMetrics() const
{
    return !std::isnan(recon) || !std::isnan(kl) || !std::isnan(residual) || !std::isnan(testResidualRatio);
}

bool TrainingRun::isActive() const
{
    return status == RunStatus::Queued || status == RunStatus::Running || status == RunStatus::Stopping;
}

double TrainingRun::bestTestCos() const
{
    double best = std::numeric_limits<double>::quiet_NaN();
    for (const EpochPoint &p : points) {
        if (!std::isnan(p.testCos) && (std::isnan(best) || p.testCos > best))
            best = p.testCos;
    }
    return best;
}

double TrainingRun::finalTestCos() const
{
    for (auto it = points.crbegin(); it != points.crend(); ++it) {
        if (!std::isnan(it->testCos))
            return it->testCos;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

QString TrainingRun::name() const
{
    return QFileInfo(directory).fileName();
}

QString runStatusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return QCoreApplication::translate("fs::ui::TrainingRun", "queued");
    case RunStatus::Running: return QCoreApplication::translate("fs::ui::TrainingRun", "running");
    case RunStatus::Stopping: return QCoreApplication::translate("fs::ui::TrainingRun", "stopping");
    case RunStatus::Finished: return QCoreApplication::translate("fs::ui::TrainingRun", "finished");
    case RunStatus::Stopped: return QCoreApplication::translate("fs::ui::TrainingRun", "stopped");
    case RunStatus::Failed: return QCoreApplication::translate("fs::ui::TrainingRun", "failed");
    }
    return {};
}

StreamLine parseStreamLine(const QByteArray &line)
{
    StreamLine out;
    const dataset::StreamLine parsed = dataset::parse_stream_line(std::string_view(line.constData(), line.size()));
    if (const auto *final = std::get_if<dataset::FinalLine>(&parsed)) {
        out.kind = StreamLine::Kind::Final;
        out.device = QString::fromStdString(final->device);
        out.error = QString::fromStdString(final->error);
        out.status = final->status == dataset::RunOutcome::Finished  ? RunStatus::Finished
                     : final->status == dataset::RunOutcome::Stopped ? RunStatus::Stopped
                                                                     : RunStatus::Failed;
    } else if (const auto *epoch = std::get_if<dataset::EpochLine>(&parsed)) {
        out.kind = StreamLine::Kind::Epoch;
        out.device = QString::fromStdString(epoch->device);
        out.point.epoch = epoch->epoch;
        out.point.trainCos = epoch->train_cos;
        out.point.testCos = epoch->test_cos;
        out.point.loss = epoch->loss;
        out.point.lr = epoch->lr;
        out.point.seconds = epoch->seconds;
        out.point.bound = epoch->bound;
        out.point.testCosFar = epoch->test_cos_far;
        out.point.recon = epoch->recon;
        out.point.kl = epoch->kl;
        out.point.residual = epoch->residual;
        out.point.testResidualRatio = epoch->test_residual_ratio;
    } else {
        const auto &bad = std::get<dataset::MalformedLine>(parsed);
        out.device = QString::fromStdString(bad.device);
        out.error = QString::fromStdString(bad.reason);
    }
    return out;
}

QStringList tailOfFile(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines));
}

bool loadRunDirectory(const QString &directory, TrainingRun *run, QString *error)
{
    const QDir dir(directory);
    QFile metrics(dir.filePath(QStringLiteral("metrics.jsonl")));
    const bool hasConfig = QFileInfo::exists(dir.filePath(QStringLiteral("config.json")));
    if (!hasConfig && !metrics.exists()) {
        if (error)
            *error = QCoreApplication::translate("fs::ui::TrainingRun",
                                                 "%1 holds no training run (no config.json or metrics.jsonl).")
                         .arg(QDir::toNativeSeparators(directory));
        return false;
    }
    run->directory = dir.absolutePath();
    run->config = TrainingConfig::fromJson(readJsonFile(dir.filePath(QStringLiteral("config.json"))));
    run->points.clear();
    run->elapsed = 0.0;
    if (metrics.open(QIODevice::ReadOnly)) {
        while (!metrics.atEnd()) {
            const QByteArray line = metrics.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const StreamLine parsed = parseStreamLine(line);
            if (parsed.kind != StreamLine::Kind::Epoch) {
                ++run->malformedLines;
                continue;
            }
            run->points.append(parsed.point);
            run->elapsed += std::isnan(parsed.point.seconds) ? 0.0 : parsed.point.seconds;
            if (!parsed.device.isEmpty())
                run->device = parsed.device;
        }
    }
    run->eval = readJsonFile(dir.filePath(QStringLiteral("eval.json")));
    // log.txt ends with the trainer's final status object; a run cut off before it stays "stopped".
    run->status = run->eval.isEmpty() ? RunStatus::Stopped : RunStatus::Finished;
    const QStringList log = tailOfFile(dir.filePath(QStringLiteral("log.txt")), 20);
    for (auto it = log.crbegin(); it != log.crend(); ++it) {
        const StreamLine parsed = parseStreamLine(it->toUtf8());
        if (parsed.kind == StreamLine::Kind::Final) {
            run->status = parsed.status;
            run->error = parsed.error;
            break;
        }
    }
    run->log = log;
    return true;
}

} // namespace fs::ui
