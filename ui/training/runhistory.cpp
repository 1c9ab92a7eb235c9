#include "training/runhistory.h"
#include "widgets/sqlitestore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <cmath>

namespace fs::ui {

namespace {

QString statusKey(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return QStringLiteral("queued");
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Stopping: return QStringLiteral("stopping");
    case RunStatus::Finished: return QStringLiteral("finished");
    case RunStatus::Stopped: return QStringLiteral("stopped");
    case RunStatus::Failed: return QStringLiteral("failed");
    }
    return {};
}

} // namespace

RunHistory::~RunHistory()
{
    closeSqliteStore(m_connection);
}

QString RunHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/training.sqlite");
}

bool RunHistory::open(const QString &path)
{
    const SqliteStore store = openSqliteStore(
        path, QStringLiteral("training"),
        {QStringLiteral("CREATE TABLE IF NOT EXISTS runs ("
                        " directory TEXT PRIMARY KEY, model TEXT, depth INTEGER, status TEXT,"
                        " epochs INTEGER, best_test REAL, device TEXT,"
                        " added TEXT DEFAULT CURRENT_TIMESTAMP)")});
    m_error = store.error;
    m_notice = store.notice;
    m_connection = store.connection;
    return !m_connection.isEmpty();
}

bool RunHistory::record(const TrainingRun &run)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // Keeps the first "added" time so that the history stays in launch order.
    q.prepare(QStringLiteral("INSERT INTO runs (directory, model, depth, status, epochs, best_test, device)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(directory) DO UPDATE SET"
                             " model = excluded.model, depth = excluded.depth, status = excluded.status,"
                             " epochs = excluded.epochs, best_test = excluded.best_test, device = excluded.device"));
    q.addBindValue(run.directory);
    q.addBindValue(QString::fromStdString(run.config.core.model));
    q.addBindValue(run.config.core.depth);
    q.addBindValue(statusKey(run.status));
    q.addBindValue(run.points.isEmpty() ? 0 : run.points.constLast().epoch);
    q.addBindValue(std::isnan(run.bestTestCos()) ? QVariant() : QVariant(run.bestTestCos()));
    q.addBindValue(run.device);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool RunHistory::remove(const QString &directory)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM runs WHERE directory = ?"));
    q.addBindValue(directory);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QList<RunHistory::Entry> RunHistory::entries() const
{
    QList<Entry> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT directory, model, depth, status, epochs, best_test, device FROM runs"
                               " ORDER BY added, rowid")))
        return out;
    while (q.next()) {
        Entry e;
        e.directory = q.value(0).toString();
        e.model = q.value(1).toString();
        e.depth = q.value(2).toInt();
        e.status = q.value(3).toString();
        e.epochs = q.value(4).toInt();
        e.bestTestCos = q.value(5).toDouble();
        e.device = q.value(6).toString();
        out.append(e);
    }
    return out;
}

} // namespace fs::ui
