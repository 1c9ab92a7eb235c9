#include "widgets/sqlitestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace fs::ui {

namespace {

// SQLite's primary result codes for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB); a locked or
// busy store (SQLITE_BUSY, SQLITE_LOCKED) is not damaged and is never moved.
bool isDamage(const QSqlError &e)
{
    const int code = e.nativeErrorCode().toInt() & 0xff;
    return code == 11 || code == 26;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::ui::SqliteStore", text);
}

struct Attempt {
    bool ok = false;
    bool damaged = false;
    QString error;
};

Attempt tryOpen(const QString &name, const QString &path, const QStringList &schema)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(SqliteBusyTimeoutMs));
    if (!db.open())
        return {false, isDamage(db.lastError()), db.lastError().text()};
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return {false, isDamage(q.lastError()), q.lastError().text()};
    if (!q.next() || q.value(0).toString() != QLatin1String("ok"))
        return {false, true, q.value(0).toString()};
    q.finish();
    // WAL can be refused while another process holds the store; it is kept from an earlier open.
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.finish();
    for (const QString &statement : schema)
        if (!q.exec(statement))
            return {false, isDamage(q.lastError()), q.lastError().text()};
    return {true, false, {}};
}

void drop(const QString &name)
{
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

} // namespace

SqliteStore openSqliteStore(const QString &path, const QString &prefix, const QStringList &schema)
{
    SqliteStore store;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        store.error = tr("cannot create the folder of %1").arg(path);
        return store;
    }
    // A unique connection name lets several stores (tests, two windows) coexist.
    const QString name = prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Attempt attempt = tryOpen(name, path, schema);
    if (!attempt.ok && attempt.damaged) {
        drop(name);
        const QString aside =
            path + QStringLiteral(".corrupt-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
        if (!QFile::rename(path, aside)) {
            store.error = tr("%1 is damaged (%2) and cannot be moved aside").arg(path, attempt.error);
            return store;
        }
        for (const char *suffix : {"-wal", "-shm"})
            QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix));
        store.notice = tr("%1 was damaged (%2); it was moved to %3 and a new, empty store started.")
                           .arg(path, attempt.error, aside);
        attempt = tryOpen(name, path, schema);
    }
    if (!attempt.ok) {
        drop(name);
        store.error = attempt.error;
        return store;
    }
    store.connection = name;
    return store;
}

void closeSqliteStore(const QString &connection)
{
    if (!connection.isEmpty())
        drop(connection);
}

} // namespace fs::ui
