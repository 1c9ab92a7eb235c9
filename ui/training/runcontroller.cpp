#include "training/runcontroller.h"

#include "widgets/programpath.h"
#include "widgets/slurmclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <cmath>

namespace fs::ui {

namespace {

const int StderrTailLines = 12;

QString shellQuote(const QString &arg)
{
    QString quoted = arg;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

struct RunController::Job {
    TrainingRun run;
    QStringList arguments;
    QProcess *process = nullptr;
    QTimer *killTimer = nullptr;
    QByteArray pending;
    QStringList stderrTail;
    bool finalSeen = false;
    bool stopRequested = false;
    qint64 metricsOffset = 0; ///< cluster runs: bytes of metrics.jsonl already read
};

QString Launcher::findTool(const QString &name)
{
    return findProgram(name);
}

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_slurm(new SlurmClient(this))
    , m_clusterTimer(new QTimer(this))
{
    connect(m_slurm, &SlurmClient::stateChanged, this, &RunController::clusterState);
    connect(m_slurm, &SlurmClient::jobEnded, this, [this](const QString &id, bool missing) {
        if (missing)
            clusterJobGone(id);
    });
    m_clusterTimer->setInterval(2000);
    connect(m_clusterTimer, &QTimer::timeout, this, [this] {
        for (Job *j : std::as_const(m_jobs))
            if (!j->run.slurmTask.isEmpty() && j->run.isActive())
                readClusterMetrics(*j);
    });
}

RunController::~RunController()
{
    // A trainer must not outlive the window that shows it; its checkpoints allow --resume.
    for (Job *job : std::as_const(m_jobs)) {
        if (job->process) {
            job->process->disconnect(this);
            job->process->terminate();
            if (!job->process->waitForFinished(2000))
                job->process->kill();
            job->process->waitForFinished(1000);
        }
        delete job;
    }
}

void RunController::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    startQueued();
}

int RunController::enqueue(const TrainingConfig &config, const QString &directory)
{
    auto *job = new Job;
    job->run.id = m_nextId++;
    job->run.directory = QDir(directory).absolutePath();
    job->run.config = config;
    job->run.remote = m_launcher.isRemote();
    job->arguments << QStringLiteral("--out") << job->run.directory << config.arguments();
    m_jobs.insert(job->run.id, job);
    m_order.append(job->run.id);
    Q_EMIT runAdded(job->run.id);
    startQueued();
    return job->run.id;
}

int RunController::enqueueResume(const QString &directory, QString *error)
{
    const QString absolute = QDir(directory).absolutePath();
    int id = runForDirectory(absolute);
    if (id) {
        if (m_jobs.value(id)->run.isActive()) {
            if (error)
                *error = tr("The run is still training.");
            return 0;
        }
    } else {
        TrainingRun loaded;
        if (!loadRunDirectory(absolute, &loaded, error))
            return 0;
        id = addRun(loaded);
    }
    Job *resumed = m_jobs.value(id);
    resumed->run.status = RunStatus::Queued;
    resumed->run.error.clear();
    resumed->run.eval = {};
    resumed->run.remote = m_launcher.isRemote();
    resumed->finalSeen = false;
    resumed->stopRequested = false;
    resumed->arguments = {QStringLiteral("--resume"), absolute};
    Q_EMIT runChanged(id);
    startQueued();
    return id;
}

int RunController::addRun(const TrainingRun &run)
{
    if (const int known = runForDirectory(run.directory))
        return known;
    auto *job = new Job;
    job->run = run;
    job->run.id = m_nextId++;
    m_jobs.insert(job->run.id, job);
    m_order.append(job->run.id);
    Q_EMIT runAdded(job->run.id);
    return job->run.id;
}

int RunController::addClusterRun(const TrainingConfig &config, const QString &directory, const QString &task)
{
    auto *job = new Job;
    job->run.id = m_nextId++;
    job->run.directory = QDir(directory).absolutePath();
    job->run.config = config;
    job->run.remote = false; // the node writes the folder; nothing is mirrored into it here
    job->run.slurmTask = task;
    job->run.slurmState = QStringLiteral("PENDING");
    m_jobs.insert(job->run.id, job);
    m_order.append(job->run.id);
    Q_EMIT runAdded(job->run.id);
    m_slurm->watch(task.section(QLatin1Char('_'), 0, 0));
    if (!m_clusterTimer->isActive())
        m_clusterTimer->start();
    return job->run.id;
}

void RunController::readClusterMetrics(Job &job)
{
    QFile file(QDir(job.run.directory).filePath(QStringLiteral("metrics.jsonl")));
    if (!file.open(QIODevice::ReadOnly) || file.size() <= job.metricsOffset)
        return;
    file.seek(job.metricsOffset);
    const QByteArray text = file.readAll();
    const qsizetype end = text.lastIndexOf('\n');
    if (end < 0)
        return; // a line still being written
    job.metricsOffset += end + 1;
    for (const QByteArray &line : text.left(end).split('\n'))
        if (!line.trimmed().isEmpty())
            handleLine(job, line.trimmed());
}

void RunController::clusterState(const QString &task, const QString &state)
{
    for (Job *j : std::as_const(m_jobs)) {
        if (j->run.slurmTask != task || !j->run.isActive())
            continue;
        j->run.slurmState = state;
        if (SlurmClient::isFinal(state)) {
            endClusterRun(*j, state);
        } else {
            if (state != QLatin1String("PENDING") && j->run.status == RunStatus::Queued)
                j->run.status = RunStatus::Running;
            readClusterMetrics(*j);
            Q_EMIT runChanged(j->run.id);
        }
    }
}

void RunController::clusterJobGone(const QString &jobId)
{
    // The controller forgot the job (its MinJobAge passed) before we saw the end: the run folder
    // says how it went.
    for (Job *j : std::as_const(m_jobs))
        if (j->run.isActive() && j->run.slurmTask.section(QLatin1Char('_'), 0, 0) == jobId)
            endClusterRun(*j, QString());
}

void RunController::endClusterRun(Job &job, const QString &state)
{
    readClusterMetrics(job);
    TrainingRun loaded;
    const bool readable = loadRunDirectory(job.run.directory, &loaded);
    if (readable) {
        job.run.eval = loaded.eval;
        job.run.error = loaded.error;
        job.run.log = loaded.log;
    }
    if (state == QLatin1String("CANCELLED") || job.stopRequested)
        job.run.status = RunStatus::Stopped;
    else if (readable && loaded.status == RunStatus::Finished)
        job.run.status = RunStatus::Finished;
    else {
        job.run.status = RunStatus::Failed;
        if (job.run.error.isEmpty())
            job.run.error = tr("Slurm task %1 ended %2; its output is in the runs folder's slurm/logs")
                                .arg(job.run.slurmTask, state.isEmpty() ? tr("(no longer known to squeue)") : state);
    }
    Q_EMIT runChanged(job.run.id);
    Q_EMIT runEnded(job.run.id);
}

void RunController::stop(int id)
{
    Job *j = job(id);
    if (!j || !j->run.isActive())
        return;
    if (!j->run.slurmTask.isEmpty()) {
        j->stopRequested = true;
        j->run.status = RunStatus::Stopping;
        m_slurm->cancel(j->run.slurmTask);
        Q_EMIT runChanged(id);
        return;
    }
    j->stopRequested = true;
    if (!j->process) {
        j->run.status = RunStatus::Stopped;
        Q_EMIT runChanged(id);
        Q_EMIT runEnded(id);
        return;
    }
    j->run.status = RunStatus::Stopping;
    j->process->terminate();
    j->killTimer->start(m_stopTimeout);
    Q_EMIT runChanged(id);
}

void RunController::stopAll()
{
    for (int id : std::as_const(m_order))
        stop(id);
}

bool RunController::remove(int id)
{
    Job *j = job(id);
    if (!j || j->run.isActive())
        return false;
    m_order.removeOne(id);
    delete m_jobs.take(id);
    Q_EMIT runRemoved(id);
    return true;
}

const TrainingRun *RunController::run(int id) const
{
    const Job *j = m_jobs.value(id);
    return j ? &j->run : nullptr;
}

int RunController::runForDirectory(const QString &directory) const
{
    const QString absolute = QDir(directory).absolutePath();
    for (const Job *j : m_jobs) {
        if (j->run.directory == absolute)
            return j->run.id;
    }
    return 0;
}

int RunController::activeCount() const
{
    int count = 0;
    for (const Job *j : m_jobs)
        count += j->process ? 1 : 0;
    return count;
}

RunController::Job *RunController::job(int id)
{
    return m_jobs.value(id);
}

void RunController::startQueued()
{
    for (int id : std::as_const(m_order)) {
        if (activeCount() >= m_maxConcurrent)
            return;
        Job *j = m_jobs.value(id);
        if (j->run.status == RunStatus::Queued && !j->process && j->run.slurmTask.isEmpty())
            start(*j);
    }
}

void RunController::start(Job &job)
{
    const int id = job.run.id;
    job.process = new QProcess(this);
    job.killTimer = new QTimer(job.process);
    job.killTimer->setSingleShot(true);
    connect(job.killTimer, &QTimer::timeout, job.process, &QProcess::kill);
    connect(job.process, &QProcess::readyReadStandardOutput, this, [this, id] {
        if (Job *j = this->job(id))
            readOutput(*j);
    });
    connect(job.process, &QProcess::readyReadStandardError, this, [this, id] {
        Job *j = this->job(id);
        if (!j)
            return;
        const QString text = QString::fromUtf8(j->process->readAllStandardError());
        j->stderrTail += text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        j->stderrTail = j->stderrTail.mid(std::max<qsizetype>(0, j->stderrTail.size() - StderrTailLines));
    });
    connect(job.process, &QProcess::finished, this, [this, id](int exitCode, QProcess::ExitStatus status) {
        if (Job *j = this->job(id))
            finish(*j, exitCode, status == QProcess::CrashExit);
    });
    connect(job.process, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError error) {
        Job *j = this->job(id);
        if (j && error == QProcess::FailedToStart) {
            j->run.error = tr("Cannot start the trainer: %1").arg(j->process->errorString());
            finish(*j, -1, true);
        }
    });

    job.run.status = RunStatus::Running;
    job.run.remote = m_launcher.isRemote();
    job.stderrTail.clear();
    job.pending.clear();
    if (job.run.remote) {
        // The trainer writes its folder on the other machine; the stream is recorded here instead.
        QDir().mkpath(job.run.directory);
        const QString config = QDir(job.run.directory).filePath(QStringLiteral("config.json"));
        if (!QFileInfo::exists(config)) {
            QSaveFile file(config); // whole or not at all
            if (file.open(QIODevice::WriteOnly))
                file.write(QJsonDocument(job.run.config.toJson()).toJson());
            file.commit();
        }
        QStringList quoted;
        for (const QString &arg : std::as_const(job.arguments))
            quoted << shellQuote(arg);
        QString command = m_launcher.commandTemplate;
        if (!command.contains(QLatin1String("{args}")))
            command += QLatin1String(" {args}");
        command.replace(QLatin1String("{args}"), quoted.join(QLatin1Char(' ')));
        appendLog(job, command);
        job.process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    } else {
        job.process->start(m_launcher.program, job.arguments);
    }
    Q_EMIT runChanged(id);
}

void RunController::readOutput(Job &job)
{
    job.pending += job.process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = job.pending.indexOf('\n')) >= 0) {
        const QByteArray line = job.pending.left(newline).trimmed();
        job.pending.remove(0, newline + 1);
        if (!line.isEmpty())
            handleLine(job, line);
    }
}

void RunController::handleLine(Job &job, const QByteArray &line)
{
    const StreamLine parsed = parseStreamLine(line);
    if (!parsed.device.isEmpty())
        job.run.device = parsed.device;
    switch (parsed.kind) {
    case StreamLine::Kind::Malformed:
        ++job.run.malformedLines;
        appendLog(job, tr("Skipped a malformed line (%1): %2").arg(parsed.error, QString::fromUtf8(line.left(200))));
        Q_EMIT runChanged(job.run.id);
        return;
    case StreamLine::Kind::Final:
        job.finalSeen = true;
        job.run.status = parsed.status;
        job.run.error = parsed.error;
        break;
    case StreamLine::Kind::Epoch: {
        // After --resume the trainer repeats from its last checkpoint, which may be behind the curve.
        while (!job.run.points.isEmpty() && job.run.points.constLast().epoch >= parsed.point.epoch)
            job.run.points.removeLast();
        job.run.points.append(parsed.point);
        job.run.elapsed = 0.0;
        for (const EpochPoint &p : std::as_const(job.run.points))
            job.run.elapsed += std::isnan(p.seconds) ? 0.0 : p.seconds;
        Q_EMIT pointAdded(job.run.id, parsed.point);
        break;
    }
    }
    if (job.run.remote)
        mirror(job, line, parsed.kind == StreamLine::Kind::Epoch);
    if (parsed.kind == StreamLine::Kind::Final)
        appendLog(job, QString::fromUtf8(line));
    Q_EMIT runChanged(job.run.id);
}

void RunController::mirror(const Job &job, const QByteArray &line, bool epoch)
{
    QFile file(QDir(job.run.directory).filePath(epoch ? QStringLiteral("metrics.jsonl") : QStringLiteral("log.txt")));
    if (file.open(QIODevice::Append))
        file.write(line + '\n');
}

void RunController::finish(Job &job, int exitCode, bool crashed)
{
    if (!job.process)
        return;
    readOutput(job);
    if (!job.pending.trimmed().isEmpty())
        handleLine(job, job.pending.trimmed());
    job.pending.clear();
    job.process->deleteLater();
    job.process = nullptr;
    job.killTimer = nullptr;

    const bool clean = job.finalSeen && !crashed && (exitCode == 0 || job.run.status != RunStatus::Finished);
    if (!clean) {
        if (job.stopRequested && !job.finalSeen) {
            job.run.status = RunStatus::Stopped;
            appendLog(job, tr("The trainer ended after the stop request without reporting a status."));
        } else {
            job.run.status = RunStatus::Failed;
            if (job.run.error.isEmpty())
                job.run.error = crashed
                    ? tr("The trainer was killed or crashed after epoch %1; Resume continues from its last good checkpoint.")
                          .arg(job.run.points.isEmpty() ? 0 : job.run.points.constLast().epoch)
                    : tr("The trainer exited with code %1 without a final status.").arg(exitCode);
        }
    }
    if (job.run.status == RunStatus::Failed) {
        appendLog(job, job.run.error);
        const QStringList logTail = tailOfFile(QDir(job.run.directory).filePath(QStringLiteral("log.txt")), 8);
        for (const QString &line : logTail)
            appendLog(job, QStringLiteral("log.txt: ") + line);
        for (const QString &line : std::as_const(job.stderrTail))
            appendLog(job, QStringLiteral("stderr: ") + line);
    }
    QFile eval(QDir(job.run.directory).filePath(QStringLiteral("eval.json")));
    if (eval.open(QIODevice::ReadOnly))
        job.run.eval = QJsonDocument::fromJson(eval.readAll()).object();
    const int id = job.run.id;
    Q_EMIT runChanged(id);
    Q_EMIT runEnded(id);
    startQueued();
}

void RunController::appendLog(Job &job, const QString &line)
{
    job.run.log.append(line);
    Q_EMIT logAppended(job.run.id, line);
}

} // namespace fs::ui
