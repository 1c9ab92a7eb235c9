#include "bench/benchstore.h"
#include "widgets/sqlitestore.h"

#include <bench/outcome_json.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace fs::ui {

BenchStore::~BenchStore()
{
    closeSqliteStore(m_connection);
}

QString BenchStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/benchmark.sqlite");
}

QString BenchStore::hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QString BenchStore::makeKey(const QString &fileHash, const QString &settings)
{
    return fileHash + QLatin1Char('|') + settings;
}

bool BenchStore::open(const QString &path)
{
    const SqliteStore store = openSqliteStore(
        path, QStringLiteral("bench"),
        {QStringLiteral("CREATE TABLE IF NOT EXISTS outcomes ("
                        " key TEXT PRIMARY KEY, file_hash TEXT NOT NULL, settings TEXT NOT NULL,"
                        " name TEXT, category TEXT, outcome TEXT NOT NULL,"
                        " written TEXT DEFAULT CURRENT_TIMESTAMP)")});
    m_error = store.error;
    m_notice = store.notice;
    m_connection = store.connection;
    return !m_connection.isEmpty();
}

bool BenchStore::write(const BenchRecord &r)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO outcomes (key, file_hash, settings, name, category, outcome)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.key);
    q.addBindValue(r.fileHash);
    q.addBindValue(r.settings);
    q.addBindValue(QString::fromStdString(r.outcome.name));
    q.addBindValue(QString::fromLatin1(fs::bench::to_string(r.outcome.category)));
    q.addBindValue(QString::fromStdString(fs::bench::to_json(r.outcome, true)));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

namespace {

QList<BenchRecord> readRecords(QSqlQuery &q)
{
    QList<BenchRecord> records;
    if (!q.exec())
        return records;
    while (q.next()) {
        BenchRecord r;
        r.key = q.value(0).toString();
        r.fileHash = q.value(1).toString();
        r.settings = q.value(2).toString();
        try {
            r.outcome = fs::bench::from_json(q.value(3).toString().toStdString());
        } catch (const std::exception &) {
            continue; // a damaged row is recomputed, not shown
        }
        records.append(r);
    }
    return records;
}

} // namespace

QList<BenchRecord> BenchStore::loadAll(const QString &settings) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT key, file_hash, settings, outcome FROM outcomes WHERE settings = ? ORDER BY name"));
    q.addBindValue(settings);
    return readRecords(q);
}

QList<BenchRecord> BenchStore::loadEverything() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT key, file_hash, settings, outcome FROM outcomes ORDER BY settings, name"));
    return readRecords(q);
}

QSet<QString> BenchStore::keys() const
{
    QSet<QString> result;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral("SELECT key FROM outcomes")))
        while (q.next())
            result.insert(q.value(0).toString());
    return result;
}

bool BenchStore::clear()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("DELETE FROM outcomes"));
}

} // namespace fs::ui
