#pragma once

#include "training/trainingrun.h"

#include <QHash>
#include <QList>
#include <QObject>

class QProcess;
class QTimer;

namespace fs::ui {

class SlurmClient;

// How runs are started: the local factorscope-train, or a shell command template for another
// machine whose "{args}" becomes the trainer's arguments (e.g. "ssh gpu01 factorscope-train {args}").
struct Launcher {
    QString program;         ///< local trainer; used when commandTemplate is empty
    QString commandTemplate;
    /// Runs are submitted as a Slurm array job (factorscope-cli submit sweep) instead.
    bool slurm = false;

    bool isRemote() const { return !commandTemplate.trimmed().isEmpty(); }
    /// factorscope-train beside the GUI binary, in its build layout, or on PATH; empty if none.
    static QString findLocalTrainer() { return findTool(QStringLiteral("factorscope-train")); }
    /// A program of the project found the same way (factorscope-cli for datasets).
    static QString findTool(const QString &name);
};

// Owns one QProcess per run and a queue in front of them, so a sweep starts only as many
// trainers as the machine is meant to carry. Everything happens on the GUI thread through
// QProcess signals; nothing here waits.
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    void setLauncher(const Launcher &launcher) { m_launcher = launcher; }
    Launcher launcher() const { return m_launcher; }
    void setMaxConcurrent(int count);
    int maxConcurrent() const { return m_maxConcurrent; }
    /// Grace period between SIGTERM and SIGKILL.
    void setStopTimeout(int msec) { m_stopTimeout = msec; }

    /// Queues a new run writing into `directory`; returns its id.
    int enqueue(const TrainingConfig &config, const QString &directory);
    /// Queues `--resume directory` for a run folder (known or not); returns its id or 0.
    int enqueueResume(const QString &directory, QString *error = nullptr);
    /// Adds a finished run read from disk; returns its id (the known one if already shown).
    int addRun(const TrainingRun &run);
    /// Adds a run that Slurm array task `task` ("123_4") trains into `directory`, a folder the
    /// nodes share with this machine: its status follows the task's state in squeue, its curve the
    /// folder's metrics.jsonl, and stop() cancels the task. Returns its id.
    int addClusterRun(const TrainingConfig &config, const QString &directory, const QString &task);
    SlurmClient *slurm() const { return m_slurm; }
    void stop(int id);
    void stopAll();
    /// Forgets an inactive run; false while it trains.
    bool remove(int id);

    QList<int> runIds() const { return m_order; }
    const TrainingRun *run(int id) const;
    int runForDirectory(const QString &directory) const;
    int activeCount() const;

Q_SIGNALS:
    void runAdded(int id);
    void runChanged(int id);
    void runRemoved(int id);
    void pointAdded(int id, const fs::ui::EpochPoint &point);
    void logAppended(int id, const QString &line);
    /// The run left the queue for good (finished, stopped or failed).
    void runEnded(int id);

private:
    struct Job;
    void startQueued();
    void start(Job &job);
    void readOutput(Job &job);
    void handleLine(Job &job, const QByteArray &line);
    void finish(Job &job, int exitCode, bool crashed);
    void appendLog(Job &job, const QString &line);
    /// Appends a line to the local run folder: epoch lines to metrics.jsonl, the others to log.txt.
    void mirror(const Job &job, const QByteArray &line, bool epoch);
    Job *job(int id);
    void clusterState(const QString &task, const QString &state);
    void clusterJobGone(const QString &jobId);
    /// New epoch lines of a cluster run's metrics.jsonl.
    void readClusterMetrics(Job &job);
    void endClusterRun(Job &job, const QString &state);

    Launcher m_launcher;
    int m_maxConcurrent = 1;
    int m_stopTimeout = 5000;
    int m_nextId = 1;
    QList<int> m_order;
    QHash<int, Job *> m_jobs;
    SlurmClient *m_slurm;
    QTimer *m_clusterTimer;
};

} // namespace fs::ui
