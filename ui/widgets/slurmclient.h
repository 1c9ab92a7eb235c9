#pragma once
// Slurm from the GUI. Submissions go through `factorscope-cli submit` (the scripts a user would
// get on the command line, written next to the results), job states come from squeue and Stop is
// scancel. Submitting waits for the CLI (sbatch returns at once); following never blocks.

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class QProcess;

namespace fs::ui {

// The sbatch choices a user makes once and the program remembers.
struct SlurmSettings {
    QString partition, time, gres;
    QString extra; ///< further sbatch options, separated by blanks (e.g. "--mem=4G --qos=short")
    int ranks = 1; ///< data-parallel ranks per training run
    int tasks = 2; ///< benchmark shards

    static SlurmSettings load();
    void save() const;
    /// --partition/--time/--sbatch-arg (and --gres, --ranks for a sweep) for factorscope-cli submit.
    QStringList arguments(bool sweep) const;
};

class SlurmClient : public QObject
{
    Q_OBJECT

public:
    explicit SlurmClient(QObject *parent = nullptr);
    ~SlurmClient() override;

    /// factorscope-cli with `args` and --dry-run: the batch scripts, or empty with *error set.
    static QString preview(const QStringList &args, QString *error);
    /// factorscope-cli with `args` and --json: its object ({"jobs": [...], ...}), or empty with
    /// *error set to the CLI's message.
    static QJsonObject submit(const QStringList &args, QString *error);
    /// Whether a Slurm state is one a job does not leave (COMPLETED, FAILED, CANCELLED, ...).
    static bool isFinal(const QString &state);

    /// Follows every task of job `id` until all are final.
    void watch(const QString &id);
    /// scancel of a job ("123") or an array task ("123_4").
    void cancel(const QString &jobOrTask);
    /// The last state seen of a task ("123_4") or job ("124"); empty before the first.
    QString state(const QString &task) const { return m_states.value(task); }
    void setPollInterval(int msec) { m_timer.setInterval(msec); }

Q_SIGNALS:
    /// A task ("123_4", or "124" for a job without array) reached a new state.
    void stateChanged(const QString &task, const QString &state);
    /// Every task of job `id` is final; `missing` when squeue no longer knew the job.
    void jobEnded(const QString &id, bool missing);

private:
    void poll();
    void parse(const QByteArray &out);

    QTimer m_timer;
    QSet<QString> m_jobs;
    QHash<QString, QString> m_states;
    QHash<QString, int> m_unseen; ///< polls in a row in which squeue did not list the job
    QProcess *m_squeue = nullptr;
};

} // namespace fs::ui
