#include "trainingdataset.h"

#include "runcontroller.h"

#include <QDir>
#include <QProcess>
#include <QTimer>

namespace fs::ui {

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
    const QString program = cli.isEmpty() ? Launcher::findTool(QStringLiteral("factorscope-cli")) : cli;
    if (program.isEmpty() || m_process)
        return false;
    m_directory = QDir(directory).absolutePath();
    m_count = count;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        done(code, status == QProcess::CrashExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            done(-1, true);
    });
    m_process->start(program, {QStringLiteral("dataset"), QStringLiteral("synthetic"), QStringLiteral("--count"),
                               QString::number(count), QStringLiteral("--n"), QString::number(order),
                               QStringLiteral("--out"), m_directory});
    m_poll->start();
    Q_EMIT progress(0, count);
    return true;
}

void DatasetGenerator::cancel()
{
    if (m_process)
        m_process->kill();
}

void DatasetGenerator::poll()
{
    const int written = static_cast<int>(QDir(m_directory).entryList({QStringLiteral("L_*.mtx")}, QDir::Files).size());
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
