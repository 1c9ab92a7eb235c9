#include "widgets/slurmclient.h"

#include "widgets/programpath.h"
#include "widgets/settingskeys.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>

namespace fs::ui {

namespace {

// Runs factorscope-cli to the end (a submission takes well under a second); false with *error.
bool runCli(const QStringList &args, QByteArray *out, QString *error)
{
    const QString cli = findProgram(QStringLiteral("factorscope-cli"));
    if (cli.isEmpty()) {
        *error = QCoreApplication::translate("fs::ui::SlurmClient", "factorscope-cli was not found next to the program or on PATH.");
        return false;
    }
    QProcess p;
    p.start(cli, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        *error = QCoreApplication::translate("fs::ui::SlurmClient", "factorscope-cli did not answer within a minute.");
        return false;
    }
    *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        QString text = QString::fromUtf8(p.readAllStandardError()).trimmed();
        if (text.startsWith(QLatin1String("error: ")))
            text = text.mid(7);
        *error = text.isEmpty() ? QCoreApplication::translate("fs::ui::SlurmClient", "factorscope-cli failed.") : text;
        return false;
    }
    return true;
}

} // namespace

SlurmSettings SlurmSettings::load()
{
    QSettings s;
    SlurmSettings out;
    out.partition = s.value(QLatin1String(SettingsKeys::SlurmPartition)).toString();
    out.time = s.value(QLatin1String(SettingsKeys::SlurmTime)).toString();
    out.extra = s.value(QLatin1String(SettingsKeys::SlurmExtra)).toString();
    out.gres = s.value(QLatin1String(SettingsKeys::SlurmGres)).toString();
    out.ranks = std::max(1, s.value(QLatin1String(SettingsKeys::SlurmRanks), 1).toInt());
    out.tasks = std::max(1, s.value(QLatin1String(SettingsKeys::SlurmTasks), 2).toInt());
    return out;
}

void SlurmSettings::save() const
{
    QSettings s;
    s.setValue(QLatin1String(SettingsKeys::SlurmPartition), partition);
    s.setValue(QLatin1String(SettingsKeys::SlurmTime), time);
    s.setValue(QLatin1String(SettingsKeys::SlurmExtra), extra);
    s.setValue(QLatin1String(SettingsKeys::SlurmGres), gres);
    s.setValue(QLatin1String(SettingsKeys::SlurmRanks), ranks);
    s.setValue(QLatin1String(SettingsKeys::SlurmTasks), tasks);
}

QStringList SlurmSettings::arguments(bool sweep) const
{
    QStringList args;
    if (!partition.trimmed().isEmpty())
        args << QStringLiteral("--partition") << partition.trimmed();
    if (!time.trimmed().isEmpty())
        args << QStringLiteral("--time") << time.trimmed();
    for (const QString &a : extra.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        args << QStringLiteral("--sbatch-arg=") + a;
    if (sweep) {
        if (!gres.trimmed().isEmpty())
            args << QStringLiteral("--gres") << gres.trimmed();
        if (ranks > 1)
            args << QStringLiteral("--ranks") << QString::number(ranks);
    }
    return args;
}

SlurmClient::SlurmClient(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &SlurmClient::poll);
}

SlurmClient::~SlurmClient()
{
    if (m_squeue) {
        m_squeue->disconnect(this);
        m_squeue->kill();
        m_squeue->waitForFinished(1000);
    }
}

QString SlurmClient::preview(const QStringList &args, QString *error)
{
    QByteArray out;
    return runCli(QStringList(args) << QStringLiteral("--dry-run"), &out, error) ? QString::fromUtf8(out) : QString();
}

QJsonObject SlurmClient::submit(const QStringList &args, QString *error)
{
    QByteArray out;
    if (!runCli(QStringList(args) << QStringLiteral("--json"), &out, error))
        return {};
    const QJsonObject doc = QJsonDocument::fromJson(out).object();
    if (doc.isEmpty())
        *error = QCoreApplication::translate("fs::ui::SlurmClient", "factorscope-cli printed no submission: %1")
                     .arg(QString::fromUtf8(out));
    return doc;
}

bool SlurmClient::isFinal(const QString &state)
{
    static const QSet<QString> active = {QStringLiteral("PENDING"), QStringLiteral("RUNNING"), QStringLiteral("CONFIGURING"),
                                         QStringLiteral("COMPLETING"), QStringLiteral("SUSPENDED"), QStringLiteral("REQUEUED"),
                                         QStringLiteral("RESIZING"), QStringLiteral("SIGNALING"), QStringLiteral("STAGE_OUT")};
    return !state.isEmpty() && !active.contains(state);
}

void SlurmClient::watch(const QString &id)
{
    m_jobs.insert(id);
    m_unseen.remove(id);
    if (!m_timer.isActive())
        m_timer.start();
    poll();
}

void SlurmClient::cancel(const QString &jobOrTask)
{
    QProcess::startDetached(QStringLiteral("scancel"), {jobOrTask});
}

void SlurmClient::poll()
{
    if (m_jobs.isEmpty()) {
        m_timer.stop();
        return;
    }
    if (m_squeue)
        return; // the previous answer is still on its way
    m_squeue = new QProcess(this);
    const QStringList ids(m_jobs.cbegin(), m_jobs.cend());
    connect(m_squeue, &QProcess::finished, this, [this] {
        const QByteArray out = m_squeue->readAllStandardOutput();
        m_squeue->deleteLater();
        m_squeue = nullptr;
        parse(out);
    });
    connect(m_squeue, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_squeue->deleteLater();
        m_squeue = nullptr;
        parse({}); // no squeue: every job counts as unseen
    });
    m_squeue->start(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-t"),
                                              QStringLiteral("all"), QStringLiteral("-j"), ids.join(QLatin1Char(',')),
                                              QStringLiteral("-o"), QStringLiteral("%i %T")});
}

void SlurmClient::parse(const QByteArray &out)
{
    QHash<QString, QStringList> byJob; // job id → states of its tasks
    for (const QByteArray &raw : out.split('\n')) {
        const QList<QByteArray> parts = raw.trimmed().split(' ');
        if (parts.size() < 2)
            continue;
        const QString task = QString::fromUtf8(parts.at(0)), state = QString::fromUtf8(parts.at(1));
        const QString job = task.section(QLatin1Char('_'), 0, 0);
        byJob[job].append(state);
        if (m_states.value(task) != state) {
            m_states.insert(task, state);
            Q_EMIT stateChanged(task, state);
        }
    }
    const QSet<QString> jobs = m_jobs;
    for (const QString &job : jobs) {
        const QStringList states = byJob.value(job);
        const bool missing = states.isEmpty() && ++m_unseen[job] >= 3; // forgotten by the controller
        const bool done = !states.isEmpty()
                          && std::all_of(states.cbegin(), states.cend(), [](const QString &s) { return isFinal(s); });
        if (done || missing) {
            m_jobs.remove(job);
            m_unseen.remove(job);
            Q_EMIT jobEnded(job, missing);
        }
        if (!states.isEmpty())
            m_unseen.remove(job);
    }
}

} // namespace fs::ui
