#include "training/trainingdataset.h"

#include "training/runcontroller.h"
#include "training/trainingrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QProcess>
#include <QTimer>

namespace fs::ui {

QStringList DatasetRequest::problems()
{
    return {QStringLiteral("diffusion"), QStringLiteral("biharmonic"), QStringLiteral("mixed")};
}

QStringList DatasetRequest::arguments(const QString &directory) const
{
    QStringList args = {QStringLiteral("dataset"),
                        kind == Kind::Spai ? QStringLiteral("spai") : QStringLiteral("synthetic"),
                        QStringLiteral("--count"), QString::number(count), QStringLiteral("--n"), QString::number(n)};
    if (kind == Kind::Spai)
        args << QStringLiteral("--problem") << problem << QStringLiteral("--sigma") << QString::number(sigma, 'g', 6);
    return args << QStringLiteral("--out") << directory;
}

QString DatasetRequest::folderName() const
{
    if (kind == Kind::Spai)
        return QStringLiteral("spai-%1-%2x%3").arg(problem).arg(count).arg(n);
    return QStringLiteral("synthetic-%1x%2").arg(count).arg(n);
}

QString datasetKind(const QString &directory, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    QFile file(QDir(directory).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("fs::ui::DatasetGenerator", "%1 has no readable manifest.json.")
                        .arg(QDir::toNativeSeparators(directory)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QString kind = doc.object().value(QStringLiteral("kind")).toString();
    if (parseError.error != QJsonParseError::NoError || kind.isEmpty())
        return fail(QCoreApplication::translate("fs::ui::DatasetGenerator",
                                                "The manifest.json in %1 names no dataset kind.")
                        .arg(QDir::toNativeSeparators(directory)));
    return kind;
}

QString datasetMismatch(const QString &model, const QString &kind)
{
    if (kind.isEmpty())
        return {};
    const bool spai = kind == QLatin1String("spai");
    if (model == TrainingConfig::generativeModel() && !spai)
        return QCoreApplication::translate("fs::ui::DatasetGenerator",
                                           "gcvae learns sparse approximate inverses and needs a SPAI dataset "
                                           "(pairs A, R), but this dataset is of kind \"%1\". Generate one with "
                                           "\"Generate…\" and the kind SPAI.")
            .arg(kind);
    if (model != TrainingConfig::generativeModel() && spai)
        return QCoreApplication::translate("fs::ui::DatasetGenerator",
                                           "%1 learns Cholesky factors, but this is a SPAI dataset (pairs A, R) "
                                           "that only gcvae trains on. Choose a synthetic or K-optimal dataset, "
                                           "or the model gcvae.")
            .arg(model);
    return {};
}

DatasetGenerator::DatasetGenerator(QObject *parent)
    : QObject(parent)
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(250);
    connect(m_poll, &QTimer::timeout, this, &DatasetGenerator::poll);
}

DatasetGenerator::~DatasetGenerator()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

bool DatasetGenerator::start(const QString &directory, int count, int order, const QString &cli)
{
    DatasetRequest request;
    request.count = count;
    request.n = order;
    return start(directory, request, cli);
}

bool DatasetGenerator::start(const QString &directory, const DatasetRequest &request, const QString &cli)
{
    const QString program = cli.isEmpty() ? Launcher::findTool(QStringLiteral("factorscope-cli")) : cli;
    if (program.isEmpty() || m_process)
        return false;
    m_directory = QDir(directory).absolutePath();
    m_count = request.count;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        done(code, status == QProcess::CrashExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            done(-1, true);
    });
    m_process->start(program, request.arguments(m_directory));
    m_poll->start();
    Q_EMIT progress(0, m_count);
    return true;
}

void DatasetGenerator::cancel()
{
    if (m_process)
        m_process->kill();
}

void DatasetGenerator::poll()
{
    // Each pair ends with its target: L (Cholesky datasets) or R (SPAI datasets).
    const int written = static_cast<int>(
        QDir(m_directory).entryList({QStringLiteral("L_*.mtx"), QStringLiteral("R_*.mtx")}, QDir::Files).size());
    Q_EMIT progress(std::min(written, m_count), m_count);
}

void DatasetGenerator::done(int exitCode, bool crashed)
{
    if (!m_process)
        return;
    m_poll->stop();
    const QString error = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    const QString startError = m_process->error() == QProcess::FailedToStart ? m_process->errorString() : QString();
    m_process->deleteLater();
    m_process = nullptr;
    if (!crashed && exitCode == 0) {
        Q_EMIT progress(m_count, m_count);
        Q_EMIT finished(true, tr("Dataset written to %1.").arg(QDir::toNativeSeparators(m_directory)));
        return;
    }
    const QString reason = !startError.isEmpty() ? startError : !error.isEmpty() ? error : tr("exit code %1").arg(exitCode);
    Q_EMIT finished(false, tr("The dataset could not be generated: %1").arg(reason));
}

} // namespace fs::ui
