#include "training/trainingrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace fs::ui {

namespace {

double number(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

RunStatus statusFromText(const QString &text, bool *known)
{
    *known = true;
    if (text == QLatin1String("finished"))
        return RunStatus::Finished;
    if (text == QLatin1String("stopped"))
        return RunStatus::Stopped;
    *known = text == QLatin1String("failed");
    return RunStatus::Failed;
}

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

QStringList TrainingConfig::nodeModels()
{
    return {QStringLiteral("mlp"), QStringLiteral("gatv2"), QStringLiteral("gen"),
            QStringLiteral("mpmlp"), QStringLiteral("transformer"), QStringLiteral("sgformer")};
}

QStringList TrainingConfig::models()
{
    return nodeModels() << generativeModel();
}

QStringList TrainingConfig::arguments() const
{
    QStringList args;
    const QJsonObject json = toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString()
                             : v.isDouble() && v.toDouble() == std::floor(v.toDouble())
                                 ? QString::number(v.toInteger())
                                 : QString::number(v.toDouble(), 'g', 12);
        args << QStringLiteral("--") + it.key() << text;
    }
    return args;
}

QJsonObject TrainingConfig::toJson() const
{
    QJsonObject json{{QStringLiteral("dataset"), dataset},     {QStringLiteral("model"), model},
            {QStringLiteral("depth"), depth},         {QStringLiteral("hidden"), hidden},
            {QStringLiteral("epochs"), epochs},       {QStringLiteral("lr"), lr},
            {QStringLiteral("lr_step"), lrStep},      {QStringLiteral("lr_gamma"), lrGamma},
            {QStringLiteral("patience"), patience},   {QStringLiteral("batch_size"), batchSize},
            {QStringLiteral("device"), device},       {QStringLiteral("seed"), seed}};
    // The other models' trainers never see these keys, so their run.json stays as before.
    if (isGenerative()) {
        json.insert(QStringLiteral("latent"), latent);
        json.insert(QStringLiteral("beta"), beta);
        json.insert(QStringLiteral("samples"), samples);
        json.insert(QStringLiteral("residual_weight"), residualWeight);
    }
    return json;
}

TrainingConfig TrainingConfig::fromJson(const QJsonObject &json)
{
    TrainingConfig c;
    c.dataset = json.value(QStringLiteral("dataset")).toString(c.dataset);
    c.model = json.value(QStringLiteral("model")).toString(c.model);
    c.depth = json.value(QStringLiteral("depth")).toInt(c.depth);
    c.hidden = json.value(QStringLiteral("hidden")).toInt(c.hidden);
    c.epochs = json.value(QStringLiteral("epochs")).toInt(c.epochs);
    c.lr = json.value(QStringLiteral("lr")).toDouble(c.lr);
    c.lrStep = json.value(QStringLiteral("lr_step")).toInt(c.lrStep);
    c.lrGamma = json.value(QStringLiteral("lr_gamma")).toDouble(c.lrGamma);
    c.patience = json.value(QStringLiteral("patience")).toInt(c.patience);
    c.batchSize = json.value(QStringLiteral("batch_size")).toInt(c.batchSize);
    c.device = json.value(QStringLiteral("device")).toString(c.device);
    c.seed = json.value(QStringLiteral("seed")).toInteger(c.seed);
    c.latent = json.value(QStringLiteral("latent")).toInt(c.latent);
    c.beta = json.value(QStringLiteral("beta")).toDouble(c.beta);
    c.samples = json.value(QStringLiteral("samples")).toInt(c.samples);
    c.residualWeight = json.value(QStringLiteral("residual_weight")).toDouble(c.residualWeight);
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
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                 : QStringLiteral("not a JSON object");
        return out;
    }
    const QJsonObject json = doc.object();
    out.device = json.value(QStringLiteral("device")).toString();
    // The final object also carries "epoch" (the last one), so "status" decides first.
    if (json.contains(QStringLiteral("status"))) {
        bool known = false;
        out.status = statusFromText(json.value(QStringLiteral("status")).toString(), &known);
        if (!known) {
            out.error = QStringLiteral("unknown status");
            return out;
        }
        out.kind = StreamLine::Kind::Final;
        out.error = json.value(QStringLiteral("error")).toString();
        return out;
    }
    const QJsonValue epoch = json.value(QStringLiteral("epoch"));
    const QJsonValue train = json.value(QStringLiteral("train_cos"));
    if (!epoch.isDouble() || !train.isDouble()) {
        out.error = QStringLiteral("no epoch or train_cos");
        return out;
    }
    out.kind = StreamLine::Kind::Epoch;
    out.point.epoch = epoch.toInt();
    out.point.trainCos = train.toDouble();
    out.point.testCos = number(json.value(QStringLiteral("test_cos")));
    out.point.loss = number(json.value(QStringLiteral("loss")));
    out.point.lr = number(json.value(QStringLiteral("lr")));
    out.point.seconds = number(json.value(QStringLiteral("seconds")));
    out.point.recon = number(json.value(QStringLiteral("recon")));
    out.point.kl = number(json.value(QStringLiteral("kl")));
    out.point.residual = number(json.value(QStringLiteral("residual")));
    out.point.testResidualRatio = number(json.value(QStringLiteral("test_residual_ratio")));
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
